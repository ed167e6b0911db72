"""count cards (计次卡) in use: a template sells as a product (``service_packages.
product_id``) and may end on a date (``valid_until``); a member's card keeps what was
paid for it (``price_paid``, for the pro-rata refund and the deferred value) and the
sale line that sold it; a use reversal names the use it reverses (``reverses_id``,
unique: a use is reversed once); the expiry job finds active cards by date.

Frozen: never import application code here.

Revision ID: 0015_count_cards
Revises: 0014_counter_rules
Create Date: 2026-12-03 10:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_count_cards"
down_revision: str | None = "0014_counter_rules"
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
    with op.batch_alter_table("service_packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("product_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_service_packages_product_id_products"),
                                    "products", ["product_id"], ["id"])
        batch_op.create_unique_constraint(batch_op.f("uq_service_packages_product_id"),
                                          ["product_id"])
    with op.batch_alter_table("member_count_cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("price_paid", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("sale_line_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_member_count_cards_sale_line_id_sale_lines"),
                                    "sale_lines", ["sale_line_id"], ["id"])
    op.create_index("ix_member_count_cards_due", "member_count_cards", ["expires_on"],
                    unique=False, sqlite_where=sa.text("status = 'active'"),
                    postgresql_where=sa.text("status = 'active'"))
    op.create_index("ix_member_count_cards_sale_line_id", "member_count_cards",
                    ["sale_line_id"], unique=False)
    # count_card_entries is append-only (its triggers stay): ADD COLUMN keeps the table.
    op.execute("ALTER TABLE count_card_entries ADD COLUMN reverses_id INTEGER "
               "CONSTRAINT fk_count_card_entries_reverses_id_count_card_entries "
               "REFERENCES count_card_entries (id)")
    op.create_index("ix_count_card_entries_reverses_id", "count_card_entries", ["reverses_id"],
                    unique=True, sqlite_where=sa.text("reverses_id IS NOT NULL"),
                    postgresql_where=sa.text("reverses_id IS NOT NULL"))
    op.create_index("ix_count_card_entries_created_at", "count_card_entries", ["created_at"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_count_card_entries_created_at", table_name="count_card_entries")
    op.drop_index("ix_count_card_entries_reverses_id", table_name="count_card_entries")
    op.execute(_drop_append_only_sql("count_card_entries", "DELETE"))
    op.execute(_drop_append_only_sql("count_card_entries", "UPDATE"))
    with op.batch_alter_table("count_card_entries", schema=None) as batch_op:
        batch_op.drop_column("reverses_id")
    for verb in ("UPDATE", "DELETE"):
        op.execute(_append_only_sql("count_card_entries", verb))
    op.drop_index("ix_member_count_cards_sale_line_id", table_name="member_count_cards")
    op.drop_index("ix_member_count_cards_due", table_name="member_count_cards")
    with op.batch_alter_table("member_count_cards", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_member_count_cards_sale_line_id_sale_lines"),
                                 type_="foreignkey")
        batch_op.drop_column("sale_line_id")
        batch_op.drop_column("price_paid")
    with op.batch_alter_table("service_packages", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_service_packages_product_id"), type_="unique")
        batch_op.drop_constraint(batch_op.f("fk_service_packages_product_id_products"),
                                 type_="foreignkey")
        batch_op.drop_column("valid_until")
        batch_op.drop_column("product_id")
