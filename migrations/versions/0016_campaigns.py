"""segments and coupon campaigns: ``segments`` (saved member filters), ``campaigns``
(a coupon template for a segment, a hold-out share and its seed, the measured window)
and ``campaign_members`` (append-only: each member's coupon or hold-out, once)

Frozen: never import application code here.

Revision ID: 0016_campaigns
Revises: 0015_count_cards
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_campaigns"
down_revision: str | None = "0015_count_cards"
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
        "segments",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("filter_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segments")),
        sa.UniqueConstraint("name", name=op.f("uq_segments_name")),
    )
    op.create_table(
        "campaigns",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("holdout_permille", sa.Integer(), nullable=False),
        sa.Column("seed", sa.String(length=32), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("holdout_permille BETWEEN 0 AND 900",
                           name=op.f("ck_campaigns_holdout_range")),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_campaigns_window_order")),
        sa.ForeignKeyConstraint(["segment_id"], ["segments.id"],
                                name=op.f("fk_campaigns_segment_id_segments")),
        sa.ForeignKeyConstraint(["template_id"], ["coupon_templates.id"],
                                name=op.f("fk_campaigns_template_id_coupon_templates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
    )
    op.create_table(
        "campaign_members",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("held_out", sa.Boolean(), nullable=False),
        sa.Column("coupon_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("held_out = (coupon_id IS NULL)",
                           name=op.f("ck_campaign_members_coupon_or_held_out")),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_campaign_members_campaign_id_campaigns")),
        sa.ForeignKeyConstraint(["coupon_id"], ["coupons.id"],
                                name=op.f("fk_campaign_members_coupon_id_coupons")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_campaign_members_member_id_members")),
        sa.PrimaryKeyConstraint("campaign_id", "member_id", name=op.f("pk_campaign_members")),
        sa.UniqueConstraint("coupon_id", name=op.f("uq_campaign_members_coupon_id")),
    )
    op.create_index("ix_campaign_members_member_id", "campaign_members", ["member_id"],
                    unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(_append_only_sql("campaign_members", verb))


def downgrade() -> None:
    op.execute(_drop_append_only_sql("campaign_members", "DELETE"))
    op.execute(_drop_append_only_sql("campaign_members", "UPDATE"))
    op.drop_index("ix_campaign_members_member_id", table_name="campaign_members")
    op.drop_table("campaign_members")
    op.drop_table("campaigns")
    op.drop_table("segments")
