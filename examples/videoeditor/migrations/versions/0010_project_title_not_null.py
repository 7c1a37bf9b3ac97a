"""Rename step 3: validate `CHECK (title IS NOT NULL)`, then `SET NOT NULL` without a scan.

As in 0007: validation scans under SHARE UPDATE EXCLUSIVE; `SET NOT NULL` then trusts the validated
check and holds its ACCESS EXCLUSIVE lock only for a catalog update. After this revision, deploy the
code that reads and writes only `title` (the models at head); 0011 then drops `name`.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 16:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE projects VALIDATE CONSTRAINT ck_projects_title_not_null")
    op.alter_column("projects", "title", nullable=False)
    op.drop_constraint(op.f("ck_projects_title_not_null"), "projects", type_="check")


def downgrade() -> None:
    op.alter_column("projects", "title", nullable=True)
    op.create_check_constraint(
        op.f("ck_projects_title_not_null"),
        "projects",
        "title IS NOT NULL",
        postgresql_not_valid=True,
    )
