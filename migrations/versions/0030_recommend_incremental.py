"""The incremental recommendations refresh (issue 13 at a million members):
``recommend_state`` (the one row: the date and window the member rows are as of, the
sale and refund watermarks, the date the product pairs were counted to) and
``member_recommend_next`` (per member with a regular product: the first date its rows
can change without a new sale or refund; ``ix_member_recommend_next_next_on`` finds the
day's members).

Both start empty with no state row: the first refresh after this migration works every
member out (a full refresh).

Frozen: never import application code here.

Revision ID: 0030_recommend_incremental
Revises: 0029_analytics_incremental
Create Date: 2026-12-04 14:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030_recommend_incremental"
down_revision: str | None = "0029_analytics_incremental"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "recommend_state",
        sa.Column("id", _INT, nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("window_days", _INT, nullable=False),
        sa.Column("sale_mark", _INT, nullable=False),
        sa.Column("refund_mark", _INT, nullable=False),
        sa.Column("pairs_as_of", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommend_state")),
    )
    op.create_table(
        "member_recommend_next",
        sa.Column("member_id", _INT, nullable=False),
        sa.Column("next_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_member_recommend_next_member_id_members")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_recommend_next")),
    )
    op.create_index("ix_member_recommend_next_next_on", "member_recommend_next",
                    ["next_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_member_recommend_next_next_on", table_name="member_recommend_next")
    op.drop_table("member_recommend_next")
    op.drop_table("recommend_state")
