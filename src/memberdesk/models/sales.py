"""Sales with lines, discounts and tenders; recharges; refunds; shifts; day closes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from memberdesk.money import Money

from .base import Base, IdMixin, utcnow
from .enums import (
    CashMoveKind,
    DiscountKind,
    RechargeStatus,
    RefundKind,
    SaleStatus,
    ShiftStatus,
    TenderKind,
    enum_column,
)


class Shift(IdMixin, Base):
    """A cashier's till session (交班): open with a float, close with counts."""

    __tablename__ = "shifts"
    __table_args__ = (
        CheckConstraint("opening_float >= 0", name="float_nonneg"),
        Index("ix_shifts_staff_status", "staff_id", "status"),
        Index("ix_shifts_store_id", "store_id"),
    )

    shift_no: Mapped[str] = mapped_column(String(24), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    status: Mapped[ShiftStatus] = mapped_column(
        enum_column(ShiftStatus, "shift_status"), default=ShiftStatus.OPEN
    )
    opening_float: Mapped[Money] = mapped_column(default=Money(0))
    blind: Mapped[bool] = mapped_column(default=False)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")


class ShiftCashMove(IdMixin, Base):
    """Cash put into or taken out of the drawer outside a sale."""

    __tablename__ = "shift_cash_moves"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_pos"),)

    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    kind: Mapped[CashMoveKind] = mapped_column(enum_column(CashMoveKind, "cash_move_kind"))
    amount: Mapped[Money]
    reason: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ShiftCount(IdMixin, Base):
    """At close: expected vs counted amount per tender kind."""

    __tablename__ = "shift_counts"
    __table_args__ = (UniqueConstraint("shift_id", "tender_kind"),)

    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    tender_kind: Mapped[TenderKind] = mapped_column(enum_column(TenderKind, "count_tender"))
    expected: Mapped[Money]
    counted: Mapped[Money]
    variance: Mapped[Money]


class Sale(IdMixin, Base):
    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("payable >= 0", name="payable_nonneg"),
        CheckConstraint("change_given >= 0", name="change_nonneg"),
        Index("ix_sales_business_date", "business_date"),
        Index("ix_sales_member_id", "member_id", "id"),
        Index("ix_sales_shift_id", "shift_id"),
        Index("ix_sales_store_date", "store_id", "business_date"),
    )

    sale_no: Mapped[str] = mapped_column(String(24), unique=True)
    # Client-generated idempotency key and a hash of what was submitted with it.
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    payload_hash: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tiers.id"))
    status: Mapped[SaleStatus] = mapped_column(
        enum_column(SaleStatus, "sale_status"), default=SaleStatus.COMPLETED
    )
    business_date: Mapped[date]
    gross: Mapped[Money]  # sum of list prices
    discount_total: Mapped[Money]  # every discount, rounding included
    payable: Mapped[Money]  # gross - discount_total
    change_given: Mapped[Money] = mapped_column(default=Money(0))
    points_earned: Mapped[int] = mapped_column(default=0)
    points_redeemed: Mapped[int] = mapped_column(default=0)
    receipt_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SaleLine(IdMixin, Base):
    __tablename__ = "sale_lines"
    __table_args__ = (
        UniqueConstraint("sale_id", "line_no"),
        CheckConstraint("qty > 0", name="qty_pos"),
        CheckConstraint("net_amount >= 0", name="net_nonneg"),
        CheckConstraint("refunded_qty >= 0 AND refunded_qty <= qty", name="refunded_range"),
        Index("ix_sale_lines_product_id", "product_id"),
        Index("ix_sale_lines_gift_campaign_id", "gift_campaign_id"),
    )

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int]
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    description: Mapped[str] = mapped_column(String(60))
    qty: Mapped[int]
    unit_price: Mapped[Money]  # list price
    gross: Mapped[Money]  # qty * unit_price
    discount: Mapped[Money]  # this line's share of every discount
    net_amount: Mapped[Money]  # gross - discount
    points_earned: Mapped[int] = mapped_column(default=0)
    refunded_qty: Mapped[int] = mapped_column(default=0)
    # 满赠: the campaign that gave this line at zero price; None for a line bought
    gift_campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))


class SaleDiscount(IdMixin, Base):
    """One discount on a sale, by kind; its spread over lines is in sale_line_discounts."""

    __tablename__ = "sale_discounts"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    kind: Mapped[DiscountKind] = mapped_column(enum_column(DiscountKind, "discount_kind"))
    amount: Mapped[Money]
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))
    description: Mapped[str] = mapped_column(String(60), default="")
    # The campaign of a special price or a member day (the campaign report counts them).
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"), index=True)


class SaleLineDiscount(IdMixin, Base):
    __tablename__ = "sale_line_discounts"

    sale_discount_id: Mapped[int] = mapped_column(ForeignKey("sale_discounts.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    amount: Mapped[Money]


class Tender(IdMixin, Base):
    """One payment towards a sale. ``amount`` is what counts towards payable."""

    __tablename__ = "tenders"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_pos"),
        CheckConstraint(
            "(kind = 'stored_value' AND sv_principal + sv_bonus = amount) OR "
            "(kind <> 'stored_value' AND sv_principal = 0 AND sv_bonus = 0)",
            name="sv_split",
        ),
    )

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    kind: Mapped[TenderKind] = mapped_column(enum_column(TenderKind, "tender_kind"))
    amount: Mapped[Money]
    received: Mapped[Money | None]  # cash handed over (amount + change)
    reference: Mapped[str] = mapped_column(String(64), default="")
    sv_principal: Mapped[Money] = mapped_column(default=Money(0))
    sv_bonus: Mapped[Money] = mapped_column(default=Money(0))
    points_used: Mapped[int] = mapped_column(default=0)
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))


class RechargeRule(IdMixin, Base):
    """充100送20: a payment of at least ``threshold`` earns the bonus bundle."""

    __tablename__ = "recharge_rules"

    name: Mapped[str] = mapped_column(String(40))
    threshold: Mapped[Money]
    bonus: Mapped[Money] = mapped_column(default=Money(0))
    bonus_points: Mapped[int] = mapped_column(default=0)
    coupon_template_id: Mapped[int | None] = mapped_column(ForeignKey("coupon_templates.id"))
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("tiers.id"))
    valid_from: Mapped[datetime | None]
    valid_to: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)


class Recharge(IdMixin, Base):
    __tablename__ = "recharges"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_pos"),
        CheckConstraint("bonus >= 0", name="bonus_nonneg"),
        Index("ix_recharges_business_date", "business_date"),
        Index("ix_recharges_member_id", "member_id"),
    )

    recharge_no: Mapped[str] = mapped_column(String(24), unique=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    payload_hash: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    amount: Mapped[Money]  # principal paid by the customer
    bonus: Mapped[Money]
    bonus_points: Mapped[int] = mapped_column(default=0)
    tender_kind: Mapped[TenderKind] = mapped_column(enum_column(TenderKind, "recharge_tender"))
    reference: Mapped[str] = mapped_column(String(64), default="")
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("recharge_rules.id"))
    status: Mapped[RechargeStatus] = mapped_column(
        enum_column(RechargeStatus, "recharge_status"), default=RechargeStatus.COMPLETED
    )
    business_date: Mapped[date]
    receipt_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Refund(IdMixin, Base):
    """A refund or reversal (退款/反结账) of a sale, or the refund of a recharge."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_nonneg"),
        CheckConstraint(
            "(kind = 'sale' AND sale_id IS NOT NULL AND recharge_id IS NULL) OR "
            "(kind = 'recharge' AND recharge_id IS NOT NULL AND sale_id IS NULL)",
            name="target",
        ),
        Index("ix_refunds_business_date", "business_date"),
        Index("ix_refunds_sale_id", "sale_id"),
    )

    refund_no: Mapped[str] = mapped_column(String(24), unique=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[RefundKind] = mapped_column(enum_column(RefundKind, "refund_kind"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    recharge_id: Mapped[int | None] = mapped_column(ForeignKey("recharges.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    reason: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Money]  # total value returned to the customer, all tenders
    business_date: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RefundLine(IdMixin, Base):
    __tablename__ = "refund_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_pos"),)

    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    qty: Mapped[int]
    amount: Mapped[Money]


class RefundTender(IdMixin, Base):
    """How the refund went back to the customer, per tender kind."""

    __tablename__ = "refund_tenders"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_pos"),)

    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    kind: Mapped[TenderKind] = mapped_column(enum_column(TenderKind, "refund_tender"))
    amount: Mapped[Money]
    sv_principal: Mapped[Money] = mapped_column(default=Money(0))
    sv_bonus: Mapped[Money] = mapped_column(default=Money(0))
    points_returned: Mapped[int] = mapped_column(default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")


class DayClose(IdMixin, Base):
    """A numbered, sealed day-close (日结) report of one store. Append-only.

    Each store closes its own business dates; close numbers are one sequence over the
    chain (the audit row and the seal name a close by its number)."""

    __tablename__ = "day_closes"
    __table_args__ = (UniqueConstraint("store_id", "business_date"),)

    close_no: Mapped[int] = mapped_column(unique=True)
    business_date: Mapped[date]
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Highest ledger/sale ids included, so a later correction lands in the next report.
    last_sale_id: Mapped[int] = mapped_column(default=0)
    last_refund_id: Mapped[int] = mapped_column(default=0)
    last_recharge_id: Mapped[int] = mapped_column(default=0)
    report_json: Mapped[str] = mapped_column(Text)
    report_hash: Mapped[str] = mapped_column(String(64))
    # "id:hash" of the audit chain's newest row at the close, and an HMAC over the close
    # and that tip with the audit key (None on closes sealed before the chain was keyed).
    audit_tip: Mapped[str | None] = mapped_column(String(96), default=None)
    seal: Mapped[str | None] = mapped_column(String(64), default=None)
