"""Finding the member at the counter: phone, last 4 digits with a pick list,
pinyin initials, keyboard-wedge swipes, lost and unknown cards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memberdesk.models.enums import CouponKind
from memberdesk.money import Money
from memberdesk.services.coupons import core as coupons
from memberdesk.services.coupons.core import CouponTemplateDraft
from memberdesk.services.loyalty import enrol
from memberdesk.services.members import cards, profiles as members

from .counter_support import Till, make_till


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def test_a_typed_phone_shows_the_whole_member(till: Till) -> None:
    w = till.world
    w.recharge("alice", "100")
    w.give_points("alice", 300, days=10)  # expires soon
    w.give_points("alice", 200, days=200)
    template = coupons.create_coupon_template(
        till.db, w.owner, CouponTemplateDraft("C5", "满20减5", CouponKind.AMOUNT_OFF, Money.of_yuan(5))
    )
    coupons.issue_coupons(till.db, w.owner, template, w.members["alice"])
    members.edit_member(till.db, w.owner, "M000001", birthday=w.today().replace(year=1992),  # leap: 29 Feb too
                        notes="只喝无糖可乐")

    till.find("13800000001")

    card = till.main.member_panel.card
    assert card.isVisible()
    assert card.name.text() == "张三"
    assert card.tier.text() == "普通会员"
    assert card.identity.text() == "M000001 · 138****0001"
    assert card.sv_value.text() == "¥100.00"
    assert card.sv_detail.text() == "本金 ¥100.00\n赠送 ¥0.00"
    assert card.spend_order.text() == "储值扣款：先扣赠送，再扣本金"
    assert card.points_value.text() == "500"
    assert card.points_detail.text() == "30 天内到期 300"
    assert card.coupon_value.text() == "可用 1 张"
    assert card.coupon_detail.text() == "满20减5"
    assert card.birthday[1].text() == "今天生日！"
    assert card.notes.text() == "备注：只喝无糖可乐"
    assert not card.warning[0].isVisible()
    assert till.lookup.text() == ""
    # The typing goes to the scan field (never the plain amount).
    assert till.product.hasFocus()
    assert till.ui.state.member.member_no == "M000001"


def test_the_last_4_digits_open_a_pick_list_driven_by_keys(till: Till) -> None:
    enrol.register_member(till.db, till.world.owner, phone="13900100001", name="赵六")  # 0001 too

    till.find("0001")

    dialog = till.counter.lookup.pick_dialog
    assert dialog is not None and dialog.isVisible()
    names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert sorted(names) == ["张三", "赵六"]
    assert dialog.heading.text() == "有 2 位会员符合“0001”"
    phones = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert phones == {"138****0001", "139****0001"}  # a cashier sees masked phones
    second = names[1]
    till.press(Qt.Key.Key_Down, dialog.table)
    till.press(Qt.Key.Key_Return, dialog.table)

    assert till.counter.lookup.pick_dialog is None
    assert till.main.member_panel.card.name.text() == second

    # The number key picks at once; Esc picks nobody.
    till.press(Qt.Key.Key_Escape, till.main)  # clears the member
    till.find("0001")
    dialog = till.counter.lookup.pick_dialog
    till.press(Qt.Key.Key_1, dialog.table)
    assert till.main.member_panel.card.name.text() == names[0]
    till.press(Qt.Key.Key_Escape, till.main)
    till.find("0001")
    till.press(Qt.Key.Key_Escape, till.counter.lookup.pick_dialog.table)
    assert till.ui.state.member is None
    assert till.main.member_panel.empty_state.isVisible()


def test_pinyin_initials_and_a_name_find_the_member(till: Till) -> None:
    enrol.register_member(till.db, till.world.owner, phone="13900200002", name="欧阳晓明")
    till.find("oyxm")
    assert till.main.member_panel.card.name.text() == "欧阳晓明"
    till.press(Qt.Key.Key_Escape, till.main)
    till.find("李四")
    assert till.main.member_panel.card.name.text() == "李四"
    assert till.main.member_panel.card.tier.text() == "金卡会员"


def test_initials_of_one_member_open_that_member(till: Till) -> None:
    """zs: 周顺's initials are zs, 李周山's only end so: 周顺 opens at once, as a phone
    does (the pick list opened); a second zs (赵顺) brings the pick list back."""
    for phone, name in (("13900200003", "李周山"), ("13900200005", "周顺")):
        enrol.register_member(till.db, till.world.owner, phone=phone, name=name)
    till.find("zs")
    assert till.counter.lookup.pick_dialog is None
    assert till.main.member_panel.card.name.text() == "周顺"
    till.press(Qt.Key.Key_Escape, till.main)
    enrol.register_member(till.db, till.world.owner, phone="13900200004", name="赵顺")
    till.find("zs")
    dialog = till.counter.lookup.pick_dialog
    assert dialog is not None and dialog.table.rowCount() == 3
    till.press(Qt.Key.Key_Escape, dialog.table)


def test_nothing_found_says_so_and_keeps_the_text(till: Till) -> None:
    till.find("王小二")
    assert till.main.banner.isVisible()
    assert till.main.banner.text == "找不到“王小二”"
    assert till.lookup.text() == "王小二"
    assert till.ui.state.member is None


def test_a_wedge_swipe_in_any_form_finds_the_card(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000002", "A1B2C3D4")
    # Cheap wedge readers print the UID as a decimal number, often byte-reversed.
    decimal_reversed = str(int.from_bytes(bytes.fromhex("A1B2C3D4"), "little"))

    till.burst(till.lookup, decimal_reversed)

    assert till.main.member_panel.card.name.text() == "李四"
    assert till.lookup.text() == ""


def test_lost_and_unknown_cards_are_said_clearly(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000001", "04A1B2C3")
    cards.report_card_lost(till.db, till.world.owner, "04A1B2C3")

    till.burst(till.lookup, "04A1B2C3")
    assert till.main.banner.text == "卡 04A1B2C3 已挂失，不能使用（会员 M000001）"
    assert till.ui.state.member is None

    till.burst(till.lookup, "0badcafe")
    assert till.main.banner.text == "未知卡 0BADCAFE：没有绑定会员"
    assert till.ui.state.member is None


def test_a_phone_typed_as_fast_as_a_reader_finds_its_member(till: Till) -> None:
    """A mobile number that arrives as a wedge burst (typed or pasted very fast: a new
    owner's trial typed 30 ms a key) and is no card finds the member with that phone
    instead of "unknown card"; a burst that is neither stays an unknown card."""
    enrol.register_member(till.db, till.world.owner, phone="13900200007", name="钱七")
    till.burst(till.lookup, "13900200007")
    assert till.main.member_panel.card.name.text() == "钱七"
    assert not till.main.banner.isVisible() or "未知卡" not in till.main.banner.text

    till.burst(till.lookup, "13900200099")  # a phone nobody has: said as before
    assert till.main.banner.text.startswith("未知卡 13900200099：没有绑定会员")
    assert till.ui.state.member is None


def test_a_scanner_burst_is_a_product_but_slow_typing_is_a_search(till: Till) -> None:
    till.burst(till.lookup, "6901234567892")  # a barcode scanned with the focus up here
    assert [i.name for i in till.counter.cart.items] == ["可口可乐 330ml"]
    assert till.product.hasFocus()

    till.type(till.lookup, "6901234567892")  # typed by a person: the member lookup
    assert till.main.banner.text == "找不到“6901234567892”"
    assert len(till.counter.cart.items) == 1


def test_the_wedge_threshold_comes_from_the_settings(till: Till) -> None:
    till.world.set_settings(reader__wedge_max_interval_ms=20)
    till.press(Qt.Key.Key_F9, till.main)  # lock, log in again: settings are read at login
    from .helpers import log_in

    log_in(till.qtbot, till.ui, "cashier", "cashier-pass")
    till.settle()
    assert till.counter.lookup.wedge.max_interval_ms == 20
    till.clock.step = 30  # 30 ms a key: a fast typist, not a reader, at this shop
    till.qtbot.keyClicks(till.lookup, "6901234567892")
    till.press(Qt.Key.Key_Return, till.lookup)
    assert till.counter.cart.is_empty
    assert "找不到" in till.main.banner.text


def test_f2_goes_back_to_the_lookup_field(till: Till) -> None:
    till.ring_up("COLA")
    assert till.product.hasFocus()
    till.press(Qt.Key.Key_F2, till.product)
    assert till.lookup.hasFocus()
    assert till.ui.main.key_bar.buttons[0].text() == "F2\n查找会员"



def test_a_swipe_into_the_amount_field_is_a_card_not_an_amount(till: Till) -> None:
    cards.bind_card(till.db, till.world.owner, "M000002", "A1B2C3D4")
    decimal = str(int.from_bytes(bytes.fromhex("A1B2C3D4"), "big"))  # 10 digits
    till.burst(till.amount, decimal)
    assert till.main.member_panel.card.name.text() == "李四"
    assert till.counter.cart.is_empty and till.amount.text() == ""
