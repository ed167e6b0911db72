"""What a sale line is called: a plain amount rung up at the counter, and lines
stored under its old name."""

from __future__ import annotations

# What a sale line without a product (a plain amount rung up at the counter) is
# called: the counter's name for it. LEGACY_PLAIN_AMOUNT is what such lines were
# stored as before; reports read both as PLAIN_AMOUNT.
PLAIN_AMOUNT = "直接收款"
PLAIN_AMOUNT_EN = "Plain amount"
LEGACY_PLAIN_AMOUNT = "金额"
# The made-up line of the receipt preview (Settings → Shop), named in the receipt's
# language when it is printed, as a plain amount is.
SAMPLE_ITEM = "示例商品"
SAMPLE_ITEM_EN = "Sample item"


def line_name(product_id: int | None, description: str) -> str:
    """The name a sale line is shown with (a plain amount's old name made current)."""
    if product_id is None and description == LEGACY_PLAIN_AMOUNT:
        return PLAIN_AMOUNT
    return description
