"""满赠 (spend at least X, get a gift): ``campaigns`` gains the kind ``gift`` with its
threshold (``min_spend``, fen) and the gift's quantity (``gift_qty``; the gift product
is ``product_id``); ``sale_lines`` gains ``gift_campaign_id``, the campaign a zero-price
gift line was given by (NULL: a line the customer bought)

Integers are BIGINT on PostgreSQL like every integer column since 0017_postgres. On
SQLite the sale line's column is a plain ADD COLUMN with its reference (no copy of a
large sale_lines table); the small campaigns table is rebuilt for its kind check.

Frozen: never import application code here.

Revision ID: 0026_gifts
Revises: 0025_recommendations
Create Date: 2026-12-03 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_gifts"
down_revision: str | None = "0025_recommendations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")
_OLD_KINDS = "kind IN ('coupon', 'member_day', 'special')"
_NEW_KINDS = "kind IN ('coupon', 'member_day', 'special', 'gift')"
_FK = "fk_sale_lines_gift_campaign_id_campaigns"
_INDEX = "ix_sale_lines_gift_campaign_id"


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as b:
        b.add_column(sa.Column("min_spend", _INT, nullable=True))
        b.add_column(sa.Column("gift_qty", _INT, nullable=True))
        b.drop_constraint(op.f("ck_campaigns_kind"), type_="check")
        b.create_check_constraint(op.f("ck_campaigns_kind"), _NEW_KINDS)
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("sale_lines", sa.Column("gift_campaign_id", _INT, nullable=True))
        op.create_foreign_key(op.f(_FK), "sale_lines", "campaigns", ["gift_campaign_id"],
                              ["id"])
    else:
        op.execute(f"ALTER TABLE sale_lines ADD COLUMN gift_campaign_id INTEGER "
                   f"CONSTRAINT {_FK} REFERENCES campaigns (id)")
    op.create_index(op.f(_INDEX), "sale_lines", ["gift_campaign_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(_INDEX), table_name="sale_lines")
    with op.batch_alter_table("sale_lines", schema=None) as b:
        if op.get_bind().dialect.name == "postgresql":
            b.drop_constraint(op.f(_FK), type_="foreignkey")
        b.drop_column("gift_campaign_id")
    op.execute("DELETE FROM campaigns WHERE kind = 'gift'")
    with op.batch_alter_table("campaigns", schema=None) as b:
        b.drop_constraint(op.f("ck_campaigns_kind"), type_="check")
        b.create_check_constraint(op.f("ck_campaigns_kind"), _OLD_KINDS)
        b.drop_column("gift_qty")
        b.drop_column("min_spend")
