"""The one member lookup at the counter: whatever was swiped or typed.

:func:`lookup` takes the text of a card swipe (any form a reader prints), a member
number, a full phone, the last four digits of a phone, the first digits of a
phone, a name or part of it, pinyin initials or pinyin, and returns either the one
member it identifies or a ranked pick list. Every query is a b-tree index seek or
range with a LIMIT; nothing scans the members (a test checks the query plans).

Order of interpretation: card UID, member number, full phone, last four digits,
first digits of a phone, then name / pinyin search. A card that is lost, replaced
or void gives a result that says so, never a silent miss.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from memberdesk.db import Database
from memberdesk.hardware.uid import uid_candidates
from memberdesk.models import Card, Member, Tier
from memberdesk.models.enums import CardStatus, MemberStatus
from memberdesk.models.members import MemberSearchKey
from memberdesk.money import Money

from .context import Actor
from .errors import MESSAGES
from .member_fields import PHONE_RE
from .member_search import prefix_upper_bound
from .members import may_unmask, phone_for
from .requests import strip_invisible

DEFAULT_LIMIT = 20
MAX_QUERY = 64

_DIGITS_RE = re.compile(r"^[0-9]+$", re.ASCII)  # other scripts' digits are not a phone
_PINYIN_QUERY_RE = re.compile(r"^[a-z0-9' ]+$")


class LookupOutcome(StrEnum):
    MEMBER = "member"  # exactly one member, identified (card, member number, phone)
    PICK = "pick"  # a ranked pick list (possibly of one)
    NOT_FOUND = "not_found"
    CARD_LOST = "card_lost"  # 挂失: blocked
    CARD_REPLACED = "card_replaced"  # lost and replaced by a new card: blocked
    CARD_VOID = "card_void"  # unbound: identifies nobody


class MatchKind(StrEnum):
    CARD = "card"
    MEMBER_NO = "member_no"
    PHONE = "phone"
    PHONE_LAST4 = "phone_last4"
    PHONE_PREFIX = "phone_prefix"
    NAME = "name"  # the name starts with the text
    NAME_PART = "name_part"  # the text is inside the name
    INITIALS = "initials"  # pinyin initials start with the text
    PINYIN = "pinyin"  # full pinyin starts with the text
    PINYIN_PART = "pinyin_part"  # a later syllable / initial starts with the text


@dataclass(frozen=True)
class MemberHit:
    """What the counter shows for a member. ``phone`` is masked (138****5678)
    unless the actor's role may unmask phones (``phone_is_masked`` says which)."""

    id: int
    member_no: str
    name: str
    phone: str
    phone_is_masked: bool
    tier_name: str
    sv_principal: Money
    sv_bonus: Money
    points: int
    status: MemberStatus
    match: MatchKind
    exact: bool  # the whole name/pinyin/initials equals the text (or an exact kind)

    @property
    def stored_value(self) -> Money:
        return self.sv_principal + self.sv_bonus


@dataclass(frozen=True)
class LookupResult:
    query: str
    outcome: LookupOutcome
    matched_by: MatchKind | None
    members: tuple[MemberHit, ...] = ()
    more: bool = False  # the pick list was cut at the limit
    card_uid: str | None = None  # the stored card, when the text was a card
    card_status: CardStatus | None = None
    card_member_no: str | None = None  # whose card it is/was (lost, replaced)

    @property
    def member(self) -> MemberHit | None:
        """The member, when the lookup identified exactly one."""
        return self.members[0] if self.outcome is LookupOutcome.MEMBER else None

    def message(self, lang: str = "zh_CN") -> str:
        """A sentence for a blocked card or a miss ("" when members were found)."""
        code = {
            LookupOutcome.CARD_LOST: "card_lost",
            LookupOutcome.CARD_REPLACED: "card_replaced",
            LookupOutcome.CARD_VOID: "card_void",
            LookupOutcome.NOT_FOUND: (
                "card_unknown" if self.matched_by is MatchKind.CARD else "lookup_not_found"
            ),
        }.get(self.outcome)
        if code is None:
            return ""
        zh, en = MESSAGES[code]
        template = en if lang.startswith("en") else zh
        return template.format(
            uid=self.card_uid or "", member_no=self.card_member_no or "", text=self.query
        )


# -- the statements (built once: the lookup runs on every swipe) --------------------------

_HIT_COLUMNS = (
    Member.id,
    Member.member_no,
    Member.name,
    Member.phone,
    Tier.name,
    Member.sv_principal,
    Member.sv_bonus,
    Member.points_balance,
    Member.status,
)
_HITS = select(*_HIT_COLUMNS).join(Tier, Tier.id == Member.tier_id)
_BY_CARD = (
    _HITS.add_columns(Card.uid, Card.status)
    .join(Card, Card.member_id == Member.id)
    .where(Card.uid.in_(bindparam("uids", expanding=True)))
)
_BY_MEMBER_NO = _HITS.where(Member.member_no.in_(bindparam("nos", expanding=True))).limit(1)
_BY_PHONE = _HITS.where(Member.phone == bindparam("phone"))
_BY_IDS = _HITS.where(Member.id.in_(bindparam("ids", expanding=True)))
_LAST4 = (
    select(Member.id)
    .where(Member.phone_last4 == bindparam("digits"))
    .order_by(
        (Member.status != MemberStatus.ACTIVE),
        Member.last_visit_at.desc().nulls_last(),
        Member.id,
    )
    .limit(bindparam("cap", type_=Integer))
)
_KEY_RANGE = (
    select(MemberSearchKey.member_id)
    .where(MemberSearchKey.key >= bindparam("lo"), MemberSearchKey.key < bindparam("hi"))
    .order_by(MemberSearchKey.key, MemberSearchKey.member_id)
    .limit(bindparam("cap", type_=Integer))
)


def _range_statement(column: InstrumentedAttribute[Any]) -> Select[int, Any]:
    """Members whose ``column`` starts with a prefix, in index order, anonymised ones
    left out: ``column >= :lo AND column < :hi`` on the column's index."""
    return (
        select(Member.id, column)
        .where(
            column >= bindparam("lo"),
            column < bindparam("hi"),
            Member.status != MemberStatus.ANONYMISED,
        )
        .order_by(column, Member.id)
        .limit(bindparam("cap", type_=Integer))
    )


_RANGES = {
    MatchKind.NAME: _range_statement(Member.name),
    MatchKind.PINYIN: _range_statement(Member.name_pinyin),
    MatchKind.INITIALS: _range_statement(Member.name_initials),
    MatchKind.PHONE_PREFIX: _range_statement(Member.phone),
}


def _to_hit(row: Sequence[Any], unmasked: bool, match: MatchKind, exact: bool) -> MemberHit:
    return MemberHit(
        id=row[0],
        member_no=row[1],
        name=row[2],
        phone=phone_for(row[3], unmasked),
        phone_is_masked=not unmasked,
        tier_name=row[4],
        sv_principal=row[5],
        sv_bonus=row[6],
        points=row[7],
        status=row[8],
        match=match,
        exact=exact,
    )


def _clean_query(text: str) -> str:
    text = strip_invisible(unicodedata.normalize("NFKC", text or ""))
    return " ".join(text.split())[:MAX_QUERY]


# -- exact kinds ------------------------------------------------------------------------

_BLOCKED = {
    CardStatus.LOST: LookupOutcome.CARD_LOST,
    CardStatus.REPLACED: LookupOutcome.CARD_REPLACED,
    CardStatus.VOID: LookupOutcome.CARD_VOID,
}


def _by_card(conn: Connection, query: str, unmasked: bool) -> LookupResult | None:
    candidates = uid_candidates(query)
    if not candidates:
        return None
    by_uid = {r[-2]: r for r in conn.execute(_BY_CARD, {"uids": candidates})}
    row = next((by_uid[u] for u in candidates if u in by_uid), None)
    if row is None:
        return None
    uid, status = row[-2], row[-1]
    common: dict[str, Any] = {"card_uid": uid, "card_status": status, "card_member_no": row[1]}
    blocked = _BLOCKED.get(status)
    if blocked is not None:
        return LookupResult(query, blocked, MatchKind.CARD, **common)
    hit = _to_hit(row, unmasked, MatchKind.CARD, True)
    return LookupResult(query, LookupOutcome.MEMBER, MatchKind.CARD, (hit,), **common)


def _exact(
    conn: Connection,
    query: str,
    statement: Select[*tuple[Any, ...]],
    params: dict[str, Any],
    kind: MatchKind,
    unmasked: bool,
) -> LookupResult | None:
    row = conn.execute(statement, params).first()
    if row is None:
        return None
    return LookupResult(query, LookupOutcome.MEMBER, kind, (_to_hit(row, unmasked, kind, True),))


def _phone(query: str) -> str | None:
    digits = re.sub(r"[\s\-()]", "", query)
    if digits.startswith("+86"):
        digits = digits[3:]
    return digits if PHONE_RE.match(digits) else None


# -- pick lists ---------------------------------------------------------------------------


@dataclass
class _Ranked:
    """Candidates gathered from several index ranges, best first, without repeats."""

    limit: int
    order: list[tuple[int, int, int]]  # (rank, position, member id)
    kinds: dict[int, tuple[MatchKind, bool]]
    more: bool = False

    def add(self, ids: Iterable[tuple[int, bool]], kind: MatchKind, group: int, cap: int) -> None:
        got = 0
        for member_id, exact in ids:
            got += 1
            if got > cap:
                self.more = True
                break
            if member_id in self.kinds:
                continue
            rank = 0 if exact else group
            self.order.append((rank, len(self.order), member_id))
            self.kinds[member_id] = (kind, exact)

    def hits(self, conn: Connection, unmasked: bool) -> tuple[tuple[MemberHit, ...], bool]:
        ranked = [mid for _, _, mid in sorted(self.order)]
        more = self.more or len(ranked) > self.limit
        chosen = ranked[: self.limit]
        if not chosen:
            return (), more
        rows = {r[0]: r for r in conn.execute(_BY_IDS, {"ids": chosen})}
        return (
            tuple(_to_hit(rows[mid], unmasked, *self.kinds[mid]) for mid in chosen if mid in rows),
            more,
        )


def _range(conn: Connection, kind: MatchKind, prefix: str, cap: int) -> list[tuple[int, bool]]:
    """(member id, whole value == prefix) for values that start with ``prefix``."""
    params = {"lo": prefix, "hi": prefix_upper_bound(prefix), "cap": cap + 1}
    return [(r[0], r[1] == prefix) for r in conn.execute(_RANGES[kind], params)]


def _key_range(conn: Connection, prefix: str, cap: int) -> list[tuple[int, bool]]:
    params = {"lo": prefix, "hi": prefix_upper_bound(prefix), "cap": cap + 1}
    return [(r[0], False) for r in conn.execute(_KEY_RANGE, params)]


def _last4(conn: Connection, digits: str, cap: int) -> list[tuple[int, bool]]:
    return [(r[0], True) for r in conn.execute(_LAST4, {"digits": digits, "cap": cap + 1})]


def _search(conn: Connection, query: str, limit: int, unmasked: bool) -> LookupResult:
    ranked = _Ranked(limit, [], {})
    cap = limit
    if _DIGITS_RE.match(query):
        if len(query) == 4:
            ranked.add(_last4(conn, query, cap), MatchKind.PHONE_LAST4, 1, cap)
        elif 5 <= len(query) <= 10 and query[0] == "1":
            kind = MatchKind.PHONE_PREFIX
            ranked.add(_range(conn, kind, query, cap), kind, 1, cap)
    elif _PINYIN_QUERY_RE.match(query.lower()):
        q = query.lower().replace(" ", "").replace("'", "")
        if q:
            for group, kind in enumerate((MatchKind.INITIALS, MatchKind.PINYIN), start=1):
                ranked.add(_range(conn, kind, q, cap), kind, group, cap)
            ranked.add(_key_range(conn, q, 2 * cap), MatchKind.PINYIN_PART, 3, 2 * cap)
    else:
        ranked.add(_range(conn, MatchKind.NAME, query, cap), MatchKind.NAME, 1, cap)
        ranked.add(_key_range(conn, query.casefold(), 2 * cap), MatchKind.NAME_PART, 2, 2 * cap)
    hits, more = ranked.hits(conn, unmasked)
    if not hits:
        return _not_found(query)
    return LookupResult(query, LookupOutcome.PICK, hits[0].match, hits, more)


def _not_found(query: str) -> LookupResult:
    """A miss; text that reads as a card UID is reported as an unknown card."""
    candidates = uid_candidates(query)
    if candidates:
        return LookupResult(query, LookupOutcome.NOT_FOUND, MatchKind.CARD, card_uid=candidates[0])
    return LookupResult(query, LookupOutcome.NOT_FOUND, None)


def lookup_in(
    session: Session, text: str, *, unmasked: bool, limit: int = DEFAULT_LIMIT
) -> LookupResult:
    """The lookup in the caller's transaction (see :func:`lookup`)."""
    conn = session.connection()
    query = _clean_query(text)
    if not query:
        return _not_found(query)
    result = _by_card(conn, query, unmasked)
    phone = _phone(query) if result is None else None
    if phone is not None:  # a full phone number
        result = _exact(conn, query, _BY_PHONE, {"phone": phone}, MatchKind.PHONE, unmasked)
    if result is None:  # member numbers may be digits too (legacy systems)
        nos = list(dict.fromkeys((query, query.upper())))
        result = _exact(conn, query, _BY_MEMBER_NO, {"nos": nos}, MatchKind.MEMBER_NO, unmasked)
    if result is None and phone is not None:
        return LookupResult(query, LookupOutcome.NOT_FOUND, MatchKind.PHONE)
    return result or _search(conn, query, max(1, limit), unmasked)


def lookup(db: Database, actor: Actor, text: str, *, limit: int = DEFAULT_LIMIT) -> LookupResult:
    """Find the member(s) ``text`` denotes. Any active staff member may look up;
    phones in the result are masked unless the actor's role may unmask them."""
    with db.reader() as uow:
        s = uow.session
        return lookup_in(s, text, unmasked=may_unmask(s, actor), limit=limit)


def identify_card(db: Database, uid_text: str) -> LookupResult:
    """Whose card this is, for the reader test: what any cashier would see (phone
    masked); no member is found by anything but the card."""
    with db.reader() as uow:
        query = _clean_query(uid_text)
        result = _by_card(uow.session.connection(), query, unmasked=False)
        return result or LookupResult(
            query, LookupOutcome.NOT_FOUND, MatchKind.CARD, card_uid=query
        )


__all__ = [
    "DEFAULT_LIMIT",
    "LookupOutcome",
    "LookupResult",
    "MatchKind",
    "MemberHit",
    "identify_card",
    "lookup",
    "lookup_in",
]
