"""Excel export on real files, read back with python-calamine: masking per role,
formula text kept inert, permission and audit, and a round trip into a new shop."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from memberdesk.db import Database
from memberdesk.models import AuditEntry, StoredValueEntry
from memberdesk.models.enums import Gender, PointsKind, StoredValueKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.loyalty.enrol import register_member
from memberdesk.services.members.closing import anonymise_member
from memberdesk.services.members.export import export_members
from memberdesk.services.members.importer import import_members
from memberdesk.services.members.lookup import lookup
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import ledger
from memberdesk.services.shared.errors import PermissionDenied
from memberdesk.services.shared.permissions import Permission
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff.approvals import grant_approval

from .sheets import HEADER, read_sheet

Staff = dict[str, Any]

DANGEROUS = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture
def members(db: Database, staff: Staff) -> None:
    with db.uow() as uow:
        s = uow.session
        a = add_member_in(s, phone="13800138000", name="张三", gender=Gender.MALE,
                          tags="VIP", notes="\t=cmd|' /C calc'!A0")  # fmt: skip
        ledger.post_stored_value(s, a.id, StoredValueKind.RECHARGE, Money(10_000), Money(2_000),
                                 ledger.Refs())  # fmt: skip
        ledger.credit_points(s, a.id, PointsKind.EARN, 88, None, ledger.Refs())
        for i, name in enumerate(DANGEROUS):
            add_member_in(s, phone=f"1390013900{i}", name=name)
        uow.commit()
    from memberdesk.services.members.cards import bind_card

    bind_card(db, staff["owner"], "M000001", "04A1B2C3")


@pytest.mark.usefixtures("members")
def test_export_for_a_role_that_may_unmask(db: Database, staff: Staff, tmp_path: Path) -> None:
    result = export_members(db, staff["manager"], tmp_path / "out.xlsx")
    assert (result.rows, result.phones_masked) == (5, False)
    rows = read_sheet(result.path)
    assert rows[0] == [*HEADER, "状态", "注册日期"]
    zs = rows[1]
    assert zs[:4] == ["M000001", "张三", "13800138000", "男"]
    assert zs[10:15] == ["04A1B2C3", 100.0, 20.0, 88.0, "普通会员"]
    assert zs[15] == "正常"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.usefixtures("members")
def test_formula_text_is_never_a_formula(db: Database, staff: Staff, tmp_path: Path) -> None:
    path = export_members(db, staff["owner"], tmp_path / "out.xlsx").path
    rows = read_sheet(path)
    assert [r[1] for r in rows[2:]] == DANGEROUS  # read back as the very same text
    assert rows[1][8] == "=cmd|' /C calc'!A0"  # notes are trimmed
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        styles = zf.read("xl/styles.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    # each dangerous cell is a string cell whose style carries Excel's quote prefix
    quoted = [i for i, xf in enumerate(re.findall(r"<xf [^>]*>", styles.split("<cellXfs")[1]))
              if 'quotePrefix="1"' in xf]  # fmt: skip
    assert quoted
    for text in ("HYPERLINK", "+1+1", "-2+3", "@SUM", "=cmd"):
        cell = next(c for c in re.findall(r"<c [^>]*>.*?</c>", sheet) if text in c)
        assert 't="inlineStr"' in cell or 't="s"' in cell, cell
        style = int(re.search(r' s="(\d+)"', cell).group(1))  # type: ignore[union-attr]
        assert style in quoted, cell


@pytest.mark.usefixtures("members")
def test_cashier_needs_approval_and_then_sees_masked_phones(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        export_members(db, staff["cashier"], tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    grant = grant_approval(db, staff["cashier"], approver_username="manager",
                           approver_password="manager-pass", permission=Permission.EXPORT_MEMBERS,
                           reason="月底对账")  # fmt: skip
    result = export_members(
        db, staff["cashier"], tmp_path / "x.xlsx", approval_id=grant.approval_id
    )
    assert result.phones_masked
    phones = [r[2] for r in read_sheet(result.path)[1:]]
    assert phones[0] == "138****8000" and all("****" in p for p in phones)
    assert all("13800138000" not in str(v) for r in read_sheet(result.path) for v in r)
    with db.reader() as uow:
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "member.export"))
        assert entry is not None and entry.approver_id == staff["manager"].staff_id
        assert '"phones_masked": true' in entry.detail
    # the approval was one-time
    with pytest.raises(PermissionDenied):
        export_members(db, staff["cashier"], tmp_path / "y.xlsx", approval_id=grant.approval_id)


@pytest.mark.usefixtures("members")
def test_anonymised_members_export_without_personal_data(
    db: Database, staff: Staff, tmp_path: Path
) -> None:
    anonymise_member(db, staff["owner"], "M000002", reason="顾客要求")
    rows = read_sheet(export_members(db, staff["owner"], tmp_path / "o.xlsx").path)
    anon = next(r for r in rows if r[0] == "M000002")
    assert anon[1:3] == ["已注销", ""] and anon[15] == "已注销"


def test_round_trip_into_a_new_shop(db: Database, staff: Staff, tmp_path: Path) -> None:
    register_member(db, staff["cashier"], phone="13800138000", name="张三", tags="VIP,常客",
                    card_uid="04A1B2C3", marketing_consent=True)  # fmt: skip
    register_member(
        db, staff["cashier"], phone="13900139000", name="欧阳娜娜", gender=Gender.FEMALE
    )
    with db.uow() as uow:
        ledger.post_stored_value(uow.session, 1, StoredValueKind.RECHARGE, Money(12_345),
                                 Money(655), ledger.Refs())  # fmt: skip
        ledger.credit_points(uow.session, 2, PointsKind.EARN, 77, None, ledger.Refs())
        uow.commit()
    path = export_members(db, staff["owner"], tmp_path / "shop-a.xlsx").path

    other = DataPaths(tmp_path / "shop-b").ensure()
    db_b = Database.open(other)
    try:
        owner_b = init_shop(db_b, shop_name="分店", owner_username="boss", owner_display_name="老板",
                            owner_password="boss-pass")  # fmt: skip
        result = import_members(db_b, owner_b, path)
        assert (result.created, result.failed, result.cards) == (2, 0, 1)
        zs = lookup(db_b, owner_b, "04A1B2C3").member
        assert zs is not None and (zs.member_no, zs.name, zs.phone) == (
            "M000001",
            "张三",
            "13800138000",
        )
        assert (zs.sv_principal, zs.sv_bonus) == (Money(12_345), Money(655))
        oy = lookup(db_b, owner_b, "oynn").members[0]
        assert (oy.member_no, oy.points) == ("M000002", 77)
        with db_b.reader() as uow:
            kinds = set(uow.session.scalars(select(StoredValueEntry.kind)))
        assert kinds == {StoredValueKind.OPENING}
        assert check_database(db_b) == []
    finally:
        db_b.close()
