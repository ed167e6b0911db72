"""The back office at 1024x768 (the window 984 wide) in English and in Chinese: no list
scrolls sideways, a picker shows its choice whole, a day is typed whole, product names
are not cut, numbers are right-aligned; and the counter's status bar keeps the shop's
name whole, the least important field giving way first (issue 11)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
)
from pytestqt.exceptions import TimeoutError as WaitTimeout

from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.campaigns.coupon_campaigns import CampaignRequest, create_campaign
from memberdesk.services.campaigns.segments import save_segment
from memberdesk.services.count_cards.templates import TemplateDraft, add_template
from memberdesk.services.coupons.admin import CouponTemplateRequest, add_coupon_template
from memberdesk.services.members.filter import MemberFilter
from memberdesk.services.stock.ledger import receive_stock, set_low_stock
from memberdesk.services.stored_value.offers_admin import (
    RechargeOfferRequest,
    add_recharge_offer,
)
from memberdesk.ui.common.column_fit import cell_tip

from .tasks_support import Counter

SCREEN = (1024, 768)
OFFICE = (SCREEN[0] - 40, SCREEN[1] - 50)  # as the screenshots open it
LANGS = ("en", "zh_CN")
RIGHT = Qt.AlignmentFlag.AlignRight


def open_office(c: Counter, lang: str) -> Any:
    c.ui.i18n.set_language(lang)
    c.ui.main.resize(*SCREEN)
    office = c.open(Qt.Key.Key_F8)
    office.move(0, 0)
    office.resize(*OFFICE)
    c.settle()
    return office


def show(c: Counter, office: Any, key: str) -> Any:
    page = office.show_page(key)
    settle(c)
    return page


def settle(c: Counter) -> None:
    c.settle()
    c.qtbot.wait(60)  # the columns share the width once the rows are in
    c.settle()


def scrolls_sideways(view: QAbstractItemView) -> bool:
    return view.horizontalScrollBar().isVisible()


def fits(c: Counter, view: QAbstractItemView) -> bool:
    """Once its columns have been fitted (they follow the rows in): no sideways scroll."""
    try:
        c.qtbot.waitUntil(lambda: not scrolls_sideways(view), timeout=3_000)
    except WaitTimeout:
        return False
    return True


def combo_room(box: QComboBox) -> int:
    """The width a combo box has for its text (less its padding and arrow)."""
    opt = QStyleOptionComboBox()
    box.initStyleOption(opt)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()


def edit_room(edit: QLineEdit) -> int:
    """The width a line edit has for its text (less its padding and Qt's 2 px margins)."""
    opt = QStyleOptionFrame()
    edit.initStyleOption(opt)
    return edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt,
                                       edit).width() - 4


def cut_cells(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    cells = [model.index(r, column) for r in range(model.rowCount(QModelIndex()))]
    return [str(i.data()) for i in cells if cell_tip(view, i) is not None]


@pytest.mark.parametrize("lang", LANGS)
def test_member_list_shows_its_filters_whole_and_does_not_scroll(owner: Counter,
                                                                 lang: str) -> None:
    c = owner
    office = open_office(c, lang)
    page = show(c, office, "members")
    panel = page.list
    panel.show_filters(True)  # folded at first (issue 11)
    c.settle()
    box = panel.filter_box
    metrics = box.status.fontMetrics()
    choices = [box.status.itemText(i) for i in range(box.status.count())]
    assert "Active and deactivated" in choices or "正常和已停用" in choices
    assert all(metrics.horizontalAdvance(t) <= combo_room(box.status) for t in choices), choices
    for day in (box.visited_from, box.visited_before):
        assert day.fontMetrics().horizontalAdvance("2026-01-31") <= edit_room(day)
    assert panel.model.rowCount() == 3
    assert fits(c, panel.table)
    assert office.width() == OFFICE[0]  # nothing widened the window to fit


@pytest.mark.parametrize("lang", LANGS)
def test_rules_lists_share_the_width_and_right_align_numbers(owner: Counter, lang: str) -> None:
    c, w = owner, owner.world
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "OFF5", "满50减5元", CouponKind.AMOUNT_OFF, value=Money(500), min_spend=Money(5000),
        valid_days=30))
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "P90", "全场9折券", CouponKind.PERCENT_OFF, value=Money(0), percent_paid=900,
        max_discount=Money(2000), valid_days=30))
    for name, threshold, bonus, points in (("充200送20", 200, 20, 0),
                                           ("充500送60再送500积分", 500, 60, 500),
                                           ("充1000送150", 1000, 150, 0)):
        add_recharge_offer(c.db, w.owner, RechargeOfferRequest(
            name, Money.of_yuan(threshold), Money.of_yuan(bonus), points))
    office = open_office(c, lang)
    rules = show(c, office, "rules")
    tables = (rules.tier_table, rules.offer_table, rules.template_table)
    for tab, table in enumerate(tables):
        rules.tabs.setCurrentIndex(tab)
        settle(c)
        assert table.rowCount() >= 2
        assert fits(c, table), (tab, [table.columnWidth(i) for i in range(8)])
    members = rules.tier_table.item(0, 6)  # the tier's members: a count
    assert members.textAlignment() & RIGHT
    assert rules.offer_table.item(0, 1).textAlignment() & RIGHT  # the recharge amount
    no_minimum = next(r for r in range(2) if rules.template_table.item(r, 0).text() == "P90")
    assert rules.template_table.item(no_minimum, 3).text() == (
        "none" if lang == "en" else "无门槛")


@pytest.mark.parametrize("lang", LANGS)
def test_campaigns_and_audit_lists_do_not_scroll(owner: Counter, lang: str) -> None:
    c, w = owner, owner.world
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "BACK5", "回店满30减5", CouponKind.AMOUNT_OFF, value=Money(500), min_spend=Money(3000),
        valid_days=30))
    save_segment(c.db, w.owner, "近30天到店会员", MemberFilter(window_days=30, visits_min=1))
    create_campaign(c.db, w.owner, CampaignRequest("回店礼 十二月第一周", "近30天到店会员",
                                                   "BACK5"))
    office = open_office(c, lang)
    page = show(c, office, "campaigns")
    page.tabs.setCurrentIndex(1)
    settle(c)
    assert page.table.rowCount() == 1
    assert fits(c, page.table)
    assert page.table.item(0, 4).textAlignment() & RIGHT  # reached: a count
    audit = show(c, office, "audit")
    log = audit.show_tab("log")
    settle(c)
    assert log.model.rowCount() > 0
    assert fits(c, log.table)


@pytest.mark.parametrize("lang", LANGS)
def test_stock_list_shows_product_names_whole(owner: Counter, lang: str) -> None:
    c, w = owner, owner.world
    for code, qty, low in (("COLA", 24, 10), ("BEER", 6, 8), ("CHIPS", 100, 20)):
        receive_stock(c.db, w.owner, code, qty, "供应商配送")
        set_low_stock(c.db, w.owner, code, low)
    office = open_office(c, lang)
    page = show(c, office, "stock")
    page.table.selectRow(0)
    settle(c)
    assert page.model.rowCount() >= 4
    c.qtbot.waitUntil(lambda: cut_cells(page.table, 1) == [], timeout=3_000)  # names whole
    assert fits(c, page.table)


def test_count_card_list_right_aligns_price_and_sold(owner: Counter) -> None:
    c, w = owner, owner.world
    add_template(c.db, w.owner, TemplateDraft("WASH10", "洗车10次卡", Money.of_yuan(250),
                                              (("WASH", 10),), validity_days=365))
    office = open_office(c, "en")
    page = show(c, office, "count_cards")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 5).text() == "0"
    assert page.table.item(0, 5).textAlignment() & RIGHT  # sold
    assert page.table.item(0, 2).textAlignment() & RIGHT  # price
    assert fits(c, page.table)


def test_status_bar_keeps_the_shop_name_whole_at_1024(owner: Counter) -> None:
    """English at 1024: the fields are wider than the bar; the shop's name gives way
    first, to its first characters (its tool tip says it whole), then the shift's
    number; the card reader's state stays whole ("Reader: …" said nothing, issue 11),
    so does who is on duty."""
    c = owner
    c.ui.i18n.set_language("en")
    main = c.ui.main
    status = main.status
    status.set_shop("好邻居便利店人民路店")
    main.resize(*SCREEN)
    c.qtbot.wait(60)
    assert status.shop_label.text() == "Shop: 好邻居便利店人民路店"
    assert status.shop_label.toolTip() == "Shop: 好邻居便利店人民路店"
    assert status.shop_label.width() >= 100  # "Shop: 好邻居…" at least
    elided = [key for key, label in status.fields.items() if label.elided()]
    assert "reader" not in elided and "staff" not in elided, elided
    assert set(elided) <= {"shop", "shift"}, elided
    for label in status.fields.values():  # every field inside the bar
        assert label.geometry().right() <= status.width(), label.objectName()


@pytest.mark.parametrize("lang", LANGS)
def test_message_templates_fit_the_page_width(owner: Counter, lang: str) -> None:
    """The templates tab scrolls up and down only: nothing runs past its right edge."""
    c = owner
    office = open_office(c, lang)
    page = show(c, office, "messages")
    page.tabs.setCurrentIndex(1)
    settle(c)
    scroller = page.tabs.currentWidget()
    assert page.templates.minimumSizeHint().width() <= scroller.viewport().width()
    assert page.templates.width() <= scroller.viewport().width()


def test_running_a_campaign_keeps_the_window_on_a_1024_screen(owner: Counter) -> None:
    """While the coupons go out, the bar and its cancel button take the place of the
    row's other buttons (together they widened the window to 1202 px)."""
    c, w = owner, owner.world
    add_coupon_template(c.db, w.owner, CouponTemplateRequest(
        "BACK5", "回店满30减5", CouponKind.AMOUNT_OFF, value=Money(500), valid_days=30))
    save_segment(c.db, w.owner, "全部会员", MemberFilter())
    create_campaign(c.db, w.owner, CampaignRequest("回店礼", "全部会员", "BACK5"))
    office = open_office(c, "en")
    page = show(c, office, "campaigns")
    page.tabs.setCurrentIndex(1)
    settle(c)
    page.table.selectRow(0)
    page.run()
    assert page.bar.isVisible() and page.cancel_button.isVisible()
    assert office.minimumSizeHint().width() <= OFFICE[0]
    c.qtbot.waitUntil(lambda: page.progress is None, timeout=10_000)
    settle(c)
    assert page.report_button.isVisible() and not page.bar.isVisible()
    assert office.width() == OFFICE[0]
