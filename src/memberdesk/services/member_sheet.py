"""The member spreadsheet: its columns, reading cell values, writing safe cells, and
the import template.

Import, export and the template share one column list, so an unmasked export can
be imported into another shop. Every text cell is written as a string cell; text
that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab/CR) also gets Excel's quote
prefix, so Excel never runs it as a formula, not even after the cell is edited.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from memberdesk.models.enums import Gender
from memberdesk.money import Money, MoneyError, ascii_digits, parse_yuan_decimal
from memberdesk.reports.document import ExportError, atomic_output
from memberdesk.reports.xlsx import save_workbook

from .errors import MONEY_PROBLEMS, UserError
from .member_fields import field_error

MEMBERS_SHEET = ("会员", "Members")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 12
    as_text: bool = False  # the template formats it as text (keeps leading zeros)
    note_zh: str = ""
    note_en: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("member_no", "会员编号", "Member no", aliases=("编号", "会员号"), width=12,
           as_text=True, note_zh="留空则自动生成", note_en="blank: generated"),
    Column("name", "姓名", "Name", required=True, aliases=("会员姓名", "名字"), width=12),
    Column("phone", "手机号", "Phone", required=True, aliases=("手机", "手机号码", "电话", "mobile"),
           width=14, as_text=True, note_zh="中国大陆手机号，11 位", note_en="mainland mobile"),
    Column("gender", "性别", "Gender", width=6, note_zh="男 / 女 / 留空", note_en="M / F / blank"),
    Column("birthday", "生日", "Birthday", aliases=("出生日期",), width=12,
           note_zh="如 1990-05-01", note_en="e.g. 1990-05-01"),
    Column("email", "邮箱", "Email", aliases=("电子邮箱", "e-mail"), width=20),
    Column("address", "地址", "Address", width=24),
    Column("tags", "标签", "Tags", width=14, note_zh="多个用逗号分隔", note_en="comma separated"),
    Column("notes", "备注", "Notes", width=20),
    Column("marketing_consent", "接受营销", "Marketing consent", aliases=("营销同意",), width=10,
           note_zh="是 / 否", note_en="yes / no"),
    Column("card_uid", "卡号", "Card UID", aliases=("会员卡号", "卡号uid", "card"), width=14,
           as_text=True, note_zh="十六进制或 10 位十进制；多张用分号分隔",
           note_en="hex or 10-digit decimal; several separated by ;"),
    Column("opening_principal", "储值本金", "Opening principal", aliases=("余额", "储值余额"),
           width=10, note_zh="元，如 100.00", note_en="yuan, e.g. 100.00"),
    Column("opening_bonus", "储值赠送", "Opening bonus", aliases=("赠送余额",), width=10,
           note_zh="元", note_en="yuan"),
    Column("opening_points", "积分", "Opening points", aliases=("期初积分", "points"), width=8,
           note_zh="整数", note_en="whole number"),
    Column("tier", "会员等级", "Tier", aliases=("等级",), width=10,
           note_zh="等级名称，留空为最低等级", note_en="tier name; blank: entry tier"),
)  # fmt: skip

COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}


def _norm_header(text: object) -> str:
    h = unicodedata.normalize("NFKC", str(text or ""))
    h = re.sub(r"\(.*?\)|\*", "", h)
    return "".join(h.split()).casefold()


_HEADER_TO_FIELD: dict[str, str] = {
    _norm_header(name): c.field for c in COLUMNS for name in (c.zh, c.en, c.field, *c.aliases)
}


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """field -> column index of a header row; unknown headers are ignored (the first
    of two columns with the same meaning wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        field = _HEADER_TO_FIELD.get(_norm_header(cell))
        if field is not None and field not in found:
            found[field] = i
    return found


def header_text(column: Column, lang: str) -> str:
    en = lang.startswith("en")
    label = column.en if en else column.zh
    if column.required:
        label += " (required)" if en else "（必填）"
    return label


# -- reading cell values ----------------------------------------------------------------

_TRUE = {"是", "y", "yes", "true", "1", "√", "同意", "接受", "t"}
_FALSE = {"否", "n", "no", "false", "0", "×", "不同意", "拒绝", "f", ""}
_GENDERS = {
    Gender.MALE: {"男", "男性", "m", "male", "先生"},
    Gender.FEMALE: {"女", "女性", "f", "female", "女士"},
    Gender.UNKNOWN: {"", "未知", "保密", "unknown", "-"},
}
_DATE_RE = re.compile(r"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$")


def cell_text(value: object) -> str:
    """A cell as text: integers without ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_gender(value: object) -> Gender:
    text = cell_text(value).strip().casefold()
    for gender, words in _GENDERS.items():
        if text in words:
            return gender
    raise field_error("field_bad_choice", "gender", text=text[:20], choices="男/女/M/F")


def read_bool(value: object, field: str) -> bool:
    text = cell_text(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise field_error("field_bad_choice", field, text=text[:20], choices="是/否/Y/N")


def read_date(value: object, field: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value).strip()
    digits = ascii_digits(text) or ""
    m = _DATE_RE.match(digits) or re.match(r"^([0-9]{4})([0-9]{2})([0-9]{2})$", digits)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise field_error("field_bad_date", field, text=text[:30])


def read_money(value: object, field: str) -> Money:
    """Yuan from a number cell or text; blank is zero; never negative, at most fen."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Money(0)
    try:
        if isinstance(value, bool):
            raise MoneyError("not_a_number", str(value))
        if isinstance(value, int):
            money = Money.of_yuan(value)
        elif isinstance(value, float | Decimal):
            # repr() of a float is the shortest text that reads back the same:
            # a cell typed as 12.34 reads as "12.34", not 12.339999...
            money = parse_yuan_decimal(Decimal(repr(value)) if isinstance(value, float) else value)
        else:
            money = Money.parse(str(value))
        if money.is_negative:
            raise MoneyError("negative", str(value))
    except (MoneyError, ArithmeticError, ValueError) as exc:
        code = exc.code if isinstance(exc, MoneyError) else "not_a_number"
        zh, en = MONEY_PROBLEMS.get(code, MONEY_PROBLEMS["not_a_number"])
        raise field_error(
            "field_bad_money", field, text=cell_text(value)[:30], problem_zh=zh, problem_en=en
        ) from exc
    return money


def read_count(value: object, field: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    text = cell_text(value).strip()
    digits = ascii_digits(text) or ""  # "２" is 2; "²" or "٢" is refused, not a ValueError
    if isinstance(value, bool) or not (digits.isascii() and digits.isdigit()) or len(text) > 12:
        raise field_error("field_bad_count", field, text=text[:30])
    return int(digits)


# -- writing ------------------------------------------------------------------------------


def safe_value(ws: WriteOnlyWorksheet, value: object) -> object:
    """A value for ``ws.append`` that Excel will never evaluate."""
    if isinstance(value, Money):
        return value.to_decimal()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # a string cell, not a formula
        cell.quotePrefix = True  # and it stays text when edited in Excel
        return cell
    return value


def safe_row(ws: WriteOnlyWorksheet, values: Iterable[object]) -> list[object]:
    return [safe_value(ws, v) for v in values]


def write_template(path: Path, lang: str = "zh_CN") -> Path:
    """The import template: a 会员 sheet with the headers (required ones marked,
    phone/card/number columns formatted as text) and a 说明 sheet explaining each
    column. No example rows in the data sheet: they would be imported."""
    en = lang.startswith("en")
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = MEMBERS_SHEET[1] if en else MEMBERS_SHEET[0]
    ws.append([header_text(c, lang) for c in COLUMNS])
    for i, column in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=i).column_letter
        ws.cell(row=1, column=i).font = Font(bold=True, color="C00000" if column.required else None)
        ws.column_dimensions[letter].width = column.width + 4
        if column.as_text:
            ws.column_dimensions[letter].number_format = "@"
        if column.field in ("gender", "marketing_consent"):
            options = {"gender": "男,女", "marketing_consent": "是,否"}[column.field]
            dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}100000")
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("Notes" if en else "说明")
    notes.append(["Column", "Required", "How to fill in"] if en else ["列", "必填", "填写说明"])
    for column in COLUMNS:
        notes.append(
            [
                column.en if en else column.zh,
                ("yes" if en else "是") if column.required else "",
                column.note_en if en else column.note_zh,
            ]
        )
    notes.append([])
    notes.append(
        [
            "Rows whose phone is already registered are skipped: importing the same file "
            "again creates nothing twice."
            if en
            else "手机号已登记的行会跳过：同一文件重复导入不会产生重复会员或重复余额。"
        ]
    )
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["C"].width = 60
    try:
        with atomic_output(path) as fh:
            save_workbook(wb, fh)
    except ExportError as exc:
        raise sheet_write_error(exc, path) from exc
    return path


def sheet_write_error(exc: ExportError, path: Path) -> UserError:
    """A workbook that could not be written, for the person: a full disk says so."""
    if exc.code == "disk_full":
        return UserError("disk_full", path=path.name)
    return UserError("sheet_unwritable", file=path.name, detail=exc.detail)


def sheet_for(workbook: Any) -> Any:
    """The members sheet of a workbook: the one named 会员/Members, else the first."""
    for name in MEMBERS_SHEET:
        if name in workbook.sheetnames:
            return workbook[name]
    return workbook.worksheets[0]
