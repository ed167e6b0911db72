"""Settings as text, at the edges: a value as a person reads it (``¥500.00``,
``30 分钟``, ``是``) and a value typed by a person (``memberdesk settings set``),
money in yuan in both directions (stored in fen)."""

from __future__ import annotations

from typing import Any

from memberdesk.money import Money, MoneyError
from memberdesk.services.shared.errors import MONEY_PROBLEMS, Localized, ValidationError
from memberdesk.services.shared.setting_specs import SPECS, SettingSpec

_YES = {"true", "yes", "y", "on", "1", "是", "开", "开启", "启用"}
_NO = {"false", "no", "n", "off", "0", "否", "关", "关闭", "停用"}


def _en(lang: str) -> bool:
    return lang.startswith("en")


def display(spec: SettingSpec, value: Any, lang: str = "zh_CN") -> str:
    """``value`` of a setting like ``spec`` as a person reads it."""
    en = _en(lang)
    if spec.kind == "money" and type(value) is int:
        return Money(value).display()
    if spec.kind == "bool":
        return ("yes" if value else "no") if en else ("是" if value else "否")
    if spec.kind == "choice":
        for option, zh, english in spec.options:
            if option == value:
                return english if en else zh
    if spec.kind == "secret":  # never the value itself
        return (("set" if value else "not set") if en else ("已设置" if value else "未设置"))
    if spec.kind == "printer" and not value:
        return "none (on screen only)" if en else "无（小票只在屏幕显示）"
    if spec.kind in ("text", "template") and not value:
        return "(empty)" if en else "（空）"
    unit = spec.unit_in(lang)
    if not unit:
        return str(value)
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def parse(key: str, text: str) -> Any:
    """The value a person typed for ``key``, as stored (yuan -> fen), checked against
    its range; a :class:`ValidationError` names the setting and the problem."""
    spec = SPECS.get(key)
    if spec is None:
        raise ValidationError("unknown_setting", key=key)
    value = _read(spec, text.strip())
    if isinstance(value, Localized):
        raise ValidationError("invalid_setting", key=key, label=Localized(*spec.label),
                              problem=value)
    problem = spec.problem(value)
    if problem is not None:
        raise ValidationError("invalid_setting", key=key, label=Localized(*spec.label),
                              problem=problem)
    return value


def _read(spec: SettingSpec, text: str) -> Any:
    """The typed value, or the problem with it."""
    if spec.kind == "money":
        try:
            return Money.parse(text).fen
        except MoneyError as exc:
            zh, en = MONEY_PROBLEMS.get(exc.code, ("不是金额", "not an amount"))
            return Localized(f"“{text}”{zh}（请以元为单位输入，例如 300 或 300.00）",
                             f"“{text}”: {en} (type yuan, e.g. 300 or 300.00)")
    if spec.kind == "int":
        digits = text.removesuffix(spec.unit[0]).removesuffix(spec.unit[1]).strip()
        try:
            return int(digits)
        except ValueError:
            return Localized(f"“{text}”不是整数", f"“{text}” is not a whole number")
    if spec.kind == "bool":
        if text.lower() in _YES:
            return True
        if text.lower() in _NO:
            return False
        return Localized(f"“{text}”应为“是”或“否”", f"“{text}” must be yes or no")
    if spec.kind == "choice":
        for option, zh, en in spec.options:
            if text.lower() in (str(option).lower(), zh.lower(), en.lower()):
                return option
        return Localized(
            f"“{text}”应为以下之一：" + "、".join(f"{o}（{zh}）" for o, zh, _ in spec.options),
            f"“{text}” must be one of: " + ", ".join(f"{o} ({en})" for o, _, en in spec.options))
    return text
