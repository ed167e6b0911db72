"""the notification outbox: ``notifications`` (one row per SMS a business change
decided to send, with its status, attempts and provider reference)

Frozen: never import application code here.

Revision ID: 0012_notify
Revises: 0011_analysis
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_notify"
down_revision: str | None = "0011_analysis"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("promotional", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Enum("pending", "sent", "failed", "unknown", "dropped",
                                    name="notify_status", native_enum=False,
                                    create_constraint=True, length=24), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("dedupe_key", sa.String(length=80), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("provider", sa.String(length=10), nullable=False),
        sa.Column("provider_ref", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_notifications_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_notifications_dedupe_key")),
    )
    op.create_index("ix_notifications_due", "notifications", ["status", "next_at"], unique=False)
    op.create_index("ix_notifications_created_at", "notifications", ["created_at"], unique=False)
    op.create_index("ix_notifications_member_id", "notifications", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_table("notifications")
