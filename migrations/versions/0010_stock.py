"""light inventory: ``stock_levels`` (each tracked product's on-hand, a cache, and its
low-stock threshold) and ``stock_entries`` (the append-only stock ledger)

Frozen: never import application code here.

Revision ID: 0010_stock
Revises: 0009_audit
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_stock"
down_revision: str | None = "0009_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _append_only_sql(table: str, verb: str) -> str:
    """The append-only guard of ``table`` for ``verb`` (UPDATE/DELETE) on this engine."""
    if op.get_bind().dialect.name == "postgresql":
        return (f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION memberdesk_append_only()")
    return (f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _drop_append_only_sql(table: str, verb: str) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb.lower()} ON {table}"
    return f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb.lower()}"


def upgrade() -> None:
    op.create_table(
        "stock_levels",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("tracked", sa.Boolean(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("low_at", sa.Integer(), nullable=True),
        sa.CheckConstraint("low_at IS NULL OR low_at >= 0",
                           name=op.f("ck_stock_levels_low_at_nonneg")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_stock_levels_product_id_products")),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_stock_levels")),
    )
    op.create_index("ix_stock_levels_low", "stock_levels", ["on_hand"], unique=False,
                    sqlite_where=sa.text("tracked = 1"), postgresql_where=sa.text("tracked"))
    op.create_table(
        "stock_entries",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("opening", "receive", "count", "sale", "refund", "gift",
                                  name="stock_kind", native_enum=False, create_constraint=True,
                                  length=24), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("on_hand_after", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.Integer(), nullable=True),
        sa.Column("refund_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint("delta <> 0 OR kind IN ('count', 'opening')",
                           name=op.f("ck_stock_entries_delta_nonzero")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_stock_entries_product_id_products")),
        sa.ForeignKeyConstraint(["refund_id"], ["refunds.id"],
                                name=op.f("fk_stock_entries_refund_id_refunds")),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"],
                                name=op.f("fk_stock_entries_sale_id_sales")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_stock_entries_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_entries")),
    )
    op.create_index("ix_stock_entries_below_zero", "stock_entries", ["created_at"], unique=False,
                    sqlite_where=sa.text("on_hand_after < 0"),
                    postgresql_where=sa.text("on_hand_after < 0"))
    op.create_index("ix_stock_entries_created_at", "stock_entries", ["created_at"], unique=False)
    op.create_index("ix_stock_entries_product_id", "stock_entries", ["product_id", "id"],
                    unique=False)
    op.create_index("ix_stock_entries_sale_id", "stock_entries", ["sale_id"], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(_append_only_sql("stock_entries", verb))


def downgrade() -> None:
    op.execute(_drop_append_only_sql("stock_entries", "delete"))
    op.execute(_drop_append_only_sql("stock_entries", "update"))
    op.drop_table("stock_entries")
    op.drop_table("stock_levels")
