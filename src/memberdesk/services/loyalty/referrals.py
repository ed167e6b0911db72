"""Referral (推荐) and the new-member coupon (新会员券).

At registration the new member may name who referred them (a member number); the
``referrals`` row records it. After the new member's first qualifying purchase (its
amount due at least ``referral.min_spend_fen``), in that checkout's transaction, both
get the reward the settings name: points (``referral.member_points``,
``referral.referrer_points``: BONUS entries noted ``推荐奖励``) and/or a coupon of a
template (``referral.member_coupon``, ``referral.referrer_coupon``). A refund that
leaves that purchase below the minimum (or refunds it all) takes the reward back in
the refund's transaction: the points with EARN_REVERSAL entries (as far as the members
still hold them), unused coupons voided. The reward is given once (the first
qualifying purchase while a reward is set): a member whose reward was taken back gets
none on a later purchase.

The new-member coupon (``new_member.coupon``) is issued in the registration's
transaction.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from memberdesk.models import CouponTemplate, Member, PointsEntry, Referral, Refund, Sale
from memberdesk.models.enums import MemberStatus, PointsKind
from memberdesk.money import Money
from memberdesk.services.coupons import core as coupons
from memberdesk.services.shared import settings
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.ledger import Refs, credit_points, take_back_points
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.tables import connection, table

log = logging.getLogger(__name__)
NOTE = "推荐奖励"
_REFERRALS = table(Referral)
# The pending reward of a member, claimed by the sale (one statement: most members
# have none, and then nothing is read or written).
_CLAIM = (update(_REFERRALS)
          .where(_REFERRALS.c.member_id == bindparam("b_member"),
                 _REFERRALS.c.sale_id.is_(None))
          .values(sale_id=bindparam("b_sale"), rewarded_at=bindparam("b_at"))
          .returning(_REFERRALS.c.id, _REFERRALS.c.referrer_id))


def template_named(s: Session, key: str) -> CouponTemplate | None:
    """The active coupon template a setting names by code (None: empty or unknown)."""
    code = settings.get_str(s, key).strip()
    if not code:
        return None
    template = s.scalar(select(CouponTemplate).where(CouponTemplate.code == code,
                                                     CouponTemplate.active.is_(True)))
    if template is None:
        log.warning("%s %r names no active coupon template", key, code)
    return template


# -- registration ----------------------------------------------------------------------------
def referrer_for(s: Session, referrer_no: str | None) -> Member | None:
    """The referring member by number (None when not given); refuses an unknown or
    inactive one."""
    no = (referrer_no or "").strip()
    if not no:
        return None
    referrer = s.scalar(select(Member).where(Member.member_no == no))
    if referrer is None or referrer.status is not MemberStatus.ACTIVE:
        raise ValidationError("referrer_not_found", member_no=no)
    return referrer


def on_registration(s: Session, member: Member, referrer: Member | None, staff_id: int,
                    at: datetime) -> dict[str, object]:
    """In the registration's transaction: the referral row and the new-member coupon.
    Returns what to add to the audit row."""
    done: dict[str, object] = {}
    if referrer is not None:
        s.add(Referral(member_id=member.id, referrer_id=referrer.id, created_at=at))
        done["referrer"] = referrer.member_no
    template = template_named(s, "new_member.coupon")
    if template is not None:
        done["coupon"] = coupons.issue_in(s, template, member.id, staff_id, at).code
    return done


# -- checkout ----------------------------------------------------------------------------------
def reward_at_checkout(s: Session, member_id: int, sale_id: int, payable: Money, today: date,
                       at: datetime, staff_id: int,
                       policy: Policy) -> tuple[list[str], int | None]:
    """The referral reward when this sale is the member's first qualifying purchase:
    the receipt's notes and the member's points balance after it (None: unchanged)."""
    if payable < Money(policy.int("referral.min_spend_fen")) or not payable:
        return [], None
    if not any(policy.int(k) for k in ("referral.member_points", "referral.referrer_points")) \
            and not any(policy.text(k).strip() for k in ("referral.member_coupon",
                                                         "referral.referrer_coupon")):
        return [], None  # no reward set: a shop without referrals pays no statement here
    claimed = connection(s).execute(
        _CLAIM, {"b_member": member_id, "b_sale": sale_id, "b_at": at}).first()
    if claimed is None:
        return [], None
    referral = s.get(Referral, claimed.id)
    assert referral is not None
    expires = policy.points_expire_on(today)
    notes: list[str] = []
    balance: int | None = None
    for who, points_key, coupon_key in (
            (member_id, "referral.member_points", "referral.member_coupon"),
            (int(claimed.referrer_id), "referral.referrer_points", "referral.referrer_coupon")):
        points = policy.int(points_key)
        refs = Refs(staff_id=staff_id, sale_id=sale_id, note=NOTE)
        entry = credit_points(s, who, PointsKind.BONUS, points, expires, refs) if points else None
        template = template_named(s, coupon_key)
        coupon = coupons.issue_in(s, template, who, staff_id, at) if template else None
        if who == member_id:
            referral.member_entry_id = entry.id if entry else None
            referral.member_coupon_id = coupon.id if coupon else None
            if entry is not None:
                balance = entry.balance_after
                notes.append(f"{NOTE} {points} 积分")
            if coupon is not None:
                notes.append(f"{NOTE}券 {coupon.code}")
        else:
            referral.referrer_entry_id = entry.id if entry else None
            referral.referrer_coupon_id = coupon.id if coupon else None
    s.flush()
    return notes, balance


# -- refunds -----------------------------------------------------------------------------------
def take_back_on_refund(s: Session, sale: Sale, refund_id: int, staff_id: int,
                        at: datetime, policy: Policy) -> list[str]:
    """In a refund's transaction: when ``sale`` earned a referral reward and what is
    left of it is no longer a qualifying purchase, take the reward back."""
    referral = s.scalar(select(Referral).where(Referral.sale_id == sale.id,
                                               Referral.taken_back_at.is_(None)))
    if referral is None:
        return []
    s.flush()
    refunded = sum(a.fen for a in s.scalars(select(Refund.amount).where(Refund.sale_id == sale.id)))
    left = sale.payable.fen - refunded
    minimum = max(policy.int("referral.min_spend_fen"), 1)
    if left >= minimum:
        return []
    notes: list[str] = []
    refs = Refs(staff_id=staff_id, sale_id=sale.id, refund_id=refund_id, note=NOTE)
    for who, entry_id, coupon_id in (
            (referral.member_id, referral.member_entry_id, referral.member_coupon_id),
            (referral.referrer_id, referral.referrer_entry_id, referral.referrer_coupon_id)):
        if entry_id is not None:
            points = int(s.scalar(select(PointsEntry.delta).where(PointsEntry.id == entry_id))
                         or 0)
            taken, short = take_back_points(s, who, PointsKind.EARN_REVERSAL, points, entry_id,
                                            refs)
            if who == referral.member_id and taken is not None:
                notes.append(f"{NOTE}扣回 {-taken.delta} 积分")
            if short:
                log.info("referral reward of member %s: %s points already spent", who, short)
        if coupon_id is not None:
            coupons.void_in(s, coupon_id, refund_id, staff_id)
    referral.refund_id, referral.taken_back_at = refund_id, at
    return notes
