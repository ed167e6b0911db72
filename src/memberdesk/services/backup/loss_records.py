"""What else a restore takes back (besides the money records of :mod:`.loss`): members
registered or edited, products added or changed, stock movements by hand and settings
changed since the backup.

Rows are matched as in :mod:`.loss`, by what names them in any line of history, not
by ids: a member by ``member_no`` and when it was registered, a product by ``code``, a setting by ``key``, a stock
movement by its product's code, its store's code, kind, quantity and moment (to the
microsecond). A member or product counts as changed when a field the owner edits
differs (phone, name …; price, barcode …, the category by its code), not by
``updated_at``: a sale changes a member's balances, visit statistics and perhaps tier,
and those are the sales' loss, counted there. Settings are the owner's (their values or
defaults compared), not the app's own bookkeeping kept beside them. Only the columns both files have are
compared (an older backup lacks later ones); a table the backup lacks entirely
counts all its live rows as new. Runs on the connection :func:`.loss.compare` opened:
the backup as ``main``, the live database attached as ``live``; read-only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from memberdesk.services.shared.setting_specs import SPECS

# the fields the owner edits; a code looked up for an id (another history's ids differ)
MEMBER_FIELDS = ("phone", "name", "gender", "birthday", "email", "address", "tags", "notes",
                 "marketing_consent", "status")
PRODUCT_FIELDS = ("barcode", "name", "price", "cost", "unit", "points_ratio_permille",
                  "is_service", "discountable", "active")
CODES = {("products", "category_id"): "categories"}
HAND_MOVES = ("opening", "receive", "count", "gift", "transfer_out", "transfer_in")


@dataclass(frozen=True)
class RecordLoss:
    members_new: int = 0
    members_changed: int = 0
    products_new: int = 0
    products_changed: int = 0
    stock_moves: int = 0  # received, counted, transferred … (not a sale's or refund's)
    settings_changed: int = 0  # settings set, changed or reset since the backup

    @property
    def nothing(self) -> bool:
        return not any(self.__dict__.values())


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f"PRAGMA {schema}.table_info({table})")}


def _scalar(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def _new_and_changed(conn: sqlite3.Connection, table: str, keys: tuple[str, ...],
                     fields: tuple[str, ...], id_column: str = "") -> tuple[int, int]:
    """Live rows of ``table`` the backup lacks (by ``keys``), and those whose
    owner-edited ``fields`` (or the code behind ``id_column``) differ from the backup's."""
    in_backup = _columns(conn, "main", table)
    if keys[0] not in in_backup:
        return _scalar(conn, f"SELECT count(*) FROM live.{table}"), 0
    both = in_backup & _columns(conn, "live", table)
    same = " AND ".join(f"b.{k} = l.{k}" for k in keys if k in both)
    differs = [f"l.{f} IS NOT b.{f}" for f in fields if f in both]
    codes = CODES.get((table, id_column), "")
    if codes and id_column in both and "code" in _columns(conn, "main", codes):
        differs.append(f"(SELECT code FROM live.{codes} WHERE id = l.{id_column}) IS NOT "
                       f"(SELECT code FROM main.{codes} WHERE id = b.{id_column})")
    new = _scalar(conn, f"SELECT count(*) FROM live.{table} AS l WHERE NOT EXISTS "
                        f"(SELECT 1 FROM main.{table} AS b WHERE {same})")
    changed = _scalar(conn, f"SELECT count(*) FROM live.{table} AS l JOIN main.{table} AS b "
                            f"ON {same} WHERE {' OR '.join(differs) or '0'}")
    return new, changed


def _stock_moves(conn: sqlite3.Connection) -> int:
    kinds = ", ".join(f"'{k}'" for k in HAND_MOVES)
    live = f"SELECT count(*) FROM live.stock_entries AS l WHERE l.kind IN ({kinds})"
    if "created_at" not in _columns(conn, "main", "stock_entries"):
        return _scalar(conn, live)

    stores = "code" in _columns(conn, "main", "stores")  # one shop's own store before

    def named(schema: str, alias: str) -> str:
        product = f"(SELECT p.code FROM {schema}.products AS p WHERE p.id = {alias}.product_id)"
        if not stores:
            return product
        return (f"{product}, "
                f"(SELECT s.code FROM {schema}.stores AS s WHERE s.id = {alias}.store_id)")

    return _scalar(conn, live + " AND NOT EXISTS (SELECT 1 FROM main.stock_entries AS b "
                   "WHERE b.created_at = l.created_at AND b.kind = l.kind AND b.delta = l.delta "
                   f"AND ({named('main', 'b')}) IS ({named('live', 'l')}))")


def _settings(conn: sqlite3.Connection) -> int:
    """The owner's settings (those of :data:`SPECS`; not the app's own bookkeeping
    such as the audit tip) whose value, or default, differs."""

    def values(schema: str) -> dict[str, object]:
        if "key" not in _columns(conn, schema, "settings"):
            return {}
        found: dict[str, object] = {}
        for key, text in conn.execute(f"SELECT key, value FROM {schema}.settings"):
            try:
                found[str(key)] = json.loads(text)
            except (TypeError, ValueError):
                found[str(key)] = text
        return found

    live, backup = values("live"), values("main")
    return sum(1 for key, spec in SPECS.items()
               if live.get(key, spec.default) != backup.get(key, spec.default))


def compare_records(conn: sqlite3.Connection) -> RecordLoss:
    # a member number given again in another line of history is another member
    members = _new_and_changed(conn, "members", ("member_no", "created_at"), MEMBER_FIELDS)
    products = _new_and_changed(conn, "products", ("code",), PRODUCT_FIELDS, "category_id")
    return RecordLoss(
        members_new=members[0], members_changed=members[1],
        products_new=products[0], products_changed=products[1],
        stock_moves=_stock_moves(conn), settings_changed=_settings(conn),
    )
