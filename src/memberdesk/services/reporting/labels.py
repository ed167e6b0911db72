"""Chinese (and English) names of the kinds that appear in reports."""

from __future__ import annotations

from enum import StrEnum

from memberdesk.models.enums import (
    CouponEventKind,
    DiscountKind,
    PointsKind,
    RefundKind,
    StoredValueKind,
    TenderKind,
)

_LABELS_LIST: tuple[tuple[StrEnum, tuple[str, str]], ...] = (
    (DiscountKind.MEMBER_PRICE, ("会员价", "member price")),
    (DiscountKind.TIER, ("等级折扣", "tier discount")),
    (DiscountKind.COUPON, ("优惠券", "coupon")),
    (DiscountKind.POINTS, ("积分抵现", "points")),
    (DiscountKind.ROUNDING, ("抹零", "rounding")),
    (DiscountKind.MANUAL, ("手工折扣", "manual discount")),
    (TenderKind.CASH, ("现金", "cash")),
    (TenderKind.STORED_VALUE, ("储值", "stored value")),
    (TenderKind.POINTS, ("积分", "points")),
    (TenderKind.COUPON, ("代金券", "voucher")),
    (TenderKind.BANK_CARD, ("银行卡", "bank card")),
    (TenderKind.WECHAT, ("微信支付", "WeChat Pay")),
    (TenderKind.ALIPAY, ("支付宝", "Alipay")),
    (TenderKind.OTHER, ("其他", "other")),
    (PointsKind.OPENING, ("期初导入", "opening")),
    (PointsKind.EARN, ("消费获得", "earned")),
    (PointsKind.BONUS, ("赠送", "bonus")),
    (PointsKind.REDEEM, ("抵现或兑换礼品", "redeemed (payments, gifts)")),
    (PointsKind.REDEEM_RETURN, ("退款或撤销兑换退回", "returned (refunds, gifts reversed)")),
    (PointsKind.EARN_REVERSAL, ("退款扣回", "taken back on refund")),
    (PointsKind.EXPIRE, ("过期", "expired")),
    (PointsKind.ADJUSTMENT, ("调整", "adjustment")),
    (StoredValueKind.OPENING, ("期初导入", "opening")),
    (StoredValueKind.RECHARGE, ("充值", "recharge")),
    (StoredValueKind.SPEND, ("消费", "spend")),
    (StoredValueKind.SALE_REFUND, ("退款退回", "sale refund")),
    (StoredValueKind.RECHARGE_REFUND, ("退充值", "recharge refund")),
    (StoredValueKind.ADJUSTMENT, ("调整", "adjustment")),
    (CouponEventKind.ISSUE, ("发放", "issued")),
    (CouponEventKind.USE, ("使用", "used")),
    (CouponEventKind.RESTORE, ("退款恢复", "restored")),
    (CouponEventKind.EXPIRE, ("过期", "expired")),
    (CouponEventKind.VOID, ("作废", "voided")),
    (RefundKind.SALE, ("销售退款", "sale refund")),
    (RefundKind.RECHARGE, ("退充值", "recharge refund")),
)


# StrEnum members equal their values, so key by (type, value) to keep
# StoredValueKind.RECHARGE and RefundKind.RECHARGE apart.
_BY_TYPE: dict[tuple[type, str], tuple[str, str]] = {}


def _index() -> None:
    for k, v in _LABELS_LIST:
        _BY_TYPE[(type(k), k.value)] = v


def label(kind: StrEnum, lang: str = "zh_CN") -> str:
    """The name of an enum member; its type matters ("recharge" is a stored-value
    kind and a refund kind with different names)."""
    pair = _BY_TYPE.get((type(kind), kind.value))
    if pair is None:
        return str(kind.value)
    return pair[1] if lang.startswith("en") else pair[0]


_index()
