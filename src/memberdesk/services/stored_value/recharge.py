"""Recharge (充值) of a member's stored value, with bonus rules, and its refund.

A recharge is paid with money from outside (cash, card, WeChat, Alipay, other);
a rule (充100送20) may add bonus balance, points and a coupon. The balance after
a recharge may not exceed the prepaid cap (a setting; 5,000 yuan by default, the
single-purpose prepaid card rules for a registered card). Refunding a recharge
returns its principal only (what is left of it) and forfeits its bonus.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.domain.coupon_value import value_words
from memberdesk.domain.offers import offer_for
from memberdesk.models import (
    CouponTemplate,
    PointsEntry,
    Recharge,
    RechargeRule,
    RefundTender,
)
from memberdesk.models.enums import (
    PointsKind,
    RechargeStatus,
    RefundKind,
    StoredValueKind,
    TenderKind,
)
from memberdesk.money import Money
from memberdesk.services.coupons import core as coupons
from memberdesk.services.members.details import MemberDetail, member_detail_in
from memberdesk.services.members.rows import active_member
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.pricing.tenders import EXTERNAL_KINDS, label, named
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptData, from_json, to_json
from memberdesk.services.receipts.documents import receipt_head
from memberdesk.services.refund_core.steps import (
    RefundResult,
    authorise,
    check_reason,
    new_refund,
    reason_notes,
    record_refund,
    take_back,
)
from memberdesk.services.shared import audit, clock, settings
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import (
    ConflictError,
    Localized,
    NotFoundError,
    ValidationError,
)
from memberdesk.services.shared.ledger import Refs, credit_points, post_stored_value
from memberdesk.services.shared.locks import lock_member
from memberdesk.services.shared.open_shift import open_shift_id
from memberdesk.services.shared.permissions import Permission, require
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import (
    check_amount,
    check_client_id,
    clean_text,
    payload_hash,
)
from memberdesk.services.stored_value.recharge_refund_plan import (
    plan_recharge_refund,
    recharge_coupons,
    recharge_deduction,
)

ZERO = Money(0)


@dataclass(frozen=True)
class RechargeRuleDraft:
    name: str
    threshold: Money
    bonus: Money = ZERO
    bonus_points: int = 0
    coupon_template_id: int | None = None
    tier_id: int | None = None
    valid_from: datetime | None = None
    valid_to: datetime | None = None


@dataclass(frozen=True)
class RechargeRuleInfo:
    id: int
    name: str
    threshold: Money
    bonus: Money
    bonus_points: int
    coupon_template_id: int | None
    tier_id: int | None
    active: bool
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    coupon: RechargeCoupon | None = None  # the coupon it gives (the dialog's read only)


@dataclass(frozen=True)
class RechargeCoupon:
    """The coupon template an offer gives, for the recharge dialog's preview."""

    name: str
    kind: str
    value: Money
    percent_paid: int  # permille
    max_discount: Money | None

    def words(self, english: bool) -> str:
        """``满100减20（减 ¥20.00）``: its name and what it gives."""
        return coupon_label(self.name, self.kind, self.value, self.percent_paid,
                            self.max_discount, english)


def coupon_label(name: str, kind: str, value: Money, percent_paid: int,
                 max_discount: Money | None, english: bool) -> str:
    words = value_words(kind, value, percent_paid, max_discount, english)
    return f"{name} ({words})" if english else f"{name}（{words}）"


@dataclass(frozen=True)
class RechargeQuote:
    """What the recharge dialog shows before anything is confirmed."""

    member: MemberDetail
    rules: tuple[RechargeRuleInfo, ...]  # the active offers for the member's tier
    cap: Money  # the most stored value a card may hold


@dataclass(frozen=True)
class RechargeRequest:
    client_id: str
    member_id: int
    amount: Money  # principal the customer pays
    tender_kind: TenderKind
    reference: str = ""
    apply_rules: bool = True  # the best matching bonus rule applies


@dataclass(frozen=True)
class RechargeResult:
    recharge_id: int
    recharge_no: str
    amount: Money
    bonus: Money
    bonus_points: int
    coupon_codes: tuple[str, ...]
    sv_balance: Money  # the member's stored value after the recharge
    points_balance: int
    receipt: ReceiptData
    replayed: bool = False


@dataclass(frozen=True)
class RechargeRefundRequest:
    client_id: str
    recharge_no: str
    reason: str
    approval_id: int | None = None
    deduct_spent_points: bool = False  # bonus points already spent: keep their value


def create_recharge_rule(db: Database, actor: Actor, draft: RechargeRuleDraft) -> RechargeRuleInfo:
    check_amount(draft.threshold)
    check_amount(draft.bonus, allow_zero=True)
    name = clean_text(draft.name, 40)
    if not name:
        raise ValidationError("required_field", field=Localized("规则名称", "rule name"))
    if type(draft.bonus_points) is not int or draft.bonus_points < 0:
        raise ValidationError("invalid_field", field=Localized("赠送积分", "bonus points"), problem=">= 0")
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.MANAGE_PROMOTIONS)
        if draft.coupon_template_id is not None and s.get(
                CouponTemplate, draft.coupon_template_id) is None:
            raise NotFoundError("coupon_template_not_found", key=draft.coupon_template_id)
        rule = RechargeRule(
            name=name, threshold=draft.threshold, bonus=draft.bonus,
            bonus_points=draft.bonus_points, coupon_template_id=draft.coupon_template_id,
            tier_id=draft.tier_id, valid_from=draft.valid_from, valid_to=draft.valid_to,
        )
        s.add(rule)
        s.flush()
        audit.record(s, action="recharge_rule.create", staff_id=actor.staff_id,
                     entity="recharge_rule", entity_id=rule.id,
                     detail={"threshold": draft.threshold.fen, "bonus": draft.bonus.fen})
        info = _rule_info(rule)
        uow.commit()
    return info


def _rule_info(r: RechargeRule) -> RechargeRuleInfo:
    return RechargeRuleInfo(r.id, r.name, r.threshold, r.bonus, r.bonus_points,
                            r.coupon_template_id, r.tier_id, r.active, r.valid_from, r.valid_to)


def _active_rules(s: Session, tier_id: int | None = None) -> list[RechargeRuleInfo]:
    """The switched-on rules (for ``tier_id`` and every tier, when given), by threshold;
    whether one is in effect now is :func:`memberdesk.domain.offers.open_to`'s call."""
    q = select(RechargeRule).where(RechargeRule.active.is_(True))
    if tier_id is not None:
        q = q.where(or_(RechargeRule.tier_id.is_(None), RechargeRule.tier_id == tier_id))
    return [_rule_info(r) for r in s.scalars(q.order_by(RechargeRule.threshold, RechargeRule.id))]


def _with_coupons(s: Session, rules: list[RechargeRuleInfo]) -> list[RechargeRuleInfo]:
    """The rules with the coupon each gives (an inactive template gives none: the
    recharge skips it), in one read."""
    ids = {r.coupon_template_id for r in rules if r.coupon_template_id is not None}
    if not ids:
        return rules
    templates = {t.id: RechargeCoupon(t.name, str(t.kind), t.value, t.percent_permille,
                                      t.max_discount)
                 for t in s.scalars(select(CouponTemplate).where(
                     CouponTemplate.id.in_(ids), CouponTemplate.active.is_(True)))}
    return [replace(r, coupon=templates.get(r.coupon_template_id or 0)) for r in rules]


def list_recharge_rules(db: Database) -> list[RechargeRuleInfo]:
    with db.reader() as uow:
        return _active_rules(uow.session)


def quote_recharge(db: Database, actor: Actor, member_no: str) -> RechargeQuote:
    """The recharge dialog's read, in one transaction: the member, the offers for their
    tier (the dialog picks the one that applies with :func:`memberdesk.domain.offers.offer_for`,
    as :func:`recharge` does) and the balance cap."""
    with db.reader() as uow:
        s = uow.session
        member = member_detail_in(s, actor, member_no)
        rules = tuple(_with_coupons(s, _active_rules(s, member.tier_id)))
        return RechargeQuote(member, rules, Money(settings.get_int(s, "stored_value.cap_fen")))


COUPON_NOTE = "赠券 "  # "赠券 {code}", then "  {name}（{what it gives}）" (receipts.english)


def _recharge_result(r: Recharge, receipt: ReceiptData, replayed: bool) -> RechargeResult:
    codes = tuple(n[len(COUPON_NOTE):] for n in receipt.notes if n.startswith(COUPON_NOTE))
    return RechargeResult(
        r.id, r.recharge_no, r.amount, r.bonus, r.bonus_points, codes,
        receipt.sv_balance or ZERO, receipt.points_balance or 0, receipt, replayed,
    )


def recharge(db: Database, actor: Actor, request: RechargeRequest) -> RechargeResult:
    """Add stored value to a member's card, all or nothing, idempotent by client id."""
    client_id = check_client_id(request.client_id)
    if request.tender_kind not in EXTERNAL_KINDS:
        raise ValidationError("tender_not_allowed", kind=named(request.tender_kind),
                              what=Localized("充值", "a recharge"))
    check_amount(request.amount)
    if request.tender_kind is TenderKind.OTHER and not clean_text(request.reference, 64):
        raise ValidationError("reference_required", kind=named(request.tender_kind))
    digest = payload_hash(("recharge", request))
    with db.uow() as uow:
        s = uow.session
        require(s, actor, Permission.RECHARGE)
        prior = s.scalar(select(Recharge).where(Recharge.client_id == client_id))
        if prior is not None:
            if prior.payload_hash != digest:
                raise ConflictError("client_id_reused", client_id=client_id)
            return _recharge_result(prior, from_json(prior.receipt_json), True)
        shift_id = open_shift_id(s, actor.staff_id)
        lock_member(s, request.member_id)
        member = active_member(s, request.member_id)
        at = clock.now()
        policy = Policy.load(s)
        rule = (offer_for(_active_rules(s, member.tier_id), request.amount, member.tier_id, at)
                if request.apply_rules else None)
        bonus = rule.bonus if rule else ZERO
        after = member.sv_principal + member.sv_bonus + request.amount + bonus
        cap = Money(policy.int("stored_value.cap_fen"))
        if after > cap:
            raise ValidationError("recharge_over_cap", after=after.display(), cap=cap.display())
        today = policy.business_date(at)
        r = Recharge(
            recharge_no=clock.next_number(s, Recharge.recharge_no, "C", today),
            client_id=client_id, payload_hash=digest, member_id=member.id,
            staff_id=actor.staff_id, shift_id=shift_id, amount=request.amount, bonus=bonus,
            bonus_points=rule.bonus_points if rule else 0, tender_kind=request.tender_kind,
            reference=clean_text(request.reference, 64), rule_id=rule.id if rule else None,
            business_date=today, created_at=at,
        )
        s.add(r)
        s.flush()
        refs = Refs(staff_id=actor.staff_id, recharge_id=r.id, note=r.recharge_no)
        posting = post_stored_value(s, member.id, StoredValueKind.RECHARGE, request.amount,
                                    bonus, refs)
        notify_outbox.balance_changed(s, posting, policy)
        if r.bonus_points:
            credit_points(s, member.id, PointsKind.BONUS, r.bonus_points,
                          policy.points_expire_on(today), refs)
        notes: list[str] = []
        if rule is not None and rule.coupon_template_id is not None:
            template = s.get(CouponTemplate, rule.coupon_template_id)
            if template is not None and template.active:
                c = coupons.issue_in(s, template, member.id, actor.staff_id, at, recharge_id=r.id)
                notes += [f"{COUPON_NOTE}{c.code}", "  " + coupon_label(
                    template.name, str(template.kind), template.value,
                    template.percent_permille, template.max_discount, False)]
        if rule is not None:
            notes.insert(0, f"充值活动：{rule.name}")
        receipt = replace(
            receipt_head(s, "recharge", r.recharge_no, at, actor.staff_id, member, policy),
            total=r.amount, tenders=(ReceiptAmount(label(r.tender_kind), r.amount, r.reference),),
            bonus=bonus, bonus_points=r.bonus_points,
            sv_balance=member.sv_principal + member.sv_bonus,
            points_balance=member.points_balance, notes=tuple(notes),
        )
        r.receipt_json = to_json(receipt)
        audit.record(s, action="recharge", staff_id=actor.staff_id, entity="recharge",
                     entity_id=r.recharge_no,
                     detail={"amount": r.amount.fen, "bonus": bonus.fen, "member": member.member_no})
        result = _recharge_result(r, receipt, False)
        uow.commit()
    return result


def refund_recharge(db: Database, actor: Actor, request: RechargeRefundRequest) -> RefundResult:
    """Return what is left of a recharge's principal through its tender; forfeit its
    bonus balance, take back its bonus points, void its unused bonus coupons."""
    client_id = check_client_id(request.client_id)
    reason = check_reason(request.reason)
    digest = payload_hash(("recharge_refund", request.recharge_no, reason,
                           request.deduct_spent_points))
    with db.uow() as uow:
        s = uow.session
        replay, approver_id = authorise(s, actor, client_id, digest, request.approval_id)
        if replay is not None:
            return replay
        r = s.scalar(select(Recharge).where(Recharge.recharge_no == str(request.recharge_no).strip()))
        if r is None:
            raise NotFoundError("recharge_not_found", key=request.recharge_no)
        lock_member(s, r.member_id)
        member = active_member(s, r.member_id)
        plan = plan_recharge_refund(s, r, member, request.deduct_spent_points)
        principal, forfeit = plan.principal, plan.forfeit
        refund = new_refund(s, actor, RefundKind.RECHARGE, client_id, reason, approver_id,
                            member.id, recharge_id=r.id)
        refs = Refs(staff_id=actor.staff_id, recharge_id=r.id, refund_id=refund.id,
                    note=f"{refund.refund_no} {r.recharge_no}")
        notify_outbox.balance_changed(s, post_stored_value(
            s, member.id, StoredValueKind.RECHARGE_REFUND, -principal, -forfeit, refs))
        taken_back, deducted = 0, ZERO
        if r.bonus_points:
            source = s.scalar(select(PointsEntry.id).where(
                PointsEntry.recharge_id == r.id, PointsEntry.kind == PointsKind.BONUS))
            taken_back, owed = take_back(s, member.id, r.bonus_points, source or 0, refs,
                                         request.deduct_spent_points)
            deducted = recharge_deduction(owed, principal)
        voided = [cid for cid in recharge_coupons(s, r.id)
                  if coupons.void_in(s, cid, refund.id, actor.staff_id)]
        paid_back = principal - deducted
        shown: list[ReceiptAmount] = []
        if paid_back:
            s.add(RefundTender(refund_id=refund.id, kind=r.tender_kind, amount=paid_back,
                               reference=r.reference))
            shown.append(ReceiptAmount(label(r.tender_kind), paid_back, r.reference))
        refund.amount = paid_back
        r.status = RechargeStatus.REFUNDED
        notes = [f"原充值单 {r.recharge_no}", *reason_notes(s, refund)]
        if forfeit:
            notes.append(f"赠送金额作废 {forfeit.display()}")
        if voided:
            notes.append(f"赠券作废 {len(voided)} 张")
        if deducted:
            notes.append(f"已用赠送积分扣回 {deducted.display()}")
        receipt = replace(
            receipt_head(s, "recharge_refund", refund.refund_no, refund.created_at,
                         actor.staff_id, member),
            total=paid_back, tenders=tuple(shown), points_earned=-taken_back,
            sv_balance=member.sv_principal + member.sv_bonus,
            points_balance=member.points_balance, notes=tuple(notes),
        )
        result = RefundResult(refund.id, refund.refund_no, RefundKind.RECHARGE, paid_back,
                              tuple(shown), 0, taken_back, (), receipt.sv_balance,
                              receipt.points_balance, receipt)
        s.flush()
        record_refund(s, actor, approver_id, refund, digest, result, "recharge.refund")
        uow.commit()
    return result
