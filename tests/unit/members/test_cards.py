"""Cards: one canonical UID whatever the reader printed; lost, replaced, void."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Card
from memberdesk.models.enums import CardStatus, StoredValueKind
from memberdesk.money import Money
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.cards import (
    bind_card,
    cancel_card_lost,
    replace_card,
    report_card_lost,
    void_card,
)
from memberdesk.services.members.closing import set_member_active
from memberdesk.services.members.lookup import LookupOutcome, identify_card, lookup
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import ConflictError, NotFoundError, ValidationError

Staff = dict[str, Any]
UID = "04A1B2C3"
# The same 4-byte card as readers print it.
FORMS = [
    "04A1B2C3",  # PC/SC, hex
    "04a1b2c3",
    "04:A1:B2:C3",
    "4 a1 b2 c3",
    "0x04A1B2C3",
    "０４Ａ１Ｂ２Ｃ３",  # full width, from a Chinese IME
    "0077705923",  # 10-digit decimal, big-endian (a wedge reader)
    "77705923",  # the same without leading zeros (an Excel number cell)
    "3283263748",  # 10-digit decimal of the byte-reversed UID
    "C3B2A104",  # byte-reversed hex
]


@pytest.fixture
def two_members(db: Database, staff: Staff) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三")
    register_member(db, staff["cashier"], phone="13900139000", name="李四")


@pytest.mark.usefixtures("two_members")
@pytest.mark.parametrize("bound_as", [FORMS[0], FORMS[6], FORMS[8], FORMS[9]])
def test_every_form_finds_the_one_card(db: Database, staff: Staff, bound_as: str) -> None:
    info = bind_card(db, staff["cashier"], "M000001", bound_as)
    assert info.status is CardStatus.ACTIVE and info.member_no == "M000001"
    for form in FORMS:
        result = lookup(db, staff["cashier"], form)
        assert result.outcome is LookupOutcome.MEMBER, form
        assert result.member is not None and result.member.member_no == "M000001"
        assert result.card_uid == info.uid
    with db.reader() as uow:
        assert list(uow.session.scalars(select(Card.uid))) == [info.uid]


@pytest.mark.usefixtures("two_members")
def test_a_card_binds_to_one_member_only_in_any_form(db: Database, staff: Staff) -> None:
    bind_card(db, staff["cashier"], "M000001", UID)
    for form in FORMS:
        with pytest.raises(ConflictError) as err:
            bind_card(db, staff["cashier"], "M000002", form)
        assert err.value.code == "card_taken" and "M000001" in err.value.message("en")
    # binding the same card to the same member again changes nothing
    assert bind_card(db, staff["cashier"], "M000001", "0077705923").uid == UID
    with db.reader() as uow:
        assert len(list(uow.session.scalars(select(Card)))) == 1


@pytest.mark.usefixtures("two_members")
@pytest.mark.parametrize(
    "text", ["", "hello", "04A1B2", "04A1B2C3D", "12345", "4294967296", "x" * 80]
)
def test_garbage_is_not_a_card(db: Database, staff: Staff, text: str) -> None:
    with pytest.raises(ValidationError) as err:
        bind_card(db, staff["cashier"], "M000001", text)
    assert err.value.code == "invalid_card"


@pytest.mark.usefixtures("two_members")
def test_lost_card_is_blocked_at_once_and_says_so(db: Database, staff: Staff) -> None:
    bind_card(db, staff["cashier"], "M000001", UID)
    info = report_card_lost(db, staff["cashier"], "3283263748")
    assert info.status is CardStatus.LOST and info.status_changed_at is not None
    for form in (UID, "0077705923"):
        result = lookup(db, staff["cashier"], form)
        assert result.outcome is LookupOutcome.CARD_LOST
        assert result.member is None and result.members == ()
        assert result.card_member_no == "M000001"
        assert "card reported lost" in result.message("en")
        assert "已挂失" in result.message("zh_CN")
    assert identify_card(db, UID).outcome is LookupOutcome.CARD_LOST
    # the member is still found by phone, and the card cannot be bound elsewhere
    assert lookup(db, staff["cashier"], "13800138000").outcome is LookupOutcome.MEMBER
    with pytest.raises(ConflictError):
        bind_card(db, staff["cashier"], "M000002", UID)
    # reporting it twice is harmless; found again (解挂), it works again
    assert report_card_lost(db, staff["cashier"], UID).status is CardStatus.LOST
    assert cancel_card_lost(db, staff["cashier"], UID).status is CardStatus.ACTIVE
    assert lookup(db, staff["cashier"], UID).outcome is LookupOutcome.MEMBER


@pytest.mark.usefixtures("two_members")
def test_replace_binds_a_new_card_and_keeps_history(db: Database, staff: Staff) -> None:
    bind_card(db, staff["cashier"], "M000001", UID)
    with db.uow() as uow:
        ledger.post_stored_value(uow.session, 1, StoredValueKind.RECHARGE, Money(10_000),
                                 Money(2_000), ledger.Refs())  # fmt: skip
        uow.commit()
    report_card_lost(db, staff["cashier"], UID)
    new = replace_card(db, staff["cashier"], UID, "04112233445566")
    assert (new.uid, new.status, new.member_no) == ("04112233445566", CardStatus.ACTIVE, "M000001")
    old = lookup(db, staff["cashier"], UID)
    assert old.outcome is LookupOutcome.CARD_REPLACED and old.card_member_no == "M000001"
    assert "replaced" in old.message("en")
    hit = lookup(db, staff["cashier"], "04 11 22 33 44 55 66").member
    assert hit is not None and hit.member_no == "M000001"
    assert (hit.sv_principal, hit.sv_bonus) == (Money(10_000), Money(2_000))
    with db.reader() as uow:
        rows = {c.uid: c for c in uow.session.scalars(select(Card))}
        assert rows[UID].status is CardStatus.REPLACED
        assert rows[UID].replaced_by_id == rows["04112233445566"].id
    with pytest.raises(ConflictError) as err:
        replace_card(db, staff["cashier"], UID, "AABBCCDD")  # already replaced
    assert err.value.code == "card_bad_status"
    with pytest.raises(ConflictError):  # the new card is someone's already
        bind_card(db, staff["cashier"], "M000002", "04112233445566")


@pytest.mark.usefixtures("two_members")
def test_replace_an_active_card_directly(db: Database, staff: Staff) -> None:
    bind_card(db, staff["cashier"], "M000001", UID)
    with pytest.raises(ConflictError):  # not onto itself
        replace_card(db, staff["cashier"], UID, "C3B2A104")
    replace_card(db, staff["cashier"], UID, "DEADBEEF")
    assert lookup(db, staff["cashier"], UID).outcome is LookupOutcome.CARD_REPLACED


@pytest.mark.usefixtures("two_members")
def test_void_frees_the_card_for_someone_else(db: Database, staff: Staff) -> None:
    bind_card(db, staff["cashier"], "M000001", UID)
    assert void_card(db, staff["cashier"], UID).status is CardStatus.VOID
    result = lookup(db, staff["cashier"], UID)
    assert result.outcome is LookupOutcome.CARD_VOID and "void" in result.message("en")
    info = bind_card(db, staff["cashier"], "M000002", "0077705923")
    assert (info.uid, info.member_no, info.status) == (UID, "M000002", CardStatus.ACTIVE)
    hit = lookup(db, staff["cashier"], UID).member
    assert hit is not None and hit.member_no == "M000002"
    with db.reader() as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "card")))  # fmt: skip
    assert actions == ["card.bind", "card.void", "card.bind"]


@pytest.mark.usefixtures("two_members")
def test_unknown_cards(db: Database, staff: Staff) -> None:
    for op in (report_card_lost, cancel_card_lost, void_card):
        with pytest.raises(NotFoundError) as err:
            op(db, staff["cashier"], UID)
        assert err.value.code == "card_unknown"
    result = lookup(db, staff["cashier"], UID)
    assert result.outcome is LookupOutcome.NOT_FOUND and "Unknown card" in result.message("en")
    assert identify_card(db, "0077705923").outcome is LookupOutcome.NOT_FOUND


@pytest.mark.usefixtures("two_members")
def test_no_cards_for_a_deactivated_member(db: Database, staff: Staff) -> None:
    set_member_active(db, staff["cashier"], "M000002", active=False)
    with pytest.raises(ConflictError) as err:
        bind_card(db, staff["cashier"], "M000002", UID)
    assert err.value.code == "member_inactive"
