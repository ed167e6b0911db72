"""The owner's audit viewer (issue 11, item 6): filters by action, staff and the
shop's dates; keyset pages that never overlap; the detail in readable words; the
chain checked in batches with progress, a tampered row named by its number in
both languages; the filtered rows exported and read back; owner only."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from memberdesk.db import Database
from memberdesk.domain import shoptime
from memberdesk.services.audit.export import export_audit
from memberdesk.services.audit.view import (
    AuditFilter,
    audit_choices,
    detail_lines,
    list_audit,
    parse_filter,
    verify_audit_chain,
)
from memberdesk.services.shared import audit
from memberdesk.services.shared.errors import PermissionDenied, ValidationError


def _add(db: Database, n: int, action: str = "test.event", staff_id: int | None = 1,
         at: datetime | None = None) -> None:
    def write() -> None:
        with db.uow() as uow:
            for i in range(n):
                audit.record(uow.session, action=action, staff_id=staff_id, detail={"i": i})
            uow.commit()

    if at is None:
        write()
    else:
        with shoptime.frozen(at):
            write()


def _tamper(db: Database, sql: str) -> None:
    conn = sqlite3.connect(db.paths.database, isolation_level=None)  # type: ignore[union-attr]
    conn.execute("DROP TRIGGER trg_audit_log_no_update")
    conn.execute("DROP TRIGGER trg_audit_log_no_delete")
    conn.execute(sql)
    conn.close()


def test_pages_are_newest_first_and_never_overlap(db: Database, staff) -> None:
    owner = staff["owner"]
    _add(db, 450)
    seen: list[int] = []
    before = None
    while True:
        page = list_audit(db, owner, AuditFilter(action="test.event"), before=before)
        seen += [r.id for r in page.rows]
        if not page.more:
            break
        before = page.cursor
    assert len(seen) == 450 and seen == sorted(seen, reverse=True)
    assert len(list_audit(db, owner).rows) == 200


def test_filter_by_action_staff_and_the_shops_dates(db: Database, staff) -> None:
    owner, manager = staff["owner"], staff["manager"]
    # 23:30 UTC on 1 March is 07:30 on 2 March in the shop (UTC+8, the default)
    _add(db, 2, "x.early", manager.staff_id, datetime(2027, 3, 1, 15, 59, tzinfo=UTC))
    _add(db, 3, "x.late", manager.staff_id, datetime(2027, 3, 1, 23, 30, tzinfo=UTC))
    _add(db, 4, "x.late", owner.staff_id, datetime(2027, 3, 3, 2, 0, tzinfo=UTC))
    rows = list_audit(db, owner, parse_filter("x.late")).rows
    assert [r.action for r in rows] == ["x.late"] * 7
    by_manager = list_audit(db, owner, parse_filter("x.late", manager.staff_id)).rows
    assert len(by_manager) == 3 and {r.staff for r in by_manager} == {"李店长"}
    march_2 = list_audit(db, owner, parse_filter("", None, date(2027, 3, 2), date(2027, 3, 2)))
    assert [r.action for r in march_2.rows] == ["x.late"] * 3
    assert march_2.rows[0].at == datetime(2027, 3, 2, 7, 30)  # shown in the shop's time
    march_1 = list_audit(db, owner, parse_filter("", None, None, date(2027, 3, 1))).rows
    assert {r.action for r in march_1} >= {"x.early"} and "x.late" not in {r.action for r in march_1}
    choices = audit_choices(db, owner)
    assert {"x.early", "x.late", "staff.create"} <= set(choices.actions)
    assert "李店长" in dict(choices.staff).values()


def test_a_reversed_range_and_a_manager_are_refused(db: Database, staff) -> None:
    with pytest.raises(ValidationError) as err:
        parse_filter("", None, date(2027, 3, 2), date(2027, 3, 1))
    assert err.value.message() == "开始日期 2027-03-02 晚于结束日期 2027-03-01"
    with pytest.raises(PermissionDenied) as denied:
        list_audit(db, staff["manager"])
    assert denied.value.message("en") == "Only the owner may see the audit and system logs"


def test_the_detail_reads_as_words_not_json() -> None:
    settings_change = '{"after": {"shop.name": "新店"}, "before": {"shop.name": "老店"}}'
    assert [(d.field, d.old, d.new) for d in detail_lines(settings_change)] == [
        ("shop.name", "老店", "新店")]
    product = '{"price": [550, 600], "name": ["花生", "瓜子"], "active": [true, false]}'
    assert [(d.field, d.old, d.new) for d in detail_lines(product, "en")] == [
        ("price", "¥5.50", "¥6.00"), ("name", "花生", "瓜子"), ("active", "yes", "no")]
    close = ('{"alipay": {"counted": 0, "expected": 0}, "cash": {"counted": 20550, '
             '"expected": 20600}, "wechat": {"counted": 350, "expected": 350}}')
    assert [(d.field, d.new) for d in detail_lines(close)] == [  # unused methods left out
        ("现金", "实点: ¥205.50, 应有: ¥206.00"), ("微信", "实点: ¥3.50, 应有: ¥3.50")]
    verified = '{"note": "ok", "variance": {"cash": -100}}'
    assert [(d.field, d.new) for d in detail_lines(verified, "en")] == [
        ("note", "ok"), ("difference", "cash: -¥1.00")]
    assert [(d.field, d.new) for d in detail_lines('{"reason": "坏了"}')] == [("原因", "坏了")]


def test_an_intact_chain_is_checked_in_batches_with_progress(db: Database, staff) -> None:
    _add(db, 30)
    steps: list[tuple[int, int]] = []
    from memberdesk.services.audit import view as audit_view
    from memberdesk.services.shared.audit import walk_chain

    with db.reader() as r:
        report = walk_chain(r.session, audit.keyring_of(r.session),
                            lambda d, t: steps.append((d, t)) or True, batch=7)
    assert report.breaks == () and steps[-1][0] == steps[-1][1] == report.rows
    assert len(steps) >= 5
    verdict = audit_view.verify_audit_chain(db, staff["owner"])
    assert verdict.intact and verdict.first_break is None
    assert verdict.summary("en").startswith("The audit chain holds")


def test_a_stopped_check_says_so(db: Database, staff) -> None:
    _add(db, 10)
    verdict = verify_audit_chain(db, staff["owner"], lambda _d, _t: False)
    assert not verdict.complete and not verdict.intact
    assert verdict.summary("en").startswith("Check stopped")


def test_a_tampered_row_is_named_in_the_users_words(db: Database, staff) -> None:
    _add(db, 8)
    _tamper(db, "UPDATE audit_log SET detail = '{\"i\": 99}' WHERE id = 6")
    verdict = verify_audit_chain(db, staff["owner"])
    assert not verdict.intact and verdict.first_break == 6
    assert verdict.summary() == "审计链在第 6 条断开：这条记录（test.event）被修改过"
    assert verdict.summary("en") == "Chain broken at row 6: this row (test.event) was altered"


def test_deleted_rows_are_named(db: Database, staff) -> None:
    _add(db, 8)
    _tamper(db, "DELETE FROM audit_log WHERE id IN (4, 5)")
    verdict = verify_audit_chain(db, staff["owner"])
    assert verdict.first_break == 4
    assert verdict.summary("en") == "Chain broken at row 4: rows 4–5 were deleted"


def test_export_the_filtered_rows_and_read_them_back(db: Database, staff, tmp_path: Path) -> None:
    owner = staff["owner"]
    _add(db, 3, "product.update")
    with db.uow() as uow:
        audit.record(uow.session, action="product.update", staff_id=owner.staff_id,
                     entity="product", entity_id="7001", detail={"price": [550, 600]})
        uow.commit()
    steps: list[int] = []
    done = export_audit(db, owner, AuditFilter(action="product.update"), tmp_path, "zh_CN",
                        lambda d, _t: steps.append(d) or True)
    assert done.rows == 4 and done.path.name.startswith("审计日志_")
    book = CalamineWorkbook.from_path(str(done.path))
    rows = book.get_sheet_by_name("审计日志").to_python()
    header = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
    body = [r for r in rows[header + 1:] if r and r[0] != ""]
    assert len(body) == 4
    assert body[0][2] == "修改商品" and body[0][3] == "王老板" and body[0][6] == "7001"
    assert body[0][7] == "价格: ¥5.50 → ¥6.00"
    newest = list_audit(db, owner).rows[0]
    assert newest.action == "audit.export" and newest.entity_id == done.path.name
    en = export_audit(db, owner, AuditFilter(), tmp_path, "en")
    assert en.path.name.startswith("audit-log_")
    assert not list(tmp_path.glob("*.partial"))


def test_the_shop_today_sets_the_choices(db: Database, staff) -> None:
    at = datetime(2027, 12, 31, 17, 0, tzinfo=UTC)  # 01:00 on 1 January 2028 in the shop
    with shoptime.frozen(at):
        assert audit_choices(db, staff["owner"]).today == date(2028, 1, 1)


def test_pages_within_a_date_range_never_overlap(db: Database, staff) -> None:
    owner = staff["owner"]
    _add(db, 5, "x.before", 1, datetime(2027, 3, 1, 12, 0, tzinfo=UTC))
    _add(db, 450, "x.inside", 1, datetime(2027, 3, 2, 3, 0, tzinfo=UTC))
    _add(db, 5, "x.after", 1, datetime(2027, 3, 3, 3, 0, tzinfo=UTC))
    flt = parse_filter("", None, date(2027, 3, 2), date(2027, 3, 2))
    seen: list[int] = []
    page = list_audit(db, owner, flt, limit=200)
    while True:
        seen += [r.id for r in page.rows]
        assert {r.action for r in page.rows} == {"x.inside"}
        if not page.more:
            break
        page = list_audit(db, owner, flt, before=page.cursor, limit=200)
    assert len(seen) == len(set(seen)) == 450
