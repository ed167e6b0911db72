"""Excel import on real files: template, opening balances as ledger entries,
idempotent re-import, dry run, every kind of bad row, broken files, permissions."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from memberdesk.db import Database
from memberdesk.models import (
    AuditEntry,
    Card,
    Member,
    PointsEntry,
    PointsLot,
    StoredValueEntry,
)
from memberdesk.models.enums import CardStatus, Gender, PointsKind, StoredValueKind
from memberdesk.money import Money
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.checkout.history import business_today as shop_today
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.import_result import ImportProgress, ImportResult
from memberdesk.services.members.importer import import_members
from memberdesk.services.members.lookup import LookupOutcome, lookup
from memberdesk.services.members.sheet import write_template
from memberdesk.services.shared.errors import PermissionDenied, UserError

from .sheets import HEADER, Formula, read_sheet, row, write_sheet

Staff = dict[str, Any]


def _count(db: Database, model: Any) -> int:
    with db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_template_has_the_columns_and_imports_as_empty(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = write_template(tmp_path / "模板.xlsx")
    rows = read_sheet(path)
    assert rows[0] == HEADER and len(rows) == 1
    result = import_members(db, staff["manager"], path)
    assert (result.rows, result.created, result.failed, result.error_report) == (0, 0, 0, None)
    en = write_template(tmp_path / "template-en.xlsx", "en")
    assert read_sheet(en)[0][:3] == ["Member no", "Name (required)", "Phone (required)"]


GOOD = [
    row(name="张三", phone="13800138000", gender="男", birthday="1990-05-01", tags="VIP，常客",
        marketing_consent="是", card_uid="04A1B2C3", opening_principal="100.50",
        opening_bonus=20, opening_points=300, email="zs@example.cn", address="上海市静安区"),
    row(name="单田芳", phone=13900139000, gender="女", birthday=date(1985, 3, 2),
        tier="金卡会员", opening_principal=88.8),
    row(member_no="V0007", name="Tom Li", phone="+86 137 0013 7000", card_uid="0455667788AA11",
        opening_points=5, notes="老会员\n从旧系统迁移"),
]  # fmt: skip


def test_import_creates_members_cards_and_opening_entries(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    path = write_sheet(tmp_path / "members.xlsx", GOOD)
    seen: list[ImportProgress] = []
    result = import_members(db, staff["manager"], path, progress=seen.append)
    assert (result.rows, result.created, result.skipped, result.failed) == (3, 3, 0, 0)
    assert (result.cards, result.opening_points) == (2, 305)
    assert (result.opening_principal, result.opening_bonus) == (Money(18_930), Money(2_000))
    assert result.error_report is None and not (tmp_path / "members.errors.xlsx").exists()
    assert seen[-1] == ImportProgress(3, 3, 3, 0, 0)

    zs = lookup(db, staff["owner"], "04a1b2c3").member
    assert zs is not None and (zs.name, zs.phone, zs.points) == ("张三", "13800138000", 300)
    assert (zs.sv_principal, zs.sv_bonus) == (Money(10_050), Money(2_000))
    stf = lookup(db, staff["owner"], "stf").members[0]
    assert (stf.tier_name, stf.sv_principal) == ("金卡会员", Money(8_880))
    tom = lookup(db, staff["owner"], "V0007").member
    assert tom is not None and tom.phone == "13700137000"
    by_card = lookup(db, staff["owner"], "04 55 66 77 88 AA 11").member
    assert by_card is not None and by_card.id == tom.id
    with db.reader() as uow:
        s = uow.session
        sv = list(s.scalars(select(StoredValueEntry)))
        assert {e.kind for e in sv} == {StoredValueKind.OPENING} and len(sv) == 2
        assert all(e.staff_id == staff["manager"].staff_id and "members.xlsx" in e.note for e in sv)
        pts = list(s.scalars(select(PointsEntry)))
        assert {e.kind for e in pts} == {PointsKind.OPENING} and len(pts) == 2
        lot = s.scalar(select(PointsLot).where(PointsLot.points == 300))
        assert lot is not None and lot.expires_on is not None
        assert lot.expires_on >= shop_today(db) + timedelta(days=364)
        m = s.scalar(select(Member).where(Member.phone == "13800138000"))
        assert m is not None
        assert (m.gender, m.birthday, m.tags, m.marketing_consent) == (
            Gender.MALE, date(1990, 5, 1), "VIP,常客", True)  # fmt: skip
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "member.import"))
        assert entry is not None and '"created": 3' in entry.detail and "sha256" in entry.detail
        assert entry.staff_id == staff["manager"].staff_id
    assert check_database(db) == []

    # The same file again creates nothing and posts nothing twice.
    again = import_members(db, staff["manager"], path)
    assert (again.rows, again.created, again.skipped, again.failed) == (3, 0, 3, 0)
    assert again.opening_principal == Money(0)
    assert _count(db, Member) == 3 and _count(db, StoredValueEntry) == 2
    assert _count(db, PointsEntry) == 2 and _count(db, Card) == 2
    assert check_database(db) == []


def test_dry_run_predicts_and_writes_nothing(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "m.xlsx", [*GOOD, row(name="", phone="123")])
    dry = import_members(db, staff["manager"], path, dry_run=True)
    assert dry.dry_run and (dry.created, dry.failed, dry.cards) == (3, 1, 2)
    assert dry.error_report is not None and dry.error_report.exists()
    assert _count(db, Member) == 0 and _count(db, StoredValueEntry) == 0
    with db.reader() as uow:
        assert (
            uow.session.scalar(select(AuditEntry.id).where(AuditEntry.action == "member.import"))
            is None
        )
    real = import_members(db, staff["manager"], path)
    assert (real.created, real.skipped, real.failed, real.cards) == (3, 0, 1, 2)
    assert (real.opening_principal, real.opening_points) == (
        dry.opening_principal,
        dry.opening_points,
    )
    assert "would create 3" in dry.summary("en") and "created 3" in real.summary("en")


def test_bad_rows_are_reported_and_left_out(db: Database, staff: Staff, tmp_path: Path) -> None:
    register_member(db, staff["cashier"], phone="13600136000", name="老会员", card_uid="DEADBEEF")
    long_note = "备" * 2001
    rows = [
        row(name="张三", phone="13800138000", card_uid="04A1B2C3"),  # 2 good
        row(name="坏号码", phone="1380013800"),  # 3 malformed phone
        row(name="小明😀", phone=13900139000),  # 4 good: emoji, phone as a number cell
        row(name="重复号", phone="139 0013 9000"),  # 5 repeats row 4's phone
        row(name="重复卡", phone="13900139001", card_uid="0077705923"),  # 6 row 2's card, decimal
        row(name="占用卡", phone="13900139002", card_uid="efbeadde"),  # 7 bound in the DB
        row(name="长" * 41, phone="13900139003"),  # 8 over-long name
        row(name="", phone="13900139004"),  # 9 empty name
        row(name="𠮷野家龘", phone="13900139005"),  # 10 good: rare characters
        row(name="错生日", phone="13900139006", birthday="1990-02-30"),  # 11 no such day
        row(name="未来人", phone="13900139007", birthday=date(2999, 1, 1)),  # 12
        row(name='=HYPERLINK("http://evil.example","点我")', phone="13900139008"),  # 13 good
        row(name=Formula("=1+2"), phone="13900139009"),  # 14 a real formula cell
        row(name="老会员", phone="13600136000", opening_principal=50),  # 15 registered: skipped
        row(name="坏金额", phone="13900139010", opening_principal="12.345",
            opening_points="-3"),  # 16 two problems
        row(name="超上限", phone="13900139011", opening_principal=4000, opening_bonus=1000.01),
        row(name="无此等级", phone="13900139012", tier="黑金卡"),  # 18
        row(name="坏邮箱", phone="13900139013", email="not-mail"),  # 19
        row(name="长备注", phone="13900139014", notes=long_note),  # 20
        row(),  # 21 blank: not a row at all
        row(name="性别", phone="13900139015", gender="未知性别"),  # 22
        row(name="坏卡", phone="13900139016", card_uid="04A1B2"),  # 23 not a UID
    ]  # fmt: skip
    path = write_sheet(tmp_path / "bad.xlsx", rows)
    result = import_members(db, staff["owner"], path, lang="en")
    assert (result.rows, result.created, result.skipped) == (21, 4, 1)
    assert result.failed == 16
    failed_rows = sorted({p.row for p in result.problems})
    assert failed_rows == [3, 5, 6, 7, 8, 9, 11, 12, 14, 16, 17, 18, 19, 20, 22, 23]
    by_row: dict[int, list[str]] = {}
    for p in result.problems:
        by_row.setdefault(p.row, []).append(p.text("en"))
        assert p.zh and p.en
    expected = {
        3: "not a valid mainland China mobile number",
        5: "repeats row 4",
        6: "repeats row 2",
        7: "already belongs to member M000001",
        8: "too long",
        9: "Please fill in the name",
        11: "not a valid date",
        12: "not plausible",
        14: "holds a formula",
        17: "above the cap",
        18: "no tier called",
        19: "not valid",
        20: "notes is too long",
        22: "gender",
        23: "Unrecognised card number",
    }
    for number, text in expected.items():
        assert any(text in t for t in by_row[number]), (number, by_row[number])
    assert len(by_row[16]) == 2  # both problems of a row are reported

    # The good rows, as written (formula text stays text; emoji and rare characters kept).
    for name in ("张三", "小明😀", "𠮷野家龘", '=HYPERLINK("http://evil.example","点我")'):
        assert lookup(db, staff["owner"], name).members[0].name == name
    assert _count(db, Member) == 5  # 4 new + the one already registered
    with db.reader() as uow:
        old = uow.session.scalar(select(Member).where(Member.phone == "13600136000"))
        assert old is not None and old.sv_principal == Money(0)  # skipped row posted nothing

    # The error report: the original rows plus an error column (and the row number).
    assert result.error_report == tmp_path / "bad.errors.xlsx"
    report = read_sheet(result.error_report)
    assert report[0] == [*HEADER, "Errors", "Row"]
    assert [r[-1] for r in report[1:]] == failed_rows
    assert report[1][1:3] == ["坏号码", "1380013800"]
    assert "not a valid mainland China mobile number" in report[1][-2]
    formula_row = next(r for r in report[1:] if r[-1] == 14)
    assert formula_row[1] == "=1+2"  # written back as text, not as a formula
    with zipfile.ZipFile(result.error_report) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()
    assert check_database(db) == []


def test_the_corrected_error_report_imports(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "a.xlsx", [row(name="张三", phone="13800138000"),
                                             row(name="李四", phone="1390013900")])  # fmt: skip
    first = import_members(db, staff["owner"], path)
    assert first.failed == 1 and first.error_report is not None
    from openpyxl import load_workbook

    wb = load_workbook(first.error_report)
    ws = wb.worksheets[0]
    ws.cell(row=2, column=3).value = "13900139000"
    wb.save(tmp_path / "fixed.xlsx")
    second = import_members(db, staff["owner"], tmp_path / "fixed.xlsx")
    assert (second.created, second.failed) == (1, 0)
    assert _count(db, Member) == 2


def test_headers_in_english_and_other_names(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "en.xlsx", [["x", "13800138000", "Wang Wu", "F", "yes"]],
                       header=["Extra", "Mobile", "Name", "Gender", "Marketing consent"])  # fmt: skip
    result = import_members(db, staff["owner"], path)
    assert result.created == 1
    hit = lookup(db, staff["owner"], "wang wu").members[0]
    assert hit.name == "Wang Wu"


@pytest.mark.parametrize("kind", ["text", "zip", "csv", "empty", "truncated"])
def test_a_file_that_is_not_a_workbook(
    db: Database, staff: Staff, tmp_path: Path, kind: str
) -> None:
    if kind == "text":
        path = tmp_path / "members.xlsx"
        path.write_text("姓名,手机号\n张三,13800138000\n", encoding="utf-8")
    elif kind == "zip":
        path = tmp_path / "members.xlsx"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "not a workbook")
    elif kind == "csv":
        path = tmp_path / "members.csv"
        path.write_text("姓名,手机号\n张三,13800138000\n", encoding="utf-8")
    elif kind == "empty":
        path = tmp_path / "members.xlsx"
        path.write_bytes(b"")
    else:
        good = write_sheet(tmp_path / "good.xlsx", GOOD)
        path = tmp_path / "members.xlsx"
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path)
    assert err.value.code == ("workbook_empty" if kind == "empty" else "import_not_workbook")
    assert "not an Excel workbook" in err.value.message("en")
    assert _count(db, Member) == 0


def test_a_missing_file(db: Database, staff: Staff, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], tmp_path / "nope.xlsx")
    assert err.value.code == "sheet_unreadable"


@pytest.mark.parametrize(
    ("header", "missing"),
    [(["姓名", "性别"], "手机号"), (["电话", "备注"], "姓名"), ([], "姓名、手机号")],
)
def test_a_workbook_with_missing_columns(
    db: Database, staff: Staff, tmp_path: Path, header: list[str], missing: str
) -> None:
    path = write_sheet(tmp_path / "cols.xlsx", [["张三", "男"]] if header else [], header=header)
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path)
    assert err.value.code == "import_missing_columns"
    assert missing in err.value.message("zh_CN")
    assert _count(db, Member) == 0


def test_permission_audit_and_cancel(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "m.xlsx", [*GOOD, row(name="", phone="1")])
    with pytest.raises(PermissionDenied):
        import_members(db, staff["cashier"], path)
    with pytest.raises(UserError) as err:
        import_members(db, staff["owner"], path, cancel=lambda: True)
    assert err.value.code == "import_cancelled"
    assert _count(db, Member) == 0
    assert not (tmp_path / "m.errors.xlsx").exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_result_summary_texts(tmp_path: Path) -> None:
    r = ImportResult(tmp_path, False, 3, 2, 0, 1, 1, Money(100), Money(0), 5, (), None)
    assert r.summary("en").startswith("3 rows: created 2 members")
    assert r.summary("zh_CN").startswith("共 3 行：新建 2 位会员")


def test_card_void_in_the_shop_can_be_imported(db: Database, staff: Staff, tmp_path: Path) -> None:
    from memberdesk.services.members.cards import void_card

    register_member(db, staff["cashier"], phone="13600136000", name="老会员", card_uid="DEADBEEF")
    void_card(db, staff["cashier"], "DEADBEEF")
    path = write_sheet(tmp_path / "m.xlsx", [row(name="新会员", phone="13800138000",
                                                  card_uid="deadbeef")])  # fmt: skip
    assert import_members(db, staff["owner"], path).created == 1
    result = lookup(db, staff["owner"], "DEADBEEF")
    assert result.outcome is LookupOutcome.MEMBER and result.member is not None
    assert result.member.name == "新会员"
    with db.reader() as uow:
        cards = list(uow.session.scalars(select(Card)))
        assert len(cards) == 1 and cards[0].status is CardStatus.ACTIVE
