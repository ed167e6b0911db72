"""A promotion (会员日, 限时特价, 满赠) limited to a saved segment: ``campaign_audience``
holds the segment's members as they were when the campaign was saved (taken again
by an edit or a refresh before it starts, frozen from its start), each with the
hold-out drawn then. The counter looks a member up by the primary key (campaign,
member); the report compares the two groups.

Integers are BIGINT on PostgreSQL like every integer column since 0017_postgres.

Frozen: never import application code here.

Revision ID: 0028_campaign_audience
Revises: 0027_store_stock
Create Date: 2026-12-03 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_campaign_audience"
down_revision: str | None = "0027_store_stock"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "campaign_audience",
        sa.Column("campaign_id", _INT, nullable=False),
        sa.Column("member_id", _INT, nullable=False),
        sa.Column("held_out", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_campaign_audience_campaign_id_campaigns")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_campaign_audience_member_id_members")),
        sa.PrimaryKeyConstraint("campaign_id", "member_id", name=op.f("pk_campaign_audience")),
    )


def downgrade() -> None:
    op.drop_table("campaign_audience")
