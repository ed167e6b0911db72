"""What one shop setting is: its default, its kind (what editor and what values),
its allowed range or choices, the section of the settings page it belongs to, and
its label and help in Chinese and English; and the constructors the catalogue
(:mod:`.setting_specs`) is written with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from memberdesk.domain.notify import PLACEHOLDERS, template_problem
from memberdesk.domain.points import reminder_setting_problem
from memberdesk.hardware.printer_spec import EXAMPLES, PrinterSpecError, parse_printer
from memberdesk.money import Money
from memberdesk.services.shared.errors import Localized

KINDS = ("int", "money", "bool", "choice", "text", "printer", "day_list", "template", "secret")

# Sections in the order of the settings page: key -> (zh, en).
SECTIONS: dict[str, tuple[str, str]] = {
    "shop": ("门店", "Shop"), "checkout": ("收银", "Checkout"),
    "stored_value": ("储值", "Stored value"), "points": ("积分与等级", "Points and tiers"),
    "staff": ("员工与交班", "Staff and shifts"), "reader": ("读卡器", "Card reader"),
    "backup": ("备份", "Backups"), "printer": ("打印机与小票", "Printer and receipt"),
    "analytics": ("会员分析", "Member analytics"), "sms": ("短信", "Text messages"),
}

Option = tuple[Any, str, str]  # (stored value, zh, en)


@dataclass(frozen=True)
class SettingSpec:
    default: Any
    kind: str
    section: str
    label: tuple[str, str]
    help: tuple[str, str] = ("", "")
    lo: int = 0
    hi: int = 0
    options: tuple[Option, ...] = ()
    max_len: int = 0
    unit: tuple[str, str] = ("", "")

    def label_in(self, lang: str) -> str:
        return self.label[1] if lang.startswith("en") else self.label[0]

    def help_in(self, lang: str) -> str:
        return self.help[1] if lang.startswith("en") else self.help[0]

    def unit_in(self, lang: str) -> str:
        return self.unit[1] if lang.startswith("en") else self.unit[0]

    def problem(self, v: Any) -> Localized | None:
        """What is wrong with the value ``v`` (in both languages), or None."""
        if self.kind in ("int", "money"):
            if type(v) is not int or not self.lo <= v <= self.hi:
                if self.kind == "money":
                    lo, hi = Money(self.lo).display(), Money(self.hi).display()
                    return Localized(f"应在 {lo} 到 {hi} 之间", f"must be from {lo} to {hi}")
                return Localized(f"应为 {self.lo} 到 {self.hi} 之间的整数",
                                 f"must be a whole number from {self.lo} to {self.hi}")
        elif self.kind == "bool":
            if not isinstance(v, bool):
                return Localized("应为“是”或“否”", "must be yes or no")
        elif self.kind == "choice":
            if not any(type(v) is type(o) and v == o for o, _, _ in self.options):
                return Localized("应为以下之一：" + "、".join(zh for _, zh, _ in self.options),
                                 "must be one of: " + ", ".join(en for _, _, en in self.options))
        elif not isinstance(v, str) or len(v) > self.max_len:
            return Localized(f"应为不超过 {self.max_len} 个字的文字",
                             f"must be text of at most {self.max_len} characters")
        elif self.kind == "day_list":
            if reminder_setting_problem(v) is not None:
                return Localized("应为到期前的天数，例如 7,3（0 到 365 的整数，用逗号分开）",
                                 "must be days before expiry, like 7,3 (whole numbers from 0 "
                                 "to 365, separated by commas)")
        elif self.kind == "template":
            bad = template_problem(v)
            if bad is not None:
                return Localized(f"含有未知的占位符 {bad}；可用：{PLACES}",
                                 f"has an unknown placeholder {bad}; use {PLACES}")
        elif self.kind == "printer":
            try:
                parse_printer(v)
            except PrinterSpecError:
                return Localized(f"不是可用的打印机写法，例如 {EXAMPLES}",
                                 f"is not a printer address, e.g. {EXAMPLES}")
        return None


PLACES = " ".join("{" + p + "}" for p in PLACEHOLDERS)


def int_setting(default: int, section: str, label: tuple[str, str], help_: tuple[str, str],
         lo: int, hi: int, unit: tuple[str, str] = ("", "")) -> SettingSpec:
    return SettingSpec(default, "int", section, label, help_, lo=lo, hi=hi, unit=unit)


def money_setting(default: int, section: str, label: tuple[str, str], help_: tuple[str, str],
           lo: int, hi: int) -> SettingSpec:
    return SettingSpec(default, "money", section, label, help_, lo=lo, hi=hi)


def bool_setting(default: bool, section: str, label: tuple[str, str],
          help_: tuple[str, str]) -> SettingSpec:
    return SettingSpec(default, "bool", section, label, help_)


def choice_setting(default: Any, section: str, label: tuple[str, str], help_: tuple[str, str],
            *options: Option) -> SettingSpec:
    return SettingSpec(default, "choice", section, label, help_, options=options)


def text_setting(default: str, section: str, label: tuple[str, str], help_: tuple[str, str],
          max_len: int, kind: str = "text") -> SettingSpec:
    return SettingSpec(default, kind, section, label, help_, max_len=max_len)


DAYS, HOURS, MINUTES, MS = ("天", "days"), ("小时", "hours"), ("分钟", "minutes"), ("毫秒", "ms")
YEARS, TIMES, CHARS = ("年", "years"), ("次", "times"), ("个字符", "characters")
