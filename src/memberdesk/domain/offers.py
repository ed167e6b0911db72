"""Recharge offers (充100送20): which one a recharge gets.

The one rule, used by the recharge dialog's preview and by the recharge itself
(``services.stored_value.recharge.recharge``), so what the cashier is shown is what the member gets.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol, TypeVar

from memberdesk.money import Money


class OfferTerms(Protocol):
    """What :func:`offer_for` reads of a rule (``services.stored_value.recharge.RechargeRuleInfo``)."""

    @property
    def threshold(self) -> Money: ...
    @property
    def bonus(self) -> Money: ...
    @property
    def bonus_points(self) -> int: ...
    @property
    def tier_id(self) -> int | None: ...
    @property
    def active(self) -> bool: ...
    @property
    def valid_from(self) -> datetime | None: ...
    @property
    def valid_to(self) -> datetime | None: ...


Rule = TypeVar("Rule", bound=OfferTerms)


def in_effect(rule: OfferTerms, at: datetime) -> bool:
    """The rule is switched on and ``at`` (an aware instant, the shop clock's now) lies
    in its validity window: from ``valid_from`` (included) until ``valid_to``
    (excluded); a missing end is open."""
    return (
        rule.active
        and (rule.valid_from is None or rule.valid_from <= at)
        and (rule.valid_to is None or at < rule.valid_to)
    )


def open_to(rule: OfferTerms, tier_id: int | None, at: datetime) -> bool:
    """The rule is in effect at ``at`` for a member of ``tier_id`` (a rule without a tier
    is for every tier)."""
    return in_effect(rule, at) and (rule.tier_id is None or rule.tier_id == tier_id)


def offer_for(rules: Iterable[Rule], amount: Money, tier_id: int | None, at: datetime) -> Rule | None:
    """The offer a recharge of ``amount`` gets at ``at`` for a member of ``tier_id``: of
    the rules open to them whose threshold the amount reaches, the highest threshold,
    then the highest bonus, then the most bonus points (the first listed of equals).
    ``None`` when no offer applies."""
    reached = [r for r in rules if open_to(r, tier_id, at) and r.threshold <= amount]
    return max(reached, key=lambda r: (r.threshold, r.bonus, r.bonus_points), default=None)
