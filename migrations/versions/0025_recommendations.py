"""recommendations at the counter (issue 13, item 3): ``member_recommendations`` (per
member, the regular products due, ranked) and ``product_pairs`` (per product, the
products often bought with it, ranked by lift), both rewritten by the daily analytics
job; the counter reads a member's or the cart's rows by their primary key's prefix

Caches of the sales, not ledgers: no append-only triggers. BIGINT on PostgreSQL like
every integer column since 0017_postgres; INTEGER (64-bit) on SQLite.

Frozen: never import application code here.

Revision ID: 0025_recommendations
Revises: 0024_migrate_widths
Create Date: 2026-12-03 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_recommendations"
down_revision: str | None = "0024_migrate_widths"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "member_recommendations",
        sa.Column("member_id", _INT, nullable=False),
        sa.Column("rank", _INT, autoincrement=False, nullable=False),
        sa.Column("product_id", _INT, nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("days_bought", _INT, nullable=False),
        sa.Column("gap_x2", _INT, nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("after_sale_id", _INT, nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"],
                                name=op.f("fk_member_recommendations_member_id_members")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_member_recommendations_product_id_products")),
        sa.PrimaryKeyConstraint("member_id", "rank", name=op.f("pk_member_recommendations")),
    )
    op.create_table(
        "product_pairs",
        sa.Column("product_id", _INT, nullable=False),
        sa.Column("rank", _INT, autoincrement=False, nullable=False),
        sa.Column("other_id", _INT, nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("together", _INT, nullable=False),
        sa.Column("lift_permille", _INT, nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_product_pairs_product_id_products")),
        sa.ForeignKeyConstraint(["other_id"], ["products.id"],
                                name=op.f("fk_product_pairs_other_id_products")),
        sa.PrimaryKeyConstraint("product_id", "rank", name=op.f("pk_product_pairs")),
    )


def downgrade() -> None:
    op.drop_table("product_pairs")
    op.drop_table("member_recommendations")
