"""stock per store (网络版): ``stock_levels`` keyed by product and store
(``store_id`` in the primary key), every ``stock_entries`` row names its store
(``store_id``, NOT NULL) and, for a transfer between stores (调拨), the other store
(``peer_store_id``); the stock kinds gain ``transfer_out`` and ``transfer_in``

Existing levels and entries go to the first store (the shop's one store, migration
0021), so a single shop's stock is what it was. ``stock_entries`` is append-only: its
guards are dropped for the backfill and written again for each engine (a SQLite
rebuild of the table drops them anyway). The running on-hand of each entry stays
right: one store held every entry before.

Frozen: never import application code here.

Revision ID: 0027_store_stock
Revises: 0026_gifts
Create Date: 2026-12-03 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_store_stock"
down_revision: str | None = "0026_gifts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENTRIES, LEVELS = "stock_entries", "stock_levels"
_OLD_KINDS = "kind IN ('opening', 'receive', 'count', 'sale', 'refund', 'gift')"
_NEW_KINDS = ("kind IN ('opening', 'receive', 'count', 'sale', 'refund', 'gift', "
              "'transfer_out', 'transfer_in')")
_KIND_CHECK = "ck_stock_entries_stock_kind"


def _id_type() -> sa.types.TypeEngine[int]:
    """BIGINT on PostgreSQL (as 0017 made every integer there), INTEGER on SQLite."""
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _create_guards() -> None:
    for verb in ("UPDATE", "DELETE"):
        if _postgres():
            op.execute(f"CREATE TRIGGER trg_{ENTRIES}_no_{verb.lower()} BEFORE {verb} ON "
                       f"{ENTRIES} FOR EACH ROW EXECUTE FUNCTION memberdesk_append_only()")
        else:
            op.execute(f"CREATE TRIGGER trg_{ENTRIES}_no_{verb.lower()} BEFORE {verb} ON "
                       f"{ENTRIES} BEGIN SELECT RAISE(ABORT, '{ENTRIES} is append-only'); END")


def _drop_guards() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_{ENTRIES}_no_{verb} ON {ENTRIES}" if _postgres()
                   else f"DROP TRIGGER IF EXISTS trg_{ENTRIES}_no_{verb}")


def _rebuild_levels_sqlite(*, with_store: bool) -> None:
    """SQLite cannot change a primary key in place: the (small) levels table is
    written anew, keyed by product and store (``with_store``) or by product alone."""
    new = f"_new_{LEVELS}"
    store = ([sa.Column("store_id", sa.Integer(), nullable=False),
              sa.ForeignKeyConstraint(["store_id"], ["stores.id"],
                                      name="fk_stock_levels_store_id_stores")]
             if with_store else [])
    op.create_table(
        new,
        sa.Column("product_id", sa.Integer(), nullable=False),
        *store,
        sa.Column("tracked", sa.Boolean(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("low_at", sa.Integer(), nullable=True),
        sa.CheckConstraint("low_at IS NULL OR low_at >= 0",
                           name="ck_stock_levels_low_at_nonneg"),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name="fk_stock_levels_product_id_products"),
        sa.PrimaryKeyConstraint("product_id", *(["store_id"] if with_store else []),
                                name="pk_stock_levels"),
    )
    cols = "product_id, " + ("store_id, " if with_store else "") + "tracked, on_hand, low_at"
    op.execute(f"INSERT INTO {new} ({cols}) SELECT {cols} FROM {LEVELS}")
    op.drop_table(LEVELS)
    op.rename_table(new, LEVELS)


def upgrade() -> None:
    _drop_guards()
    conn = op.get_bind()
    default_id = conn.execute(sa.text("SELECT MIN(id) FROM stores")).scalar_one()
    for table in (ENTRIES, LEVELS):
        op.add_column(table, sa.Column("store_id", _id_type(), nullable=True))
        conn.execute(sa.text(f"UPDATE {table} SET store_id = :id"), {"id": default_id})
    op.drop_index("ix_stock_entries_product_id", table_name=ENTRIES)
    with op.batch_alter_table(ENTRIES, schema=None) as b:
        b.add_column(sa.Column("peer_store_id", _id_type(), nullable=True))
        b.alter_column("store_id", existing_type=_id_type(), nullable=False)
        b.create_foreign_key(b.f("fk_stock_entries_store_id_stores"), "stores",
                             ["store_id"], ["id"])
        b.create_foreign_key(b.f("fk_stock_entries_peer_store_id_stores"), "stores",
                             ["peer_store_id"], ["id"])
        b.drop_constraint(b.f(_KIND_CHECK), type_="check")
        b.create_check_constraint(b.f(_KIND_CHECK), _NEW_KINDS)
    op.create_index("ix_stock_entries_product_id", ENTRIES, ["product_id", "store_id", "id"],
                    unique=False)
    _create_guards()
    op.drop_index("ix_stock_levels_low", table_name=LEVELS)
    if _postgres():
        op.alter_column(LEVELS, "store_id", existing_type=_id_type(), nullable=False)
        op.create_foreign_key("fk_stock_levels_store_id_stores", LEVELS, "stores",
                              ["store_id"], ["id"])
        op.drop_constraint("pk_stock_levels", LEVELS, type_="primary")
        op.create_primary_key("pk_stock_levels", LEVELS, ["product_id", "store_id"])
    else:
        _rebuild_levels_sqlite(with_store=True)
    op.create_index("ix_stock_levels_low", LEVELS, ["store_id", "on_hand"], unique=False,
                    sqlite_where=sa.text("tracked = 1"), postgresql_where=sa.text("tracked"))


def downgrade() -> None:
    """Back to one stock per product: refused while more than one store holds stock
    (their levels cannot be one row without losing which store holds what)."""
    conn = op.get_bind()
    stores = conn.execute(sa.text(
        f"SELECT COUNT(DISTINCT store_id) FROM {LEVELS}")).scalar_one()
    moved = conn.execute(sa.text(
        f"SELECT COUNT(*) FROM {ENTRIES} WHERE store_id <> "
        f"(SELECT MIN(store_id) FROM {ENTRIES})")).scalar_one()
    if int(stores or 0) > 1 or int(moved or 0) > 0:
        raise RuntimeError("more than one store holds stock: cannot go back to one "
                           "stock per product")
    _drop_guards()
    op.drop_index("ix_stock_entries_product_id", table_name=ENTRIES)
    with op.batch_alter_table(ENTRIES, schema=None) as b:
        b.drop_constraint(b.f("fk_stock_entries_peer_store_id_stores"), type_="foreignkey")
        b.drop_constraint(b.f("fk_stock_entries_store_id_stores"), type_="foreignkey")
        b.drop_column("peer_store_id")
        b.drop_column("store_id")
        b.drop_constraint(b.f(_KIND_CHECK), type_="check")
        b.create_check_constraint(b.f(_KIND_CHECK), _OLD_KINDS)
    op.create_index("ix_stock_entries_product_id", ENTRIES, ["product_id", "id"], unique=False)
    _create_guards()
    op.drop_index("ix_stock_levels_low", table_name=LEVELS)
    if _postgres():
        op.drop_constraint("fk_stock_levels_store_id_stores", LEVELS, type_="foreignkey")
        op.drop_constraint("pk_stock_levels", LEVELS, type_="primary")
        op.create_primary_key("pk_stock_levels", LEVELS, ["product_id"])
        op.drop_column(LEVELS, "store_id")
    else:
        _rebuild_levels_sqlite(with_store=False)
    op.create_index("ix_stock_levels_low", LEVELS, ["on_hand"], unique=False,
                    sqlite_where=sa.text("tracked = 1"), postgresql_where=sa.text("tracked"))
