"""the points mall: ``mall_gifts`` (a product's points price and whether it is on the
shelf) and ``mall_redemptions`` (a member's gift for points; its points and stock
movements are entries of the points and stock ledgers); ``sign_ins`` (a member's
sign-in on a business date, once: unique; append-only); ``referrals`` (who referred a
member, and the reward of the member's first qualifying purchase)

Frozen: never import application code here.

Revision ID: 0013_mall
Revises: 0012_notify
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_mall"
down_revision: str | None = "0012_notify"
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
        "mall_gifts",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("points_price", sa.Integer(), nullable=False),
        sa.Column("on_shelf", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("points_price > 0", name=op.f("ck_mall_gifts_points_price_pos")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_mall_gifts_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_mall_gifts")),
    )
    op.create_table(
        "mall_redemptions",
        sa.Column("redemption_no", sa.String(length=32), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("points_entry_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("receipt_json", sa.Text(), nullable=False),
        sa.Column("reversed_at", sa.DateTime(), nullable=True),
        sa.Column("reversed_by", sa.Integer(), nullable=True),
        sa.Column("reversal_reason", sa.String(length=200), nullable=False),
        sa.Column("reversal_entry_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("points > 0", name=op.f("ck_mall_redemptions_points_pos")),
        sa.CheckConstraint("qty > 0", name=op.f("ck_mall_redemptions_qty_pos")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_mall_redemptions_member_id_members")),
        sa.ForeignKeyConstraint(["points_entry_id"], ["points_entries.id"],
                                name=op.f("fk_mall_redemptions_points_entry_id_points_entries")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_mall_redemptions_product_id_products")),
        sa.ForeignKeyConstraint(["reversal_entry_id"], ["points_entries.id"],
                                name=op.f("fk_mall_redemptions_reversal_entry_id_points_entries")),
        sa.ForeignKeyConstraint(["reversed_by"], ["staff.id"],
                                name=op.f("fk_mall_redemptions_reversed_by_staff")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_mall_redemptions_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mall_redemptions")),
        sa.UniqueConstraint("client_id", name=op.f("uq_mall_redemptions_client_id")),
        sa.UniqueConstraint("redemption_no", name=op.f("uq_mall_redemptions_redemption_no")),
    )
    op.create_index("ix_mall_redemptions_business_date", "mall_redemptions", ["business_date"],
                    unique=False)
    op.create_index("ix_mall_redemptions_member_id", "mall_redemptions", ["member_id", "id"],
                    unique=False)


    op.create_table(
        "sign_ins",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("streak", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("bonus", sa.Integer(), nullable=False),
        sa.Column("points_entry_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_sign_ins_member_id_members")),
        sa.ForeignKeyConstraint(["points_entry_id"], ["points_entries.id"],
                                name=op.f("fk_sign_ins_points_entry_id_points_entries")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_sign_ins_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_ins")),
        sa.UniqueConstraint("member_id", "business_date",
                            name=op.f("uq_sign_ins_member_id_business_date")),
    )
    op.create_index("ix_sign_ins_business_date", "sign_ins", ["business_date"], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(_append_only_sql("sign_ins", verb))

    op.create_table(
        "referrals",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("referrer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("rewarded_at", sa.DateTime(), nullable=True),
        sa.Column("member_entry_id", sa.Integer(), nullable=True),
        sa.Column("referrer_entry_id", sa.Integer(), nullable=True),
        sa.Column("member_coupon_id", sa.Integer(), nullable=True),
        sa.Column("referrer_coupon_id", sa.Integer(), nullable=True),
        sa.Column("refund_id", sa.Integer(), nullable=True),
        sa.Column("taken_back_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["member_coupon_id"], ["coupons.id"],
                                name=op.f("fk_referrals_member_coupon_id_coupons")),
        sa.ForeignKeyConstraint(["member_entry_id"], ["points_entries.id"],
                                name=op.f("fk_referrals_member_entry_id_points_entries")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_referrals_member_id_members")),
        sa.ForeignKeyConstraint(["referrer_coupon_id"], ["coupons.id"],
                                name=op.f("fk_referrals_referrer_coupon_id_coupons")),
        sa.ForeignKeyConstraint(["referrer_entry_id"], ["points_entries.id"],
                                name=op.f("fk_referrals_referrer_entry_id_points_entries")),
        sa.ForeignKeyConstraint(["referrer_id"], ["members.id"],
                                name=op.f("fk_referrals_referrer_id_members")),
        sa.ForeignKeyConstraint(["refund_id"], ["refunds.id"],
                                name=op.f("fk_referrals_refund_id_refunds")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"],
                                name=op.f("fk_referrals_sale_id_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("member_id", name=op.f("uq_referrals_member_id")),
    )
    op.create_index("ix_referrals_referrer_id", "referrals", ["referrer_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_referrals_referrer_id", table_name="referrals")
    op.drop_table("referrals")
    op.execute(_drop_append_only_sql("sign_ins", "DELETE"))
    op.execute(_drop_append_only_sql("sign_ins", "UPDATE"))
    op.drop_index("ix_sign_ins_business_date", table_name="sign_ins")
    op.drop_table("sign_ins")
    op.drop_index("ix_mall_redemptions_member_id", table_name="mall_redemptions")
    op.drop_index("ix_mall_redemptions_business_date", table_name="mall_redemptions")
    op.drop_table("mall_redemptions")
    op.drop_table("mall_gifts")
