"""Messages of gifts with a purchase (满赠) (zh_CN, en): see :mod:`.errors`. Registered
through :mod:`.messages_promotions` (whose catalogue takes them in), so errors.py
stays as long as it is."""

from __future__ import annotations

GIFT_MESSAGES: dict[str, tuple[str, str]] = {
    "gift_bad_min_spend": (
        "请填写满赠门槛金额（大于 0 元）",
        "Type the amount a sale must reach for the gift (more than 0)",
    ),
    "gift_bad_qty": (
        "赠品数量应为 1 到 {max}",
        "The gift's quantity must be 1 to {max}",
    ),
    "gift_out_of_stock": (
        "满赠“{campaign}”的赠品“{product}”库存不足：本单不送赠品",
        "“{campaign}”: the gift {product} is out of stock, so this sale gets no gift",
    ),
}
