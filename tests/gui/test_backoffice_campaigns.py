"""F8 后台 → 营销 (issue 14): the owner builds a filter and sees the live count, saves
it as a segment, creates a campaign for it and runs it on the long-job worker (each
member of the segment gets the coupon); a bad number in a filter is a clear message;
the member list filters by the analytics' grade and churn warning (issue 13, 5)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.models import Coupon, MemberScore
from memberdesk.models.enums import CouponKind
from memberdesk.services.coupons_admin import CouponTemplateRequest, add_coupon_template
from memberdesk.services.segments import list_segments
from tests.checkout_support.kit import add_member, yuan

from .tasks_support import Counter


def test_count_save_create_and_run_a_campaign(owner: Counter) -> None:
    c = owner
    w = c.world
    for i in range(30):
        add_member(c.db, f"137{i + 500:08d}", f"顾客{i:03d}", w.tiers["normal"])
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        code="BACK5", name="回店满30减5", kind=CouponKind.AMOUNT_OFF, value=yuan("5"),
        min_spend=yuan("30"), valid_days=30))
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("campaigns")
    c.settle()
    seg = page.segments
    assert page.heading.text() == "营销" and page.tabs.tabText(0) == "会员分群"
    c.qtbot.waitUntil(lambda: seg.count == 33, timeout=10_000)  # alice, bob, carol + 30
    assert seg.count_label.text() == "符合条件的会员：33 位"
    box = seg.list.filter_box
    c.type(box.visits_min, "abc")
    c.press(Qt.Key.Key_Return, box.visits_min)
    assert page.message.text() == "请填写 1 到 9999 的整数，或留空。"
    box.visits_min.clear()
    box.tier.setCurrentIndex(box.tier.findData(w.tiers["gold"]))
    c.press(Qt.Key.Key_Return, box.tag)
    c.settle()
    c.qtbot.waitUntil(lambda: seg.count == 1, timeout=10_000)
    assert [r.name for r in seg.list.model.rows] == ["李四"]  # bob, the preview
    c.type(seg.name, "金卡会员")
    c.qtbot.mouseClick(seg.save_button, Qt.MouseButton.LeftButton)
    c.settle()
    assert page.message.text() == "分群“金卡会员”已保存。"
    assert [s.name for s in list_segments(c.db, w.owner)] == ["金卡会员"]

    page.tabs.setCurrentIndex(1)
    c.settle()
    assert page.segment.currentData() == "金卡会员" and page.template.currentData() == "BACK5"
    c.type(page.name, "回店礼")
    page.holdout.clear()
    c.type(page.holdout, "95")
    c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "对照组比例请填写 0 到 90（%）。"
    page.holdout.clear()
    c.type(page.holdout, "0")
    c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    c.settle()
    c.qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert page.table.item(0, 6).text() == "未运行"
    page.table.selectRow(0)
    c.qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    c.qtbot.waitUntil(lambda: page.progress is None and bool(page.rows)
                      and page.rows[0].reached == 1, timeout=20_000)
    c.settle()
    assert page.message.text() == "已发券 1 张，对照组 0 位会员。"
    assert page.table.item(0, 4).text() == "1" and page.table.item(0, 6).text() == "已发券"
    with c.db.reader() as uow:
        owners = list(uow.session.scalars(select(Coupon.member_id)))
    assert owners == [w.members["bob"]]


def test_the_member_list_filters_by_grade_and_churn(owner: Counter) -> None:
    c = owner
    w = c.world
    with c.db.uow() as uow:
        uow.session.add_all([
            MemberScore(member_id=w.members["alice"], as_of=date(2026, 1, 1), grade="A",
                        segment="important_value", lifecycle="active"),
            MemberScore(member_id=w.members["bob"], as_of=date(2026, 1, 1), grade="C",
                        segment="important_retain", lifecycle="lapsed_mid", churn_kind="gap"),
        ])
        uow.commit()
    office = c.open(Qt.Key.Key_F8)
    panel = office.show_page("members").list
    c.settle()
    box = panel.filter_box
    assert box.grade.itemText(1) == "A 类" and box.churn.itemText(1) == "有预警"
    box.grade.setCurrentIndex(box.grade.findData("A"))
    box.grade.activated.emit(box.grade.currentIndex())
    c.settle()
    assert [r.name for r in panel.model.rows] == ["张三"]
    box.grade.setCurrentIndex(0)
    box.churn.setCurrentIndex(box.churn.findData(True))
    box.churn.activated.emit(box.churn.currentIndex())
    c.settle()
    assert [r.name for r in panel.model.rows] == ["李四"]
    with c.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(MemberScore)) == 2
