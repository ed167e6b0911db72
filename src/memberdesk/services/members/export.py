"""Exporting members to an Excel workbook, streamed.

Permission-checked (导出会员资料: managers and owners, or a cashier with a manager's
one-time approval) and audited. Phones are masked unless the actor's own role may
unmask them. Text is written so Excel never runs it as a formula. The columns are
the import template's (plus status and registration date), so an unmasked export
imports into another shop; the balance columns then become opening balances.

The permission is checked first (a one-time approval is looked at, not used up);
the rows are then read in one read-only snapshot, keyset-paged, so the counter is
never blocked and memory stays flat however many members there are, into a
temporary file that is written out and fsynced. Only then, in one short write
transaction, is the approval consumed and the ``member.export`` audit row
committed, and the file renamed into place: an audit row only for a file that was
written, and no file without its audit row. A full disk (or any write failure)
leaves neither, and no "Exception ignored" noise from half-closed zip files.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Card, Member, Tier
from memberdesk.models.enums import CardStatus, Gender, MemberStatus
from memberdesk.services.members.details import may_unmask, phone_for
from memberdesk.services.members.sheet import COLUMNS, MEMBERS_SHEET, header_text
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.permissions import Permission, may, require
from memberdesk.services.sheets.cells import export_rows

PAGE = 2000

_GENDER_TEXT = {
    Gender.MALE: ("男", "M"),
    Gender.FEMALE: ("女", "F"),
    Gender.UNKNOWN: ("", ""),
}
_STATUS_TEXT = {
    MemberStatus.ACTIVE: ("正常", "active"),
    MemberStatus.INACTIVE: ("停用", "deactivated"),
    MemberStatus.ANONYMISED: ("已注销", "anonymised"),
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    phones_masked: bool


def _page(session: Session, after_id: int) -> list[Member]:
    return list(
        session.scalars(select(Member).where(Member.id > after_id).order_by(Member.id).limit(PAGE))
    )


def _active_cards(session: Session, member_ids: list[int]) -> dict[int, list[str]]:
    cards: dict[int, list[str]] = {}
    rows = session.execute(
        select(Card.member_id, Card.uid)
        .where(Card.member_id.in_(member_ids), Card.status == CardStatus.ACTIVE)
        .order_by(Card.member_id, Card.id)
    )
    for member_id, uid in rows:
        cards.setdefault(member_id, []).append(uid)
    return cards


def _values(
    m: Member, cards: list[str], tiers: dict[int, str], unmasked: bool, en: bool
) -> dict[str, Any]:
    pick = 1 if en else 0
    return {
        "member_no": m.member_no,
        "name": m.name,
        "phone": phone_for(m.phone, unmasked),
        "gender": _GENDER_TEXT[m.gender][pick],
        "birthday": m.birthday,
        "email": m.email,
        "address": m.address,
        "tags": m.tags,
        "notes": m.notes,
        "marketing_consent": ("yes" if en else "是")
        if m.marketing_consent
        else ("no" if en else "否"),
        "card_uid": ";".join(cards),
        "opening_principal": m.sv_principal,
        "opening_bonus": m.sv_bonus,
        "opening_points": m.points_balance,
        "tier": tiers.get(m.tier_id, ""),
    }


def _member_rows(session: Session, unmasked: bool, en: bool) -> Iterator[list[object]]:
    tiers = {tid: name for tid, name in session.execute(select(Tier.id, Tier.name))}
    offset = clock.local_offset(session)  # the registration date is the shop's date
    after = 0
    while page := _page(session, after):
        cards = _active_cards(session, [m.id for m in page])
        for m in page:
            values = _values(m, cards.get(m.id, []), tiers, unmasked, en)
            yield [
                *(values[c.field] for c in COLUMNS),
                _STATUS_TEXT[m.status][1 if en else 0],
                (m.created_at + offset).date(),
            ]
        after = page[-1].id
        session.expunge_all()


def export_members(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    approval_id: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    lang: str = "zh_CN",
) -> ExportResult:
    """Write every member to the .xlsx at ``path``. ``progress(done, total)`` is
    called every page of rows; ``cancel`` is polled as often and, when it returns
    True, the export stops and leaves no file behind."""
    path = Path(path)
    en = lang.startswith("en")
    with db.reader() as check:
        may(check.session, actor, Permission.EXPORT_MEMBERS, approval_id=approval_id)
        unmasked = may_unmask(check.session, actor)
    extra = ["Status", "Registered"] if en else ["状态", "注册日期"]

    def total() -> int:
        with db.reader() as reader:
            return reader.session.scalar(select(func.count()).select_from(Member)) or 0

    def rows() -> Generator[list[object]]:
        with db.reader() as reader:
            yield from _member_rows(reader.session, unmasked, en)

    written = export_rows(
        path, MEMBERS_SHEET[1] if en else MEMBERS_SHEET[0],
        [*(header_text(c, lang) for c in COLUMNS), *extra], rows, page=PAGE, total=total,
        progress=progress, cancel=cancel, cancelled="export_cancelled",
        before_rename=lambda: _record(db, actor, approval_id, path, unmasked))  # fmt: skip
    return ExportResult(path, written, not unmasked)


def _record(
    db: Database, actor: Actor, approval_id: int | None, path: Path, unmasked: bool
) -> None:
    with db.uow() as uow:
        s = uow.session
        approver = require(s, actor, Permission.EXPORT_MEMBERS, approval_id=approval_id)
        audit.record(
            s,
            action="member.export",
            staff_id=actor.staff_id,
            approver_id=approver,
            entity="file",
            entity_id=path.name[:40],
            detail={"phones_masked": not unmasked},
        )
        uow.commit()
