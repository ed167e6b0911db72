"""Refunds and reversals (退款/反结账) of sales, whole or by line.

One transaction reverses every member effect of what is refunded: stored value
goes back to principal and bonus as it was spent, points paid are given back to
the lots they came from, points earned are taken back, coupons are restored (a
setting) once the whole sale is refunded, and money goes back through the
tenders it came from. Amounts per line and per tender are cumulative, so a sale
refunded in several parts returns exactly what it took, to the fen and point.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.models import (
    Member,
    PointsEntry,
    PointsLotMove,
    RefundLine,
    RefundTender,
    Sale,
    SaleDiscount,
    SaleLine,
    Tender,
)
from memberdesk.models.enums import PointsKind, RefundKind, SaleStatus, StoredValueKind, TenderKind
from memberdesk.money import Money, allocate
from memberdesk.services.campaigns import gifts
from memberdesk.services.count_cards import ledger as count_cards
from memberdesk.services.coupons import core as coupons
from memberdesk.services.loyalty import referrals
from memberdesk.services.notifications import outbox as notify_outbox
from memberdesk.services.pricing.tenders import label
from memberdesk.services.receipts.data import ReceiptAmount, ReceiptLine
from memberdesk.services.receipts.documents import receipt_head
from memberdesk.services.refund_core.steps import (
    RefundResult,
    authorise,
    check_reason,
    new_refund,
    reason_notes,
    record_refund,
    refunded_so_far,
    take_back,
)
from memberdesk.services.refunds.split import (
    LineTaken,
    TenderLeft,
    deduct_spent,
    line_amount,
    split_refund,
)
from memberdesk.services.shared.context import Actor
from memberdesk.services.shared.errors import NotFoundError, ValidationError
from memberdesk.services.shared.ledger import (
    Refs,
    post_stored_value,
    return_points_to_lots,
)
from memberdesk.services.shared.locks import lock_member
from memberdesk.services.shared.policy import Policy
from memberdesk.services.shared.requests import check_client_id, payload_hash
from memberdesk.services.shop.stores import check_store_reach
from memberdesk.services.stock import ledger as stock


@dataclass(frozen=True)
class RefundLineRequest:
    line_no: int
    qty: int


@dataclass(frozen=True)
class SaleRefundRequest:
    client_id: str
    sale_no: str
    reason: str
    lines: tuple[RefundLineRequest, ...] | None = None  # None: all that is not yet refunded
    approval_id: int | None = None  # a manager's one-time approval for a cashier
    deduct_spent_points: bool = False  # earned points already spent: keep their value


def pick_lines(sale: Sale, lines: list[SaleLine],
                wanted: tuple[RefundLineRequest, ...] | None) -> list[tuple[SaleLine, int]]:
    by_no = {ln.line_no: ln for ln in lines}
    if wanted is None:
        picked = [(ln, ln.qty - ln.refunded_qty) for ln in lines if ln.qty > ln.refunded_qty]
        if not picked:
            raise ValidationError("already_refunded", sale_no=sale.sale_no)
        return picked
    if not wanted:
        raise ValidationError("empty_cart")
    seen: set[int] = set()
    picked = []
    for w in wanted:
        ln = by_no.get(w.line_no) if isinstance(w.line_no, int) else None
        if ln is None or w.line_no in seen:
            raise ValidationError("sale_line_not_found", line_no=w.line_no)
        seen.add(w.line_no)
        left = ln.qty - ln.refunded_qty
        if type(w.qty) is not int or w.qty <= 0:
            raise ValidationError("invalid_qty", qty=w.qty, max=left)
        if w.qty > left:
            if left == 0 and all(x.qty == x.refunded_qty for x in lines):
                raise ValidationError("already_refunded", sale_no=sale.sale_no)
            raise ValidationError("refund_exceeds_sold", line_no=w.line_no, left=left)
        picked.append((ln, w.qty))
    return picked


def sale_coupons(s: Session, sale_id: int) -> list[SaleDiscount]:
    """The coupons the sale used (their discount rows, in the sale's order)."""
    return list(s.scalars(select(SaleDiscount).where(
        SaleDiscount.sale_id == sale_id, SaleDiscount.coupon_id.is_not(None))
        .order_by(SaleDiscount.id)))


def coupons_come_back(whole: bool, policy: Policy) -> bool:
    """A sale's coupons are given back only with the refund that leaves nothing of the
    sale (and only if the shop says so): a part refund keeps them spent, whatever
    is left of the purchase, so a threshold the rest no longer meets costs nothing."""
    return whole and policy.bool("checkout.restore_coupons_on_refund")


def lines_taken(picked: list[tuple[SaleLine, int]]) -> list[LineTaken]:
    """The lines picked, as the split rule takes them (before they are marked refunded)."""
    return [LineTaken(ln.net_amount.fen, ln.qty, ln.refunded_qty, qty, ln.points_earned)
            for ln, qty in picked]


def tenders_left(tenders: list[Tender],
                 before: dict[TenderKind, tuple[int, int, int, int]]) -> list[TenderLeft]:
    """The sale's tenders and what each has not given back yet (``refunded_so_far``)."""
    none = (0, 0, 0, 0)
    return [TenderLeft(t.kind, t.amount.fen - before.get(t.kind, none)[0],
                       t.points_used - before.get(t.kind, none)[3]) for t in tenders]


def _redeemed_lots(s: Session, sale_id: int) -> list[tuple[int, int]]:
    """(lot, points) the sale's redemption took and no refund has given back yet,
    latest taken first."""
    left: dict[int, int] = defaultdict(int)
    order: list[int] = []
    for lot_id, delta, kind in s.execute(
        select(PointsLotMove.lot_id, PointsLotMove.delta, PointsEntry.kind)
        .join(PointsEntry, PointsEntry.id == PointsLotMove.entry_id)
        .where(PointsEntry.sale_id == sale_id,
               PointsEntry.kind.in_([PointsKind.REDEEM, PointsKind.REDEEM_RETURN]))
        .order_by(PointsLotMove.id)
    ):
        if kind is PointsKind.REDEEM:
            order.append(lot_id)
        left[lot_id] -= delta
    return [(lot, left[lot]) for lot in reversed(order) if left[lot] > 0]


def _give_back_points(s: Session, sale: Sale, points: int, refs: Refs) -> None:
    plan: list[tuple[int, int]] = []
    need = points
    for lot_id, avail in _redeemed_lots(s, sale.id):
        if need == 0:
            break
        take = min(avail, need)
        plan.append((lot_id, take))
        need -= take
    if sale.member_id is not None and plan:
        return_points_to_lots(s, sale.member_id, PointsKind.REDEEM_RETURN, plan, refs)


def refund_sale(db: Database, actor: Actor, request: SaleRefundRequest) -> RefundResult:
    """Refund a whole sale or some of its lines; needs the REFUND permission (or a
    manager's one-time approval) and a reason; audited."""
    client_id = check_client_id(request.client_id)
    reason = check_reason(request.reason)
    digest = payload_hash(("sale_refund", request.sale_no, request.lines, reason,
                           request.deduct_spent_points))
    with db.uow() as uow:
        s = uow.session
        replay, approver_id = authorise(s, actor, client_id, digest, request.approval_id)
        if replay is not None:
            return replay
        # FOR UPDATE: the lines already refunded are read next (PostgreSQL; SQLite
        # renders nothing, its BEGIN IMMEDIATE already holds the write lock)
        sale = s.scalar(select(Sale).where(Sale.sale_no == str(request.sale_no).strip())
                        .with_for_update())
        if sale is None:
            raise NotFoundError("sale_not_found", key=request.sale_no)
        check_store_reach(s, actor, sale.store_id)  # a sale of another store: not theirs
        lines = list(s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)
                               .order_by(SaleLine.line_no)))
        picked, gift_notes = gifts.gift_returns(s, lines, pick_lines(sale, lines, request.lines))
        lock_member(s, sale.member_id)
        member = s.get(Member, sale.member_id) if sale.member_id is not None else None
        refund = new_refund(s, actor, RefundKind.SALE, client_id, reason, approver_id,
                            sale.member_id, sale_id=sale.id)
        refs = Refs(staff_id=actor.staff_id, sale_id=sale.id, refund_id=refund.id,
                    note=f"{refund.refund_no} {sale.sale_no}")

        taken = lines_taken(picked)
        shown_lines = []
        for (ln, qty), line in zip(picked, taken, strict=True):
            amount = line_amount(line)
            s.add(RefundLine(refund_id=refund.id, sale_line_id=ln.id, qty=qty, amount=Money(amount)))
            shown_lines.append(ReceiptLine(ln.description, qty, ln.unit_price,
                                           Money(amount), Money(0), Money(amount)))
            ln.refunded_qty += qty
        stock.post_refund(s, refund.id, sale.id, [(ln.product_id, qty) for ln, qty in picked],
                          staff_id=actor.staff_id, at=refund.created_at, note=refs.note)
        count_cards.revoke_for_refund(s, refund, [(ln.id, q) for ln, q in picked], refs.note)

        tenders = {t.kind: t for t in s.scalars(select(Tender).where(Tender.sale_id == sale.id))}
        before = refunded_so_far(s, sale.id)
        kinds = list(tenders)
        split = split_refund(taken, tenders_left(list(tenders.values()), before))
        value, earned_back = split.value, split.earned_back
        parts = split.by_kind()
        points_returned = split.points_returned
        if points_returned:
            _give_back_points(s, sale, points_returned, refs)

        taken_back, deducted = 0, 0
        if earned_back and member is not None:
            earn = s.scalar(select(PointsEntry.id).where(
                PointsEntry.sale_id == sale.id, PointsEntry.kind == PointsKind.EARN))
            taken_back, owed = take_back(s, member.id, earned_back, earn or 0, refs,
                                         request.deduct_spent_points)
            if owed:
                deducted = deduct_spent(parts, owed.fen)

        shown: list[ReceiptAmount] = []
        for kind in kinds:
            v = parts.get(kind, 0)
            if v <= 0:
                continue
            t = tenders[kind]
            principal = bonus = 0
            note = t.reference
            if kind is TenderKind.STORED_VALUE and member is not None:
                done = before.get(kind, (0, 0, 0, 0))
                p, b = allocate(Money(v), [t.sv_principal.fen - done[1], t.sv_bonus.fen - done[2]])
                principal, bonus = p.fen, b.fen
                notify_outbox.balance_changed(s, post_stored_value(
                    s, member.id, StoredValueKind.SALE_REFUND, p, b, refs))
                note = f"本金 {p.yuan()} + 赠送 {b.yuan()}" if b else ""
            pts = points_returned if kind is TenderKind.POINTS else 0
            if pts:
                note = f"退回 {pts} 积分"
            s.add(RefundTender(refund_id=refund.id, kind=kind, amount=Money(v),
                               sv_principal=Money(principal), sv_bonus=Money(bonus),
                               points_returned=pts, reference=t.reference))
            shown.append(ReceiptAmount(label(kind), Money(v), note))
        refund.amount = Money(sum(a.amount.fen for a in shown))

        all_done = all(ln.refunded_qty == ln.qty for ln in lines)
        sale.status = SaleStatus.REFUNDED if all_done else SaleStatus.PARTIALLY_REFUNDED
        restored: list[str] = []
        policy = Policy.load(s)
        if coupons_come_back(all_done, policy):
            for sd in sale_coupons(s, sale.id):
                if sd.coupon_id is not None and coupons.restore_in(
                        s, sd.coupon_id, sale.id, refund.id, actor.staff_id):
                    restored.append(sd.description)
        if member is not None:
            member.total_spent = Money(max(member.total_spent.fen - value, 0))
            if all_done:
                member.visit_count = max(member.visit_count - 1, 0)

        notes = [f"原单 {sale.sale_no}", *reason_notes(s, refund), *gift_notes, *referrals.take_back_on_refund(
            s, sale, refund.id, actor.staff_id, refund.created_at, policy)]
        if deducted:
            notes.append(f"已用积分扣回 {Money(deducted).display()}")
        receipt = replace(
            receipt_head(s, "refund", refund.refund_no, refund.created_at, actor.staff_id, member,
                         policy),
            lines=tuple(shown_lines), gross=Money(value), total=refund.amount,
            tenders=tuple(shown), points_earned=-taken_back, points_used=-points_returned,
            sv_balance=member.sv_principal + member.sv_bonus if member else None,
            points_balance=member.points_balance if member else None, notes=tuple(notes),
        )
        result = RefundResult(
            refund.id, refund.refund_no, RefundKind.SALE, refund.amount, tuple(shown),
            points_returned, taken_back, tuple(restored), receipt.sv_balance,
            receipt.points_balance, receipt)
        s.flush()
        record_refund(s, actor, approver_id, refund, digest, result, "sale.refund")
        uow.commit()
    return result
