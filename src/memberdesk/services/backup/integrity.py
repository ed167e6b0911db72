"""``memberdesk db check``: prove the invariants on a live file.

integrity_check, foreign_key_check, every cached balance equals the sum of its
ledger entries, every ledger row's running balance is consistent, every sale's
tenders add up to its payable amount, the append-only ledgers still refuse edits
(their triggers are in place), and the audit chain is intact.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.db.audit_key import load_keyring
from memberdesk.models import APPEND_ONLY_TABLES, Base
from memberdesk.services.count_cards.checks import COUNT_CARD_CHECKS
from memberdesk.services.loyalty.checks import LOYALTY_CHECKS
from memberdesk.services.shared.audit import check_chain, check_seals, keyring_of
from memberdesk.services.stock.checks import STOCK_CHECKS


@dataclass(frozen=True)
class Problem:
    check: str
    message: str


# Findings that say the check could not be completed here, not that the shop is
# damaged (e.g. the audit key lives on another computer).
NOTICE_CHECKS = frozenset({"audit_key"})


_PG_COLUMNS = text("SELECT column_name FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND table_name = :t")
_PG_TRIGGERS = text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _columns(session: Session, table: str) -> set[str]:
    if _postgres(session):
        return {str(r[0]) for r in session.execute(_PG_COLUMNS, {"t": table})}
    return {str(r[1]) for r in session.execute(text(f"PRAGMA table_info(\"{table}\")"))}


def _engine_problems(session: Session) -> list[Problem]:
    """SQLite's own page and index check. PostgreSQL has none to ask per database
    (its pages are checksummed by the server)."""
    if _postgres(session):
        return []
    return [Problem("integrity", str(row))
            for (row,) in session.execute(text("PRAGMA integrity_check")) if row != "ok"]


def _foreign_key_problems(session: Session) -> list[Problem]:
    """SQLite can hold rows that break a foreign key (it checks only when told to);
    PostgreSQL refuses them always, so there is nothing to look for."""
    if _postgres(session):
        return []
    return [Problem("foreign_keys", f"{row[0]} row {row[1]} points to a missing {row[2]} row")
            for row in session.execute(text("PRAGMA foreign_key_check"))]


def _trigger_names(session: Session) -> set[str]:
    sql = _PG_TRIGGERS if _postgres(session) else text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {str(name) for (name,) in session.execute(sql)}


def schema_problems(session: Session) -> list[Problem]:
    """Every table and column this build's schema needs. A file without them is not a
    MemberDesk shop (whatever its ``alembic_version`` says); the other checks would
    only fail on it with "no such table"."""
    problems: list[Problem] = []
    for table in Base.metadata.sorted_tables:
        have = _columns(session, table.name)
        if not have:
            problems.append(Problem("schema", f"table {table.name} is missing"))
            continue
        missing = [c.name for c in table.columns if c.name not in have]
        if missing:
            problems.append(
                Problem("schema", f"table {table.name} lacks {', '.join(missing)}")
            )
    return problems


def _rows(session: Session, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in session.execute(text(sql))]


CHECKS: tuple[tuple[str, str, str], ...] = (
    (
        "stored_value",
        """
        SELECT m.member_no, m.name, m.sv_principal, m.sv_bonus,
               COALESCE(SUM(e.principal_delta), 0), COALESCE(SUM(e.bonus_delta), 0)
        FROM members m LEFT JOIN stored_value_entries e ON e.member_id = m.id
        GROUP BY m.id
        HAVING m.sv_principal <> COALESCE(SUM(e.principal_delta), 0)
            OR m.sv_bonus <> COALESCE(SUM(e.bonus_delta), 0)
        """,
        "member {0} ({1}): stored value is principal {2}/bonus {3} fen but its ledger "
        "sums to {4}/{5} fen",
    ),
    (
        "stored_value_running",
        """
        SELECT m.member_no, e.id FROM stored_value_entries e JOIN members m ON m.id = e.member_id
        WHERE e.principal_after <> (SELECT SUM(x.principal_delta) FROM stored_value_entries x
                                    WHERE x.member_id = e.member_id AND x.id <= e.id)
           OR e.bonus_after <> (SELECT SUM(x.bonus_delta) FROM stored_value_entries x
                                WHERE x.member_id = e.member_id AND x.id <= e.id)
        """,
        "member {0}: stored-value entry {1} has a wrong balance-after",
    ),
    (
        "points",
        """
        SELECT m.member_no, m.name, m.points_balance, COALESCE(SUM(e.delta), 0)
        FROM members m LEFT JOIN points_entries e ON e.member_id = m.id
        GROUP BY m.id HAVING m.points_balance <> COALESCE(SUM(e.delta), 0)
        """,
        "member {0} ({1}): points balance is {2} but its ledger sums to {3}",
    ),
    (
        "points_running",
        """
        SELECT m.member_no, e.id FROM points_entries e JOIN members m ON m.id = e.member_id
        WHERE e.balance_after <> (SELECT SUM(x.delta) FROM points_entries x
                                  WHERE x.member_id = e.member_id AND x.id <= e.id)
        """,
        "member {0}: points entry {1} has a wrong balance-after",
    ),
    (
        "points_lots",
        """
        SELECT m.member_no, l.id, l.remaining, l.points + COALESCE(SUM(mv.delta), 0)
        FROM points_lots l JOIN members m ON m.id = l.member_id
        LEFT JOIN points_lot_moves mv ON mv.lot_id = l.id
        GROUP BY l.id, m.id HAVING l.remaining <> l.points + COALESCE(SUM(mv.delta), 0)
        """,
        "member {0}: points lot {1} has {2} remaining but its moves leave {3}",
    ),
    (
        "points_lots_total",
        """
        SELECT m.member_no, m.points_balance, COALESCE(SUM(l.remaining), 0)
        FROM members m LEFT JOIN points_lots l ON l.member_id = m.id
        GROUP BY m.id HAVING m.points_balance <> COALESCE(SUM(l.remaining), 0)
        """,
        "member {0}: points balance {1} differs from its lots' remaining {2}",
    ),
    (
        "count_cards",
        """
        SELECT b.id, b.uses_remaining, COALESCE(SUM(e.delta), 0)
        FROM count_card_balances b LEFT JOIN count_card_entries e ON e.balance_id = b.id
        GROUP BY b.id HAVING b.uses_remaining <> COALESCE(SUM(e.delta), 0)
        """,
        "count card balance {0}: {1} uses remaining but its ledger sums to {2}",
    ),
    (
        "coupons",
        """
        SELECT c.code, c.status, e.status_after FROM coupons c
        JOIN coupon_events e ON e.id = (SELECT MAX(id) FROM coupon_events WHERE coupon_id = c.id)
        WHERE c.status <> e.status_after
        """,
        "coupon {0} is {1} but its last event says {2}",
    ),
    (
        "tenders",
        """
        SELECT s.sale_no, s.payable, COALESCE(SUM(t.amount), 0)
        FROM sales s LEFT JOIN tenders t ON t.sale_id = s.id
        GROUP BY s.id HAVING s.payable <> COALESCE(SUM(t.amount), 0)
        """,
        "sale {0}: payable {1} fen but tenders add up to {2} fen",
    ),
    (
        "sale_lines",
        """
        SELECT s.sale_no, s.payable, COALESCE(SUM(l.net_amount), 0)
        FROM sales s LEFT JOIN sale_lines l ON l.sale_id = s.id
        GROUP BY s.id HAVING s.payable <> COALESCE(SUM(l.net_amount), 0)
        """,
        "sale {0}: payable {1} fen but its lines add up to {2} fen",
    ),
)


def check_session(session: Session, *, key_dir: Path | None = None) -> list[Problem]:
    problems = _engine_problems(session)
    missing = schema_problems(session)
    if missing:  # the remaining checks need the tables
        return problems + missing
    problems += _foreign_key_problems(session)
    for name, sql, template in CHECKS + STOCK_CHECKS + LOYALTY_CHECKS + COUNT_CARD_CHECKS:
        for r in _rows(session, sql):
            problems.append(Problem(name, template.format(*r)))
    triggers = _trigger_names(session)
    for table in APPEND_ONLY_TABLES:
        for verb in ("update", "delete"):
            if f"trg_{table}_no_{verb}" not in triggers:
                problems.append(
                    Problem("append_only", f"{table} accepts {verb.upper()}s: its guard is gone")
                )
    if key_dir is not None:  # a candidate file: its own history, not the live shop's
        loaded = load_keyring(key_dir)
        ring = replace(loaded, shops={}) if loaded is not None else None
    else:
        ring = keyring_of(session)
    chain_problems, absent = check_chain(session, ring)
    problems.extend(Problem("audit", p) for p in chain_problems)
    for close_no, report_json, digest in session.execute(
        text("SELECT close_no, report_json, report_hash FROM day_closes ORDER BY close_no")
    ):
        if hashlib.sha256(str(report_json).encode("utf-8")).hexdigest() != digest:
            problems.append(Problem("day_close", f"day close No. {close_no} was altered"))
    problems.extend(Problem("day_close", p) for p in check_seals(session, ring, absent))
    for key_id, rows in sorted(absent.items()):
        where = ring.path.parent if ring else key_dir
        problems.append(Problem("audit_key", (
            f"the audit key {key_id} is not on this computer: {rows} audit rows signed with "
            f"it cannot be fully checked. This is not damage: copy audit.key from the "
            f"shop's previous computer into {where or 'the data folder'} (see "
            f"docs/AUDIT_KEY.md)"
        )))
    return problems


def check_database(db: Database) -> list[Problem]:
    with db.reader() as uow:
        return check_session(uow.session)
