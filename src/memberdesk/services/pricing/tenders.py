"""Tenders and split payment: validating what the customer hands over.

Tenders must cover the payable amount exactly; only cash may exceed it, and the
excess is the change. Each payment method appears at most once per sale. Points
pay by value: ``points = ceil(value × rate / 100)``, so any amount with fen can be
paid with points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memberdesk.domain.tenders import split_problem
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.pricing.prices import PointsQuote
from memberdesk.services.shared.errors import Localized, ValidationError
from memberdesk.services.shared.requests import check_amount, clean_text

TENDER_LABELS: dict[TenderKind, tuple[str, str]] = {
    TenderKind.CASH: ("现金", "Cash"),
    TenderKind.STORED_VALUE: ("储值", "Stored value"),
    TenderKind.POINTS: ("积分抵现", "Points"),
    TenderKind.COUPON: ("代金券", "Voucher"),
    TenderKind.BANK_CARD: ("银行卡", "Bank card"),
    TenderKind.WECHAT: ("微信支付", "WeChat Pay"),
    TenderKind.ALIPAY: ("支付宝", "Alipay"),
    TenderKind.OTHER: ("其他", "Other"),
}
# Money that comes from outside the shop: what a recharge may be paid with.
EXTERNAL_KINDS = frozenset(
    {TenderKind.CASH, TenderKind.BANK_CARD, TenderKind.WECHAT, TenderKind.ALIPAY, TenderKind.OTHER}
)
NEEDS_REFERENCE = frozenset({TenderKind.OTHER, TenderKind.COUPON})
MEMBER_KINDS = frozenset({TenderKind.STORED_VALUE, TenderKind.POINTS})


def label(kind: TenderKind, lang: str = "zh_CN") -> str:
    zh, en = TENDER_LABELS[kind]
    return en if lang.startswith("en") else zh


def named(kind: TenderKind) -> Localized:
    """The payment method's name in both languages, as an error's parameter (each
    language's message gets its own word)."""
    return Localized(*TENDER_LABELS[kind])


@dataclass(frozen=True)
class TenderRequest:
    kind: TenderKind
    amount: Money  # what the customer hands over; for cash it may include change
    reference: str = ""  # external transaction number (card slip, WeChat/Alipay order, voucher)


@dataclass(frozen=True)
class PlannedTender:
    kind: TenderKind
    amount: Money  # what counts towards the payable amount
    received: Money | None  # cash handed over
    reference: str
    points: int  # POINTS: points used


@dataclass(frozen=True)
class TenderPlan:
    tenders: tuple[PlannedTender, ...]
    change: Money

    def amount_of(self, kind: TenderKind) -> Money:
        return Money(sum(t.amount.fen for t in self.tenders if t.kind is kind))

    def by_kind(self) -> dict[TenderKind, Money]:
        return {t.kind: t.amount for t in self.tenders}

    @property
    def points_used(self) -> int:
        return sum(t.points for t in self.tenders)


def check_tender_shape(tenders: Sequence[TenderRequest]) -> None:
    seen: set[TenderKind] = set()
    for t in tenders:
        if not isinstance(t, TenderRequest) or not isinstance(t.kind, TenderKind):
            raise ValidationError("invalid_field", field=Localized("付款方式", "payment method"), problem=repr(t))
        if t.kind in seen:
            raise ValidationError("duplicate_tender", kind=named(t.kind))
        seen.add(t.kind)
        check_amount(t.amount)
        if t.kind in NEEDS_REFERENCE and not clean_text(t.reference, 64):
            raise ValidationError("reference_required", kind=named(t.kind))


def plan_tenders(
    tenders: Sequence[TenderRequest],
    payable: Money,
    *,
    points: PointsQuote | None,
    has_member: bool,
    max_change: Money,
) -> TenderPlan:
    """Check ``tenders`` against ``payable``; the plan of what each pays and the change."""
    check_tender_shape(tenders)
    for t in tenders:
        if t.kind in MEMBER_KINDS and not has_member:
            raise ValidationError("member_required", what=named(t.kind))
    non_cash = Money(sum(t.amount.fen for t in tenders if t.kind is not TenderKind.CASH))
    cash = Money(sum(t.amount.fen for t in tenders if t.kind is TenderKind.CASH))
    problem = split_problem(payable, non_cash, cash)
    if problem is not None:
        raise ValidationError(problem.code, **problem.params())
    change = non_cash + cash - payable
    if change > max_change:
        raise ValidationError("change_too_large", change=change.display())
    planned: list[PlannedTender] = []
    for t in tenders:
        used = 0
        if t.kind is TenderKind.POINTS:
            if points is None:
                raise ValidationError("member_required", what=named(t.kind))
            used = points.points_for(t.amount)
            if used < points.min_points:
                raise ValidationError("points_below_minimum", min=points.min_points)
            if used > points.balance:
                raise ValidationError("insufficient_points", needed=used, available=points.balance)
            if t.amount > points.max_value:
                raise ValidationError("points_over_cap", max=points.max_value.display())
        if t.kind is TenderKind.CASH:
            planned.append(PlannedTender(t.kind, t.amount - change, t.amount,
                                         clean_text(t.reference, 64), 0))
        else:
            planned.append(PlannedTender(t.kind, t.amount, None, clean_text(t.reference, 64), used))
    return TenderPlan(tuple(planned), change)
