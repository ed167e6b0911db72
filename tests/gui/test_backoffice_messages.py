"""F8 后台 → 消息: the message log with each status and its reason, resending a failed
message by hand (an unknown one takes a second press), the monthly count and cost;
the templates tab refuses an unknown placeholder with the service's message."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from memberdesk.domain import shoptime
from memberdesk.models import AuditEntry, Notification, NotifyStatus
from memberdesk.services.notifications.outbox import enqueue

from .tasks_support import Counter

NOON = datetime(2026, 12, 24, 4, 0, tzinfo=UTC)  # 12:00 on 24 Dec in the shop (+08:00)


def _messages(c: Counter) -> None:
    w = c.world
    w.set_settings(notify__balance__on=True)
    with w.db.uow() as uow:
        for i, key in enumerate(("alice", "bob")):
            enqueue(uow.session, "balance", w.members[key], {"amount": "+¥10.00",
                                                             "balance": "¥10.00"}, f"sv:t{i}")
        uow.session.flush()
        uow.session.execute(update(Notification).where(Notification.dedupe_key == "sv:t0")
                            .values(status=NotifyStatus.FAILED,
                                    reason="isv.MOBILE_NUMBER_ILLEGAL: refused"))
        uow.session.execute(update(Notification).where(Notification.dedupe_key == "sv:t1")
                            .values(status=NotifyStatus.UNKNOWN, reason="timeout: no answer"))
        uow.commit()


def test_the_log_shows_each_message_and_a_manager_resends(manager: Counter) -> None:
    c = manager
    with shoptime.frozen(NOON):
        _messages(c)
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("messages")
        c.settle()
        table = page.table
        rows = [[table.item(r, k).text() for k in range(7)] for r in range(table.rowCount())]
        assert [r[4:6] for r in rows] == [["结果未知", "timeout: no answer"],
                                          ["失败", "isv.MOBILE_NUMBER_ILLEGAL: refused"]]
        assert rows[1][3] == "13800000001"  # a manager may see full numbers
        assert rows[0][1] == "储值变动" and "+¥10.00" in rows[0][6]
        assert "失败 1" in page.counts.text() and "结果未知 1" in page.counts.text()
        table.setCurrentCell(0, 0)  # the unknown one: a second press resends
        page.resend_button.click()
        c.settle()
        assert "可能已经送达" in page.message.text()
        page.resend_button.click()
        c.settle()
        assert page.message.text() == "这条消息将重新发送。"
        with c.world.db.reader() as r:
            statuses = r.session.scalars(select(Notification.status)
                                         .order_by(Notification.id)).all()
            audited = r.session.scalars(select(AuditEntry.action)).all()
        assert statuses == [NotifyStatus.FAILED, NotifyStatus.PENDING]
        assert "notify.resend" in audited


def test_the_templates_tab_refuses_an_unknown_placeholder(owner: Counter) -> None:
    c = owner
    with shoptime.frozen(NOON):
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("messages")
        page.tabs.setCurrentIndex(1)
        c.settle()
        panel = page.templates
        assert panel.save_button.isEnabled()
        assert "余额" in panel.texts["balance"].placeholderText()  # the default, in grey
        panel.texts["balance"].setText("{name} 您的余额 {money}")
        panel.save_button.click()
        c.settle()
        assert "{money}" in page.message.text() and "未知的占位符" in page.message.text()
        panel.texts["balance"].setText("{name} 您的余额 {balance}")
        panel.on["balance"].setChecked(True)
        panel.save_button.click()
        c.settle()
        assert page.message.text() == "模板已保存。"
        with c.world.db.reader() as r:
            from memberdesk.services.shared.settings import all_settings

            values = all_settings(r.session)
        assert values["notify.balance.text"] == "{name} 您的余额 {balance}"
        assert values["notify.balance.on"] is True


def test_the_settings_page_takes_a_secret_and_never_shows_it_again(owner: Counter) -> None:
    c = owner
    with shoptime.frozen(NOON):
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("settings")
        c.settle()
        secret = page.editors["sms.access_key_secret"]
        assert secret.echoMode() == secret.EchoMode.Password and secret.text() == ""
        secret.setText("typed-secret-123")
        page.save()
        c.settle()
        assert page.message.text() == "已保存，修改了 1 项设置。"
        assert secret.text() == "" and secret.placeholderText() == "••••••"
        assert "typed-secret-123" not in repr(page.sheet)
        page.save()  # nothing typed: the stored secret stays, nothing changes
        c.settle()
        assert page.message.text() == "没有修改任何设置。"
        with c.world.db.reader() as r:
            from memberdesk.services.shared.settings import all_settings

            assert all_settings(r.session)["sms.access_key_secret"] == "typed-secret-123"


def test_the_reply_report_button_unsubscribes_and_the_text_keeps_its_room(
        manager: Counter, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from memberdesk.models import SmsUnsubscribe

    c = manager
    report = tmp_path / "replies.csv"
    report.write_text("手机号,内容\n13800000001,退订\n13800000002,谢谢\n12345,R\n",
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(report), ""))
    with shoptime.frozen(NOON):
        _messages(c)
        office = c.open(Qt.Key.Key_F8)
        page = office.show_page("messages")
        c.settle()
        page.replies_button.click()
        c.settle()
        assert page.message.text() == (
            "读取 3 行：新退订 1 个，此前已退订 0 个，其他回复 1 条。 不是中国大陆手机号：12345")
        # English at 1024: the type, member and reason columns give way to the text
        c.qtbot.keyClick(office, Qt.Key.Key_L,
                         Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        c.qtbot.waitUntil(lambda: office.windowTitle() == "Back office", timeout=5_000)
        office.resize(984, 698)
        c.settle()
        c.qtbot.wait(100)
        table = page.table
        # (it was 90 of 752 px: the three gave nothing; now they go down to 56 px each)
        assert table.columnWidth(6) >= table.viewport().width() // 4
    with c.world.db.reader() as r:
        phones = r.session.scalars(select(SmsUnsubscribe.phone)).all()
        audited = r.session.scalars(select(AuditEntry.action)).all()
    assert phones == ["13800000001"] and "notify.import_replies" in audited
