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
of stock, the checkout is refused with the stock message naming the gift, as for
any line: end the campaign or receive the goods.

Creating needs ``manage_promotions`` and is audited (``campaign.gift``); ending is
:func:`.promotions.end_campaign`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.campaigns import DEFAULT_HOLDOUT_PERMILLE
from memberdesk.domain.gifts import MAX_GIFT_QTY, Gift, kept_after, still_qualifies
from memberdesk.models import Campaign, Product, SaleLine
from memberdesk.money import Money
from memberdesk.services.campaigns.coupon_campaigns import CampaignRow, campaign_row
from memberdesk.services.campaigns.promotions import (
    GIFT,
    check_holdout,
    new_name,
    record,
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


def add_gift(db: Database, actor: Actor, r: GiftRequest) -> CampaignRow:
    if not isinstance(r.min_spend, Money) or r.min_spend.fen <= 0:
        raise ValidationError("gift_bad_min_spend")
    if type(r.qty) is not int or not 1 <= r.qty <= MAX_GIFT_QTY:
        raise ValidationError("gift_bad_qty", max=MAX_GIFT_QTY)
    if not r.starts < r.ends:
        raise ValidationError("promo_bad_window")
    check_holdout(r.holdout_permille)
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        name = new_name(s, r.name)
        product = lookup_product(s, r.product)
        if not product.active:
            raise ValidationError("product_inactive", product=product.code)
        c = Campaign(name=name, kind=GIFT, product_id=product.id, min_spend=r.min_spend,
                     gift_qty=r.qty, members_only=r.members_only, tier_ids=tier_ids(s, r.tiers),
                     holdout_permille=r.holdout_permille, seed=secrets.token_hex(16),
                     **shop_window(s, r.starts, r.ends))
        s.add(c)
        s.flush()
        record(s, actor, c, {"product": product.code, "qty": r.qty,
                             "min_spend": r.min_spend.display(),
                             "starts": f"{r.starts:%Y-%m-%d %H:%M}",
                             "ends": f"{r.ends:%Y-%m-%d %H:%M}",
                             "members_only": r.members_only, "tiers": c.tier_ids,
                             "holdout_permille": r.holdout_permille})
        row = campaign_row(s, c)
        uow.commit()
    return row


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
