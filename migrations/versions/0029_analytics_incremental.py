"""The incremental analytics refresh (issues 12 and 13 at a million members):
``member_aggregates`` (each member's window spend, sales, last sale date and visit
days, kept up to date from the sales and refunds since a watermark),
``analytics_state`` (the one row: the scores' date, the aggregates' date and window,
the watermarks), ``analytics_gaps`` (ids below a watermark not yet seen) and
``liability_months`` (closed months' ledger sums for the 分析 liabilities), and
``ix_members_groups`` (the 分析 growth, tier, gender and age figures from an index).

The aggregates start empty with no state row: the first refresh after this migration
(or a restore or an import that drops the state) builds them in full.

Frozen: never import application code here.

Revision ID: 0029_analytics_incremental
Revises: 0028_campaign_audience
Create Date: 2026-12-04 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029_analytics_incremental"
down_revision: str | None = "0028_campaign_audience"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "member_aggregates",
        sa.Column("member_id", _INT, nullable=False),
        sa.Column("m", _INT, nullable=False),
        sa.Column("f", _INT, nullable=False),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("visit_days", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_member_aggregates_member_id_members")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_aggregates")),
    )
    op.create_table(
        "analytics_state",
        sa.Column("id", _INT, nullable=False),
        sa.Column("scores_as_of", sa.Date(), nullable=True),
        sa.Column("agg_as_of", sa.Date(), nullable=True),
        sa.Column("window_days", _INT, nullable=False),
        sa.Column("sale_mark", _INT, nullable=False),
        sa.Column("refund_mark", _INT, nullable=False),
        sa.Column("model_r", sa.Double(), nullable=True),
        sa.Column("model_alpha", sa.Double(), nullable=True),
        sa.Column("model_a", sa.Double(), nullable=True),
        sa.Column("model_b", sa.Double(), nullable=True),
        sa.Column("model_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analytics_state")),
    )
    op.create_table(
        "analytics_gaps",
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("row_id", _INT, nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "row_id", name=op.f("pk_analytics_gaps")),
    )
    op.create_table(
        "liability_months",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("shift_minutes", _INT, nullable=False),
        sa.Column("amount", _INT, nullable=False),
        sa.PrimaryKeyConstraint("kind", "month", name=op.f("pk_liability_months")),
    )
    op.create_index("ix_members_groups", "members",
                    ["created_at", "tier_id", "gender", "birthday"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_members_groups", table_name="members")
    op.drop_table("liability_months")
    op.drop_table("analytics_gaps")
    op.drop_table("analytics_state")
    op.drop_table("member_aggregates")
