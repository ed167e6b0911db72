"""Amounts at and past the limits: a clear refusal from the service, never a bare
MoneyError or ValueError; full-width digits are read, other scripts' digits refused."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from memberdesk.models.enums import TenderKind
from memberdesk.money import LIMIT_FEN, MAX_FEN, Money, MoneyError
from memberdesk.services.pricing.tenders import TenderRequest, plan_tenders
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.requests import parse_amount
from tests.checkout_support.kit import World

MAX_CHANGE = Money(100_000)


def test_thousands_of_digits_are_too_large_not_a_bare_value_error() -> None:
    with pytest.raises(ValidationError) as err:
        parse_amount("9" * 5000)
    assert err.value.code == "invalid_amount"
    assert "too large" in err.value.message("en") and "金额过大" in err.value.message()
    with pytest.raises(MoneyError):
        Money.parse("0" * 4999 + "1")


@pytest.mark.parametrize(("text", "fen"), [
    ("１２", 1200), ("１２．５０", 1250), ("￥１，２３４．５６", 123456), ("１2.3", 1230)])
def test_full_width_digits_are_read_as_digits(text: str, fen: int) -> None:
    assert parse_amount(text) == Money(fen)


@pytest.mark.parametrize("text", ["١٢", "१२", "12²", "①", "๑๒", "１٢"])
def test_digits_of_other_scripts_are_refused_clearly(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_amount(text)
    assert "0-9" in err.value.message("en") and "0-9" in err.value.message()
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message("en"))


@given(st.text(max_size=60))
def test_parse_amount_never_raises_anything_but_a_validation_error(text: str) -> None:
    try:
        money = parse_amount(text)
    except ValidationError:
        return
    assert 0 <= money.fen <= MAX_FEN


@given(st.lists(st.sampled_from(list(TenderKind)), min_size=1, max_size=8, unique=True),
       st.integers(min_value=1, max_value=MAX_FEN), st.integers(min_value=0, max_value=MAX_FEN))
def test_tenders_of_any_accepted_size_get_a_clear_answer(
    kinds: list[TenderKind], payable: int, each: int
) -> None:
    tenders = [TenderRequest(k, Money(each or 1), "REF1") for k in kinds]
    try:
        plan = plan_tenders(tenders, Money(payable), points=None, has_member=False,
                            max_change=MAX_CHANGE)
    except ValidationError:
        return
    assert sum(t.amount.fen for t in plan.tenders) == payable


def test_cash_and_wechat_of_a_hundred_million_each() -> None:
    big = Money(MAX_FEN)
    with pytest.raises(ValidationError) as err:
        plan_tenders([TenderRequest(TenderKind.CASH, big), TenderRequest(TenderKind.WECHAT, big)],
                     Money(1000), points=None, has_member=False, max_change=MAX_CHANGE)
    assert err.value.code == "overpaid_non_cash"
    with pytest.raises(ValidationError) as err:
        plan_tenders([TenderRequest(TenderKind.CASH, big), TenderRequest(TenderKind.WECHAT, big)],
                     Money(MAX_FEN), points=None, has_member=False, max_change=MAX_CHANGE)
    assert err.value.code == "tenders_mismatch"  # the cash is not needed at all
    assert "¥200,000,000.00" in err.value.message("en")


def test_sums_past_the_input_cap_are_values_display_works() -> None:
    total = Money(MAX_FEN) + Money(MAX_FEN)
    assert total.display() == "¥200,000,000.00"
    with pytest.raises(MoneyError):
        Money(LIMIT_FEN + 1)


def test_a_recharge_of_99_999_999_99_is_over_the_cap(world: World) -> None:
    with pytest.raises(ValidationError) as err:
        world.recharge("alice", "99999999.99", actor=world.owner)
    assert err.value.code == "recharge_over_cap"
    assert "¥99,999,999.99" in err.value.message("en")
    world.recharge("alice", "500", actor=world.owner)
    with pytest.raises(ValidationError) as err:
        world.recharge("alice", "99999999.99", actor=world.owner)
    assert err.value.code == "recharge_over_cap"


def test_report_totals_past_the_input_cap_are_reported_not_a_money_error(world: World) -> None:
    """A relative: sums over many members (a million cards at the 5,000-yuan cap is 5
    billion yuan) pass the 100-million input cap and must still be reported."""
    from memberdesk.models.enums import StoredValueKind
    from memberdesk.services.shared import clock, ledger
    from memberdesk.services.stored_value.prepaid import prepaid_position

    with world.db.uow() as uow:
        for key in ("alice", "bob", "carol"):
            ledger.post_stored_value(uow.session, world.members[key], StoredValueKind.RECHARGE,
                                     Money(MAX_FEN), Money(0), ledger.Refs())
        uow.commit()
    with world.db.reader() as uow:
        today = clock.business_date(uow.session, clock.now())
    position = prepaid_position(world.db, world.owner, today)
    assert position.outstanding_principal == Money(3 * MAX_FEN)
    assert position.outstanding_principal.display() == "¥300,000,000.00"


def test_a_line_over_the_limit_names_its_real_amount(world: World) -> None:
    from memberdesk.services.checkout.cart import CartLine

    with pytest.raises(ValidationError) as err:  # 9,999 x 100 million: once shown as 100 million
        world.sell([CartLine(amount=Money(MAX_FEN), qty=9999)], [(TenderKind.CASH, "1")])
    assert err.value.code == "amount_too_large"
    assert "¥999,900,000,000.00" in err.value.message("en")
