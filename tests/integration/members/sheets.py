"""Writing member workbooks for tests, and reading files back independently."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from python_calamine import CalamineWorkbook

HEADER = ["会员编号", "姓名（必填）", "手机号（必填）", "性别", "生日", "邮箱", "地址", "标签",
          "备注", "接受营销", "卡号", "储值本金", "储值赠送", "积分", "会员等级"]  # fmt: skip


class Formula(str):
    """A real formula cell (``=...``) in a test workbook."""


def row(**values: Any) -> list[Any]:
    """A data row by field name (the template's column order)."""
    fields = ["member_no", "name", "phone", "gender", "birthday", "email", "address", "tags",
              "notes", "marketing_consent", "card_uid", "opening_principal", "opening_bonus",
              "opening_points", "tier"]  # fmt: skip
    unknown = set(values) - set(fields)
    assert not unknown, unknown
    return [values.get(f) for f in fields]


def write_sheet(
    path: Path, rows: Iterable[Sequence[Any]], header: Sequence[Any] = HEADER, title: str = "会员"
) -> Path:
    """Streamed (write-only), so tests can write 100,000 rows. Text starting with
    ``=`` is written as text unless it is a :class:`Formula`."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for values in rows:
        out: list[Any] = []
        for v in values:
            if isinstance(v, str) and v.startswith("=") and not isinstance(v, Formula):
                cell = WriteOnlyCell(ws, value=v)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(str(v) if isinstance(v, Formula) else v)
        ws.append(out)
    wb.save(path)
    return path


def read_sheet(path: Path) -> list[list[Any]]:
    """Every row of the first sheet, read by python-calamine (not openpyxl)."""
    rows: list[list[Any]] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return rows
