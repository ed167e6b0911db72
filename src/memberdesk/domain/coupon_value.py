"""What a coupon gives, in words, in both languages: ``减 ¥5.00`` / ``¥5.00 off``,
``付 80%，最多减 ¥20.00`` / ``pay 80%, at most ¥20.00 off``, ``特价 ¥1.00`` /
``at ¥1.00`` (one item). One wording for the rules page, the counter's coupon
dialogs, the recharge dialog's preview and the recharge slip (whose stored Chinese
note :func:`english_of` turns back into English when an English slip is printed)."""

from __future__ import annotations

import re

from memberdesk.money import Money

_WORDS = {  # kind -> (zh, en)
    "amount_off": ("减 {amount}", "{amount} off"),
    "percent_off": ("付 {percent}", "pay {percent}"),
    "fixed_price_item": ("特价 {amount}", "at {amount}"),
}
_AT_MOST = ("，最多减 {amount}", ", at most {amount} off")


def value_words(kind: str, value: Money, percent_paid: int, max_discount: Money | None,
                english: bool) -> str:
    """The words for a coupon template's offer (``percent_paid`` in permille: 800 is
    8折, paying 80%)."""
    i = 1 if english else 0
    if kind == "percent_off":
        text = _WORDS[kind][i].format(percent=f"{percent_paid / 10:g}%")
        if max_discount is not None:
            text += _AT_MOST[i].format(amount=max_discount.display())
        return text
    return _WORDS.get(kind, _WORDS["fixed_price_item"])[i].format(amount=value.display())


_ZH_TO_EN = (
    (re.compile(r"^付 (\S+)，最多减 (\S+)$"), r"pay \1, at most \2 off"),
    (re.compile(r"^付 (\S+)$"), r"pay \1"),
    (re.compile(r"^减 (\S+)$"), r"\1 off"),
    (re.compile(r"^特价 (\S+)$"), r"at \1"),
)


def english_of(words: str) -> str:
    """:func:`value_words`' Chinese in English (anything else unchanged)."""
    for pattern, en in _ZH_TO_EN:
        if pattern.match(words):
            return pattern.sub(en, words)
    return words
