"""loyalty: ``tier_changes`` (the append-only tier history: upgrades, downgrades and
renewals with their reason and business date) and ``birthday_gifts`` (one birthday
gift per member and year, append-only)

Frozen: never import application code here.

Revision ID: 0008_tiers
Revises: 0007_analytics
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_tiers"
down_revision: str | None = "0007_analytics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("tier_changes", "birthday_gifts")


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
        "tier_changes",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("from_tier_id", sa.Integer(), nullable=False),
        sa.Column("to_tier_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("spend", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["from_tier_id"], ["tiers.id"],
                                name=op.f("fk_tier_changes_from_tier_id_tiers")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_tier_changes_member_id_members")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"],
                                name=op.f("fk_tier_changes_sale_id_sales")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_tier_changes_staff_id_staff")),
        sa.ForeignKeyConstraint(["to_tier_id"], ["tiers.id"],
                                name=op.f("fk_tier_changes_to_tier_id_tiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_changes")),
    )
    op.create_index("ix_tier_changes_member_id", "tier_changes", ["member_id", "id"])
    op.create_index("ix_tier_changes_business_date", "tier_changes", ["business_date"])
    op.create_table(
        "birthday_gifts",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("points_entry_id", sa.Integer(), nullable=True),
        sa.Column("coupon_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["coupon_id"], ["coupons.id"],
                                name=op.f("fk_birthday_gifts_coupon_id_coupons")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_birthday_gifts_member_id_members")),
        sa.ForeignKeyConstraint(["points_entry_id"], ["points_entries.id"],
                                name=op.f("fk_birthday_gifts_points_entry_id_points_entries")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_birthday_gifts")),
        sa.UniqueConstraint("member_id", "year", name=op.f("uq_birthday_gifts_member_id_year")),
    )
    op.create_index("ix_birthday_gifts_business_date", "birthday_gifts", ["business_date"])
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(_append_only_sql(table, verb))


def downgrade() -> None:
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(_drop_append_only_sql(table, verb))
    op.drop_index("ix_birthday_gifts_business_date", table_name="birthday_gifts")
    op.drop_table("birthday_gifts")
    op.drop_index("ix_tier_changes_business_date", table_name="tier_changes")
    op.drop_index("ix_tier_changes_member_id", table_name="tier_changes")
    op.drop_table("tier_changes")
