"""The data model. Importing this package registers every table on ``Base.metadata``."""

from .analytics import (
    AnalysisSnapshot,
    AnalyticsGap,
    AnalyticsState,
    LiabilityMonth,
    MemberAggregate,
    MemberRecommendation,
    MemberRecommendNext,
    MemberScore,
    ProductPair,
    ProductPairCount,
    RecommendPairState,
    RecommendState,
)
from .base import Base, MoneyType, UTCDateTime, utcnow
from .campaigns import Campaign, CampaignAudience, CampaignMember, Segment
from .catalog import Category, MemberPrice, Product, ProductSearchKey
from .count_cards import (
    CountCardBalance,
    CountCardEntry,
    MemberCountCard,
    ServicePackage,
    ServicePackageItem,
)
from .coupons import Coupon, CouponEvent, CouponTemplate, CouponTemplateScope
from .jobs import JobRun
from .ledgers import PointsEntry, PointsLot, PointsLotMove, StoredValueEntry
from .loyalty import BirthdayGift, Referral, SignIn, TierChange
from .mall import MallGift, MallRedemption
from .members import Card, Member, Tier
from .notify import Notification, NotifyStatus, SmsUnsubscribe
from .sales import (
    DayClose,
    Recharge,
    RechargeRule,
    Refund,
    RefundLine,
    RefundTender,
    Sale,
    SaleDiscount,
    SaleLine,
    SaleLineDiscount,
    Shift,
    ShiftCashMove,
    ShiftCount,
    Tender,
)
from .shop import Setting, Shop
from .staff import Approval, AuditEntry, Staff
from .stock import StockEntry, StockKind, StockLevel
from .stores import Store

# Tables that may only ever grow: the database rejects UPDATE and DELETE on them.
APPEND_ONLY_TABLES: tuple[str, ...] = (
    "stored_value_entries",
    "points_entries",
    "points_lot_moves",
    "coupon_events",
    "count_card_entries",
    "audit_log",
    "shift_cash_moves",
    "day_closes",
    "job_runs",
    "tier_changes",
    "birthday_gifts",
    "stock_entries",
    "sign_ins",
    "campaign_members",
)

__all__ = [
    "APPEND_ONLY_TABLES",
    "AnalysisSnapshot",
    "AnalyticsGap",
    "AnalyticsState",
    "Approval",
    "AuditEntry",
    "Base",
    "BirthdayGift",
    "Campaign",
    "CampaignAudience",
    "CampaignMember",
    "Card",
    "Category",
    "CountCardBalance",
    "CountCardEntry",
    "Coupon",
    "CouponEvent",
    "CouponTemplate",
    "CouponTemplateScope",
    "DayClose",
    "JobRun",
    "LiabilityMonth",
    "MallGift",
    "MallRedemption",
    "Member",
    "MemberAggregate",
    "MemberCountCard",
    "MemberPrice",
    "MemberRecommendNext",
    "MemberRecommendation",
    "MemberScore",
    "MoneyType",
    "Notification",
    "NotifyStatus",
    "PointsEntry",
    "PointsLot",
    "PointsLotMove",
    "Product",
    "ProductPair",
    "ProductPairCount",
    "ProductSearchKey",
    "Recharge",
    "RechargeRule",
    "RecommendPairState",
    "RecommendState",
    "Referral",
    "Refund",
    "RefundLine",
    "RefundTender",
    "Sale",
    "SaleDiscount",
    "SaleLine",
    "SaleLineDiscount",
    "Segment",
    "ServicePackage",
    "ServicePackageItem",
    "Setting",
    "Shift",
    "ShiftCashMove",
    "ShiftCount",
    "Shop",
    "SignIn",
    "SmsUnsubscribe",
    "Staff",
    "StockEntry",
    "StockKind",
    "StockLevel",
    "Store",
    "StoredValueEntry",
    "Tender",
    "Tier",
    "TierChange",
    "UTCDateTime",
    "utcnow",
]
