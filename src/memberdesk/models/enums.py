"""Every status and kind in the data model. Stored as their string values."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


def enum_column(enum_cls: type[StrEnum], name: str) -> SAEnum:
    """A portable enum column: VARCHAR + CHECK constraint, storing the values."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
    )


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    OWNER = "owner"


class Gender(StrEnum):
    UNKNOWN = "unknown"
    MALE = "male"
    FEMALE = "female"


class MemberStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    ANONYMISED = "anonymised"


class CardStatus(StrEnum):
    ACTIVE = "active"
    LOST = "lost"
    REPLACED = "replaced"
    VOID = "void"


class StoredValueKind(StrEnum):
    OPENING = "opening"
    RECHARGE = "recharge"
    SPEND = "spend"
    SALE_REFUND = "sale_refund"
    RECHARGE_REFUND = "recharge_refund"
    ADJUSTMENT = "adjustment"


class PointsKind(StrEnum):
    OPENING = "opening"
    EARN = "earn"
    BONUS = "bonus"
    REDEEM = "redeem"
    REDEEM_RETURN = "redeem_return"
    EARN_REVERSAL = "earn_reversal"
    EXPIRE = "expire"
    ADJUSTMENT = "adjustment"


class CouponKind(StrEnum):
    AMOUNT_OFF = "amount_off"  # 满减: value off when spend >= min_spend
    PERCENT_OFF = "percent_off"  # 折扣券
    FIXED_PRICE_ITEM = "fixed_price_item"  # 特价券: one item at a fixed price


class CouponScope(StrEnum):
    ALL = "all"
    CATEGORY = "category"
    PRODUCT = "product"


class CouponStatus(StrEnum):
    ISSUED = "issued"
    USED = "used"
    EXPIRED = "expired"
    VOID = "void"


class CouponEventKind(StrEnum):
    ISSUE = "issue"
    USE = "use"
    RESTORE = "restore"
    EXPIRE = "expire"
    VOID = "void"


class CountCardStatus(StrEnum):
    ACTIVE = "active"
    EXHAUSTED = "exhausted"
    EXPIRED = "expired"
    REFUNDED = "refunded"


class CountUseKind(StrEnum):
    PURCHASE = "purchase"
    OPENING = "opening"
    USE = "use"
    USE_RETURN = "use_return"
    REFUND = "refund"
    EXPIRE = "expire"
    ADJUSTMENT = "adjustment"


class ShiftStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    VERIFIED = "verified"


class CashMoveKind(StrEnum):
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"


class SaleStatus(StrEnum):
    COMPLETED = "completed"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"


class DiscountKind(StrEnum):
    MEMBER_PRICE = "member_price"
    TIER = "tier"
    COUPON = "coupon"
    POINTS = "points"
    ROUNDING = "rounding"
    MANUAL = "manual"
    SPECIAL = "special"  # 限时特价: a campaign's price for a time window
    MEMBER_DAY = "member_day"  # 会员日: a campaign's discount on its day


class TenderKind(StrEnum):
    CASH = "cash"
    STORED_VALUE = "stored_value"
    POINTS = "points"
    COUPON = "coupon"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    OTHER = "other"


class RechargeStatus(StrEnum):
    COMPLETED = "completed"
    REFUNDED = "refunded"


class RefundKind(StrEnum):
    SALE = "sale"
    RECHARGE = "recharge"
