"""The split rule (memberdesk.domain.tenders.split_problem): the payment dialog's
check and the checkout service's refusal are one function, so they always agree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from memberdesk.domain.tenders import split_problem
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.pricing.tenders import TenderRequest, plan_tenders
from memberdesk.services.shared.errors import ValidationError


def test_only_cash_gives_change_and_less_than_it_was() -> None:
    due = Money(1000)
    assert split_problem(due, Money(1000), Money(0)) is None  # exact by card
    assert split_problem(due, Money(400), Money(1000)) is None  # 4 change from 10 cash
    assert split_problem(due, Money(0), Money(999)) == split_problem(due, Money(999), Money(0))
    short = split_problem(due, Money(0), Money(999))
    assert short is not None and short.code == "tenders_mismatch"
    assert short.params() == {"tendered": "¥9.99", "payable": "¥10.00"}
    over = split_problem(due, Money(1200), Money(0))
    assert over is not None and over.code == "overpaid_non_cash"
    assert over.params() == {"excess": "¥2.00"}
    assert split_problem(due, Money(900), Money(100)) is None  # exact, card and cash
    swap = split_problem(due, Money(1000), Money(100))  # change as big as the cash
    assert swap is not None and swap.code == "tenders_mismatch"


@settings(max_examples=300, deadline=None)
@given(payable=st.integers(1, 10**6), card=st.integers(0, 2 * 10**6),
       cash=st.integers(0, 2 * 10**6))
def test_the_service_refuses_exactly_the_splits_the_rule_refuses(
    payable: int, card: int, cash: int,
) -> None:
    tenders = [TenderRequest(k, Money(a)) for k, a in
               ((TenderKind.WECHAT, card), (TenderKind.CASH, cash)) if a]
    if not tenders:
        return
    problem = split_problem(Money(payable), Money(card), Money(cash))
    if problem is None:
        plan = plan_tenders(tenders, Money(payable), points=None, has_member=False,
                            max_change=Money(10**9))
        assert sum(t.amount.fen for t in plan.tenders) == payable
    else:
        with pytest.raises(ValidationError) as err:
            plan_tenders(tenders, Money(payable), points=None, has_member=False,
                         max_change=Money(10**9))
        assert (err.value.code, err.value.params) == (problem.code, problem.params())
