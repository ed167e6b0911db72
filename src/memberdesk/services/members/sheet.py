"""The member spreadsheet: its columns, reading member cells, and the import
template (the generic parts are :mod:`.sheet_cells`).

Import, export and the template share one column list, so an unmasked export can
be imported into another shop. Text that Excel could run as a formula is written
so that it never does (:func:`.sheet_cells.safe_value`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from memberdesk.models.enums import Gender
from memberdesk.money import Money
from memberdesk.services.members.fields import FIELD_LABELS, field_error
from memberdesk.services.sheets import cells as sheet_cells
from memberdesk.services.sheets.cells import (
    Column,
    Template,
    cell_text,
    header_map,
    header_text,
    safe_row,
    safe_value,
    sheet_write_error,
)

__all__ = ["COLUMNS", "Column", "cell_text", "header_text", "safe_row", "safe_value",
           "sheet_write_error"]

MEMBERS_SHEET = ("会员", "Members")

COLUMNS: tuple[Column, ...] = (
    Column("member_no", "会员编号", "Member no", aliases=("编号", "会员号"), width=12,
           as_text=True, note_zh="留空则自动生成", note_en="blank: generated"),
    Column("name", "姓名", "Name", required=True, aliases=("会员姓名", "名字"), width=12),
    Column("phone", "手机号", "Phone", required=True, aliases=("手机", "手机号码", "电话", "mobile"),
           width=14, as_text=True, note_zh="中国大陆手机号，11 位", note_en="mainland mobile"),
    Column("gender", "性别", "Gender", width=6, note_zh="男 / 女 / 留空", note_en="M / F / blank",
           choices="男,女"),
    Column("birthday", "生日", "Birthday", aliases=("出生日期",), width=12,
           note_zh="如 1990-05-01", note_en="e.g. 1990-05-01"),
    Column("email", "邮箱", "Email", aliases=("电子邮箱", "e-mail"), width=20),
    Column("address", "地址", "Address", width=24),
    Column("tags", "标签", "Tags", width=14, note_zh="多个用逗号分隔", note_en="comma separated"),
    Column("notes", "备注", "Notes", width=20),
    Column("marketing_consent", "接受营销", "Marketing consent", aliases=("营销同意",), width=10,
           note_zh="是 / 否", note_en="yes / no", choices="是,否"),
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
_HEADER_TO_FIELD = header_map(COLUMNS)


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """field -> column index of a member sheet's header row."""
    return sheet_cells.map_header(cells, _HEADER_TO_FIELD)


# -- reading cell values ----------------------------------------------------------------

_GENDERS = {
    Gender.MALE: {"男", "男性", "m", "male", "先生"},
    Gender.FEMALE: {"女", "女性", "f", "female", "女士"},
    Gender.UNKNOWN: {"", "未知", "保密", "unknown", "-"},
}


def read_gender(value: object) -> Gender:
    text = cell_text(value).strip().casefold()
    for gender, words in _GENDERS.items():
        if text in words:
            return gender
    raise field_error("field_bad_choice", "gender", text=text[:20], choices="男/女/M/F")


def read_bool(value: object, field: str) -> bool:
    return sheet_cells.read_bool(value, field, FIELD_LABELS)


def read_date(value: object, field: str) -> date | None:
    return sheet_cells.read_date(value, field, FIELD_LABELS)


def read_money(value: object, field: str) -> Money:
    return sheet_cells.read_money(value, field, FIELD_LABELS)


def read_count(value: object, field: str) -> int:
    return sheet_cells.read_count(value, field, FIELD_LABELS)


# -- the template ---------------------------------------------------------------------------


def write_template(path: Path, lang: str = "zh_CN") -> Path:
    """The member import template (see :class:`.sheet_cells.Template`)."""
    en = lang.startswith("en")
    notes = [(c.en if en else c.zh, ("yes" if en else "是") if c.required else "",
              c.note_en if en else c.note_zh) for c in COLUMNS]
    footer = ("Rows whose phone is already registered are skipped: importing the same file "
              "again creates nothing twice." if en
              else "手机号已登记的行会跳过：同一文件重复导入不会产生重复会员或重复余额。")
    sheet = MEMBERS_SHEET[1] if en else MEMBERS_SHEET[0]
    return sheet_cells.write_template(path, Template(sheet, COLUMNS, notes, footer, lang))


def sheet_for(workbook: Any) -> Any:
    """The members sheet of a workbook: the one named 会员/Members, else the first."""
    return sheet_cells.sheet_for(workbook, MEMBERS_SHEET)
