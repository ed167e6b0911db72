"""A large sales-detail export read back with calamine: every row, the sums to the fen
and a sample of cells equal what the database holds (``xlsx_export_1m_s`` in
``make bench`` runs the same check on 1,000,000 lines)."""

from __future__ import annotations

from pathlib import Path

from tests.bench import report_data
from tests.bench.bench_reports import check_export, export_range

LINES = 20_000


def test_twenty_thousand_lines_read_back(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    report_data.build(path, LINES * 2, 300)
    start, end, lines = export_range(path, LINES)
    out = tmp_path / "sales.xlsx"
    checked = check_export(path, start, end, out)
    assert checked.rows == lines >= LINES
    assert checked.sampled >= 100
