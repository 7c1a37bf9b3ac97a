"""The `schemawise` command. Each command lives in its own module; this file only assembles them."""

from __future__ import annotations

import atexit
import os
import sys

import typer

from schemawise.cli import catalog, check, review
from schemawise.errors import SchemawiseError

app = typer.Typer(
    name="schemawise",
    help="A PostgreSQL + SQLModel database design specialist: review models, lint and test migrations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
migrations_app = typer.Typer(help="Lint and test Alembic migrations.", no_args_is_help=True)
app.add_typer(migrations_app, name="migrations")

app.command()(review.review)
app.command()(check.check)
app.command()(catalog.rules)
app.command()(catalog.rule)


def _register_optional_commands() -> None:
    """Commands of features in their own modules register themselves on `app` / `migrations_app`."""
    import importlib

    for module in ("schemawise.cli.migrations_lint", "schemawise.cli.migrations_test"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise


_register_optional_commands()


def _fail(message: str, code: int = 2) -> int:
    print(f"schemawise: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point: exit 0 (clean), 1 (findings), 2 (usage or input error, one line, no traceback)."""
    try:
        result = typer.main.get_command(app).main(
            args=argv, prog_name="schemawise", standalone_mode=False
        )
    except SchemawiseError as error:
        return _fail(str(error))
    except (KeyboardInterrupt, typer.Abort):
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 1
    except Exception as error:
        # Usage errors come from the click that typer bundles; recognise them by their interface
        # rather than by a private module path.
        if type(error).__name__ == "NoArgsIsHelpError":
            print(error.format_message(), file=sys.stderr)  # type: ignore[attr-defined]
            return 2
        if hasattr(error, "format_message") and isinstance(getattr(error, "exit_code", None), int):
            return _fail(error.format_message().replace("\n", " "), error.exit_code or 2)
        # A bug in schemawise: still one line unless asked for the traceback.
        if os.environ.get("SCHEMAWISE_DEBUG"):
            raise
        return _fail(
            f"internal error: {type(error).__name__}: {error} (set SCHEMAWISE_DEBUG=1 for the traceback)"
        )
    return result if isinstance(result, int) else 0


def run() -> None:
    code = main()
    # Exit without tearing down the interpreter: freeing a large imported models module object by
    # object takes seconds. Output is flushed and atexit handlers (embedded server clean-up) run first.
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(code)
