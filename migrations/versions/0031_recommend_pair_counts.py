"""The product pairs counted incrementally (issue 13 at a million members):
``product_pair_counts`` (every pair of products in a basket of the window with the
baskets holding both; ``product_a = product_b``: the baskets holding the product) and
``recommend_pair_state`` (the one row: the date and window the counts are as of, the
sale and refund watermarks, the ids below them not yet committed, the window's
baskets). ``recommend_state.pairs_as_of`` (the weekly count's date) goes.

Both start empty with no state row: the first refresh after this migration counts the
pairs in full.

Frozen: never import application code here.

Revision ID: 0031_recommend_pair_counts
Revises: 0030_recommend_incremental
Create Date: 2026-12-04 17:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031_recommend_pair_counts"
down_revision: str | None = "0030_recommend_incremental"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "product_pair_counts",
        sa.Column("product_a", _INT, nullable=False),
        sa.Column("product_b", _INT, nullable=False),
        sa.Column("together", _INT, nullable=False),
        sa.PrimaryKeyConstraint("product_a", "product_b", name=op.f("pk_product_pair_counts")),
        sqlite_with_rowid=False,  # the key is the table: one b-tree, not two
    )
    op.create_table(
        "recommend_pair_state",
        sa.Column("id", _INT, nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("window_days", _INT, nullable=False),
        sa.Column("sale_mark", _INT, nullable=False),
        sa.Column("refund_mark", _INT, nullable=False),
        sa.Column("baskets", _INT, nullable=False),
        sa.Column("missing", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommend_pair_state")),
    )
    with op.batch_alter_table("recommend_state", schema=None) as b:
        b.drop_column("pairs_as_of")


def downgrade() -> None:
    with op.batch_alter_table("recommend_state", schema=None) as b:
        b.add_column(sa.Column("pairs_as_of", sa.Date(), nullable=True))
    op.drop_table("recommend_pair_state")
    op.drop_table("product_pair_counts")
