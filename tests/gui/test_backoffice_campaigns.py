"""F8 后台 → 营销 (issue 14): the owner builds a filter and sees the live count, saves
it as a segment, creates a campaign for it and runs it on the long-job worker (each
member of the segment gets the coupon); a bad number in a filter is a clear message;
the member list filters by the analytics' grade and churn warning (issue 13, 5)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from memberdesk.models import Coupon, MemberScore
from memberdesk.models.enums import CouponKind
from memberdesk.services.campaigns.segments import list_segments
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from memberdesk.ui.backoffice.campaign_edit import MEMBERS
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


def test_create_and_end_a_member_day_and_a_special_price(owner: Counter) -> None:
    from memberdesk.domain import shoptime
    from memberdesk.models import Campaign

    c = owner
    monday = datetime(2026, 3, 9, 2, 0, tzinfo=UTC)  # 10:00 in the shop (+08:00)
    with shoptime.frozen(monday):
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("campaigns")
        page.tabs.setCurrentIndex(1)
        c.settle()
        page.kind.setCurrentIndex(page.kind.findData("member_day"))
        assert page.forms.currentWidget() is page.member_day and page.holdout.text() == "10"
        form = page.member_day
        c.type(page.name, "周一会员日")
        form.pay.clear()
        c.type(form.pay, "120")
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        assert page.message.text() == "会员按原价的百分之几付款：请填写 10 到 100。"
        form.pay.clear()
        c.type(form.pay, "90")
        form.times.clear()
        c.type(form.times, "2")
        form.tier.setCurrentIndex(form.tier.findData("gold"))
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
        assert page.message.text() == "活动“周一会员日”已创建：收银台即刻生效。"
        assert [page.table.item(0, i).text() for i in (1, 2, 6)] == [
            "会员日", "每周一，按原价 90% 收，积分 ×2", "进行中"]

        page.kind.setCurrentIndex(page.kind.findData("special"))
        assert page.holdout.text() == "0"
        sp = page.special
        c.type(page.name, "夜场可乐")
        c.type(sp.product, "COLA")
        c.type(sp.price, "2.00")
        for edit, text in ((sp.starts, "2026-03-09 22:00"), (sp.ends, "2026-03-10 2点")):
            edit.clear()
            c.type(edit, text)
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        assert page.message.text() == "时间请按 YYYY-MM-DD HH:MM 填写（门店时间）。"
        assert sp.ends.hasFocus()
        sp.ends.clear()
        c.type(sp.ends, "2026-03-10 02:00")
        page.promo_segment.setCurrentIndex(page.promo_segment.findData(MEMBERS))
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
        assert page.table.item(0, 2).text() == (
            "可口可乐 330ml 特价 ¥2.00，2026-03-09 22:00–2026-03-10 02:00，仅限会员")
        page.table.selectRow(0)
        assert not page.run_button.isEnabled() and page.end_button.isEnabled()
        c.qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
        assert page.message.text() == "再按一次“立即结束”，结束活动“夜场可乐”。"
        c.qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.item(0, 6).text() == "已结束", timeout=10_000)
        assert page.message.text() == "活动“夜场可乐”已结束。"
    with c.db.reader() as uow:
        rows = {n: (k, e is not None) for n, k, e in uow.session.execute(
            select(Campaign.name, Campaign.kind, Campaign.ended_at))}
    assert rows == {"周一会员日": ("member_day", False), "夜场可乐": ("special", True)}


def test_create_a_gift_with_purchase(owner: Counter) -> None:
    from memberdesk.domain import shoptime
    from memberdesk.models import Campaign

    c = owner
    monday = datetime(2026, 3, 9, 2, 0, tzinfo=UTC)  # 10:00 in the shop (+08:00)
    with shoptime.frozen(monday):
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("campaigns")
        page.tabs.setCurrentIndex(1)
        c.settle()
        page.kind.setCurrentIndex(page.kind.findData("gift"))
        assert page.forms.currentWidget() is page.gift and page.holdout.text() == "10"
        assert not page.promo_segment.isHidden()
        g = page.gift
        c.type(page.name, "满30送可乐")
        c.type(g.min_spend, "三十")
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        assert page.message.text() == "请填写满赠门槛（元），例如 100。"
        assert g.min_spend.hasFocus()
        g.min_spend.clear()
        c.type(g.min_spend, "30")
        c.type(g.product, "COLA")
        g.qty.clear()
        c.type(g.qty, "2")
        for edit, text in ((g.starts, "2026-03-09 10:00"), (g.ends, "2026-03-16 00:00")):
            edit.clear()
            c.type(edit, text)
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
        assert page.message.text() == "活动“满30送可乐”已创建：收银台即刻生效。"
        assert [page.table.item(0, i).text() for i in (1, 2, 6)] == [
            "满赠", "满 ¥30.00 赠 可口可乐 330ml ×2，2026-03-09 10:00–2026-03-16 00:00", "进行中"]
        # the gift's two rows of fields take room from the table only while it is shown
        office.resize(984, 698)
        c.settle()
        c.qtbot.wait(100)
        with_gift = page.table.height()
        page.kind.setCurrentIndex(page.kind.findData("coupon"))
        c.qtbot.wait(100)
        assert page.table.height() > with_gift
    with c.db.reader() as uow:
        row = uow.session.execute(select(Campaign.kind, Campaign.min_spend, Campaign.gift_qty,
                                         Campaign.holdout_permille)).one()
    assert tuple(row) == ("gift", yuan("30"), 2, 100)


def test_the_segment_state_box_shows_its_choice_whole_at_1024(owner: Counter) -> None:
    c = owner
    office = c.open(Qt.Key.Key_F8)
    page = office.show_page("campaigns")
    for title in ("Back office", "后台"):  # English, then Chinese again
        c.qtbot.keyClick(office, Qt.Key.Key_L,
                         Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        c.qtbot.waitUntil(lambda t=title: office.windowTitle() == t, timeout=5_000)
        office.resize(984, 698)
        c.settle()
        c.qtbot.wait(100)
        box = page.segments.list.filter_box.status
        assert box.currentText() in ("Active and deactivated", "正常和已停用")
        assert box.width() >= box.sizeHint().width()  # AdjustToContents: the longest whole


def test_change_a_campaign_before_it_starts_and_only_end_it_after(owner: Counter) -> None:
    from memberdesk.domain import shoptime
    from memberdesk.models import Campaign, Segment
    from memberdesk.services.campaigns.promotions import SpecialRequest, add_special
    from memberdesk.services.campaigns.segments import save_segment
    from memberdesk.services.members.filter import MemberFilter

    c = owner
    w = c.world
    monday = datetime(2026, 3, 9, 2, 0, tzinfo=UTC)  # 10:00 in the shop (+08:00)
    with shoptime.frozen(monday):
        save_segment(c.db, w.owner, "金卡会员", MemberFilter(tier_id=w.tiers["gold"]))
        add_special(c.db, w.owner, SpecialRequest(
            "夜场可乐", "COLA", yuan("2.00"), datetime(2026, 3, 9, 22), datetime(2026, 3, 10, 2)))
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("campaigns")
        page.tabs.setCurrentIndex(1)
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
        page.table.selectRow(0)
        assert page.table.item(0, 6).text() == "未开始" and page.edit_button.isEnabled()
        c.qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
        c.qtbot.waitUntil(lambda: page.editing is not None, timeout=10_000)
        assert page.form_heading.text() == "修改“夜场可乐”（开始前）"
        assert page.create_button.text() == "保存修改" and not page.kind.isEnabled()
        assert page.kind.currentData() == "special" and page.name.text() == "夜场可乐"
        assert (page.special.product.text(), page.special.price.text()) == ("COLA", "2.00")
        assert page.special.starts.text() == "2026-03-09 22:00"
        page.special.price.clear()
        c.type(page.special.price, "2.50")
        page.promo_segment.setCurrentIndex(page.promo_segment.findData("金卡会员"))
        c.qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
        c.settle()
        c.qtbot.waitUntil(lambda: page.message.text() == "“夜场可乐”已保存。", timeout=10_000)
        c.qtbot.waitUntil(lambda: page.table.item(0, 1).text() == "金卡会员",
                          timeout=10_000)
        assert page.create_button.text() == "创建" and page.kind.isEnabled()
        assert page.table.item(0, 4).text() == "1"  # bob, the segment's one member
    with c.db.reader() as uow:
        s = uow.session
        sp = s.scalars(select(Campaign)).one()
        assert sp.price == yuan("2.50") and sp.segment_id == s.scalar(select(Segment.id))
    late = datetime(2026, 3, 9, 14, 30, tzinfo=UTC)  # 22:30: it has started
    with shoptime.frozen(late):
        page.reload()
        c.settle()
        c.qtbot.waitUntil(lambda: page.table.item(0, 6).text() == "进行中", timeout=10_000)
        page.table.selectRow(0)
        assert not page.edit_button.isEnabled() and page.end_button.isEnabled()
