"""Messages of the product catalogue (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

CATALOG_MESSAGES: dict[str, tuple[str, str]] = {
    "barcode_check_digit": (
        "条码 {barcode} 的校验位不对（{symbology} 最后一位应为 {expected}），请核对后重新扫描或输入",
        "Barcode {barcode} has a wrong check digit (the last digit of an {symbology} "
        "should be {expected}): check it and scan or type it again",
    ),
    "barcode_bad_chars": (
        "条码 {barcode} 只能包含字母、数字和 - . /",
        "Barcode {barcode} may only contain letters, digits and - . /",
    ),
    "product_code_taken": (
        "商品编号 {item} 已被商品“{name}”使用",
        "The item code {item} already belongs to “{name}”",
    ),
    "category_code_taken": (
        "分类编号 {item} 已被分类“{name}”使用",
        "The category code {item} already belongs to “{name}”",
    ),
    "category_name_taken": (
        "已经有名为“{name}”的分类",
        "There is already a category called “{name}”",
    ),
    "code_bad_chars": (
        "{field}只能包含字母、数字和 - _ . /（不能有空格）",
        "The {field} may only contain letters, digits and - _ . / (no spaces)",
    ),
    "price_too_high": (
        "{field} {amount} 不合理（最多 {max}）",
        "The {field} of {amount} is not plausible (at most {max})",
    ),
    "member_price_above_price": (
        "“{tier}”会员价 {member_price} 高于售价 {price}",
        "The {tier} member price of {member_price} is above the price of {price}",
    ),
    "points_ratio_range": (
        "积分比例应在 0%–{max}% 之间（0 表示不积分，100% 为正常积分）",
        "The points rate must be 0%–{max}% (0 earns no points, 100% is normal)",
    ),
    "product_already": (
        "商品 {item} 已经是{state_zh}状态",
        "Product {item} is already {state_en}",
    ),
}
