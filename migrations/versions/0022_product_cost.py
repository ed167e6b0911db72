"""products.cost: an optional cost price per product, integer fen (NULL: unknown),
for the gross margin in the sales-by-product report; never negative

BIGINT on PostgreSQL like every integer column since 0017_postgres; INTEGER (64-bit)
on SQLite.

Frozen: never import application code here.

Revision ID: 0022_product_cost
Revises: 0021_stores
Create Date: 2026-12-03 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_product_cost"
down_revision: str | None = "0021_stores"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("products", sa.Column("cost", sa.BigInteger(), nullable=True))
        op.create_check_constraint(op.f("ck_products_cost_nonneg"), "products",
                                   "cost IS NULL OR cost >= 0")
    else:  # a plain ADD COLUMN with its check: no copy of a large products table
        op.execute("ALTER TABLE products ADD COLUMN cost INTEGER CONSTRAINT "
                   "ck_products_cost_nonneg CHECK (cost IS NULL OR cost >= 0)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f("ck_products_cost_nonneg"), "products", type_="check")
        op.drop_column("products", "cost")
    else:
        op.execute("ALTER TABLE products DROP COLUMN cost")
