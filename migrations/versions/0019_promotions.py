"""member days and special prices: ``campaigns`` gains a kind (coupon, member_day,
special) and their fields (a weekday or date, discount and points multiplier, tiers,
a product and its price from ``starts_at`` to ``ends_at``, members only, ended); a
coupon campaign's segment and template become optional for the other kinds;
``sale_discounts`` gains the campaign of a special price or member day and the two
discount kinds ``special`` and ``member_day``

Frozen: never import application code here.

Revision ID: 0019_promotions
Revises: 0018_analytics_speed
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_promotions"
down_revision: str | None = "0018_analytics_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Integers are BIGINT on PostgreSQL since 0017_postgres, INTEGER on SQLite.
_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")
_OLD_KINDS = ("member_price", "tier", "coupon", "points", "rounding", "manual")
_NEW_KINDS = (*_OLD_KINDS, "special", "member_day")


def _kinds_check(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as b:
        b.add_column(sa.Column("kind", sa.String(length=16), nullable=False,
                               server_default="coupon"))
        b.alter_column("segment_id", existing_type=sa.Integer(), nullable=True)
        b.alter_column("template_id", existing_type=sa.Integer(), nullable=True)
        b.add_column(sa.Column("weekday", _INT, nullable=True))
        b.add_column(sa.Column("on_day", sa.Date(), nullable=True))
        b.add_column(sa.Column("discount_permille", _INT, nullable=False,
                               server_default="1000"))
        b.add_column(sa.Column("multiplier_permille", _INT, nullable=False,
                               server_default="1000"))
        b.add_column(sa.Column("tier_ids", sa.String(length=200), nullable=False,
                               server_default=""))
        b.add_column(sa.Column("product_id", _INT, nullable=True))
        b.add_column(sa.Column("price", _INT, nullable=True))
        b.add_column(sa.Column("starts_at", sa.DateTime(), nullable=True))
        b.add_column(sa.Column("ends_at", sa.DateTime(), nullable=True))
        b.add_column(sa.Column("members_only", sa.Boolean(), nullable=False,
                               server_default=sa.false()))
        b.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
        b.create_check_constraint(op.f("ck_campaigns_kind"),
                                  "kind IN ('coupon', 'member_day', 'special')")
        b.create_foreign_key(op.f("fk_campaigns_product_id_products"), "products",
                             ["product_id"], ["id"])
    with op.batch_alter_table("campaigns", schema=None) as b:
        for col in ("kind", "discount_permille", "multiplier_permille", "tier_ids",
                    "members_only"):
            b.alter_column(col, server_default=None)
    with op.batch_alter_table("sale_discounts", schema=None) as b:
        b.add_column(sa.Column("campaign_id", _INT, nullable=True))
        b.create_foreign_key(op.f("fk_sale_discounts_campaign_id_campaigns"), "campaigns",
                             ["campaign_id"], ["id"])
        b.create_index(b.f("ix_sale_discounts_campaign_id"), ["campaign_id"], unique=False)
        b.drop_constraint(op.f("ck_sale_discounts_discount_kind"), type_="check")
        b.create_check_constraint(op.f("ck_sale_discounts_discount_kind"),
                                  _kinds_check(_NEW_KINDS))


def downgrade() -> None:
    op.execute("DELETE FROM sale_line_discounts WHERE sale_discount_id IN (SELECT id FROM "
               "sale_discounts WHERE kind IN ('special', 'member_day'))")
    op.execute("DELETE FROM sale_discounts WHERE kind IN ('special', 'member_day')")
    with op.batch_alter_table("sale_discounts", schema=None) as b:
        b.drop_constraint(op.f("ck_sale_discounts_discount_kind"), type_="check")
        b.create_check_constraint(op.f("ck_sale_discounts_discount_kind"),
                                  _kinds_check(_OLD_KINDS))
        b.drop_index(b.f("ix_sale_discounts_campaign_id"))
        b.drop_constraint(op.f("fk_sale_discounts_campaign_id_campaigns"), type_="foreignkey")
        b.drop_column("campaign_id")
    op.execute("DELETE FROM campaigns WHERE kind <> 'coupon'")
    with op.batch_alter_table("campaigns", schema=None) as b:
        b.drop_constraint(op.f("fk_campaigns_product_id_products"), type_="foreignkey")
        b.drop_constraint(op.f("ck_campaigns_kind"), type_="check")
        for col in ("ended_at", "members_only", "ends_at", "starts_at", "price", "product_id",
                    "tier_ids", "multiplier_permille", "discount_permille", "on_day",
                    "weekday", "kind"):
            b.drop_column(col)
        b.alter_column("segment_id", existing_type=sa.Integer(), nullable=False)
        b.alter_column("template_id", existing_type=sa.Integer(), nullable=False)
