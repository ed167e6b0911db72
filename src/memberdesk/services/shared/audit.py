"""The hash-chained audit log, keyed.

Each row's hash covers the previous row's hash and this row's content, so editing
or deleting any row breaks the chain from there on. Since revision 0004 a row's hash
is an HMAC-SHA256 with the audit key, which lives outside the shop file
(``db/audit_key.py``); ``key_id`` names the key. Rows written before the switch-over
keep their plain SHA-256 (``key_id`` NULL) and keep verifying. The chain tip (the
``audit.tip`` setting) is an HMAC over the newest row, so deleting the newest rows
and rewriting the tip, or recomputing the chain, cannot be done without the key; the
keyring also records each shop's first keyed row, so a chain recomputed unkeyed
shows. Day closes and backup manifests record the tip too. Rows are written inside
the use case's own transaction (BEGIN IMMEDIATE holds the write lock).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from memberdesk.db.audit_key import Keyring, mac
from memberdesk.models import AuditEntry, Setting, Shop
from memberdesk.models.base import utcnow

GENESIS = "0" * 64
# json.dumps(..., ensure_ascii=False, separators=(",", ":")), built once (the chain check
# encodes a payload per row)
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
TIP_KEY = "audit.tip"


def _payload(
    prev_hash: str,
    row_id: int,
    at: datetime,
    staff_id: int | None,
    approver_id: int | None,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
) -> str:
    payload = _ENCODE(
        [
            prev_hash,
            row_id,
            at.replace(tzinfo=None).isoformat(timespec="microseconds"),
            staff_id,
            approver_id,
            action,
            entity,
            entity_id,
            detail,
        ],
    )
    return payload


def _seal(key: bytes | None, payload: str) -> str:
    if key is None:
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return mac(key, payload)


def keyring_of(session: Session) -> Keyring | None:
    ring = session.info.get("audit_keyring")
    return ring if isinstance(ring, Keyring) else None


def tip_value(ring: Keyring | None, key_id: str | None, row_id: int, row_hash: str) -> str:
    """What the ``audit.tip`` setting holds after row ``row_id``."""
    if key_id is None or ring is None or key_id not in ring.keys:
        return row_hash
    return f"k:{row_id}:{mac(ring.keys[key_id], f'tip|{row_id}|{row_hash}')}"


def chain_tip(session: Session) -> str:
    """"id:hash" of the newest audit row ("0:" + genesis for none): what a day close
    and a backup manifest record."""
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return f"{last[0]}:{last[1]}" if last else f"0:{GENESIS}"


def record(
    session: Session,
    *,
    action: str,
    staff_id: int | None,
    entity: str = "",
    entity_id: object = "",
    detail: dict[str, Any] | None = None,
    approver_id: int | None = None,
) -> AuditEntry:
    """Append one audit row in the caller's transaction."""
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    at = utcnow()
    detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    row_id = prev_id + 1
    entity_id_text = "" if entity_id is None else str(entity_id)
    ring = keyring_of(session)
    digest = _seal(
        ring.key if ring else None,
        _payload(prev_hash, row_id, at, staff_id, approver_id, action, entity, entity_id_text,
                 detail_text),
    )
    key_id = ring.current if ring else None
    entry = AuditEntry(
        id=row_id,
        at=at,
        staff_id=staff_id,
        approver_id=approver_id,
        action=action,
        entity=entity,
        entity_id=entity_id_text,
        detail=detail_text,
        prev_hash=prev_hash,
        hash=digest,
        key_id=key_id,
    )
    session.add(entry)
    tip_text = json.dumps(tip_value(ring, key_id, row_id, digest))
    tip = session.get(Setting, TIP_KEY)
    if tip is None:
        session.add(Setting(key=TIP_KEY, value=tip_text))
    else:
        tip.value = tip_text
    if ring is not None:
        db_uuid = session.scalar(select(Shop.db_uuid).where(Shop.id == 1))
        if db_uuid and db_uuid not in ring.shops:  # the switch-over, outside the file
            ring.note_switch_over(db_uuid, row_id)
    session.flush()
    return entry


def verify_chain(session: Session, ring: Keyring | None = None) -> list[str]:
    """Every problem found in the audit chain, as English sentences (empty = intact)."""
    problems, _missing = check_chain(session, ring)
    return problems


@dataclass(frozen=True)
class ChainBreak:
    """One place where the chain stops holding. ``kind``: missing (rows ``row`` ..
    ``last`` are gone), link (``row`` does not follow its predecessor), altered,
    unkeyed (an unkeyed row after keyed ones), tip (the newest rows after ``row``
    were deleted), truncated (the chain ends before ``row``, the first keyed row),
    rewritten (rows from ``row`` on were rewritten without the key)."""

    kind: str
    row: int
    text: str  # the English sentence db check prints
    last: int = 0
    action: str = ""


@dataclass(frozen=True)
class ChainReport:
    rows: int  # rows read
    breaks: tuple[ChainBreak, ...]
    missing: dict[str, int]  # keys not on this computer -> rows signed with them
    complete: bool = True  # False: stopped (cancelled) before the end


_CHAIN_BATCH = 5000
_CHAIN_COLUMNS = (AuditEntry.id, AuditEntry.at, AuditEntry.staff_id, AuditEntry.approver_id,
                  AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail,
                  AuditEntry.prev_hash, AuditEntry.hash, AuditEntry.key_id)


def check_chain(session: Session, ring: Keyring | None) -> tuple[list[str], dict[str, int]]:
    """(problems, keys not on this computer -> rows signed with them). Rows signed
    with a missing key are checked for their links only: that is no proof of
    damage, and is reported separately."""
    report = walk_chain(session, ring)
    return [b.text for b in report.breaks], report.missing


def walk_chain(
    session: Session,
    ring: Keyring | None,
    step: Callable[[int, int], bool] | None = None,
    batch: int = _CHAIN_BATCH,
) -> ChainReport:
    """Check the whole chain, reading ``batch`` rows at a time (a million rows never
    load at once). ``step(rows read, total)`` is called after each batch; when it
    returns False the walk stops and the report says it is not complete."""
    breaks: list[ChainBreak] = []
    missing: dict[str, int] = {}
    keys = ring.keys if ring else {}
    prev_hash = GENESIS
    expected_id = 1
    keyed_from: int | None = None
    last_id, last_key = 0, None
    seen = 0
    total = int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0) if step else 0
    while True:
        rows = session.connection().execute(  # Core rows: no ORM work per row
            select(*_CHAIN_COLUMNS).where(AuditEntry.id > last_id)
            .order_by(AuditEntry.id).limit(batch)).all()
        for (row_id, at, staff_id, approver_id, action, entity, entity_id, detail, row_prev,
             row_hash, key_id) in rows:
            if row_id != expected_id:
                breaks.append(ChainBreak(
                    "missing", expected_id,
                    f"audit_log: rows {expected_id}..{row_id - 1} are missing", row_id - 1))
            if row_prev != prev_hash:
                breaks.append(ChainBreak(
                    "link", row_id, f"audit_log: row {row_id} does not follow the previous row",
                    action=action))
            payload = _payload(row_prev, row_id, at, staff_id, approver_id, action, entity,
                               entity_id, detail)
            if key_id is None:
                if keyed_from is not None:
                    breaks.append(ChainBreak(
                        "unkeyed", row_id, f"audit_log: row {row_id} ({action}) is unkeyed after "
                        f"keyed rows: the chain was rewritten", action=action))
                elif _seal(None, payload) != row_hash:
                    breaks.append(ChainBreak(
                        "altered", row_id, f"audit_log: row {row_id} ({action}) was altered",
                        action=action))
            else:
                keyed_from = row_id if keyed_from is None else keyed_from
                key = keys.get(key_id)
                if key is None:
                    missing[key_id] = missing.get(key_id, 0) + 1
                elif mac(key, payload) != row_hash:
                    breaks.append(ChainBreak(
                        "altered", row_id, f"audit_log: row {row_id} ({action}) was altered",
                        action=action))
            prev_hash = row_hash
            expected_id = row_id + 1
            last_id, last_key = row_id, key_id
        seen += len(rows)
        if step is not None and not step(seen, max(total, seen)):
            return ChainReport(seen, tuple(breaks), missing, complete=False)
        if len(rows) < batch:
            break
    tip = session.get(Setting, TIP_KEY)
    recorded_tip = json.loads(tip.value) if tip else GENESIS
    if last_id and last_key is not None and last_key not in keys:
        pass  # the tip's HMAC needs the missing key: reported with it
    elif recorded_tip != tip_value(ring, last_key if last_id else None, last_id, prev_hash):
        breaks.append(ChainBreak(
            "tip", last_id, "audit_log: the newest rows were deleted (chain tip does not match)"))
    uuid = session.scalar(select(Shop.db_uuid).where(Shop.id == 1))
    switched = ring.shops.get(uuid) if ring and uuid else None
    if switched is not None:
        if not last_id or last_id < switched:
            breaks.append(ChainBreak(
                "truncated", switched, f"audit_log: the chain ends before row {switched}, the "
                f"first row written with the audit key: the newest rows were deleted"))
        elif keyed_from is None or keyed_from > switched:
            breaks.append(ChainBreak(
                "rewritten", switched, f"audit_log: rows from {switched} on were rewritten "
                f"without the audit key"))
    return ChainReport(seen, tuple(breaks), missing)


def close_seal(ring: Keyring, key_id: str, close_no: int, report_hash: str, tip: str) -> str:
    return mac(ring.keys[key_id], f"close|{close_no}|{report_hash}|{tip}")


def seal_close(session: Session, close_no: int, report_hash: str) -> tuple[str, str | None]:
    """(audit tip, seal) for a day close being written now, after its audit row."""
    tip = chain_tip(session)
    ring = keyring_of(session)
    if ring is None:
        return tip, None
    return tip, close_seal(ring, ring.current, close_no, report_hash, tip)


def check_seals(session: Session, ring: Keyring | None, missing: dict[str, int]) -> list[str]:
    """Each sealed day close's recorded chain tip is still in the chain, with the same
    hash, and its seal (an HMAC with that row's key) matches."""
    problems: list[str] = []
    rows = session.execute(text(
        "SELECT d.close_no, d.report_hash, d.audit_tip, d.seal, a.key_id FROM day_closes d "
        "LEFT JOIN audit_log a ON a.action = 'day.close' "
        "AND a.entity_id = CAST(d.close_no AS TEXT) ORDER BY d.close_no"
    ))
    for close_no, report_hash, tip, seal, close_key in rows:
        if tip is None:
            if close_key is not None:  # written keyed, so it was sealed once
                problems.append(f"day close No. {close_no} lost its seal")
            continue
        row_id, _, row_hash = str(tip).partition(":")
        found = session.scalar(
            select(AuditEntry.hash).where(AuditEntry.id == int(row_id or 0))
        )
        if found != row_hash:
            problems.append(f"day close No. {close_no}: the audit chain was rewritten after "
                            f"it was sealed (the chain no longer holds its tip)")
        key_id = session.scalar(select(AuditEntry.key_id).where(AuditEntry.id == int(row_id)))
        if key_id is None or seal is None:
            if seal is None and key_id is not None:
                problems.append(f"day close No. {close_no} lost its seal")
            continue
        if ring is None or key_id not in ring.keys:
            missing.setdefault(key_id, 0)
            continue
        if close_seal(ring, key_id, close_no, report_hash, str(tip)) != seal:
            problems.append(f"day close No. {close_no}: its seal does not match")
    return problems


def restart_switch_over(session: Session) -> None:
    """After a restore the chain is the backup's: the keyring's record of this shop's
    first keyed row follows it."""
    ring = keyring_of(session)
    uuid = session.scalar(select(Shop.db_uuid).where(Shop.id == 1))
    if ring is None or not uuid:
        return
    first = session.scalar(
        select(AuditEntry.id).where(AuditEntry.key_id.is_not(None)).order_by(AuditEntry.id)
    )
    if ring.shops.get(uuid) == first:
        return
    if first is None:
        ring.shops.pop(uuid, None)  # the next keyed row records the switch-over again
    else:
        ring.shops[uuid] = first
    ring.save()
