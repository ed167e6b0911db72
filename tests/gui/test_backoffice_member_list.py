"""F8 后台 → 会员 (issue 11, item 5): the member list by keys — search (last 4
digits, pinyin initials), a filter, a sort, lazy pages as it scrolls — and a
member's page opened with Enter: purchases with their items, adjusting stored
value and points with a reason, changing the tier with a lock, saving the
profile; a cashier's adjustment is refused by the service."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from memberdesk.models import AuditEntry, Member
from memberdesk.models.enums import TenderKind
from memberdesk.money import Money
from memberdesk.services.members.listing import MemberSort
from memberdesk.services.members.search_keys import name_keys
from tests.checkout_support.kit import add_member

from .tasks_support import Counter


def list_page(c: Counter):  # type: ignore[no-untyped-def]
    office = c.open(Qt.Key.Key_F8)
    c.press(Qt.Key.Key_3, office, Qt.KeyboardModifier.ControlModifier)
    page = office.page("members")
    assert office.stack.currentWidget() is page
    assert page.heading.text() == "会员"
    c.settle()
    return office, page


def _keys(c: Counter) -> None:
    """The kit's members are written directly: give them their pinyin keys."""
    with c.db.uow() as uow:
        for m in uow.session.scalars(select(Member)):
            k = name_keys(m.name)
            m.name_pinyin, m.name_initials = k.pinyin, k.initials
        uow.commit()


def test_search_filter_sort_and_scroll(manager: Counter) -> None:
    c = manager
    for i in range(230):  # more than two pages of 100
        mid = add_member(c.db, f"137{i:04d}{i:04d}", f"顾客{i:03d}", c.world.tiers["normal"])
        if i % 10 == 0:
            with c.db.uow() as uow:
                uow.session.execute(update(Member).where(Member.id == mid).values(
                    tags="VIP", sv_principal=Money(100 * i)))
                uow.commit()
    _keys(c)
    _office, panel = list_page(c)
    panel = panel.list
    assert panel.focusWidget() is panel.search or panel.search.hasFocus()
    model = panel.model
    assert len(model.rows) == 100 and model.more
    assert "已显示 100 位" in panel.count_label.text()
    panel.table.scrollToBottom()  # the view asks for the next page
    c.settle()
    c.qtbot.waitUntil(lambda: len(model.rows) >= 200)
    rows = model.rows
    assert len({r.id for r in rows}) == len(rows)

    c.type(panel.search, "0001")  # last 4 digits: 13800000001 (张三) and 13700010001
    c.press(Qt.Key.Key_Return, panel.search)
    c.settle()
    assert {r.name for r in model.rows} == {"张三", "顾客001"}
    panel.search.clear()
    c.type(panel.search, "zs")
    c.press(Qt.Key.Key_Return, panel.search)
    c.settle()
    assert model.rows[0].name == "张三"
    panel.search.clear()
    c.press(Qt.Key.Key_Return, panel.search)
    c.settle()

    panel.show_filters(True)  # folded at first (issue 11)
    c.type(panel.tag, "VIP")
    c.press(Qt.Key.Key_Return, panel.tag)
    c.settle()
    assert len(model.rows) == 23 and not model.more
    assert panel.count_label.text().startswith("共 23 位会员")
    panel.sort.setFocus()
    panel.sort.setCurrentIndex(panel.sort.findData(MemberSort.STORED_VALUE))
    c.settle()
    assert [r.stored_value for r in model.rows][:2] == [Money(22000), Money(21000)]
    c.type(panel.balance, "200")
    c.press(Qt.Key.Key_Return, panel.balance)
    c.settle()
    assert len(model.rows) == 2
    c.type(panel.visited_from, "2026-13-01")
    c.press(Qt.Key.Key_Return, panel.visited_from)
    assert "2026-01-31" in _office.page("members").message.text()


def test_a_members_page_by_keys(manager: Counter) -> None:
    c = manager
    _keys(c)
    sale = c.world.sell([("COLA", 2), ("CHIPS", 1)], [(TenderKind.CASH, "20")], member="alice")
    _office, page = list_page(c)
    panel = page.list
    c.type(panel.search, "zs")
    c.press(Qt.Key.Key_Return, panel.search)
    c.settle()
    panel.table.setFocus()
    panel.table.selectRow(0)
    c.press(Qt.Key.Key_Return, panel.table)
    dialog = page.member_dialog
    assert dialog is not None and dialog.isVisible()
    c.settle()
    assert dialog.heading.text().startswith("张三 · ")
    assert dialog.tabs.tabText(3) == "消费记录"
    c.press(Qt.Key.Key_4, dialog, Qt.KeyboardModifier.ControlModifier)  # purchases
    top = dialog.sales_tree.topLevelItem(0)
    assert sale.sale_no in top.text(0)
    assert [top.child(i).text(0) for i in range(top.childCount())] == [
        "可口可乐 330ml", "乐事薯片 原味 70g"]
    right = Qt.AlignmentFlag.AlignRight  # prices and amounts, as money is everywhere
    assert top.textAlignment(3) & right and top.child(0).textAlignment(2) & right

    c.press(Qt.Key.Key_7, dialog, Qt.KeyboardModifier.ControlModifier)  # actions
    c.type(dialog.sv_amount, "50")
    c.press(Qt.Key.Key_Return, dialog.sv_amount)
    assert dialog.message.text() == "请先填写原因：它会和操作一起记入审计日志。"
    c.type(dialog.reason, "充值少记")
    assert dialog.sv_amount.text() == "50"  # kept for another try
    dialog.sv_amount.setFocus()  # back in the amount (Tab or a click)
    c.press(Qt.Key.Key_Return, dialog.sv_amount)
    c.settle()
    assert dialog.message.text() == "储值已调整，现在余额 ¥50.00。"
    assert c.world.balances("alice")[0] == Money(5000)
    points_before = c.world.balances("alice")[2]
    c.type(dialog.reason, "补发积分")
    c.type(dialog.points_amount, f"-{points_before + 1}")
    c.press(Qt.Key.Key_Return, dialog.points_amount)
    c.settle()
    assert "积分不足" in dialog.message.text() or "不足" in dialog.message.text()
    dialog.points_amount.clear()
    c.type(dialog.points_amount, "30")
    c.press(Qt.Key.Key_Return, dialog.points_amount)
    c.settle()
    assert dialog.message.text().startswith("积分已调整")
    assert c.world.balances("alice")[2] == points_before + 30
    c.press(Qt.Key.Key_2, dialog, Qt.KeyboardModifier.ControlModifier)  # stored value ledger
    c.settle()
    assert dialog.sv_table.item(0, 1).text() == "手工调整"
    assert "充值少记" in dialog.sv_table.item(0, 5).text()

    c.press(Qt.Key.Key_5, dialog, Qt.KeyboardModifier.ControlModifier)  # tier
    dialog.tier_pick.setCurrentIndex(dialog.tier_pick.findData(c.world.tiers["gold"]))
    lock = c.world.today() + timedelta(days=30)
    c.type(dialog.lock_until, lock.isoformat())
    c.type(dialog.tier_reason, "老顾客")
    c.press(Qt.Key.Key_Return, dialog.tier_reason)
    c.settle()
    assert dialog.message.text().startswith("会员等级已改为")
    assert c.world.member("alice").tier_locked_until == lock
    assert dialog.tier_history.rowCount() == 1

    c.press(Qt.Key.Key_1, dialog, Qt.KeyboardModifier.ControlModifier)  # profile
    dialog.email.clear()
    c.type(dialog.email, "zs@example.cn")
    for _ in range(4):  # Enter through email, address, tags, notes: saves at the last
        c.press(Qt.Key.Key_Return, dialog.focusWidget())
    dialog.email.setFocus()
    for _ in range(4):
        c.press(Qt.Key.Key_Return, dialog.focusWidget())
    c.settle()
    assert dialog.message.text() == "资料已保存。"
    assert c.world.member("alice").email == "zs@example.cn"
    with c.db.reader() as uow:
        actions = list(uow.session.scalars(select(AuditEntry.action)))
    for action in ("member.adjust_stored_value", "member.adjust_points", "member.tier",
                   "member.edit"):
        assert action in actions
    c.press(Qt.Key.Key_Escape, dialog)
    assert not dialog.isVisible()


def _open(c: Counter, key: str):  # type: ignore[no-untyped-def]
    _office, page = list_page(c)
    dialog = page.open_member(c.world.member(key).member_no)
    c.settle()
    c.press(Qt.Key.Key_7, dialog, Qt.KeyboardModifier.ControlModifier)  # actions
    return dialog


def test_payment_password_deactivate_and_anonymise(owner: Counter) -> None:
    c = owner
    dialog = _open(c, "carol")
    c.type(dialog.password, "4321")  # the member types it
    c.press(Qt.Key.Key_Return, dialog.password)
    c.settle()
    assert dialog.message.text() == "消费密码已设置。"
    assert dialog.password.text() == ""
    assert c.world.member("carol").payment_password_hash is not None
    assert dialog.clear_password_button.isEnabled()

    dialog.active_button.click()  # no reason yet
    assert dialog.message.text() == "请先填写原因：它会和操作一起记入审计日志。"
    c.type(dialog.reason, "顾客要求暂停")
    dialog.active_button.click()
    c.settle()
    assert dialog.message.text() == "会员已停用。"
    assert str(c.world.member("carol").status) == "inactive"
    assert dialog.active_button.text() == "恢复使用"

    c.type(dialog.reason, "顾客要求注销")
    dialog.anonymise_button.click()  # the first press only arms it
    assert "再按一次" in dialog.message.text()
    assert c.world.member("carol").name == "王五"
    dialog.anonymise_button.click()
    c.settle()
    assert dialog.message.text().startswith("会员的个人信息已清除")
    gone = c.world.member("carol")
    assert (gone.name, gone.phone, gone.payment_password_hash) == ("已注销", None, None)
    assert not dialog.sv_button.isEnabled()  # nothing more to correct


def test_the_rfm_filter_says_what_it_is(manager: Counter) -> None:
    """"RFM 分群" was jargon: the label says customer groups, with a one-line help."""
    c = manager
    _office, page = list_page(c)
    box = page.list.filter_box
    assert box.labels["rfm"].text() == "客户分群 RFM(&C)"
    assert box.rfm.toolTip().startswith("按最近一次消费（R）、消费次数（F）、消费金额（M）")
    c.ui.i18n.set_language("en")
    c.qtbot.waitUntil(lambda: box.labels["rfm"].text() == "&Customer group (RFM)", timeout=5_000)
    assert box.labels["rfm"].toolTip().startswith("Members grouped by how recently (R)")
