"""Hostile workbooks (issue 17, items 3-5): a sheet that lies about its size or its
row numbers is read by the rows it has, or refused at a row limit; files that
would blow up memory are refused before any XML is parsed; broken files are a
clear error, never a traceback; and the import never holds the write lock while
it reads the file."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, Member
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.import_result import ImportProgress
from memberdesk.services.members.importer import import_members
from memberdesk.services.shared.errors import UserError
from memberdesk.services.sheets import workbook_guard
from memberdesk.services.sheets.workbook_guard import WorkbookLimits

from .hostile import WORKBOOK, members_sheet, row_xml, shared_strings, sheet_xml, workbook
from .sheets import row, write_sheet

Staff = dict[str, Any]


def _members(db: Database) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Member)) or 0)


def _refused(db: Database, staff: Staff, path: Path, **kw: Any) -> UserError:
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path, **kw)
    assert _members(db) == 0
    assert not list(path.parent.glob("*.errors.xlsx"))
    return err.value


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not even be asked to open the file."""

    def refuse(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the workbook was parsed before it was checked")

    monkeypatch.setattr(workbook_guard, "load_workbook", refuse)


# -- 3. declared dimensions and row numbers are not trusted -------------------------------


@pytest.mark.timeout(60)  # the old reader took 13-20 minutes over this 2 KB file
def test_a_claimed_dimension_of_a_whole_sheet_is_read_by_its_rows(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = members_sheet(tmp_path / "dim.xlsx", [(1_048_576, ("张三", "13800138000"))],
                         dimension="A1:XFD1048576")  # fmt: skip
    assert path.stat().st_size < 4096
    result = import_members(db, staff["owner"], path)
    assert (result.rows, result.created, result.failed) == (1, 1, 0)
    assert _members(db) == 1


@pytest.mark.timeout(60)
@pytest.mark.parametrize("number", [1_048_577, 999_999_999])
def test_a_row_numbered_past_excels_last_row_is_refused(
    db: Database, staff: Staff, tmp_path: Path, number: int
) -> None:
    path = members_sheet(tmp_path / "far.xlsx", [(2, ("李四", "13900139000")),
                                                 (number, ("张三", "13800138000"))])  # fmt: skip
    err = _refused(db, staff, path)
    assert err.code == "workbook_damaged"
    assert err.message("en") == (
        f"far.xlsx is damaged or not an ordinary Excel workbook (row {number})"
    )
    assert "far.xlsx 已损坏" in err.message("zh_CN")


def test_a_cell_far_to_the_right_does_not_widen_every_row(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    rows = [row_xml(1, ("姓名", "手机号")) .replace("</row>", '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>')]  # fmt: skip
    rows += [row_xml(n, (f"会员{n}", f"139{n:08d}")) for n in range(2, 12)]
    path = workbook(tmp_path / "wide.xlsx", sheet_xml(rows, "A1:XFD11"))
    result = import_members(db, staff["owner"], path)
    assert (result.rows, result.created) == (10, 10)


def test_too_many_rows_are_refused_before_anything_is_written(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    rows = [(n, (f"会员{n}", f"139{n:08d}")) for n in range(2, 53)]  # 51 rows of data
    path = members_sheet(tmp_path / "many.xlsx", rows)
    err = _refused(db, staff, path, limits=WorkbookLimits(max_rows=50))
    assert err.code == "import_too_many_rows"
    assert err.message("en").startswith("many.xlsx has more than 50 rows")
    assert "一次最多导入 50 行" in err.message("zh_CN")


def test_blank_rows_count_towards_the_row_limit(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    blank = [f'<row r="{n}"/>' for n in range(3, 200)]
    path = workbook(tmp_path / "blank.xlsx",
                    sheet_xml([row_xml(1, ("姓名", "手机号")), row_xml(2, ("张三", "13800138000")),
                               *blank]))  # fmt: skip
    assert _refused(db, staff, path, limits=WorkbookLimits(max_rows=100)).code == (
        "import_too_many_rows"
    )


def test_the_row_limit_by_default_takes_a_big_shop() -> None:
    assert WorkbookLimits().max_rows >= 100_000  # the 100,000-row import still works


# -- 3. the write lock is free while the file is read; short write transactions -----------


def _lock_is_free(db: Database) -> bool:
    """Another connection can take the write lock at once (no waiting)."""
    conn = sqlite3.connect(str(db.engine.url.database), timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("COMMIT")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def _sheet(tmp_path: Path, n: int) -> Path:
    return write_sheet(tmp_path / "m.xlsx",
                       [row(name=f"会员{i}", phone=f"139{i:08d}", opening_points=1)
                        for i in range(n)])  # fmt: skip


def test_the_write_lock_is_free_while_the_file_is_read_and_between_batches(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = _sheet(tmp_path, 1_100)
    seen: list[tuple[bool, bool]] = []
    registered: list[str] = []

    def probe(p: ImportProgress) -> None:
        seen.append((p.writing, _lock_is_free(db)))
        if not p.writing and not registered:
            # a member registered at the counter while the import reads its file,
            # whose phone is in the file: the import must skip that row, not fail
            register_member(db, staff["cashier"], phone="13900000007", name="柜台登记")
            registered.append("13900000007")

    result = import_members(db, staff["owner"], path, progress=probe)
    reads = [free for writing, free in seen if not writing]
    writes = [free for writing, free in seen if writing]
    assert len(reads) >= 3 and all(reads)  # 1,100 rows: read 500 at a time
    assert len(writes) >= 5 and all(writes)  # written 200 a transaction
    assert (result.rows, result.created, result.skipped, result.failed) == (1_100, 1_099, 1, 0)
    assert _members(db) == 1_100
    with db.reader() as uow:
        audits = list(uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "member.import")))  # fmt: skip
    assert len(audits) == 6  # one per write transaction, each saying what it wrote
    assert sum(int(d.split('"created": ')[1].split(",")[0]) for d in audits) == 1_099


def test_a_cancel_while_writing_keeps_the_batches_written_and_says_so(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = _sheet(tmp_path, 450)
    writes: list[int] = []

    def step(p: ImportProgress) -> None:
        if p.writing:
            writes.append(p.rows_done)

    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path, progress=step, cancel=lambda: bool(writes))
    assert err.value.code == "import_stopped"
    assert err.value.message("en").startswith("Import stopped: 200 members were written "
                                              "(up to row 201)")  # fmt: skip
    assert "已写入 200 位会员" in err.value.message("zh_CN")
    assert _members(db) == 200
    assert not (tmp_path / "m.errors.xlsx").exists()
    again = import_members(db, staff["owner"], path)  # carries on, nothing twice
    assert (again.created, again.skipped) == (250, 200)
    assert _members(db) == 450


def test_a_cancel_while_reading_writes_nothing(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = _sheet(tmp_path, 600)
    calls: list[ImportProgress] = []
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path, progress=calls.append,
                       cancel=lambda: bool(calls))  # fmt: skip
    assert err.value.code == "import_cancelled" and calls[0].rows_done == 500
    assert _members(db) == 0


# -- 4. files that would blow up memory are refused before parsing ---------------------------


def test_millions_of_shared_strings_are_refused_unparsed(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    path = workbook(tmp_path / "sst.xlsx", sheet_xml([row_xml(1, ("姓名", "手机号"))]),
                    strings=shared_strings(20_001))  # fmt: skip
    err = _refused(db, staff, path, limits=WorkbookLimits(max_shared_strings=20_000))
    assert err.code == "workbook_too_many_strings"
    assert err.message("en").startswith("sst.xlsx holds more than 20,000 distinct texts")


def test_a_lying_shared_strings_count_is_not_believed(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    strings = shared_strings(3_000).replace(b'count="3000" uniqueCount="3000"',
                                            b'count="1" uniqueCount="1"')  # fmt: skip
    path = workbook(tmp_path / "sst.xlsx", sheet_xml([row_xml(1, ("姓名", "手机号"))]),
                    strings=strings)  # fmt: skip
    assert _refused(db, staff, path, limits=WorkbookLimits(max_shared_strings=2_000)).code == (
        "workbook_too_many_strings"
    )


@pytest.mark.parametrize("where", ["shared", "inline"])
def test_one_huge_string_is_refused_unparsed(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None, where: str
) -> None:
    huge = "长" * 400_000  # 1.2 MB of text, a few KB packed; Excel cells hold 32,767 characters
    if where == "shared":
        path = workbook(tmp_path / "big.xlsx", sheet_xml([row_xml(1, ("姓名", "手机号"))]),
                        strings=shared_strings(1, huge))  # fmt: skip
    else:
        path = members_sheet(tmp_path / "big.xlsx", [(2, (huge, "13800138000"))])
    assert path.stat().st_size < 64 * 1024
    err = _refused(db, staff, path)  # the default limits
    assert err.code == "workbook_text_too_long"
    assert "longer than an Excel cell can hold" in err.message("en")


def test_a_part_that_unpacks_too_big_is_refused_unparsed(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    filler = b"<x>" + b"<y/>" * 300_000 + b"</x>"  # 1.2 MB
    path = members_sheet(tmp_path / "bomb.xlsx", [(2, ("张三", "13800138000"))])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/filler.xml", filler)
        zf.writestr("xl/media/filler2.xml", filler)
    err = _refused(db, staff, path, limits=WorkbookLimits(max_part_bytes=1 << 20))
    assert err.message("en").startswith("bomb.xlsx unpacks to more than 1 MB")
    err = _refused(db, staff, path, limits=WorkbookLimits(max_total_bytes=2 << 20,
                                                          max_part_bytes=2 << 20))  # fmt: skip
    assert err.message("en").startswith("bomb.xlsx unpacks to more than 2 MB")
    assert "解压后超过 2 MB" in err.message("zh_CN")
    err = _refused(db, staff, path, limits=WorkbookLimits(ratio_floor_bytes=1 << 20,
                                                          max_ratio=50))  # fmt: skip
    assert err.code == "workbook_suspicious"
    assert "which no ordinary Excel file is" in err.message("en")


def test_too_many_cells_are_refused_unparsed(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    rows = [row_xml(1, ("姓名", "手机号")), '<row r="2">' + "<c/>" * 5_000 + "</row>"]
    path = workbook(tmp_path / "cells.xlsx", sheet_xml(rows))
    err = _refused(db, staff, path, limits=WorkbookLimits(max_cells_per_row=1_000))
    assert err.code == "workbook_too_many_cells"
    err = _refused(db, staff, path, limits=WorkbookLimits(max_cells=1_000))
    assert err.code == "workbook_too_many_cells"


def test_a_file_too_big_to_be_a_member_list_is_refused(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    path = members_sheet(tmp_path / "m.xlsx", [(2, ("张三", "13800138000"))])
    err = _refused(db, staff, path, limits=WorkbookLimits(max_file_bytes=512))
    assert err.code == "workbook_too_big"


# -- 5. broken files are a clear error --------------------------------------------------------


def test_a_malformed_workbook_xml(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = members_sheet(tmp_path / "m.xlsx", [(2, ("张三", "13800138000"))])
    bad = workbook(tmp_path / "wb.xlsx", sheet_xml([row_xml(1, ("姓名", "手机号"))]),
                   workbook_xml=WORKBOOK[: len(WORKBOOK) // 2])  # fmt: skip
    assert path.exists()
    err = _refused(db, staff, bad)
    assert err.code == "import_not_workbook"
    assert err.message("en") == "wb.xlsx is not an Excel workbook (.xlsx)"


@pytest.mark.parametrize(
    "sheet",
    [
        "<worksheet><sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>姓名",  # cut off
        sheet_xml([row_xml(1, ("姓名", "手机号")), '<row r="2"><c r="A2"><v>1</v></c>']),
        sheet_xml([row_xml(1, ("姓名", "手机号")), '<row r="x"><c r="A2"><v>1</v></c></row>']),
        sheet_xml([row_xml(1, ("姓名", "手机号")), '<row r="2"><c r="2A"><v>1</v></c></row>']),
        sheet_xml([row_xml(1, ("姓名", "手机号")), '<row r="2"><c r="A2" t="s"><v>9</v></c></row>']),
        "",
    ],
    ids=["cut-off", "unclosed-row", "bad-row-number", "bad-cell-ref", "bad-shared-index", "empty"],
)  # fmt: skip
def test_a_malformed_sheet(db: Database, staff: Staff, tmp_path: Path, sheet: str) -> None:
    path = workbook(tmp_path / "s.xlsx", sheet)
    assert _refused(db, staff, path).code == "import_not_workbook"


def test_an_entity_declaration_is_refused(
    db: Database, staff: Staff, tmp_path: Path, no_parsing: None
) -> None:
    lol = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')  # fmt: skip
    path = workbook(tmp_path / "lol.xlsx", lol + sheet_xml([row_xml(1, ("&b;", "手机号"))])[38:])
    assert _refused(db, staff, path).code == "workbook_damaged"


@pytest.mark.parametrize("kind", ["ole", "zip-encrypted"])
def test_an_encrypted_workbook(db: Database, staff: Staff, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "secret.xlsx"
    if kind == "ole":  # what Excel writes for a workbook with an open password
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    else:
        members_sheet(path, [(2, ("张三", "13800138000"))])
        data = bytearray(path.read_bytes())
        # set the "encrypted" flag of every entry, local and central headers alike
        for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(sig)
            while at >= 0:
                data[at + off] |= 0x01
                at = data.find(sig, at + 4)
        path.write_bytes(bytes(data))
    err = _refused(db, staff, path)
    assert err.code == "workbook_encrypted"
    assert "remove the password in Excel" in err.message("en")
    assert "取消密码" in err.message("zh_CN")


def test_a_busy_database_while_writing_is_a_clear_stop(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from memberdesk.services.members import importer as member_import

    real = member_import.create_batch
    calls: list[int] = []

    def busy_second_time(*args: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        return real(*args)

    monkeypatch.setattr(member_import, "create_batch", busy_second_time)
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], _sheet(tmp_path, 300))
    assert err.value.code == "import_busy"
    assert err.value.message("en").startswith("The database is busy: the import stopped at "
                                              "row 201 with 200 members written")  # fmt: skip
    assert _members(db) == 200


def test_rows_are_counted_across_chunk_boundaries(tmp_path: Path) -> None:
    """The guard reads parts 1 MB at a time; a tag cut by a chunk boundary counts once."""
    rows = [row_xml(n, (f"会员{n}" * 3, f"139{n:08d}")) for n in range(1, 30_001)]
    path = workbook(tmp_path / "big.xlsx", sheet_xml(rows, "A1:B30000"))
    scan = workbook_guard.check_workbook(path)
    assert scan.rows["xl/worksheets/sheet1.xml"] == 30_000
    assert scan.cells["xl/worksheets/sheet1.xml"] == 60_000
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size > 3 << 20


@pytest.mark.parametrize(("problem", "code", "start"), [
    ("storage_busy", "import_busy", "The database is busy: the import stopped at row 201"),
    ("storage_full", "import_disk_full", "The disk is full: the import stopped at row 201"),
])
def test_a_storage_problem_while_writing_says_how_far_the_import_got(
    db: Database, staff: Staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    problem: str, code: str, start: str,
) -> None:
    """The unit of work turns a locked database or a full disk into a StorageError; the
    import still says how many members its earlier batches wrote."""
    from memberdesk.services.members import importer as member_import
    from memberdesk.services.shared.errors import StorageError

    real = member_import.create_batch
    calls: list[int] = []

    def fails_second_time(*args: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise StorageError(problem)
        return real(*args)

    monkeypatch.setattr(member_import, "create_batch", fails_second_time)
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], _sheet(tmp_path, 300))
    assert err.value.code == code
    assert err.value.message("en").startswith(start)
    assert "200" in err.value.message("zh_CN")
    assert _members(db) == 200
