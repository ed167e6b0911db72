"""member analytics: ``member_scores`` (one row per member, rewritten by the analytics
refresh; the counter reads it by primary key at lookup)

Frozen: never import application code here.

Revision ID: 0007_analytics
Revises: 0006_members
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_analytics"
down_revision: str | None = "0006_members"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_scores",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("r_days", sa.Integer(), nullable=True),
        sa.Column("f", sa.Integer(), nullable=False),
        sa.Column("m", sa.Integer(), nullable=False),
        sa.Column("r_score", sa.Integer(), nullable=True),
        sa.Column("f_score", sa.Integer(), nullable=True),
        sa.Column("m_score", sa.Integer(), nullable=True),
        sa.Column("segment", sa.String(length=20), nullable=True),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("lifecycle", sa.String(length=16), nullable=False),
        sa.Column("churn_kind", sa.String(length=10), nullable=True),
        sa.Column("churn_days_since", sa.Integer(), nullable=True),
        sa.Column("churn_gap_x2", sa.Integer(), nullable=True),
        sa.Column("churn_recent", sa.Integer(), nullable=True),
        sa.Column("churn_before", sa.Integer(), nullable=True),
        sa.Column("p_alive", sa.Double(), nullable=True),
        sa.Column("expected_30d", sa.Double(), nullable=True),
        sa.Column("refreshed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_member_scores_member_id_members")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_scores")),
    )


def downgrade() -> None:
    op.drop_table("member_scores")
