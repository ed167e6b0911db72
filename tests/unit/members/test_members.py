"""Member use cases: register, read, edit, deactivate, anonymise; masking; audit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Card, Member, PointsEntry, StoredValueEntry
from memberdesk.models.enums import CardStatus, Gender, MemberStatus, PointsKind, StoredValueKind
from memberdesk.models.members import MemberSearchKey
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.closing import ANONYMISED_NAME, anonymise_member, set_member_active
from memberdesk.services.members.details import get_member
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.services.members.profiles import add_member_in, edit_member
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.staff.approvals import grant_approval

Staff = dict[str, Any]


def _audit_text(db: Database) -> str:
    with db.reader() as uow:
        return "\n".join(
            f"{a.action} {a.entity_id} {a.detail}" for a in uow.session.scalars(select(AuditEntry))
        )


def test_register_generates_numbers_and_stores_search_keys(db: Database, staff: Staff) -> None:
    a = register_member(db, staff["cashier"], phone="13800138000", name="王小明",
                        gender=Gender.MALE, birthday=date(1990, 5, 1), tags="VIP,常客",
                        email="xm@example.cn", address="上海市", marketing_consent=True)  # fmt: skip
    b = register_member(db, staff["cashier"], phone="+86 139 0013 9000", name="李四")
    assert (a.member_no, b.member_no) == ("M000001", "M000002")
    assert a.phone_masked == "138****8000"
    with db.reader() as uow:
        m = uow.session.scalar(select(Member).where(Member.member_no == "M000001"))
        assert m is not None
        assert (m.name_pinyin, m.name_initials, m.phone_last4) == ("wangxiaoming", "wxm", "8000")
        keys = set(uow.session.scalars(select(MemberSearchKey.key).where(
            MemberSearchKey.member_id == m.id)))  # fmt: skip
        assert {"小明", "xiaoming", "xm"} <= keys
    detail = get_member(db, staff["owner"], "M000001")
    assert detail.phone == "13800138000" and not detail.phone_is_masked
    assert detail.tags == ("VIP", "常客") and detail.birthday == date(1990, 5, 1)
    assert detail.email == "xm@example.cn" and detail.marketing_consent
    assert get_member(db, staff["cashier"], "M000001").phone == "138****8000"
    assert get_member(db, staff["manager"], "M000001").phone == "13800138000"


def test_duplicate_phone_is_refused_with_a_masked_message(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三")
    with pytest.raises(ConflictError) as err:
        register_member(db, staff["cashier"], phone="138 0013 8000", name="张三丰")
    assert err.value.code == "phone_taken"
    assert "13800138000" not in err.value.message("zh_CN")
    assert "138****8000" in err.value.message("en") and "M000001" in err.value.message("en")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"phone": "1380013800"}, "invalid_phone"),
        ({"name": ""}, "field_required"),
        ({"name": "长" * 41}, "field_text_too_long"),
        ({"birthday": date(1880, 1, 1)}, "birthday_out_of_range"),
        ({"email": "x@"}, "invalid_email"),
        ({"address": "路" * 201}, "field_text_too_long"),
        ({"notes": "备" * 2001}, "field_text_too_long"),
    ],
)
def test_bad_registrations_write_nothing(
    db: Database, staff: Staff, kwargs: dict[str, Any], code: str
) -> None:
    args: dict[str, Any] = {"phone": "13800138000", "name": "张三", **kwargs}
    with pytest.raises(ValidationError) as err:
        register_member(db, staff["cashier"], **args)
    assert err.value.code == code
    with db.reader() as uow:
        assert uow.session.scalar(select(Member.id)) is None
        assert uow.session.scalar(select(MemberSearchKey.key)) is None


def test_register_with_a_card(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三", card_uid="04:a1:b2:c3")
    result = lookup(db, staff["cashier"], "04A1B2C3")
    assert result.outcome is LookupOutcome.MEMBER and result.member is not None
    assert result.member.member_no == "M000001"


def test_edit_updates_search_and_audits_without_personal_data(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三")
    detail = edit_member(db, staff["cashier"], "M000001", name="李小龙", phone="13900139000",
                         gender=Gender.MALE, notes="爱喝茶", tags=["老客"])  # fmt: skip
    assert detail.name == "李小龙" and detail.phone == "139****9000" and detail.tags == ("老客",)
    assert detail.notes == "爱喝茶" and detail.gender is Gender.MALE
    assert lookup(db, staff["cashier"], "zs").outcome is LookupOutcome.NOT_FOUND
    assert lookup(db, staff["cashier"], "三").outcome is LookupOutcome.NOT_FOUND
    for text in ("lxl", "小龙", "xiaolong", "9000", "13900139000"):
        assert lookup(db, staff["cashier"], text).members[0].member_no == "M000001", text
    assert lookup(db, staff["cashier"], "13800138000").outcome is LookupOutcome.NOT_FOUND
    audit_text = _audit_text(db)
    assert "member.edit" in audit_text
    assert "13800138000" not in audit_text and "13900139000" not in audit_text
    assert "139****9000" in audit_text
    # unchanged values write no audit row
    before = audit_text.count("member.edit")
    edit_member(db, staff["cashier"], "M000001", name="李小龙")
    assert _audit_text(db).count("member.edit") == before


def test_edit_to_a_taken_phone_is_refused(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三")
    register_member(db, staff["cashier"], phone="13900139000", name="李四")
    with pytest.raises(ConflictError):
        edit_member(db, staff["cashier"], "M000002", phone="13800138000")
    with pytest.raises(NotFoundError):
        edit_member(db, staff["cashier"], "M999999", name="x")


def test_deactivate_and_reactivate(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三")
    s = set_member_active(db, staff["cashier"], "M000001", active=False, reason="搬家")
    assert s.status is MemberStatus.INACTIVE
    hit = lookup(db, staff["cashier"], "13800138000").members[0]
    assert hit.status is MemberStatus.INACTIVE  # still found, shown as deactivated
    assert set_member_active(db, staff["cashier"], "M000001", active=True).status is (
        MemberStatus.ACTIVE
    )
    assert "member.deactivate" in _audit_text(db) and "member.activate" in _audit_text(db)


def _member_with_history(db: Database) -> int:
    with db.uow() as uow:
        s = uow.session
        m = add_member_in(s, phone="13800138000", name="张三", birthday=date(1990, 1, 2),
                          email="z@x.cn", address="北京", notes="VIP", tags="老客")  # fmt: skip
        s.add(Card(uid="04A1B2C3", member_id=m.id))
        ledger.post_stored_value(s, m.id, StoredValueKind.RECHARGE, Money(5000), Money(1000),
                                 ledger.Refs())  # fmt: skip
        ledger.post_stored_value(s, m.id, StoredValueKind.SPEND, Money(-5000), Money(-1000),
                                 ledger.Refs())  # fmt: skip
        ledger.credit_points(s, m.id, PointsKind.EARN, 120, None, ledger.Refs())
        uow.commit()
        return m.id


def test_anonymise_removes_personal_data_and_keeps_the_books(db: Database, staff: Staff) -> None:
    member_id = _member_with_history(db)
    with pytest.raises(PermissionDenied):
        anonymise_member(db, staff["manager"], "M000001", reason="顾客要求注销")
    with pytest.raises(ValidationError):
        anonymise_member(db, staff["owner"], "M000001", reason=" ")
    result = anonymise_member(db, staff["owner"], "M000001", reason="顾客要求注销")
    assert result.status is MemberStatus.ANONYMISED and result.member_no == "M000001"
    with db.reader() as uow:
        s = uow.session
        m = s.get(Member, member_id)
        assert m is not None
        assert (m.name, m.phone, m.phone_last4, m.birthday, m.email, m.address) == (
            ANONYMISED_NAME, None, None, None, None, None)  # fmt: skip
        assert (m.notes, m.tags, m.name_pinyin, m.name_initials) == ("", "", "", "")
        assert m.points_balance == 120
        assert len(list(s.scalars(select(StoredValueEntry).where(
            StoredValueEntry.member_id == member_id)))) == 2  # fmt: skip
        assert len(list(s.scalars(select(PointsEntry).where(
            PointsEntry.member_id == member_id)))) == 1  # fmt: skip
        assert s.scalar(select(Card.status)) is CardStatus.VOID
        assert s.scalar(select(MemberSearchKey.key)) is None
    for text in ("张三", "zs", "8000", "13800138000", "三"):
        assert lookup(db, staff["owner"], text).outcome is LookupOutcome.NOT_FOUND, text
    by_no = lookup(db, staff["owner"], "M000001")
    assert by_no.member is not None and by_no.member.status is MemberStatus.ANONYMISED
    assert lookup(db, staff["owner"], "04A1B2C3").outcome is LookupOutcome.CARD_VOID
    with pytest.raises(ConflictError):
        edit_member(db, staff["owner"], "M000001", name="复活")
    assert "member.anonymise" in _audit_text(db)
    assert check_database(db) == []
    # The phone is free again for a new registration.
    assert register_member(db, staff["cashier"], phone="13800138000", name="新张三").member_no


def test_anonymise_with_a_cashier_approval(db: Database, staff: Staff) -> None:
    _member_with_history(db)
    grant = grant_approval(db, staff["cashier"], approver_username="owner",
                           approver_password="owner-pass", permission=Permission.ANONYMISE_MEMBER,
                           reason="顾客要求")  # fmt: skip
    anonymise_member(
        db, staff["cashier"], "M000001", reason="顾客要求", approval_id=grant.approval_id
    )
    with db.reader() as uow:
        entry = uow.session.scalar(
            select(AuditEntry).where(AuditEntry.action == "member.anonymise")
        )
        assert entry is not None and entry.approver_id == staff["owner"].staff_id


def test_anonymise_refused_while_stored_value_remains(db: Database, staff: Staff) -> None:
    m = register_member(db, staff["cashier"], phone="13800138000", name="张三")
    with db.uow() as uow:
        ledger.post_stored_value(uow.session, m.id, StoredValueKind.RECHARGE, Money(100),
                                 Money(0), ledger.Refs())  # fmt: skip
        uow.commit()
    with pytest.raises(ConflictError) as err:
        anonymise_member(db, staff["owner"], "M000001", reason="注销")
    assert err.value.code == "anonymise_has_balance" and "¥1.00" in err.value.message("en")
    assert get_member(db, staff["owner"], "M000001").name == "张三"
