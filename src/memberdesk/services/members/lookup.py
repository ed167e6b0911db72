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

from sqlalchemy import Connection, Select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.hardware.uid import uid_candidates
from memberdesk.models.enums import CardStatus, MemberStatus
from memberdesk.money import Money
from memberdesk.services.members import lookup_sql
from memberdesk.services.members.details import phone_for
from memberdesk.services.members.lookup_sql import Run, Viewer
from memberdesk.services.members.search_keys import prefix_upper_bound
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import MESSAGES
from memberdesk.services.shared.phones import PHONE_RE
from memberdesk.services.shared.requests import strip_invisible

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


# What the text starts (the name, the pinyin initials, the full pinyin), as against a
# later syllable or a part of the name (NAME_PART, PINYIN_PART).
LEADING = frozenset({MatchKind.NAME, MatchKind.INITIALS, MatchKind.PINYIN})


def sole_leading_match(result: LookupResult) -> MemberHit | None:
    """The member of a pick list when exactly one member's name, pinyin initials or
    pinyin starts with the text (the others matched only inside the name or at a
    later syllable: 李张三 for "zs"): the counter opens that member at once, as it
    does a phone or a card. None otherwise."""
    if result.outcome is not LookupOutcome.PICK:
        return None
    leading = [hit for hit in result.members if hit.match in LEADING]
    return leading[0] if len(leading) == 1 else None


_RANGES = {
    MatchKind.NAME: lookup_sql.RANGE_NAME,
    MatchKind.PINYIN: lookup_sql.RANGE_PINYIN,
    MatchKind.INITIALS: lookup_sql.RANGE_INITIALS,
    MatchKind.PHONE_PREFIX: lookup_sql.RANGE_PHONE,
}


def _to_hit(row: Sequence[Any], viewer: Viewer, match: MatchKind, exact: bool) -> MemberHit:
    unmasked = viewer.of_row(row)
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


def _by_card(run: Run, query: str, viewer: Viewer) -> LookupResult | None:
    candidates = uid_candidates(query)
    if not candidates:
        return None
    params = {"staff_id": viewer.staff_id, **lookup_sql.uid_params(candidates)}
    by_uid = {r[-2]: r for r in run(lookup_sql.BY_CARD, params)}
    row = next((by_uid[u] for u in candidates if u in by_uid), None)
    if row is None:
        return None
    viewer.of_row(row)  # a disabled account learns nothing, not even a blocked card
    uid, status = row[-2], row[-1]
    common: dict[str, Any] = {"card_uid": uid, "card_status": status, "card_member_no": row[1]}
    blocked = _BLOCKED.get(status)
    if blocked is not None:
        return LookupResult(query, blocked, MatchKind.CARD, **common)
    hit = _to_hit(row, viewer, MatchKind.CARD, True)
    return LookupResult(query, LookupOutcome.MEMBER, MatchKind.CARD, (hit,), **common)


def _exact(
    run: Run,
    query: str,
    statement: Select[*tuple[Any, ...]],
    params: dict[str, Any],
    kind: MatchKind,
    viewer: Viewer,
) -> LookupResult | None:
    rows = run(statement, {"staff_id": viewer.staff_id, **params})
    if not rows:
        return None
    row = rows[0]
    return LookupResult(query, LookupOutcome.MEMBER, kind, (_to_hit(row, viewer, kind, True),))


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

    def hits(self, conn: Connection, viewer: Viewer) -> tuple[tuple[MemberHit, ...], bool]:
        ranked = [mid for _, _, mid in sorted(self.order)]
        more = self.more or len(ranked) > self.limit
        chosen = ranked[: self.limit]
        if not chosen:
            return (), more
        params = {"ids": chosen, "staff_id": viewer.staff_id}
        rows = {r[0]: r for r in conn.execute(lookup_sql.BY_IDS, params)}
        return (
            tuple(_to_hit(rows[mid], viewer, *self.kinds[mid]) for mid in chosen if mid in rows),
            more,
        )


def _range(conn: Connection, kind: MatchKind, prefix: str, cap: int) -> list[tuple[int, bool]]:
    """(member id, whole value == prefix) for values that start with ``prefix``."""
    params = {"lo": prefix, "hi": prefix_upper_bound(prefix), "cap": cap + 1}
    return [(r[0], r[1] == prefix) for r in conn.execute(_RANGES[kind], params)]


def _key_range(conn: Connection, prefix: str, cap: int) -> list[tuple[int, bool]]:
    params = {"lo": prefix, "hi": prefix_upper_bound(prefix), "cap": cap + 1}
    return [(r[0], False) for r in conn.execute(lookup_sql.KEY_RANGE, params)]


def _last4(conn: Connection, digits: str, cap: int) -> list[tuple[int, bool]]:
    params = {"digits": digits, "cap": cap + 1}
    return [(r[0], True) for r in conn.execute(lookup_sql.LAST4, params)]


def _search(conn: Connection, query: str, limit: int, viewer: Viewer) -> LookupResult:
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
    hits, more = ranked.hits(conn, viewer)
    if not hits:
        return _not_found(query)
    return LookupResult(query, LookupOutcome.PICK, hits[0].match, hits, more)


def _not_found(query: str) -> LookupResult:
    """A miss; text that reads as a card UID is reported as an unknown card."""
    candidates = uid_candidates(query)
    if candidates:
        return LookupResult(query, LookupOutcome.NOT_FOUND, MatchKind.CARD, card_uid=candidates[0])
    return LookupResult(query, LookupOutcome.NOT_FOUND, None)


def _identify(run: Run, query: str, viewer: Viewer) -> tuple[LookupResult | None, str | None]:
    """The exact kinds, in order: a card, a full phone, a member number. Returns the
    result (None: none of them) and the phone number the text is, if it is one."""
    result = _by_card(run, query, viewer)
    phone = _phone(query) if result is None else None
    if phone is not None:  # a full phone number
        result = _exact(run, query, lookup_sql.BY_PHONE, {"phone": phone}, MatchKind.PHONE,
                        viewer)
    if result is None:  # member numbers may be digits too (legacy systems)
        nos = {"no": query, "no_upper": query.upper()}
        result = _exact(run, query, lookup_sql.BY_MEMBER_NO, nos, MatchKind.MEMBER_NO, viewer)
    return result, phone


def _rest(
    conn: Connection, query: str, phone: str | None, viewer: Viewer, limit: int
) -> LookupResult:
    """After the exact kinds found nothing: a phone that is nobody's, or the search."""
    if phone is not None:
        return LookupResult(query, LookupOutcome.NOT_FOUND, MatchKind.PHONE)
    return _search(conn, query, max(1, limit), viewer)


def _on(conn: Connection) -> Run:
    return lambda statement, params: conn.execute(statement, params).all()


def _lookup(conn: Connection, text: str, viewer: Viewer, limit: int) -> LookupResult:
    query = _clean_query(text)
    if not query:
        return _not_found(query)
    result, phone = _identify(_on(conn), query, viewer)
    return result or _rest(conn, query, phone, viewer, limit)


def lookup_in(
    session: Session, text: str, *, unmasked: bool, limit: int = DEFAULT_LIMIT
) -> LookupResult:
    """The lookup in the caller's transaction (see :func:`lookup`)."""
    return _lookup(session.connection(), text, Viewer(None, unmasked), limit)


def lookup(db: Database, actor: Actor, text: str, *, limit: int = DEFAULT_LIMIT) -> LookupResult:
    """Find the member(s) ``text`` denotes. Any active staff member may look up;
    phones in the result are masked unless the actor's role may unmask them (the
    role is re-read with the member, in the same statement: one read a swipe). On
    SQLite the exact kinds run on the driver's connection (:class:`.DriverRead`)."""
    query = _clean_query(text)
    viewer = Viewer(actor.staff_id)
    result, phone = (None, None)
    if query and db.engine.dialect.name == "sqlite":
        with db.driver_read() as driver:
            result, phone = _identify(lookup_sql.driver_runner(driver), query, viewer)
        if result is not None:
            return result
    with db.quick_read() as conn:
        if not query:
            result = _not_found(query)
        elif db.engine.dialect.name == "sqlite":
            result = _rest(conn, query, phone, viewer, limit)
        else:
            result = _lookup(conn, query, viewer, limit)
        viewer.check(conn)  # a miss brought no row: the account is checked on its own
        return result


def identify_card(db: Database, uid_text: str) -> LookupResult:
    """Whose card this is, for the reader test: what any cashier would see (phone
    masked); no member is found by anything but the card."""
    with db.quick_read() as conn:
        query = _clean_query(uid_text)
        result = _by_card(_on(conn), query, Viewer(None, unmasked=False))
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
