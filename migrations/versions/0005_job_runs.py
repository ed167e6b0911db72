"""daily jobs: ``job_runs`` (one row per job and business date, append-only) and the
expiry job's index of the points lots with points left, by date

Frozen: never import application code here.

Revision ID: 0005_job_runs
Revises: 0004_keyed_audit
Create Date: 2026-12-04 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_job_runs"
down_revision: str | None = "0004_keyed_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _append_only_sql(table: str, verb: str) -> str:
    """The append-only guard of ``table`` for ``verb`` (UPDATE/DELETE) on this engine."""
    if op.get_bind().dialect.name == "postgresql":
        return (f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION memberdesk_append_only()")
    return (f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _drop_append_only_sql(table: str, verb: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb.lower()} ON {table}"
    return f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb.lower()}"


def upgrade() -> None:
    op.create_table(
        "job_runs",
        sa.Column("job", sa.String(length=40), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_runs")),
        sa.UniqueConstraint("job", "business_date", name=op.f("uq_job_runs_job_business_date")),
    )
    for verb in ("UPDATE", "DELETE"):
        op.execute(_append_only_sql("job_runs", verb))
    op.create_index(
        "ix_points_lots_due", "points_lots", ["expires_on", "member_id"], unique=False,
        sqlite_where=sa.text("remaining > 0"), postgresql_where=sa.text("remaining > 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_points_lots_due", table_name="points_lots")
    op.execute(_drop_append_only_sql("job_runs", "delete"))
    op.execute(_drop_append_only_sql("job_runs", "update"))
    op.drop_table("job_runs")
