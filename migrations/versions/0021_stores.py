"""stores of a chain (网络版): ``stores`` (code, name, address, phone, active); the
sales and shifts of each store (``store_id``, NOT NULL, the default store backfilled)
and the store a staff member belongs to (``staff.store_id``; NULL: every store)

A shop file gets one default store (code MAIN) holding everything it had, so nothing
changes for a single shop. ``memberdesk server init`` renames that first store on a
new server.

Frozen: never import application code here.

Revision ID: 0021_stores
Revises: 0020_unsubscribe
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_stores"
down_revision: str | None = "0020_unsubscribe"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_CODE = "MAIN"
DEFAULT_NAME = "本店"


def _id_type() -> sa.types.TypeEngine[int]:
    """BIGINT on PostgreSQL (as 0017 made every integer there), INTEGER on SQLite."""
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "stores",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", _id_type(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stores")),
        sa.UniqueConstraint("code", name=op.f("uq_stores_code")),
    )
    conn = op.get_bind()
    shop_name = conn.execute(sa.text("SELECT name FROM shop ORDER BY id LIMIT 1")).scalar()
    conn.execute(
        sa.text("INSERT INTO stores (code, name, address, phone, active, created_at) "
                "VALUES (:code, :name, '', '', :active, CURRENT_TIMESTAMP)"),
        {"code": DEFAULT_CODE, "name": (shop_name or DEFAULT_NAME)[:40], "active": True},
    )
    default_id = conn.execute(sa.text("SELECT MIN(id) FROM stores")).scalar_one()
    for table in ("sales", "shifts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("store_id", _id_type(), nullable=True))
        conn.execute(sa.text(f"UPDATE {table} SET store_id = :id"), {"id": default_id})
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("store_id", existing_type=_id_type(), nullable=False)
            batch_op.create_foreign_key(batch_op.f(f"fk_{table}_store_id_stores"),
                                        "stores", ["store_id"], ["id"])
    op.create_index("ix_sales_store_date", "sales", ["store_id", "business_date"], unique=False)
    op.create_index("ix_shifts_store_id", "shifts", ["store_id"], unique=False)
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", _id_type(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_staff_store_id_stores"),
                                    "stores", ["store_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_staff_store_id_stores"), type_="foreignkey")
        batch_op.drop_column("store_id")
    op.drop_index("ix_shifts_store_id", table_name="shifts")
    op.drop_index("ix_sales_store_date", table_name="sales")
    for table in ("shifts", "sales"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"fk_{table}_store_id_stores"),
                                     type_="foreignkey")
            batch_op.drop_column("store_id")
    op.drop_table("stores")
