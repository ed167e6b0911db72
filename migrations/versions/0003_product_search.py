"""product search: indexed name, initials and "contains" search for the counter

Adds an index on ``products.name`` (name prefixes) and ``product_search_keys``
(every suffix of a product's name from its second character, and of its pinyin
initials from the second letter), so a name part or an initials part typed at the
counter is a prefix range on a b-tree. Fills the initials where they are missing
and the keys for the products already in the file. Frozen: never import
application code here.

Revision ID: 0003_product_search
Revises: 0002_member_search
Create Date: 2026-12-03 06:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pypinyin import Style, lazy_pinyin

revision: str = "0003_product_search"
down_revision: str | None = "0002_member_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_MAX = 60


def _initials(name: str) -> str:
    parts = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(s[0].lower() for s in parts if s and s[0].isalnum())[:60]


def _keys(name: str, initials: str) -> set[str]:
    """The keys as revision 0003 defines them."""
    folded = name.casefold()
    keys = {folded[i:].strip()[:KEY_MAX] for i in range(1, len(folded))}
    keys |= {initials[i:][:KEY_MAX] for i in range(1, len(initials) - 1)}
    keys.discard("")
    return keys


def upgrade() -> None:
    op.create_index(op.f("ix_products_name"), "products", ["name"], unique=False)
    op.create_table(
        "product_search_keys",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_product_search_keys_product_id_products")
        ),
        sa.PrimaryKeyConstraint("key", "product_id", name=op.f("pk_product_search_keys")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_product_search_keys_product_id", "product_search_keys", ["product_id"], unique=False
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, name_initials FROM products ORDER BY id"))
    insert = sa.text("INSERT INTO product_search_keys (key, product_id) VALUES (:key, :product_id)")
    fix = sa.text("UPDATE products SET name_initials = :initials WHERE id = :id")
    batch: list[dict[str, object]] = []
    for product_id, name, initials in rows.fetchall():
        if not initials:
            initials = _initials(name)
            conn.execute(fix, {"initials": initials, "id": product_id})
        batch += [{"key": k, "product_id": product_id} for k in sorted(_keys(name, initials))]
        if len(batch) >= 5000:
            conn.execute(insert, batch)
            batch = []
    if batch:
        conn.execute(insert, batch)


def downgrade() -> None:
    op.drop_index("ix_product_search_keys_product_id", table_name="product_search_keys")
    op.drop_table("product_search_keys")
    op.drop_index(op.f("ix_products_name"), table_name="products")
