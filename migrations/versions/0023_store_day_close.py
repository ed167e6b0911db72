"""day closes per store (网络版): ``day_closes.store_id`` (NOT NULL, the default store
backfilled); a business date is closed once per store
(``uq_day_closes_store_id_business_date``) instead of once for the whole database

Close numbers stay one sequence over the chain (the audit row and the seal name a
close by its number). ``day_closes`` is append-only: its guards are dropped for the
backfill and written again for each engine.

Frozen: never import application code here.

Revision ID: 0023_store_day_close
Revises: 0022_product_cost
Create Date: 2026-12-03 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023_store_day_close"
down_revision: str | None = "0022_product_cost"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "day_closes"


def _id_type() -> sa.types.TypeEngine[int]:
    """BIGINT on PostgreSQL (as 0017 made every integer there), INTEGER on SQLite."""
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _create_guards() -> None:
    for verb in ("UPDATE", "DELETE"):
        if _postgres():
            op.execute(f"CREATE TRIGGER trg_{TABLE}_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
                       "FOR EACH ROW EXECUTE FUNCTION memberdesk_append_only()")
        else:
            op.execute(f"CREATE TRIGGER trg_{TABLE}_no_{verb.lower()} BEFORE {verb} ON {TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END")


def _drop_guards() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_{TABLE}_no_{verb} ON {TABLE}" if _postgres()
                   else f"DROP TRIGGER IF EXISTS trg_{TABLE}_no_{verb}")


def upgrade() -> None:
    _drop_guards()
    conn = op.get_bind()
    default_id = conn.execute(sa.text("SELECT MIN(id) FROM stores")).scalar_one()
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", _id_type(), nullable=True))
    conn.execute(sa.text(f"UPDATE {TABLE} SET store_id = :id"), {"id": default_id})
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.alter_column("store_id", existing_type=_id_type(), nullable=False)
        batch_op.create_foreign_key(batch_op.f("fk_day_closes_store_id_stores"),
                                    "stores", ["store_id"], ["id"])
        batch_op.drop_constraint(batch_op.f("uq_day_closes_business_date"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_day_closes_store_id_business_date"),
                                          ["store_id", "business_date"])
    _create_guards()  # a SQLite rebuild of the table dropped them anyway


def downgrade() -> None:
    """Back to one close per date: refused while two stores closed the same date."""
    conn = op.get_bind()
    twice = conn.execute(sa.text(
        f"SELECT business_date FROM {TABLE} GROUP BY business_date HAVING COUNT(*) > 1"
    )).first()
    if twice is not None:
        raise RuntimeError(f"two stores closed {twice[0]}: cannot go back to one close a day")
    _drop_guards()
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_day_closes_store_id_business_date"),
                                 type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_day_closes_business_date"),
                                          ["business_date"])
        batch_op.drop_constraint(batch_op.f("fk_day_closes_store_id_stores"), type_="foreignkey")
        batch_op.drop_column("store_id")
    _create_guards()
