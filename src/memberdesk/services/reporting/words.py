"""The fixed words of reports in the report's language (zh_CN, the default, or English).

Each report's ``*_document(rep, shop_name, generated_at, lang)`` writes its titles,
labels and notes through :func:`pick`; what the shop typed (its name, product,
category, staff and member names, reasons) stays as typed, and the figures are the
same in both languages. The UI passes its language in, the CLI its ``--lang`` or the
shop's ``shop.language`` setting: services never ask Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from memberdesk.domain.line_names import PLAIN_AMOUNT, PLAIN_AMOUNT_EN
from memberdesk.services.shop.stores import ALL_STORES

ZH_CN = "zh_CN"
EN = "en"


def normalise(lang: str | None) -> str:
    """``"en_US"`` -> ``"en"``; anything else (None included) -> ``"zh_CN"``."""
    return EN if (lang or "").strip().lower().startswith("en") else ZH_CN


def is_english(lang: str) -> bool:
    return normalise(lang) == EN


def pick(lang: str, zh: str, en: str) -> str:
    return en if is_english(lang) else zh


def picker(lang: str) -> Callable[[str, str], str]:
    """``t(zh, en)`` in ``lang``."""
    en = is_english(lang)
    return lambda zh, english: english if en else zh


def line_name(name: str, lang: str) -> str:
    """A sale line's name: products keep theirs; a plain amount is named in ``lang``."""
    return PLAIN_AMOUNT_EN if name == PLAIN_AMOUNT and is_english(lang) else name


def store_text(store: str, lang: str) -> str:
    """The store a report covers, after its period ("" in a shop of one store)."""
    if not store:
        return ""
    t = picker(lang)
    return t("，全部门店", ", all stores") if store == ALL_STORES else t(f"，门店 {store}",
                                                                         f", store {store}")
