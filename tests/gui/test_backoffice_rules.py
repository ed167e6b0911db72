"""F8 后台 → 规则 (issue 11, item 3): the owner adds a tier, a recharge offer and a
coupon, and gives the coupon to a member, all by keys (Enter through each form);
an overlapping offer is refused with its reason; the products page gets a price
field for the new tier; a manager sees the rules read-only but may give coupons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from memberdesk.services.coupons.core import member_coupons
from memberdesk.services.loyalty.tiers import list_tiers
from memberdesk.services.stored_value.recharge import list_recharge_rules

from .tasks_support import Counter

CTRL = Qt.KeyboardModifier.ControlModifier


def rules_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_9, office, CTRL)
    page = office.page("rules")
    assert office.stack.currentWidget() is page
    settle(c, page)
    return office, page


def settle(c: Counter, page) -> None:  # type: ignore[no-untyped-def]
    """Until the page's calls (a save, then the reload it starts) have come back."""
    c.settle()
    c.qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    c.settle()


def enter(c: Counter, page, text: str | None = None) -> QWidget:  # type: ignore[no-untyped-def]
    """Type ``text`` into the field with the cursor (replacing what is there), then
    Enter; returns the field."""
    field = page.focusWidget()
    assert field is not None
    if text is not None:
        c.qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        if text.isascii():
            c.qtbot.keyClicks(field, text)
        else:
            field.insert(text)
    c.press(Qt.Key.Key_Return, field)
    return field


def test_the_owner_sets_up_rules_by_keys(owner: Counter) -> None:
    c = owner
    office, page = rules_page(c)
    assert office.nav.item(8).text() == "规则"
    assert page.heading.text() == "规则"
    assert not page.note.isVisible()
    assert page.tier_table.rowCount() == 4

    # a tier: Ctrl+N, then Enter through code, name, order, share paid, points ×, threshold
    c.press(Qt.Key.Key_N, page, CTRL)
    assert page.focusWidget() is page.tier_code
    for text in ("vip", "黑卡会员", None, "88", "2", "50000"):
        enter(c, page, text)
    settle(c, page)
    assert page.message.text() == "已添加等级“黑卡会员”，商品现在有它的会员价一栏。"
    vip = next(t for t in list_tiers(c.db) if t.code == "vip")
    assert (vip.rank, vip.discount_permille, vip.points_multiplier_permille) == (5, 880, 2000)
    assert page.tier_table.rowCount() == 5

    # a recharge offer: Ctrl+Tab to the tab, Enter through the form
    c.press(Qt.Key.Key_Tab, page.focusWidget(), CTRL)
    assert page.tabs.currentIndex() == 1 and page.focusWidget() is page.offer_threshold
    for text in ("100", "20", "50", None, None, None, None, "充100送20"):
        enter(c, page, text)
    settle(c, page)
    assert page.message.text() == "充值活动“充100送20”已添加，收银台充值现在就按它赠送。"
    rules = list_recharge_rules(c.db)
    assert [(r.name, r.threshold.fen, r.bonus.fen, r.bonus_points) for r in rules] == [
        ("充100送20", 10_000, 2_000, 50)]
    # the same again, for the same threshold and every tier: refused, with why
    for text in ("100", "30", None, None, None, None, None, None):
        enter(c, page, text)
    settle(c, page)
    assert page.message.text().startswith("与充值活动“充100送20”（长期有效）重叠")
    assert len(list_recharge_rules(c.db)) == 1

    # a coupon template, then give it to a member by phone
    c.press(Qt.Key.Key_Tab, page.focusWidget(), CTRL)
    assert page.tabs.currentIndex() == 2
    c.press(Qt.Key.Key_N, page.focusWidget(), CTRL)  # the form for a new coupon
    assert page.focusWidget() is page.t_code and not page.template_table.isVisible()
    # code, name, kind (amount off), amount, [share paid and at most: off for this kind]
    # min. spend, for (everything), days valid, from, until, hours, per member, in all,
    # stacks: Enter in the last saves
    for text in ("OFF5", "满20减5", None, "5", "20", None, "30", None, None, None, None, None):
        enter(c, page, text)
    assert page.focusWidget() is page.t_stackable
    enter(c, page)
    settle(c, page)
    assert page.message.text() == ("优惠券“满20减5”（OFF5）已添加：在列表中选中它即可发给会员。")
    assert page.selected_template() is not None and page.selected_template().code == "OFF5"
    enter(c, page, "13800000001")
    enter(c, page)  # the count, 1
    settle(c, page)
    alice = c.world.member("alice")
    assert page.message.text() == f"已发给 张三（{alice.member_no}）：满20减5 × 1。"
    assert [x.name for x in member_coupons(c.db, alice.id)] == ["满20减5"]
    assert page.template_table.item(0, 6).text() == "1 / 0"

    # the points tab shows the settings and opens the settings page
    c.press(Qt.Key.Key_Tab, page.focusWidget(), CTRL)
    assert page.tabs.currentIndex() == 3
    assert page.points_labels["points.expiry_policy"][1].text() == "获得后按有效期天数"
    page.points_button.click()
    assert office.stack.currentWidget() is office.page("settings")

    # the products page has a member-price field for the new tier
    c.press(Qt.Key.Key_6, office, CTRL)
    products = office.page("products")
    c.qtbot.waitUntil(lambda: any(t.code == "vip" for t in products.tiers), timeout=10_000)
    assert products.findChild(QWidget, "memberPrice_vip") is not None


def test_a_manager_sees_the_rules_and_may_give_coupons(manager: Counter) -> None:
    c = manager
    from memberdesk.models.enums import CouponKind
    from memberdesk.money import Money
    from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template

    add_coupon_template(c.db, c.world.owner, CouponTemplateRequest(
        "OFF5", "满20减5", CouponKind.AMOUNT_OFF, value=Money(500), min_spend=Money(2000)))
    _office, page = rules_page(c)
    assert page.note.isVisible()
    assert not page.tier_save.isEnabled() and not page.tier_code.isEnabled()
    assert not page.offer_add.isEnabled() and not page.template_add.isEnabled()
    page.tabs.setCurrentIndex(2)
    page.template_table.selectRow(0)
    assert page.issue_button.isEnabled()
    c.type(page.issue_member, "13800000002")
    c.press(Qt.Key.Key_Return, page.issue_member)
    c.press(Qt.Key.Key_Return, page.issue_count)
    settle(c, page)
    bob = c.world.member("bob")
    assert [x.name for x in member_coupons(c.db, bob.id)] == ["满20减5"]


def test_a_tier_held_by_members_is_refused_on_the_page(owner: Counter) -> None:
    c = owner
    _office, page = rules_page(c)
    gold = next(i for i, t in enumerate(page.rules.tiers) if t.code == "gold")
    page.tier_table.selectRow(gold)  # bob holds gold
    assert page.tier_code.text() == "gold" and page.tier_active.text() == "停用"
    page.tier_active.click()
    settle(c, page)
    assert page.message.text() == "还有 1 位会员属于“金卡会员”，不能停用：请先把他们调到其他等级"
    assert any(t.code == "gold" for t in list_tiers(c.db))


def test_scaled_spin_box_keeps_whole_thousandths(qtbot) -> None:  # type: ignore[no-untyped-def]
    from memberdesk.ui.backoffice.rules_widgets import ScaledSpinBox

    share = ScaledSpinBox(10, 1, 1000, "%")
    qtbot.addWidget(share)
    share.setValue(985)
    assert share.text() == "98.5%"
    share.lineEdit().selectAll()
    qtbot.keyClicks(share, "88")
    share.interpretText()
    assert share.value() == 880
    times = ScaledSpinBox(1000, 0, 10_000, "×")
    qtbot.addWidget(times)
    times.setValue(1250)
    assert times.text() == "1.25×"
    times.lineEdit().selectAll()
    qtbot.keyClicks(times, "1.5x")  # a letter is refused by the validator
    times.interpretText()
    assert times.value() == 1500


def test_the_owner_sets_a_categorys_points_by_keys(owner: Counter) -> None:
    from memberdesk.models.enums import TenderKind

    c = owner
    _office, page = rules_page(c)
    for _ in range(3):
        c.press(Qt.Key.Key_Tab, page.focusWidget() or page, CTRL)
    assert page.tabs.currentIndex() == 3
    panel = page.category_points
    assert panel.table.rowCount() == 4 and panel.table.item(0, 1).text() == "全店规则（1）"
    c.press(Qt.Key.Key_C, page, Qt.KeyboardModifier.AltModifier)
    assert page.focusWidget() is panel.category and panel.category.currentData() == "drinks"
    assert page.points_tab.verticalScrollBar().value() > 0 or not page.points_tab.verticalScrollBar().maximum()
    enter(c, page)  # to the rate
    assert page.focusWidget() is panel.rate
    enter(c, page, "500")  # too many
    assert page.message.text() == "请输入每元积分，0 到 100 的整数，或留空。"
    enter(c, page, "5")
    settle(c, page)
    assert page.message.text() == "分类 drinks 现在每元积 5 分。"
    assert panel.table.item(0, 1).text() == "每元 5 分"
    sale = c.world.sell([("COLA", 2)], [(TenderKind.CASH, "10")], member="alice")
    assert sale.points_earned == 35  # 7.00 x 5


def test_after_saving_a_new_tier_the_form_edits_it(owner: Counter) -> None:
    """The heading kept 新等级 after a new tier was saved (a second save would add it
    again): it names the tier, which a second save changes."""
    c = owner
    _office, page = rules_page(c)
    c.press(Qt.Key.Key_N, page, CTRL)
    assert page.tier_heading.text() == "新等级"
    for text in ("vip", "黑卡会员", None, "88", "2", "50000"):
        enter(c, page, text)
    settle(c, page)
    assert page.tier_heading.text() == "修改 黑卡会员"
    page.activated()  # back to the page (or any reload): the same tier stays in the form
    settle(c, page)
    assert page.tier_heading.text() == "修改 黑卡会员"
    assert page.editing_tier is not None and page.editing_tier.code == "vip"
    assert page.tier_table.selectedItems()[1].text() == "黑卡会员"
    page.tier_name.setText("黑金会员")
    page.save_tier()
    settle(c, page)
    assert [t.name for t in list_tiers(c.db) if t.code == "vip"] == ["黑金会员"]
    assert page.tier_heading.text() == "修改 黑金会员"


def test_a_coupons_days_read_1_day_30_days_in_english(owner: Counter) -> None:
    """Counts through Qt's plural forms (issue 11): not "1 days"; Chinese unchanged."""
    c = owner
    from memberdesk.models.enums import CouponKind
    from memberdesk.money import Money
    from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template

    for code, days in (("D1", 1), ("D30", 30)):
        add_coupon_template(c.db, c.world.owner, CouponTemplateRequest(
            code, f"减1元{code}", CouponKind.AMOUNT_OFF, value=Money(100), valid_days=days))
    office, page = rules_page(c)

    def validity() -> dict[str, str]:
        table = page.template_table
        return {table.item(r, 0).text(): table.item(r, 5).text() for r in range(table.rowCount())}

    assert validity()["D1"] == "发出后 1 天" and validity()["D30"] == "发出后 30 天"
    c.qtbot.keyClick(office, Qt.Key.Key_L,
                     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    c.qtbot.waitUntil(lambda: validity()["D1"] == "1 day from issue", timeout=5_000)
    assert validity()["D30"] == "30 days from issue"
