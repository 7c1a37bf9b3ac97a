"""SM106: floating-point column for money-like data."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

FLOAT_TYPES = frozenset({"real", "double precision", "float", "float4", "float8"})

# A name is money-like when its last word is one of these (`price`, `unit_price`, `setup_fee`) ...
MONEY_WORDS = frozenset(
    {
        "price", "amount", "cost", "fee", "salary", "revenue", "refund", "budget", "wage",
        "payout", "tax", "subtotal", "spend", "earnings",
    }
)  # fmt: skip
# ... or one of these on its own or next to a commerce word (`order_total`, `account_balance`);
# `white_balance` and `loudness_total` are measurements.
AMBIGUOUS_WORDS = frozenset({"total", "balance"})
COMMERCE_WORDS = frozenset(
    {
        "order", "cart", "invoice", "grand", "line", "basket", "bill", "checkout", "payment",
        "sale", "sales", "purchase", "account", "wallet", "credit", "debit", "customer",
        "outstanding", "due", "cash", "gross", "net", "opening", "closing", "current",
    }
)  # fmt: skip
# A trailing currency unit does not change the meaning (`cost_usd`, `price_eur`).
CURRENCY_UNITS = frozenset(
    {"usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "cny", "inr", "brl", "cents", "dollars"}
)


def money_like(name: str) -> bool:
    words = name.lower().split("_")
    has_unit = False
    while len(words) > 1 and words[-1] in CURRENCY_UNITS:
        words.pop()
        has_unit = True
    last, others = words[-1], set(words[:-1])
    if last in MONEY_WORDS:
        return True
    return last in AMBIGUOUS_WORDS and (not others or has_unit or bool(others & COMMERCE_WORDS))


@rule("SM106", "float-for-money", severity="warning")
def float_for_money(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `real` or `double precision` column whose name says it holds money: `price`, `amount`,
    `cost`, `fee` or a name ending in one (`unit_price`, `render_cost`, `cost_usd`), and `total` or
    `balance` alone or with a commerce word (`order_total`, `account_balance`).

    Measurements such as `total_duration`, `tax_rate`, `white_balance` or `loudness_total` are not
    money-like.

    ## Why is this bad?
    Binary floating point cannot represent most decimal fractions: `0.1 + 0.2` is
    `0.30000000000000004`, sums of many prices drift by cents, and equality checks against an
    invoice total fail. Money needs exact decimal arithmetic: `numeric(p, s)` in PostgreSQL,
    `Decimal` in Python (or an integer count of cents).

    ## Example
    ```python
    class Plan(SQLModel, table=True):
        __tablename__ = "plans"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        monthly_price: float
    ```

    ## Use instead
    ```python
    class Plan(SQLModel, table=True):
        __tablename__ = "plans"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        monthly_price: Decimal = Field(max_digits=12, decimal_places=2)
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            base_type = column.type.lower().removesuffix("[]")
            is_float = base_type in FLOAT_TYPES or base_type.startswith("float(")
            if not is_float or not money_like(column.name):
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` holds money as floating-point `{column.type}`",
                help=(
                    "Annotate it `Decimal` with `Field(max_digits=12, decimal_places=2)` (`numeric`)"
                    if ctx.from_models
                    else "Change the column type to `numeric(12, 2)`"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
