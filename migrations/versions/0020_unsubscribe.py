"""text-message unsubscribes: ``sms_unsubscribes`` (a phone that replied R or was
marked by staff gets no more promotional messages)

Frozen: never import application code here.

Revision ID: 0020_unsubscribe
Revises: 0019_promotions
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_unsubscribe"
down_revision: str | None = "0019_promotions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sms_unsubscribes",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("phone", name=op.f("pk_sms_unsubscribes")),
    )


def downgrade() -> None:
    op.drop_table("sms_unsubscribes")
