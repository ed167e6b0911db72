"""The counter at 1024x768 in both languages, with a member and a sale on screen
(what the screenshots showed wrong): the member card is never wider than its
panel (in English the stored-value lines pushed the tier badge and the balance
out of sight), and the key bar takes at most two rows, so the cart keeps room
for its lines."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from .counter_support import Till, make_till

LANGS = ("zh_CN", "en")


@pytest.fixture
def till(qtbot, ui, db, staff) -> Till:  # type: ignore[no-untyped-def]
    return make_till(qtbot, ui, db, staff)


def _at_1024(till: Till, lang: str) -> None:
    till.ui.i18n.set_language(lang)
    till.main.resize(1024, 768)
    till.qtbot.waitUntil(lambda: till.main.width() == 1024)
    till.qtbot.wait(50)


@pytest.mark.parametrize("lang", LANGS)
def test_the_member_card_fits_its_panel(till: Till, lang: str) -> None:
    """A member with a note and a birthday today: the card is taller than the panel,
    so the vertical scroll bar takes its width too."""
    from memberdesk.services.members import profiles
    from memberdesk.services.shared import clock

    w = till.world
    with w.db.reader() as uow:
        today = clock.today(uow.session)
    profiles.edit_member(w.db, w.owner, "M000001", birthday=today.replace(year=1988),
                         notes="只喝无糖可乐，小票要打印；周末常来，带两个孩子")
    till.find("13800000001")
    _at_1024(till, lang)
    panel = till.main.member_panel
    card = panel.card
    assert card.isVisible()
    room = panel.card_scroll.viewport().width()
    assert card.minimumSizeHint().width() <= room
    assert card.width() <= room
    for label in card.findChildren(QLabel):
        if label.isVisible() and label.text():
            right = label.mapTo(card, label.rect().topRight()).x()
            assert right <= room, label.text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_bar_takes_two_rows_at_most(till: Till, lang: str) -> None:
    till.find("13800000001")
    till.ring_up("A1")
    _at_1024(till, lang)
    buttons = [b for b in till.main.key_bar.buttons if b.isVisible()]
    assert len(buttons) >= 15
    rows = {b.mapTo(till.main, b.rect().topLeft()).y() for b in buttons}
    assert len(rows) <= 2, sorted(rows)
    for b in buttons:  # smaller, not cut
        assert b.width() >= b.sizeHint().width() and b.height() >= b.sizeHint().height()


@pytest.mark.parametrize("lang", LANGS)
def test_the_item_names_keep_a_third_of_the_cart(till: Till, lang: str) -> None:
    """A member's sale with discounts: in English at 1024 the number columns left the
    names "可口可乐…"; the quantity column is no wider than its heading needs."""
    till.find("13800000002")  # bob, gold: a member price and the tier's discount
    till.ring_up("COLA", "CHIPS", "BEER", "COLA")
    till.type(till.amount, "5")
    _at_1024(till, lang)
    table = till.main.cart_panel.table
    assert table.model().rowCount() >= 4
    assert table.columnWidth(3) > 0  # the discount column is shown
    assert table.columnWidth(0) >= table.viewport().width() // 3
    assert not table.horizontalScrollBar().isVisible()
