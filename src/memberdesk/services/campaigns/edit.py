"""Correcting a campaign (issue 14): before it starts every field may change (name,
window, rule values, tiers, segment, hold-out share, coupon template); once it runs it
may only be ended early (:func:`.promotions.end_campaign`); once over it is read only
(:func:`.coupon_campaigns.state_of` says which).

What was given never changes: a coupon campaign starts with its first run, so no
coupon and no hold-out draw exists while it may be edited; a promotion's segment
audience is taken again on each save before the start (:mod:`.audience`: nothing was
given from it yet) and frozen from then. The edit is checked by the same rules as
creating (the kinds' ``*_fields`` functions), needs ``manage_promotions``, and is
one transaction with one audit row naming each changed field's before and after.

:func:`request_of` gives a campaign's current values as its kind's request, so the
command line changes only the options it was given and the window fills its form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import CouponTemplate, Product, Segment, Tier
from memberdesk.services.campaigns import audience
from memberdesk.services.campaigns.coupon_campaigns import (
    ENDED,
    PENDING,
    CampaignRequest,
    CampaignRow,
    campaign_row,
    check_coupon,
    coupon_fields,
    find_campaign,
    state_of,
)
from memberdesk.services.campaigns.gifts import GiftRequest, check_gift, gift_fields
from memberdesk.services.campaigns.promotions import (
    GIFT,
    MEMBER_DAY,
    SPECIAL,
    MemberDayRequest,
    SpecialRequest,
    audit_detail,
    check_member_day,
    check_special,
    member_day_fields,
    new_name,
    special_fields,
)
from memberdesk.services.shared import audit, clock
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import ConflictError, ValidationError
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.requests import clean_text

AnyRequest = CampaignRequest | MemberDayRequest | SpecialRequest | GiftRequest


@dataclass(frozen=True)
class _Kind:
    check: Callable[[Any], None]
    fields: Callable[[Session, Any], dict[str, Any]]


_KINDS: dict[type, tuple[str, _Kind]] = {
    CampaignRequest: ("coupon", _Kind(check_coupon, coupon_fields)),
    MemberDayRequest: (MEMBER_DAY, _Kind(check_member_day, member_day_fields)),
    SpecialRequest: (SPECIAL, _Kind(check_special, special_fields)),
    GiftRequest: (GIFT, _Kind(check_gift, gift_fields)),
}


def edit_campaign(db: Database, actor: Actor, name: str, r: AnyRequest) -> CampaignRow:
    """Change the campaign ``name`` to what ``r`` (a request of its kind, its new name
    included) says; refused once it has started (see the module's text)."""
    kind, rules = _KINDS[type(r)]
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        c = find_campaign(s, name)
        if c.kind != kind:
            raise ValidationError("campaign_edit_kind", name=c.name)
        state = state_of(s, c)
        if state != PENDING:
            raise ConflictError(
                "campaign_over" if state == ENDED else "campaign_started", name=c.name
            )
        rules.check(r)
        old_name, new = c.name, clean_text(r.name or "", 41)
        if new != old_name:
            new = new_name(s, r.name)
        fields = rules.fields(s, r)
        before = {k: getattr(c, k) for k in fields}
        for key, value in fields.items():
            setattr(c, key, value)
        c.name = new
        changed = {k: [b, fields[k]] for k, b in before.items() if b != fields[k]}
        if new != old_name:
            changed["name"] = [old_name, new]
        if kind != "coupon":
            audience.take(s, c)
        audit.record(
            s,
            action="campaign.edit",
            staff_id=actor.staff_id,
            entity="campaign",
            entity_id=new,
            detail={
                "before": audit_detail({k: v[0] for k, v in changed.items()}),
                "after": audit_detail({k: v[1] for k, v in changed.items()}),
            },
        )
        row = campaign_row(s, c)
        uow.commit()
    return row


def request_of(db: Database, actor: Actor, name: str) -> AnyRequest:
    """The campaign ``name`` as the request of its kind that would make it as it is."""
    with db.reader() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        c = find_campaign(s, name)
        seg = s.get_one(Segment, c.segment_id).name if c.segment_id is not None else ""
        days = (c.last_day - c.first_day).days + 1
        if c.kind == "coupon":
            code = s.get_one(CouponTemplate, c.template_id).code
            return CampaignRequest(c.name, seg, code, c.holdout_permille, days, c.first_day)
        ids = [int(t) for t in c.tier_ids.split(",") if t]
        tiers = tuple(s.scalars(select(Tier.code).where(Tier.id.in_(ids)).order_by(Tier.id)))
        if c.kind == MEMBER_DAY:
            return MemberDayRequest(
                c.name,
                c.weekday,
                c.on_day,
                c.discount_permille,
                c.multiplier_permille,
                tiers,
                c.holdout_permille,
                days,
                c.first_day,
                seg,
            )
        product = s.scalar(select(Product.code).where(Product.id == c.product_id)) or ""
        assert c.starts_at is not None and c.ends_at is not None
        starts = clock.local_time(s, c.starts_at).replace(tzinfo=None)
        ends = clock.local_time(s, c.ends_at).replace(tzinfo=None)
        if c.kind == SPECIAL:
            assert c.price is not None
            return SpecialRequest(
                c.name,
                product,
                c.price,
                starts,
                ends,
                c.members_only,
                tiers,
                c.holdout_permille,
                seg,
            )
        assert c.min_spend is not None
        return GiftRequest(
            c.name,
            product,
            c.min_spend,
            starts,
            ends,
            c.gift_qty or 1,
            c.members_only,
            tiers,
            c.holdout_permille,
            seg,
        )
