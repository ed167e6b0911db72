"""满赠 (spend at least X, get a gift product at zero price), issue 14: created as a
campaign of kind ``gift``, read for the cart with the other promotions
(:func:`.promotions.open_promotions`), added to a priced cart as a zero-price line,
and taken back by a refund that leaves the sale below its threshold.

The rules are :mod:`memberdesk.domain.gifts`. The gift line is a sale line at zero
price (``sale_lines.gift_campaign_id`` names the campaign): the stock ledger takes
it as a SALE entry like any line (``stock.post_sale``), it earns no points (its net
is zero), and a refund puts it back on the shelf with a REFUND entry. A refund that
leaves the goods kept below the campaign's threshold refunds the gift line too (the
customer hands the gift back; the refund slip says so) — see :func:`gift_returns`.
When stock may not go below zero (``stock.allow_negative`` off) and the gift is out
of stock, the sale is not refused: it goes through without that gift (or with the
next gift the cart reaches that is in stock) and the counter says why
(:func:`pick_gift`, read by the quote and the checkout alike). A till that takes
the last unit between this read and its own stock write still refuses with the
stock message (the guarded write is the last word).

Creating needs ``manage_promotions`` and is audited (``campaign.gift``); ending is
:func:`.promotions.end_campaign`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import DEFAULT_HOLDOUT_PERMILLE
from memberdesk.domain.gifts import MAX_GIFT_QTY, Gift, gift_for, kept_after, still_qualifies
from memberdesk.models import Campaign, Product, SaleLine, StockLevel
from memberdesk.money import Money
from memberdesk.services.campaigns.coupon_campaigns import CampaignRow
from memberdesk.services.campaigns.promotions import (
    GIFT,
    check_holdout,
    create,
    segment_id,
    shop_window,
    tier_ids,
)
from memberdesk.services.catalog.products import lookup_product
from memberdesk.services.pricing.prices import ZERO, PriceBreakdown, PricedLine
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.permissions import Permission, require

GIFT_MARK = "赠品"  # receipts.py prints it as "Gift" in English


@dataclass(frozen=True)
class GiftRequest:
    name: str
    product: str  # the gift: a barcode or code
    min_spend: Money  # the payable a sale must reach (after every discount)
    starts: datetime  # shop time (naive), included
    ends: datetime  # shop time (naive), excluded
    qty: int = 1
    members_only: bool = False
    tiers: tuple[str, ...] = ()
    holdout_permille: int = DEFAULT_HOLDOUT_PERMILLE
    segment: str = ""  # a saved segment's name: only its members (see .audience)


def check_gift(r: GiftRequest) -> None:
    if not isinstance(r.min_spend, Money) or r.min_spend.fen <= 0:
        raise ValidationError("gift_bad_min_spend")
    if type(r.qty) is not int or not 1 <= r.qty <= MAX_GIFT_QTY:
        raise ValidationError("gift_bad_qty", max=MAX_GIFT_QTY)
    if not r.starts < r.ends:
        raise ValidationError("promo_bad_window")
    check_holdout(r.holdout_permille)


def gift_fields(s: Session, r: GiftRequest) -> dict[str, Any]:
    """A checked gift campaign's columns (the one rule for creating and editing)."""
    product = lookup_product(s, r.product)
    if not product.active:
        raise ValidationError("product_inactive", product=product.code)
    return {"product_id": product.id, "min_spend": r.min_spend, "gift_qty": r.qty,
            "members_only": r.members_only, "tier_ids": tier_ids(s, r.tiers),
            "segment_id": segment_id(s, r.segment), "holdout_permille": r.holdout_permille,
            **shop_window(s, r.starts, r.ends)}


def add_gift(db: Database, actor: Actor, r: GiftRequest) -> CampaignRow:
    check_gift(r)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        row = create(s, actor, r.name, GIFT, gift_fields(s, r))
        uow.commit()
    return row


def pick_gift(s: Session, rules: list[Gift], at: datetime, member_id: int | None,
              tier_id: int | None, payable_fen: int, sold: dict[int, int],
              allow_negative: bool) -> tuple[Gift | None, Gift | None]:
    """The gift a cart gets (:func:`memberdesk.domain.gifts.gift_for`) and the gift it
    would have got but for the stock: when stock may not go below zero
    (``stock.allow_negative`` off) a gift whose tracked product has fewer on hand than
    the gift and the cart's own units of it (``sold``: units by product id) is passed
    over for the next one the cart reaches, if any. The sale goes through; the
    counter says why there is no gift (``PriceBreakdown.gift_short_*``)."""
    short: Gift | None = None
    left = list(rules)
    while True:
        gift = gift_for(left, at, member_id, tier_id, payable_fen)
        if gift is None or allow_negative:
            return gift, short
        on_hand = s.scalar(select(StockLevel.on_hand).where(
            StockLevel.product_id == gift.product_id, StockLevel.tracked.is_(True)))
        if on_hand is None or on_hand >= gift.qty + sold.get(gift.product_id, 0):
            return gift, short
        short = short or gift
        left = [g for g in left if g.campaign_id != gift.campaign_id]


def with_short(s: Session, bd: PriceBreakdown, gift: Gift | None) -> PriceBreakdown:
    """``bd`` naming the campaign and product of a gift passed over for its stock."""
    if gift is None:
        return bd
    name = s.scalar(select(Product.name).where(Product.id == gift.product_id)) or ""
    return replace(bd, gift_short_campaign=gift.name, gift_short_product=name)


def with_gift(s: Session, bd: PriceBreakdown, gift: Gift | None) -> PriceBreakdown:
    """``bd`` with the gift's zero-price line added last (every discount's spread gets
    a zero for it); ``bd`` itself when there is no gift."""
    if gift is None:
        return bd
    code, name = s.execute(select(Product.code, Product.name).where(
        Product.id == gift.product_id)).one()
    line = PricedLine(len(bd.lines) + 1, gift.product_id, code, name, gift.qty, ZERO, ZERO,
                      (), ZERO, ZERO, 0, None, gift_campaign_id=gift.campaign_id)
    return replace(bd, lines=(*bd.lines, line), discounts=tuple(
        replace(d, per_line=(*d.per_line, ZERO)) for d in bd.discounts))


def gift_returns(s: Session, lines: list[SaleLine],
                 picked: list[tuple[SaleLine, int]]) -> tuple[list[tuple[SaleLine, int]], list[str]]:
    """The lines a refund takes back: ``picked`` and, when what the customer keeps of
    the goods bought falls below a gift campaign's threshold, the gift lines of that
    campaign not yet refunded (the gift comes back with the refund). Returns the lines
    and the refund slip's notes."""
    gifts = [ln for ln in lines if ln.gift_campaign_id is not None and ln.qty > ln.refunded_qty]
    if not gifts:
        return picked, []
    now = {ln.id: q for ln, q in picked}
    kept = kept_after((ln.net_amount.fen, ln.qty, ln.qty - ln.refunded_qty - now.get(ln.id, 0))
                      for ln in lines if ln.gift_campaign_id is None)
    out, notes = list(picked), []
    for ln in gifts:
        c = s.get_one(Campaign, ln.gift_campaign_id)
        left = ln.qty - ln.refunded_qty - now.get(ln.id, 0)
        if left <= 0 or c.min_spend is None or still_qualifies(c.min_spend.fen, kept):
            continue
        out = [(x, q + left if x.id == ln.id else q) for x, q in out]
        if ln.id not in now:
            out.append((ln, left))
        notes.append(f"{GIFT_MARK}退回：{ln.description} ×{left}（{c.name}）")
    return out, notes


def gift_line_count(s: Session, campaign_id: int) -> tuple[int, int]:
    """A gift campaign's gifts given and given back (units)."""
    given, returned = s.execute(select(
        func.coalesce(func.sum(SaleLine.qty), 0), func.coalesce(func.sum(SaleLine.refunded_qty), 0))
        .where(SaleLine.gift_campaign_id == campaign_id)).one()
    return int(given), int(returned)
