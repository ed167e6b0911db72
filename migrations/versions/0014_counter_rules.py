"""the counter's money rules: ``categories.points_per_yuan``, a category's own points
earning rate (points per yuan paid), overriding the shop's ``points.earn_per_yuan``
for its products and those of its sub-categories; NULL: the shop's rate

Frozen: never import application code here.

Revision ID: 0014_counter_rules
Revises: 0013_mall
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_counter_rules"
down_revision: str | None = "0013_mall"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("categories", sa.Column("points_per_yuan", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("categories", schema=None) as batch_op:
        batch_op.drop_column("points_per_yuan")
