"""The payment dialog on a 1024x768 screen (issue 11, a new owner's blind trial in
English): with the unused-coupon line shown, the points reason beside 积分 lost its
last words ("…at least 100 are" and nothing more). Every note beside a field is as
tall as its text needs, and the dialog stays shorter than the screen; a coupon's long
reason ends in "…" (tool tip: all of it) instead of a sideways scroll bar."""

from __future__ import annotations

import pytest

from .counter_support import Till, make_till
from .test_counter_payment import give_coupon

SCREEN = 768 - 30  # a 768-high screen less the dialog's title bar


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_points_reason_is_read_whole_beside_the_coupon_line(till: Till, lang: str) -> None:
    w = till.world
    w.recharge("alice", "100")
    w.give_points("alice", 80)  # below the 100 a payment needs
    give_coupon(till, "C5", "满10减2", 2, 10)
    give_coupon(till, "C20", "满100减20", 20, 100)  # not for this sale: a long reason
    till.ui.i18n.set_language(lang)
    till.main.resize(1024, 768)
    till.qtbot.waitUntil(lambda: till.main.width() == 1024)
    till.find("13800000001")
    till.ring_up("CHIPS", "CHIPS")
    dialog = till.pay_key()
    till.qtbot.wait(50)
    assert dialog.coupon_notice.isVisible()
    note = dialog.rows["points"].note
    assert ("80" in note.text() and "100" in note.text()), note.text()
    assert dialog.height() <= SCREEN and dialog.sizeHint().height() <= SCREEN
    assert dialog.width() <= 1024
    for row in dialog.rows.values():
        label = row.note
        if label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
            assert label.geometry().bottom() <= dialog.rect().bottom()
    for label in (dialog.coupon_notice, dialog.summary, dialog.member_line):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert dialog.confirm_button.geometry().bottom() <= dialog.rect().bottom()
    coupons = dialog.coupon_list  # the reason ends in "…", no sideways scroll bar
    assert coupons.count() == 2 and not coupons.horizontalScrollBar().isVisible()
    assert all(coupons.item(i).toolTip() == coupons.item(i).text() for i in range(2))
