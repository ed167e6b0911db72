"""The compiled row encoder writes exactly what the cell-by-cell encoders write, for
any values in any column kinds (the fast path and the general path agree)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from memberdesk.money import Money
from memberdesk.reports.document import ColumnKind
from memberdesk.reports.xlsx_rows import MEMO, encoder, row_encoder

KINDS = list(ColumnKind)
_texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " a", "a ", "a&b", "<x>", "\x7f", "a\x7f b", "x\x00y", "\ud800", "张三"]),
)
_values = st.one_of(
    st.none(), _texts, st.integers(-10**12, 10**12), st.booleans(),
    st.integers(-10**9, 10**9).map(Money), st.dates(),
    st.datetimes(), st.datetimes(timezones=st.just(timezone(timedelta(hours=8)))),
)  # fmt: skip


def _general(kinds: list[ColumnKind], n: str, row: tuple[object, ...]) -> str:
    cells = [encoder(i, k) for i, k in enumerate(kinds)]
    return f'<row r="{n}">{"".join(e(n, v) for e, v in zip(cells, row, strict=True))}</row>'  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_row_encodes_as_cell_by_cell(data: st.DataObject) -> None:
    kinds = data.draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=8))
    encode = row_encoder(kinds)
    for n in range(3):  # the second and third rows meet remembered values
        row = tuple(data.draw(_values) for _ in kinds)
        assert encode(str(n + 1), row) == _general(kinds, str(n + 1), row)  # type: ignore[arg-type]


def test_typed_rows_take_the_fast_path_and_agree() -> None:
    kinds = [ColumnKind.DATE, ColumnKind.TEXT, ColumnKind.DATETIME, ColumnKind.TEXT,
             ColumnKind.INT, ColumnKind.MONEY]  # fmt: skip
    encode = row_encoder(kinds)
    rows = [(date(2026, 1, 1) + timedelta(days=i % 3), f"S{i}", datetime(2026, 1, 1, 9) +
             timedelta(seconds=i), "" if i % 2 else "会员", i, Money(i * 7 - 500))
            for i in range(MEMO + 10)]  # past the memo's bound  # fmt: skip
    for i, row in enumerate(rows):
        assert encode(str(i), row) == _general(kinds, str(i), row), row
