"""A streamed sheet's rows as XML: one encoder per table, compiled once from its columns.

Each column's kind picks its cell (styles by column, not by cell). The row encoder is
a small function generated for the table's column kinds: it unpacks the row, checks
in one go that every value has its column's type and that no text needs escaping (one
regular-expression search over the row's texts joined by DEL), and builds the row in
one f-string. Dates, times and amounts repeat from row to row (a sale's lines share
its time, prices repeat), so their cell values are remembered, a bounded number of
them. A row that fails the check takes the general path: each value through
:func:`encoder`, whatever its type (:func:`.xlsx_stream._any_cell`). Both paths write
the same XML; ``tests/unit/reports/test_xlsx_rows.py`` compares them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from memberdesk.money import Money

from .document import CellValue, ColumnKind
from .xlsx_stream import (
    _EXCEL_EPOCH,
    _SPECIAL,
    MAX_TEXT,
    RowEncoder,
    Style,
    _any_cell,
    column_letter,
    datetime_serial,
    money_text,
)

MEMO = 100_000  # remembered cell values per kind; emptied when full
SEP = "\x7f"  # joins a row's texts for the one check (legal in XML, not whitespace)
# What _SPECIAL finds in one text, found in texts joined by SEP: a character to
# escape or drop anywhere, whitespace at either end of any of them.
_ROW_SPECIAL = re.compile(
    r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|(?:^|\x7f)\s|\s(?:\x7f|$)"
)

Encoder = Callable[[str, CellValue], str]  # (row number, value) -> cell XML


def encoder(index: int, kind: ColumnKind) -> Encoder:
    """The cell encoder of column ``index`` of ``kind``: a fast path for the type the
    kind expects, :func:`.xlsx_stream._any_cell` for anything else."""
    letter = column_letter(index)
    head = f'<c r="{letter}'
    if kind is ColumnKind.MONEY:
        mid = f'" s="{Style.MONEY}"><v>'

        def money(n: str, v: CellValue) -> str:
            if type(v) is Money:
                return f"{head}{n}{mid}{money_text(v.fen)}</v></c>"
            return _any_cell(letter + n, v, kind, False)

        return money
    if kind is ColumnKind.INT:
        mid = f'" s="{Style.INT}"><v>'

        def integer(n: str, v: CellValue) -> str:
            if type(v) is int:
                return f"{head}{n}{mid}{v}</v></c>"
            return _any_cell(letter + n, v, kind, False)

        return integer
    if kind is ColumnKind.DATE:
        mid = f'" s="{Style.DATE}"><v>'

        def day(n: str, v: CellValue) -> str:
            if type(v) is date:
                return f"{head}{n}{mid}{v.toordinal() - _EXCEL_EPOCH}</v></c>"
            return _any_cell(letter + n, v, kind, False)

        return day
    if kind is ColumnKind.DATETIME:
        mid = f'" s="{Style.DATETIME}"><v>'

        def moment(n: str, v: CellValue) -> str:
            if type(v) is datetime and v.tzinfo is None:
                return f"{head}{n}{mid}{datetime_serial(v)}</v></c>"
            return _any_cell(letter + n, v, kind, False)

        return moment
    mid = '" t="inlineStr"><is><t>'

    def text(n: str, v: CellValue) -> str:
        if type(v) is str and v and _SPECIAL.search(v) is None and len(v) <= MAX_TEXT:
            return f"{head}{n}{mid}{v}</t></is></c>"
        return _any_cell(letter + n, v, kind, False)

    return text


def _memo(convert: Callable[[Any], str]) -> tuple[Callable[[Any], str | None], Callable[[Any], str]]:
    """(get, make): ``get(v)`` the remembered text of ``v`` or None; ``make(v)`` works it
    out and remembers it."""
    memo: dict[Any, str] = {}

    def make(value: Any) -> str:
        if len(memo) >= MEMO:
            memo.clear()
        text = memo[value] = convert(value)
        return text

    return memo.get, make


def row_encoder(kinds: Sequence[ColumnKind]) -> RowEncoder:
    """The encoder of rows of columns of ``kinds``: ``(row number, values) -> <row>``."""
    cells = [encoder(i, k) for i, k in enumerate(kinds)]

    def general(n: str, row: Sequence[CellValue]) -> str:
        return f'<row r="{n}">{"".join([e(n, v) for e, v in zip(cells, row, strict=True)])}</row>'

    if not kinds:
        return general
    mget, mmake = _memo(money_text)
    dget, dmake = _memo(lambda d: str(d.toordinal() - _EXCEL_EPOCH))
    tget, tmake = _memo(datetime_serial)
    names: dict[str, Any] = {
        "Money": Money, "date": date, "datetime": datetime, "general": general,
        "search": _ROW_SPECIAL.search, "SEP": SEP, "MAX_TEXT": MAX_TEXT, "E": "",
        "mget": mget, "mmake": mmake, "dget": dget, "dmake": dmake, "tget": tget,
        "tmake": tmake,
    }  # fmt: skip
    values = [f"v{i}" for i in range(len(kinds))]
    guards: list[str] = []
    texts: list[str] = []
    parts: list[str] = []
    for i, (kind, v) in enumerate(zip(kinds, values, strict=True)):
        ref = f'<c r="{column_letter(i)}{{n}}"'
        if kind is ColumnKind.MONEY:
            guards.append(f"type({v}) is Money")
            parts.append(f'{ref} s="{Style.MONEY}"><v>{{mget({v}.fen) or mmake({v}.fen)}}</v></c>')
        elif kind is ColumnKind.INT:
            guards.append(f"type({v}) is int")
            parts.append(f'{ref} s="{Style.INT}"><v>{{{v}}}</v></c>')
        elif kind is ColumnKind.DATE:
            guards.append(f"type({v}) is date")
            parts.append(f'{ref} s="{Style.DATE}"><v>{{dget({v}) or dmake({v})}}</v></c>')
        elif kind is ColumnKind.DATETIME:
            guards.append(f"type({v}) is datetime and {v}.tzinfo is None")
            parts.append(f'{ref} s="{Style.DATETIME}"><v>{{tget({v}) or tmake({v})}}</v></c>')
        else:
            guards.append(f"type({v}) is str")
            texts.append(v)
            open_name, close_name = f"o{i}", "C"
            names[open_name] = f'<c r="{column_letter(i)}'
            names["M"], names[close_name] = '" t="inlineStr"><is><t>', "</t></is></c>"
            parts.append(f"{{({open_name} + n + M + {v} + C) if {v} else E}}")
    unpacked = ", ".join(values) + ","
    check = " and ".join(guards)
    if texts:
        joined = f"SEP.join(({', '.join(texts)},))"
        check += f" and len(j := {joined}) <= MAX_TEXT and search(j) is None"
    source = (
        f"def encode(n, row):\n"
        f"    {unpacked} = row\n"
        f"    if {check}:\n"
        f"        return f'<row r=\"{{n}}\">{''.join(parts)}</row>'\n"
        f"    return general(n, ({unpacked}))\n"
    )
    exec(compile(source, f"<xlsx row encoder {''.join(k.value[0] for k in kinds)}>", "exec"),
         names)  # fmt: skip
    encode: RowEncoder = names["encode"]
    return encode
