"""Segments (分群): saved member filters, their live count, preview and export.

A segment is a name and a :class:`.member_filter.MemberFilter` (the one home of the
filter's SQL, shared with the member list and the campaigns). Saving, deleting and
counting need ``manage_promotions`` (managers and the owner); the preview is the
member list's keyset pages (:func:`.member_list.list_members`, ``export_members``);
the export writes the matching members to a workbook through the member export's
streamed machinery, phones masked unless the role may unmask them, and is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import Campaign, Member, Segment
from memberdesk.services.members.details import may_unmask
from memberdesk.services.members.filter import (
    MemberFilter,
    conditions,
    count_matching,
    from_json,
    to_json,
)
from memberdesk.services.members.listing import LIST_COLUMNS, list_row, tier_names
from memberdesk.services.shared import audit
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.permissions import Permission, may, require
from memberdesk.services.shared.requests import clean_text
from memberdesk.services.sheets.cells import export_rows

PAGE = 2000


@dataclass(frozen=True)
class SegmentRow:
    id: int
    name: str
    filters: MemberFilter


@dataclass(frozen=True)
class SegmentExport:
    path: Path
    rows: int
    phones_masked: bool


def _name(text: str, code: str) -> str:
    name = clean_text(text or "", 41)
    if not name or len(name) > 40:
        raise ValidationError(code)
    return name


def find_segment(s: Session, name: str) -> Segment:
    seg = s.scalar(select(Segment).where(Segment.name == (name or "").strip()))
    if seg is None:
        raise NotFoundError("segment_not_found", name=name)
    return seg


def save_segment(db: Database, actor: Actor, name: str, filters: MemberFilter) -> SegmentRow:
    """Save ``filters`` as the segment ``name`` (a new one, or replacing its filter)."""
    name = _name(name, "segment_name_needed")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        count_matching(s, filters)  # a filter that cannot run is refused here
        seg = s.scalar(select(Segment).where(Segment.name == name))
        created = seg is None
        if seg is None:
            seg = Segment(name=name)
            s.add(seg)
        seg.filter_json = to_json(filters)
        s.flush()
        audit.record(s, action="segment.save", staff_id=actor.staff_id, entity="segment",
                     entity_id=name, detail={"filter": seg.filter_json, "new": created})
        row = SegmentRow(seg.id, seg.name, filters)
        uow.commit()
    return row


def delete_segment(db: Database, actor: Actor, name: str) -> None:
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        seg = find_segment(s, name)
        if s.scalar(select(Campaign.id).where(Campaign.segment_id == seg.id).limit(1)):
            raise ConflictError("segment_in_use", name=seg.name)
        audit.record(s, action="segment.delete", staff_id=actor.staff_id, entity="segment",
                     entity_id=seg.name, detail={"filter": seg.filter_json})
        s.delete(seg)
        uow.commit()


def list_segments(db: Database, actor: Actor) -> list[SegmentRow]:
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        return [SegmentRow(seg.id, seg.name, from_json(seg.filter_json))
                for seg in s.scalars(select(Segment).order_by(Segment.name))]


def count_members(db: Database, actor: Actor, filters: MemberFilter) -> int:
    """The live count: how many members ``filters`` matches now."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        return count_matching(s, filters)


def segment_filter(db: Database, actor: Actor, name: str) -> MemberFilter:
    with db.reader() as uow:
        require(uow.session, actor, Permission.MANAGE_PROMOTIONS)
        return from_json(find_segment(uow.session, name).filter_json)


def _rows(db: Database, filters: MemberFilter, unmasked: bool, en: bool
          ) -> Generator[list[object]]:
    with db.reader() as uow:
        s = uow.session
        tiers = tier_names(s)
        where = conditions(s, filters, paged=True)
        after = 0
        while True:
            got = s.execute(select(*LIST_COLUMNS).where(*where, Member.id > after)
                            .order_by(Member.id).limit(PAGE)).all()
            if not got:
                return
            for r in got:
                m = list_row(r, tiers, unmasked)
                yield [m.member_no, m.name, m.phone, m.tier_name, m.stored_value, m.points,
                       m.last_visit_at.date() if m.last_visit_at else None, m.tags]
            after = got[-1][0]


_HEADER = (("会员编号", "Member no"), ("姓名", "Name"), ("手机号", "Phone"),
           ("等级", "Tier"), ("储值余额", "Stored value"), ("积分", "Points"),
           ("最近消费", "Last visit"), ("标签", "Tags"))


def export_segment(db: Database, actor: Actor, name: str, path: Path | str, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None,
                   approval_id: int | None = None, lang: str = "zh_CN") -> SegmentExport:
    """Write the members of the segment ``name`` to the .xlsx at ``path``: the member
    export's permission (``export_members``, or a cashier with a manager's one-time
    approval, used up when the file is written) and its masking."""
    path = Path(path)
    en = lang.startswith("en")
    with db.reader() as check:
        s = check.session
        may(s, actor, Permission.EXPORT_MEMBERS, approval_id=approval_id)
        unmasked = may_unmask(s, actor)
        seg = find_segment(s, name)
        seg_name, filters = seg.name, from_json(seg.filter_json)

    def total() -> int:
        with db.reader() as reader:
            return count_matching(reader.session, filters)

    def record() -> None:
        with db.uow() as uow:
            approver = require(uow.session, actor, Permission.EXPORT_MEMBERS,
                               approval_id=approval_id)
            audit.record(uow.session, action="segment.export", staff_id=actor.staff_id,
                         approver_id=approver,
                         entity="segment", entity_id=seg_name,
                         detail={"file": path.name[:80], "phones_masked": not unmasked})
            uow.commit()

    written = export_rows(
        path, seg_name[:31], [h[1] if en else h[0] for h in _HEADER],
        lambda: _rows(db, filters, unmasked, en), page=PAGE, total=total,
        progress=progress, cancel=cancel, cancelled="export_cancelled", before_rename=record)
    return SegmentExport(path, written, not unmasked)
