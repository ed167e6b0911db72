"""满赠 (spend at least X, get a gift) as a pure rule: does a cart qualify, which gift
does it get, and does a sale still qualify after a refund.

One home for "does this cart qualify": ``services.cart.load_cart`` calls
:func:`gift_for` with the cart's payable (every discount, coupon and 抹零 taken off;
the gift line itself is at zero price and changes nothing), so the counter's quote
and checkout add exactly the same gift line. The rules:

* a campaign is open from ``starts_at`` (included) to ``ends_at`` (excluded), UTC
  instants; it may be for members only and for some tiers, and keeps a hold-out
  (:class:`..promotions.Audience`): a member held out gets no gift;
* the payable must be at least ``min_spend_fen`` (满 100 赠: 100.00 qualifies);
* one gift per sale: of the campaigns the cart reaches, the highest threshold, then
  the oldest campaign (满100赠A and 满200赠B: a 250 cart gets B only);
* :func:`still_qualifies`: a partial refund that leaves the goods kept below the
  threshold takes the gift back with it (the shop's simplest honest rule: the gift
  was given for that spend).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .promotions import Audience

MAX_GIFT_QTY = 99


@dataclass(frozen=True)
class Gift:
    """A 满赠 campaign: spend ``min_spend_fen`` or more, get ``qty`` of ``product_id``."""

    campaign_id: int
    name: str
    min_spend_fen: int
    product_id: int
    qty: int
    starts_at: datetime
    ends_at: datetime
    members_only: bool
    audience: Audience

    def open_at(self, at: datetime) -> bool:
        return self.starts_at <= at < self.ends_at

    def admits(self, member_id: int | None, tier_id: int | None) -> bool:
        if self.members_only and member_id is None:
            return False
        return self.audience.admits(member_id, tier_id)


def gift_for(gifts: Iterable[Gift], at: datetime, member_id: int | None,
             tier_id: int | None, payable_fen: int) -> Gift | None:
    """The gift a cart of ``payable_fen`` gets at instant ``at`` (None: none)."""
    reached = [g for g in gifts if g.open_at(at) and g.admits(member_id, tier_id)
               and payable_fen >= g.min_spend_fen]
    if not reached:
        return None
    return max(reached, key=lambda g: (g.min_spend_fen, -g.campaign_id))


def still_qualifies(min_spend_fen: int, kept_fen: int) -> bool:
    """Whether what a customer keeps after a refund still earns the gift."""
    return kept_fen >= min_spend_fen


def kept_after(lines: Iterable[tuple[int, int, int]]) -> int:
    """What the goods kept are worth: ``(net, qty, qty kept)`` per line, each line's
    net less what the refunds of its other units return (as ``refunds`` shares it)."""
    return sum(net - net * (qty - kept) // qty for net, qty, kept in lines if qty > 0)
