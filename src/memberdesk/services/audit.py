"""The hash-chained audit log.

Each row's hash is SHA-256 over the previous row's hash and this row's content, so
editing or deleting any row breaks the chain from there on. The hash of the last
row is also kept in the ``audit.tip`` setting, so deleting the newest rows shows.
Rows are written inside the use case's own transaction (BEGIN IMMEDIATE holds the
write lock, so the chain cannot fork).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.models import AuditEntry, Setting
from memberdesk.models.base import utcnow

GENESIS = "0" * 64
TIP_KEY = "audit.tip"


def _digest(
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
    payload = json.dumps(
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
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
    digest = _digest(
        prev_hash, row_id, at, staff_id, approver_id, action, entity, entity_id_text, detail_text
    )
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
    )
    session.add(entry)
    tip = session.get(Setting, TIP_KEY)
    if tip is None:
        session.add(Setting(key=TIP_KEY, value=json.dumps(digest)))
    else:
        tip.value = json.dumps(digest)
    session.flush()
    return entry


def verify_chain(session: Session) -> list[str]:
    """Every problem found in the audit chain, as English sentences (empty = intact)."""
    problems: list[str] = []
    prev_hash = GENESIS
    expected_id = 1
    for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        if row.id != expected_id:
            problems.append(f"audit_log: rows {expected_id}..{row.id - 1} are missing")
        if row.prev_hash != prev_hash:
            problems.append(f"audit_log: row {row.id} does not follow the previous row")
        digest = _digest(
            row.prev_hash,
            row.id,
            row.at,
            row.staff_id,
            row.approver_id,
            row.action,
            row.entity,
            row.entity_id,
            row.detail,
        )
        if digest != row.hash:
            problems.append(f"audit_log: row {row.id} ({row.action}) was altered")
        prev_hash = row.hash
        expected_id = row.id + 1
    tip = session.get(Setting, TIP_KEY)
    recorded_tip = json.loads(tip.value) if tip else GENESIS
    if recorded_tip != prev_hash:
        problems.append("audit_log: the newest rows were deleted (chain tip does not match)")
    return problems
