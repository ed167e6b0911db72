"""The one lookup: every way a shop finds a member, ranked; masked per role; and
every query it runs is an index seek or range (EXPLAIN QUERY PLAN)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from memberdesk.db import Database
from memberdesk.models import Card
from memberdesk.models.enums import CardStatus, MemberStatus
from memberdesk.money import Money
from memberdesk.services.members.closing import set_member_active
from memberdesk.services.members.lookup import LookupOutcome, MatchKind, lookup
from memberdesk.services.members.profiles import add_member_in

Staff = dict[str, Any]

PEOPLE = [
    ("13800138000", "张三"),
    ("13900135678", "张三丰"),
    ("13700135678", "王小明"),
    ("13600135678", "单田芳"),
    ("13500131234", "李小龙"),
    ("13300138888", "Tom Li"),
    ("13200136666", "欧阳娜娜"),
    ("15000135678", "赵敏"),
]


@pytest.fixture
def people(db: Database, staff: Staff) -> None:
    with db.uow() as uow:
        s = uow.session
        for phone, name in PEOPLE:
            add_member_in(s, phone=phone, name=name)
        s.add(Card(uid="04A1B2C3", member_id=1))
        uow.commit()
    set_member_active(db, staff["owner"], "M000008", active=False)


def _names(result: Any) -> list[str]:
    return [h.name for h in result.members]


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("text", "kind", "names"),
    [
        ("04A1B2C3", MatchKind.CARD, ["张三"]),
        ("0077705923", MatchKind.CARD, ["张三"]),
        ("M000002", MatchKind.MEMBER_NO, ["张三丰"]),
        ("m000002", MatchKind.MEMBER_NO, ["张三丰"]),
        ("13800138000", MatchKind.PHONE, ["张三"]),
        ("138 0013 8000", MatchKind.PHONE, ["张三"]),
    ],
)
def test_exact_lookups(
    db: Database, staff: Staff, text: str, kind: MatchKind, names: list[str]
) -> None:
    result = lookup(db, staff["cashier"], text)
    assert result.outcome is LookupOutcome.MEMBER and result.matched_by is kind
    assert _names(result) == names
    assert result.member is not None and result.member.exact


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("text", "kind", "names"),
    [
        ("5678", MatchKind.PHONE_LAST4, ["张三丰", "王小明", "单田芳", "赵敏"]),
        ("1390013", MatchKind.PHONE_PREFIX, ["张三丰"]),
        ("张三", MatchKind.NAME, ["张三", "张三丰"]),  # exact first, then longer
        ("张", MatchKind.NAME, ["张三", "张三丰"]),
        ("三", MatchKind.NAME_PART, ["张三", "张三丰"]),
        ("小", MatchKind.NAME_PART, ["王小明", "李小龙"]),
        ("小明", MatchKind.NAME_PART, ["王小明"]),
        ("娜娜", MatchKind.NAME_PART, ["欧阳娜娜"]),
        ("zs", MatchKind.INITIALS, ["张三", "张三丰"]),
        ("ZS", MatchKind.INITIALS, ["张三", "张三丰"]),
        ("zsf", MatchKind.INITIALS, ["张三丰"]),
        ("zhangsan", MatchKind.PINYIN, ["张三", "张三丰"]),
        ("zhang san", MatchKind.PINYIN, ["张三", "张三丰"]),
        ("zhang", MatchKind.PINYIN, ["张三", "张三丰"]),
        ("xiaoming", MatchKind.PINYIN_PART, ["王小明"]),
        ("xm", MatchKind.PINYIN_PART, ["王小明"]),
        ("stf", MatchKind.INITIALS, ["单田芳"]),
        ("dtf", MatchKind.PINYIN_PART, ["单田芳"]),  # the everyday reading of 单 still works
        ("oyn", MatchKind.INITIALS, ["欧阳娜娜"]),
        ("tom", MatchKind.PINYIN, ["Tom Li"]),
        ("Tom Li", MatchKind.PINYIN, ["Tom Li"]),
        ("zm", MatchKind.INITIALS, ["赵敏"]),
    ],
)
def test_pick_lists(
    db: Database, staff: Staff, text: str, kind: MatchKind, names: list[str]
) -> None:
    result = lookup(db, staff["cashier"], text)
    assert result.outcome is LookupOutcome.PICK, result
    assert result.matched_by is kind
    assert _names(result) == names


@pytest.mark.usefixtures("people")
def test_ranking_puts_exact_matches_first(db: Database, staff: Staff) -> None:
    # "zs" is exactly 张三's initials and a prefix of 张三丰's ("zsf").
    result = lookup(db, staff["cashier"], "zs")
    assert _names(result)[0] == "张三" and result.members[0].exact
    li = lookup(db, staff["cashier"], "li")  # 李小龙 by pinyin prefix, Tom Li by a later word
    assert _names(li) == ["李小龙", "Tom Li"]
    assert [h.match for h in li.members] == [MatchKind.PINYIN, MatchKind.PINYIN_PART]


@pytest.mark.usefixtures("people")
def test_phones_are_masked_unless_the_role_may_unmask(db: Database, staff: Staff) -> None:
    cashier = lookup(db, staff["cashier"], "5678")
    assert {h.phone for h in cashier.members} == {
        "139****5678", "137****5678", "136****5678", "150****5678"}  # fmt: skip
    assert all(h.phone_is_masked for h in cashier.members)
    manager = lookup(db, staff["manager"], "5678")
    assert "13900135678" in {h.phone for h in manager.members}
    assert not any(h.phone_is_masked for h in manager.members)


@pytest.mark.usefixtures("people")
def test_the_counter_summary(db: Database, staff: Staff) -> None:
    hit = lookup(db, staff["cashier"], "zm").members[0]
    assert (hit.member_no, hit.tier_name, hit.points) == ("M000008", "普通会员", 0)
    assert (hit.sv_principal, hit.sv_bonus, hit.stored_value) == (Money(0), Money(0), Money(0))
    assert hit.status is MemberStatus.INACTIVE  # deactivated members are shown, flagged


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize("text", ["", "   ", "13812345678", "9999", "不存在", "qqqq", "M999999"])
def test_misses(db: Database, staff: Staff, text: str) -> None:
    result = lookup(db, staff["cashier"], text)
    assert result.outcome is LookupOutcome.NOT_FOUND and result.members == ()
    assert result.message("en")


def test_limit_and_more(db: Database, staff: Staff) -> None:
    with db.uow() as uow:
        for i in range(30):
            add_member_in(uow.session, phone=f"1380000{i:04d}", name=f"王{chr(0x4E00 + i)}")
        uow.commit()
    result = lookup(db, staff["cashier"], "王", limit=10)
    assert len(result.members) == 10 and result.more
    result = lookup(db, staff["cashier"], "王", limit=50)
    assert len(result.members) == 30 and not result.more
    result = lookup(db, staff["cashier"], "00", limit=5)  # not a search: too short
    assert result.outcome is LookupOutcome.NOT_FOUND


# -- query plans ------------------------------------------------------------------------

LOOKUP_TEXTS = [
    "04A1B2C3", "0077705923", "M000002", "13800138000", "5678", "1390013", "张三", "三",
    "小明", "zs", "zhang", "xiaoming", "dtf", "Tom Li", "不存在", "qqqq", "M999999",
]  # fmt: skip


@pytest.fixture
def captured(db: Database) -> Iterator[list[str]]:
    """Every SELECT the SQLite driver runs (with its values in), whether it came
    through SQLAlchemy or straight from the driver (the exact lookups)."""
    seen: list[str] = []

    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(
            lambda sql: seen.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)

    db.engine.dispose()  # new connections, each with the trace
    event.listen(db.engine, "connect", trace)
    yield seen
    event.remove(db.engine, "connect", trace)
    db.engine.dispose()


@pytest.mark.usefixtures("people")
@pytest.mark.sqlite_only  # SQLite's query plans
def test_no_lookup_scans_a_table(db: Database, staff: Staff, captured: list[str]) -> None:
    """Every SELECT a lookup runs is an index SEARCH on members, cards and the search
    keys (tiers and staff are looked up by primary key too)."""
    for text in LOOKUP_TEXTS:
        lookup(db, staff["cashier"], text)
    assert len(captured) > len(LOOKUP_TEXTS)
    assert db.paths is not None
    raw = sqlite3.connect(db.paths.database)
    try:
        for statement in captured:
            plan = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}")]
            for step in plan:
                assert not step.startswith("SCAN"), (statement, plan)
            assert any(step.startswith("SEARCH") for step in plan), (statement, plan)
    finally:
        raw.close()


# -- one read a swipe ---------------------------------------------------------------------


@pytest.mark.usefixtures("people")
@pytest.mark.sqlite_only  # the driver's trace
def test_an_exact_lookup_is_one_statement(db: Database, staff: Staff) -> None:
    """A card, a member number and a full phone each cost the driver one SELECT (the
    staff member's role comes with the member row) and nothing else, no BEGIN; the
    rows read as SQLAlchemy would give them (Money, the status, the masking)."""
    sent: list[str] = []

    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(sent.append)

    db.engine.dispose()
    event.listen(db.engine, "connect", trace)
    try:
        for text in ("04A1B2C3", "M000002", "m000002", "13800138000"):
            sent.clear()
            result = lookup(db, staff["cashier"], text)
            assert result.outcome is LookupOutcome.MEMBER
            hit = result.members[0]
            assert hit.phone_is_masked and "****" in hit.phone
            assert isinstance(hit.sv_principal, Money) and hit.status is MemberStatus.ACTIVE
            assert len(sent) == 1 and sent[0].startswith("SELECT"), sent
        manager = lookup(db, staff["manager"], "13800138000")
        assert manager.members[0].phone == "13800138000"
        assert not manager.members[0].phone_is_masked
        assert manager.members[0].tier_name
    finally:
        event.remove(db.engine, "connect", trace)
        db.engine.dispose()


@pytest.mark.usefixtures("people")
def test_exact_lookups_give_what_the_session_lookup_gives(db: Database, staff: Staff) -> None:
    """The exact kinds read on the driver (SQLite) and the same lookup in a session
    (lookup_in, through SQLAlchemy) give equal results, masked alike."""
    from memberdesk.services.members.lookup import lookup_in

    for who, unmasked in (("cashier", False), ("manager", True)):
        for text in ("04A1B2C3", "M000002", "13800138000", "13700135678", "5678", "zs"):
            with db.reader() as uow:
                expected = lookup_in(uow.session, text, unmasked=unmasked)
            assert lookup(db, staff[who], text) == expected, (who, text)


@pytest.mark.usefixtures("people")
def test_a_disabled_account_finds_nobody(db: Database, staff: Staff) -> None:
    """The role is read with the member (a hit), or on its own (a miss, a pick list):
    a disabled cashier is refused either way, a blocked card included."""
    from memberdesk.services.shared.errors import AuthError
    from memberdesk.services.staff.accounts import set_staff_active

    with db.uow() as uow:
        uow.session.add(Card(uid="0A0B0C0D", member_id=2, status=CardStatus.LOST))
        uow.commit()
    cashier = staff["cashier"]
    assert lookup(db, cashier, "0A0B0C0D").outcome is LookupOutcome.CARD_LOST
    set_staff_active(db, staff["owner"], cashier.username, False)
    for text in ("04A1B2C3", "0A0B0C0D", "M000002", "13800138000", "13899999999", "张",
                 "不存在", "zs"):
        with pytest.raises(AuthError):
            lookup(db, cashier, text)
