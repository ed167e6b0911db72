"""Why a sale earned its points, said after the sale (receipt dialog), from the
checkout's :class:`~memberdesk.services.points.earning.EarnWhy`:
"积分 +12（¥12.00 × 每元 1 分 × 1.5 倍，因金卡）"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.ui.common import fmt
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

CATEGORY_RATES = QT_TRANSLATE_NOOP("EarnText", "category rates")
PER_YUAN = QT_TRANSLATE_NOOP("EarnText", "{n} per yuan")
TIMES = QT_TRANSLATE_NOOP("EarnText", "{m}")
BIRTHDAY = QT_TRANSLATE_NOOP("EarnText", "birthday")
SOURCES = QT_TRANSLATE_NOOP("EarnText", "{figures}, for {sources}")
REDUCED = QT_TRANSLATE_NOOP("EarnText", "{figures}; some items earn less")
RAISED = QT_TRANSLATE_NOOP("EarnText", "{figures}; some items earn more")
MIXED = QT_TRANSLATE_NOOP("EarnText", "{figures}; some items earn more, some less")
EARNED = QT_TRANSLATE_NOOP("EarnText", "Points +{points} ({why})")


def _t(text: str) -> str:
    return QCoreApplication.translate("EarnText", text)


def earned_text(earned: int, why: Any) -> str:
    """``Points +12 (¥12.00 × 1 per yuan × 1.5, for Gold)``; "" without an explanation."""
    if why is None or earned <= 0:
        return ""
    rate = _t(CATEGORY_RATES) if why.category_rates else _t(PER_YUAN).format(
        n=fmt.number(why.per_yuan))
    parts = [fmt.money(why.base), rate]
    if why.multiplier_permille != 1000:
        parts.append(_t(TIMES).format(m=f"{why.multiplier_permille / 1000:g}"))
    sources = [name for name in (why.tier_name, why.member_day) if name]
    if why.birthday:
        sources.append(_t(BIRTHDAY))
    explained = " × ".join(parts)
    if sources:
        explained = _t(SOURCES).format(figures=explained, sources=" + ".join(sources))
    # a product's own points ratio: the figures alone would not give the points
    item_rates = {(True, False): REDUCED, (False, True): RAISED, (True, True): MIXED}
    if (why.reduced, why.raised) in item_rates:
        explained = _t(item_rates[why.reduced, why.raised]).format(figures=explained)
    return _t(EARNED).format(points=fmt.number(earned), why=explained)
