"""Member rows in the caller's transaction: drawing member numbers, inserting
validated members with their search keys (one or many), uniqueness checks, and
finding a member by number. No permission checks and no audit: the use cases in
:mod:`members` and :mod:`member_import` do those."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from memberdesk.models import Member, Tier
from memberdesk.models.enums import MemberStatus
from memberdesk.services.members import search_keys as member_search
from memberdesk.services.members.fields import MemberInput, join_tags
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError
from memberdesk.services.shared.phones import mask_phone


def default_tier_id(session: Session) -> int:
    tier_id = session.scalar(select(Tier.id).where(Tier.active.is_(True)).order_by(Tier.rank))
    if tier_id is None:
        raise ValidationError("not_initialised")
    return tier_id


def _member_numbers(session: Session, count: int, reserved: set[str]) -> list[str]:
    """``count`` unused generated member numbers (M000001, ...), counting on from
    the highest id, skipping numbers taken (e.g. imported ones) or ``reserved``."""
    start = (session.scalar(select(func.max(Member.id))) or 0) + 1
    found: list[str] = []
    while len(found) < count:
        want = max(count - len(found), 16)
        batch = [f"M{n:06d}" for n in range(start, start + want)]
        start += want
        taken = set(session.scalars(select(Member.member_no).where(Member.member_no.in_(batch))))
        found += [no for no in batch if no not in taken and no not in reserved][
            : count - len(found)
        ]
    return found


def next_member_no(session: Session) -> str:
    return _member_numbers(session, 1, set())[0]


def _rows_for(session: Session, inputs: Sequence[MemberInput]) -> list[dict[str, Any]]:
    """Column values of new members: numbers drawn, pinyin and initials computed."""
    given = {m.member_no for m in inputs if m.member_no}
    generated = iter(_member_numbers(session, sum(1 for m in inputs if not m.member_no), given))
    entry_tier = default_tier_id(session) if any(m.tier_id is None for m in inputs) else None
    rows: list[dict[str, Any]] = []
    for m in inputs:
        keys = member_search.name_keys(m.name)
        rows.append(
            {
                "member_no": m.member_no or next(generated),
                "phone": m.phone,
                "phone_last4": m.phone[-4:],
                "name": m.name,
                "name_pinyin": keys.pinyin,
                "name_initials": keys.initials,
                "gender": m.gender,
                "birthday": m.birthday,
                "email": m.email,
                "address": m.address,
                "tags": join_tags(m.tags),
                "notes": m.notes,
                "marketing_consent": m.marketing_consent,
                "tier_id": m.tier_id or entry_tier,
                "_keys": keys,
            }
        )
    return rows


def insert_member_in(session: Session, data: MemberInput) -> Member:
    """Insert one validated member (with its search keys) in the caller's
    transaction. The caller has checked that the phone and member number are free
    (the unique constraints are the last guard)."""
    values = _rows_for(session, [data])[0]
    keys = values.pop("_keys")
    now = clock.now()  # the shop's clock: the demo registers members in its simulated past
    member = Member(**values, created_at=now, updated_at=now)
    session.add(member)
    session.flush()
    member_search.write_keys(session, member.id, keys)
    return member


def insert_members_in(session: Session, inputs: Sequence[MemberInput]) -> list[int]:
    """Insert many validated members in one executemany (imports); returns their
    ids in the order of ``inputs``. Same preconditions as :func:`insert_member_in`."""
    if not inputs:
        return []
    rows = _rows_for(session, inputs)
    keys = [r.pop("_keys") for r in rows]
    session.execute(
        insert(cast(Table, Member.__table__)), rows
    )  # Core executemany: no ORM bulk path
    phones = [r["phone"] for r in rows]
    ids = {
        phone: member_id
        for member_id, phone in session.execute(
            select(Member.id, Member.phone).where(Member.phone.in_(phones))
        )
    }
    member_ids = [ids[p] for p in phones]
    member_search.write_keys_many(session, list(zip(member_ids, keys, strict=True)))
    return member_ids


def ensure_phone_free(session: Session, phone: str, member_id: int | None = None) -> None:
    existing = session.execute(
        select(Member.id, Member.member_no).where(Member.phone == phone)
    ).first()
    if existing is not None and existing[0] != member_id:
        raise ConflictError("phone_taken", phone=mask_phone(phone), member_no=existing[1])


def ensure_member_no_free(session: Session, member_no: str) -> None:
    if session.scalar(select(Member.id).where(Member.member_no == member_no)) is not None:
        raise ConflictError("member_no_taken", member_no=member_no)


def member_by_no(session: Session, member_no: str) -> Member:
    """The member with this number, whatever their status (the back office reads and
    edits deactivated members too); refuses an unknown number."""
    member = session.scalar(select(Member).where(Member.member_no == member_no.strip()))
    if member is None:
        raise NotFoundError("member_not_found", key=member_no.strip())
    return member


def active_member(session: Session, member_id: int) -> Member:
    """The member who is about to pay, recharge, sign in or redeem: refuses an unknown
    or a deactivated member (a counter use case never acts for one)."""
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError("member_not_found", key=member_id)
    if member.status is not MemberStatus.ACTIVE:
        raise ValidationError("member_inactive", member_no=member.member_no)
    return member
