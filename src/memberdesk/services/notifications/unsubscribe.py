"""Unsubscribes (退订): a phone that replied R (or TD, 退订) to a promotional message,
or that staff marked, gets no more promotional messages: the outbox drops them when
they are written and the sender when they are due (reason ``unsubscribed``).

There is no callback server, so replies come in by hand: ``memberdesk notifications
unsubscribe PHONE...``, the import of a provider's reply report (a CSV or xlsx of
``phone, content`` rows; :func:`import_replies`), or the member's details
(``edit_member(sms_unsubscribed=...)``, :func:`mark_in`). Each is audited; the audit
row names the phones masked.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain import notify
from memberdesk.models import SmsUnsubscribe
from memberdesk.services.notifications.outbox import mainland_mobile
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import UserError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.phones import mask_phone
from memberdesk.services.sheets.workbook_guard import check_workbook, open_workbook, sheet_rows

MAX_PHONES = 100_000  # a reply report's rows (a month of a busy shop's replies)
_SHOWN = 20  # phones the audit row names (masked); the count says the rest


@dataclass(frozen=True)
class UnsubscribeResult:
    added: int  # phones newly unsubscribed
    already: int  # phones unsubscribed before
    bad: tuple[str, ...] = ()  # what was not a mainland mobile, as given
    rows: int = 0  # rows read (a reply report)
    other_replies: int = 0  # replies that do not unsubscribe (a reply report)


def phone_of(text: str) -> str | None:
    """A mainland mobile from a report's cell or an argument: spaces, dashes and a
    +86 / 86 prefix allowed."""
    digits = re.sub(r"[\s\-()]", "", text or "")
    digits = digits.removeprefix("+")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return mainland_mobile(digits)


def unsubscribed_in(s: Session, phone: str | None) -> bool:
    return bool(phone) and s.get(SmsUnsubscribe, phone) is not None


def mark_in(s: Session, phone: str | None, unsubscribed: bool, source: str) -> bool:
    """Mark or clear one phone in the caller's transaction; whether it changed (a
    member without a phone: nothing to mark)."""
    if not phone or unsubscribed_in(s, phone) == unsubscribed:
        return False
    if unsubscribed:
        s.add(SmsUnsubscribe(phone=phone, source=source, created_at=clock.now()))
    else:
        s.execute(delete(SmsUnsubscribe).where(SmsUnsubscribe.phone == phone))
    s.flush()
    return True


def _add(s: Session, phones: Sequence[str], source: str) -> tuple[list[str], int]:
    wanted = list(dict.fromkeys(phones))
    have: set[str] = set()
    for i in range(0, len(wanted), 500):
        have |= set(s.scalars(select(SmsUnsubscribe.phone)
                              .where(SmsUnsubscribe.phone.in_(wanted[i:i + 500]))))
    new = [p for p in wanted if p not in have]
    at = clock.now()
    s.add_all(SmsUnsubscribe(phone=p, source=source, created_at=at) for p in new)
    s.flush()
    return new, len(wanted) - len(new)


def _record(s: Session, actor: Actor, action: str, new: list[str], result: UnsubscribeResult,
            **more: Any) -> None:
    audit.record(s, action=action, staff_id=actor.staff_id, entity="sms_unsubscribe",
                 entity_id=str(len(new)), detail={
                     "added": result.added, "already": result.already, "bad": len(result.bad),
                     "phones": [mask_phone(p) for p in new[:_SHOWN]], **more})


def unsubscribe(db: Database, actor: Actor, phones: Sequence[str]) -> UnsubscribeResult:
    """Mark phones unsubscribed (a manager, audited). Refused when none is a mainland
    mobile; the others are named in the result."""
    good = [p for p in (phone_of(t) for t in phones) if p]
    bad = tuple(t for t in phones if not phone_of(t))
    if not good:
        raise ValidationError("unsubscribe_no_phone", given=", ".join(bad[:5]) or "-")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_MESSAGES)
        new, already = _add(s, good, "staff")
        result = UnsubscribeResult(len(new), already, bad)
        _record(s, actor, "notify.unsubscribe", new, result)
        uow.commit()
    return result


def _csv_rows(path: Path) -> Iterator[tuple[Any, ...]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError("reply_report_unreadable", file=path.name)
    yield from (tuple(r) for r in csv.reader(io.StringIO(text)))


def _report_rows(path: Path) -> Iterator[tuple[Any, ...]]:
    if path.suffix.lower() == ".csv":
        yield from _csv_rows(path)
        return
    if path.suffix.lower() != ".xlsx":
        raise UserError("reply_report_unreadable", file=path.name)
    check_workbook(path, name=path.name)
    wb = open_workbook(path, name=path.name)
    try:
        for _n, values in sheet_rows(wb.worksheets[0], name=path.name):
            yield values
    finally:
        wb.close()


def import_replies(db: Database, actor: Actor, path: Path) -> UnsubscribeResult:
    """A provider's reply report (CSV or xlsx; each row a phone and the reply, a header
    row allowed): the phones that replied R, TD or 退订 are unsubscribed (a manager,
    audited); other replies are counted and left alone."""
    if not path.is_file():
        raise UserError("reply_report_unreadable", file=path.name)
    rows = replies = 0
    wanted: list[str] = []
    bad: list[str] = []
    for values in _report_rows(path):
        cells = [str(v).strip() if v is not None else "" for v in values[:2]]
        if len(cells) < 2 or not any(cells):
            continue
        if rows == 0 and not phone_of(cells[0]) and not notify.unsubscribes(cells[1]):
            rows = -1  # a header row (手机号, 内容): not counted
        rows += 1
        if rows == 0:
            continue
        if rows > MAX_PHONES:
            raise UserError("reply_report_too_long", file=path.name, max=f"{MAX_PHONES:,}")
        phone, content = cells
        if not notify.unsubscribes(content):
            replies += 1
            continue
        good = phone_of(phone)
        if good:
            wanted.append(good)
        else:
            bad.append(phone)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_MESSAGES)
        new, already = _add(s, wanted, "reply")
        result = UnsubscribeResult(len(new), already, tuple(bad), rows, replies)
        _record(s, actor, "notify.import_replies", new, result, file=path.name, rows=rows)
        uow.commit()
    return result
