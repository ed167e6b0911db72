"""Messages of the light inventory (库存) (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

STOCK_MESSAGES: dict[str, tuple[str, str]] = {
    "stock_short": (
        "“{product}”库存不足：现有 {on_hand}{unit}，这单要 {qty}{unit}（设置不允许负库存销售）",
        "Not enough “{product}” in stock: {on_hand} on hand, this sale needs {qty} "
        "(the settings do not allow selling below zero)",
    ),
    "stock_bad_quantity": (
        "{field}“{text}”应为 {min} 到 {max} 之间的整数",
        "The {field_en} “{text}” must be a whole number from {min} to {max}",
    ),
    "stock_service": (
        "“{product}”是服务项目，不管库存",
        "“{product}” is a service: it has no stock",
    ),
    "stock_not_tracked": (
        "“{product}”没有在管库存",
        "“{product}” is not tracked for stock",
    ),
    "stock_count_reason": (
        "盘点请填写原因（例如 月末盘点、破损、过期）",
        "Give a reason for the count (e.g. month-end count, broken, expired)",
    ),
    "stock_transfer_same_store": (
        "调出和调入是同一个门店（{store}）：请选另一个门店",
        "The goods would leave and enter the same store ({store}): choose another store",
    ),
    "stock_transfer_short": (
        "“{product}”在 {store} 库存不足：现有 {on_hand}{unit}，要调出 {qty}{unit}",
        "Not enough “{product}” in store {store}: {on_hand} on hand, {qty} to send",
    ),
}
