"""Cash sales while the server is gone (网络版), at the counter: the red strip and the
offline bar appear together, Ctrl+Shift+F12 opens the offline cash sale, the sale is
priced from the till's copy of the catalogue and queued, its receipt says offline with
the local number, the bar counts the waiting sale; when the server answers again the
sale is sent through the checkout (once) and the bar goes. The window tests run on the
SQLite file: the offline services are told it is a server (``enabled``), the loss is
the psycopg error the unit of work maps, as in test_counter_server_lost.py."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from memberdesk.db import Database
from memberdesk.services.offline import catalogue, login, refused, send
from memberdesk.services.offline.files import CATALOGUE_FILE, QUEUE_FILE
from memberdesk.services.offline.queue import OfflineQueue
from memberdesk.services.shared.errors import StorageError
from tests.checkout_support.kit import build_world

from .counter_support import Till, make_till
from .helpers import log_in

SHOTS = Path("/tmp/memberdesk-offline-shots")


@pytest.fixture
def till(qtbot, ui, db, staff, monkeypatch) -> Till:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    return make_till(qtbot, ui, db, staff)


def _lose_the_server(self: Session) -> None:
    raise OperationalError(
        "COMMIT", {}, psycopg.OperationalError("server closed the connection unexpectedly")
    )


def _shot(widget: object, name: str) -> None:
    if SHOTS.exists():
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def test_an_offline_cash_sale_is_queued_counted_and_sent_when_the_server_is_back(
    till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar, strip = till.main.offline_bar, till.main.server_strip
    folder = till.db.paths.root
    till.qtbot.waitUntil(lambda: (folder / CATALOGUE_FILE).exists(), timeout=10_000)
    assert bar.isHidden()  # online, nothing waiting
    till.main.offline_sale_action.trigger()  # online: the key does nothing
    assert till.ui.offline.dialog is None

    real_commit, real_ping = Session.commit, Database.ping
    monkeypatch.setattr(Session, "commit", _lose_the_server)

    def ping_down(self: Database) -> None:
        raise StorageError("server_lost")

    monkeypatch.setattr(Database, "ping", ping_down)
    till.ring_up("COLA")
    dialog = till.pay_key()
    till.qtbot.keyClicks(dialog.rows["cash"].field, "10")
    till.press(Qt.Key.Key_Return, dialog)
    assert strip.isVisible() and bar.isVisible()
    assert bar.sell_button.isVisible() and bar.sell_button.text() == "离线收银 Ctrl+Shift+F12"
    assert "只收散客现金" in bar.label.text() and "退款" in bar.label.text()
    dialog.reject()
    till.settle()
    # the server's work is refused at once, in the screen's language: a member lookup,
    # the counter's own payment (F12)
    till.find("13800000001")
    assert "离线时只能用离线收银给散客收现金" in till.main.banner.label.text()
    assert "会员、储值、积分、优惠券、充值、退款" in till.main.banner.label.text()
    _shot(till.main, "offline-member-refused.png")
    till.main.banner.label.clear()
    till.press(Qt.Key.Key_F12)  # the cart's COLA through the counter's payment
    assert "离线时只能用离线收银" in till.main.banner.label.text()
    assert till.payment is None or not till.payment.isVisible()
    assert till.ui.offline.dialog is None

    till.main.offline_sale_action.trigger()  # Ctrl+Shift+F12
    sale = till.ui.offline.dialog
    assert sale is not None and sale.isVisible()
    till.qtbot.keyClicks(sale.product_field, "6901234567892")  # COLA's barcode
    till.qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: sale.total_value.text() == "¥3.50")
    till.qtbot.keyClicks(sale.product_field, "CHIPS")
    till.qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: sale.table.rowCount() == 2)
    till.qtbot.waitUntil(lambda: sale.total_value.text() == "¥12.30")
    _shot(sale, "offline-sale-dialog.png")
    till.qtbot.keyClicks(sale.cash_field, "20")
    till.qtbot.keyClick(sale.cash_field, Qt.Key.Key_Return)
    till.qtbot.waitUntil(lambda: till.ui.offline.receipt is not None)
    receipt = till.ui.offline.receipt
    assert receipt is not None and receipt.isVisible()
    assert receipt.change_value.text() == "¥7.70"
    text = receipt.preview.toPlainText()
    assert "离线销售" in text and "L" in receipt.heading.text()
    till.qtbot.waitUntil(lambda: bar.waiting == 1)
    assert bar.count_label.text() == "待发送：1 笔" and bar.queue_button.isVisible()
    _shot(till.main, "offline-counter.png")
    receipt.accept()
    assert till.sale_count() == 0  # nothing on the "server" yet

    monkeypatch.setattr(Session, "commit", real_commit)  # the server is back
    monkeypatch.setattr(Database, "ping", real_ping)
    till.main.reconnect_action.trigger()
    till.qtbot.waitUntil(strip.isHidden)
    till.qtbot.waitUntil(bar.isHidden, timeout=10_000)  # sent, nothing waits
    assert till.sale_count() == 1
    assert [s.payable.fen for s in till.sales()] == [1230]
    assert bar.waiting == 0 and bar.refused == 0


def test_the_offline_bar_speaks_english_and_counts_refused_sales(till: Till) -> None:
    bar = till.main.offline_bar
    till.ui.i18n.toggle()  # English
    bar.set_counts(2, 1)
    assert bar.isVisible() and not bar.sell_button.isVisible()
    assert bar.count_label.text() == "waiting: 2 · refused: 1"
    assert "a manager must look at them" in bar.label.text()
    bar.set_offline(True)
    assert bar.sell_button.text() == "Offline cash sale (Ctrl+Shift+F12)"
    assert "walk-in customers only" in bar.label.text()
    bar.set_offline(False)
    bar.set_counts(0, 0)
    assert bar.isHidden()


def test_sales_left_waiting_by_a_stopped_till_are_sent_at_the_next_log_in(
    qtbot,
    ui,
    db,
    staff,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    world = build_world(db, staff)
    cashier = world.cashier
    cola = world.products["COLA"].id
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:  # as a till killed while sending left it
        for n in (1, 2):
            q.add(
                f"offline-restart-{n:04d}",
                (cashier.staff_id, cashier.username, cashier.display_name, cashier.role.value),
                "2026-12-03T10:00:00+00:00",
                "20261203",
                "",
                {"lines": [{"product_id": cola, "qty": n}], "tenders": [1000]},
                350 * n,
                1000,
            )
    log_in(qtbot, ui, "cashier", "cashier-pass")

    def states() -> list[str]:
        with OfflineQueue(db.paths.root / QUEUE_FILE) as q:
            return [r.state for r in q.rows()]

    qtbot.waitUntil(lambda: states() == ["sent", "sent"], timeout=10_000)
    qtbot.waitUntil(lambda: not ui.offline.bar.sending and ui.offline.bar.isHidden())
    with db.reader() as uow:
        got = uow.session.execute(text("SELECT client_id, payable FROM sales ORDER BY id")).all()
    assert [(c, p) for c, p in got] == [
        ("offline-restart-0001", 350),
        ("offline-restart-0002", 700),
    ]


def test_a_refused_offline_sale_is_shown_with_its_reason_and_only_a_manager_resends(
    qtbot,
    ui,
    db,
    staff,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    monkeypatch.setattr(send, "enabled", lambda _db: True)
    world = build_world(db, staff)
    cashier = world.cashier
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:  # a product deleted meanwhile
        q.add(
            "offline-gone-0001",
            (cashier.staff_id, cashier.username, cashier.display_name, cashier.role.value),
            "2026-12-03T10:00:00+00:00",
            "20261203",
            "",
            {"lines": [{"product_id": 99999, "qty": 1}], "tenders": [1000]},
            1000,
            1000,
        )
    log_in(qtbot, ui, "cashier", "cashier-pass")
    bar = ui.offline.bar
    qtbot.waitUntil(lambda: bar.refused == 1, timeout=10_000)
    assert bar.isVisible() and bar.count_label.text() == "待发送：0 笔 · 被拒：1 笔"
    assert "请店长处理" in bar.label.text()
    bar.queue_button.click()
    qtbot.waitUntil(lambda: ui.offline.queue_dialog is not None)
    dialog = ui.offline.queue_dialog
    assert dialog is not None and dialog.isVisible()
    state = dialog.table.item(0, 5).text()
    assert state.startswith("被拒：") and "99999" in state
    assert dialog.table.item(0, 0).text() == "L20261203-0001"
    _shot(dialog, "offline-queue.png")
    dialog.table.selectRow(0)
    assert dialog.retry_button.isEnabled()
    dialog.retry_button.click()  # a cashier: refused, the sale stays refused
    qtbot.waitUntil(lambda: bool(ui.main.banner.label.text()), timeout=10_000)
    assert "权限" in ui.main.banner.label.text() or "无权" in ui.main.banner.label.text()
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:
        assert [r.state for r in q.rows()] == ["refused"]


# -- logging in while the server is away, plain amounts, writing off -----------------------


def _network_till(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SQLite test shop taken for a till of a server (as the fixture above)."""
    for module in (catalogue, send, login, refused):
        monkeypatch.setattr(module, "enabled", lambda _db: True)


def _ping_down(self: Database) -> None:
    raise StorageError("server_lost")


def _offline_sale(qtbot, ui, *, amount: str = "", cash: str = "") -> None:  # type: ignore[no-untyped-def]
    """COLA (and a plain amount) through the offline sale dialog, the receipt closed."""
    ui.main.offline_sale_action.trigger()
    sale = ui.offline.dialog
    assert sale is not None and sale.isVisible()
    qtbot.keyClicks(sale.product_field, "6901234567892")
    qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.table.rowCount() == 1)
    if amount:
        qtbot.keyClicks(sale.amount_field, amount)
        qtbot.keyClick(sale.amount_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: sale.table.rowCount() == 2)
    qtbot.keyClicks(sale.cash_field, cash)
    qtbot.keyClick(sale.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.offline.receipt is not None and ui.offline.receipt.isVisible())


def test_a_cashier_logs_in_offline_sells_a_plain_amount_and_the_session_is_confirmed(
    qtbot, ui, db, staff, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    _network_till(monkeypatch)
    world = build_world(db, staff)
    assert not login.log_in_at_till(db, "cashier", "cashier-pass").offline  # here before
    catalogue.refresh_catalogue(db)
    real_commit, real_ping = Session.commit, Database.ping
    monkeypatch.setattr(Session, "commit", _lose_the_server)  # the server goes away
    monkeypatch.setattr(Database, "ping", _ping_down)
    log_in(qtbot, ui, "cashier", "cashier-pass")
    main, bar, strip = ui.main, ui.offline.bar, ui.main.server_strip
    assert ui.offline.unconfirmed and main.isVisible()
    assert strip.isVisible() and bar.isVisible() and bar.sell_button.isVisible()
    till = Till(qtbot, ui, world)
    till.settle()
    till.find("13800000001")  # the server's work: refused at once, in the screen's language
    assert "离线时只能用离线收银" in main.banner.label.text()
    _shot(main, "offline-login-counter.png")

    main.offline_sale_action.trigger()
    sale = ui.offline.dialog
    assert sale is not None
    assert "按标价" in sale.heading.text()
    assert sale.table.horizontalHeaderItem(2).text() == "标价"
    qtbot.keyClicks(sale.product_field, "6901234567892")
    qtbot.keyClick(sale.product_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.total_value.text() == "¥3.50")
    qtbot.keyClicks(sale.amount_field, "6.6")  # a plain amount, as at the counter
    qtbot.keyClick(sale.amount_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.total_value.text() == "¥10.10")
    assert sale.table.item(1, 0).text() == "直接收款" and sale.amount_field.text() == ""
    qtbot.keyClicks(sale.amount_field, "600")  # above the shop's ¥500 line: confirm it
    qtbot.keyClick(sale.amount_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.plain_dialog is not None)
    assert sale.plain_dialog is not None and sale.plain_dialog.over_limit
    qtbot.keyClick(sale.plain_dialog, Qt.Key.Key_Escape)  # back to correct it
    qtbot.waitUntil(lambda: sale.plain_dialog is None)
    assert sale.table.rowCount() == 2
    sale.amount_field.clear()
    qtbot.keyClicks(sale.amount_field, "200000")  # above the line limit (¥100,000)
    qtbot.keyClick(sale.amount_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.plain_dialog is not None)
    assert sale.plain_dialog is not None
    qtbot.keyClick(sale.plain_dialog, Qt.Key.Key_F1)  # taken: the pricing refuses, undone
    qtbot.waitUntil(lambda: "超出上限" in sale.error.text())
    qtbot.waitUntil(lambda: sale.total_value.text() == "¥10.10")
    assert sale.table.rowCount() == 2 and len(sale.lines) == 2
    _shot(sale, "offline-sale-plain-amount.png")
    qtbot.keyClicks(sale.cash_field, "20")
    qtbot.keyClick(sale.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.offline.receipt is not None)
    receipt = ui.offline.receipt
    assert "按标价" in receipt.preview.toPlainText()
    assert "直接收款" in receipt.preview.toPlainText()
    receipt.accept()

    monkeypatch.setattr(Session, "commit", real_commit)  # the server is back
    monkeypatch.setattr(Database, "ping", real_ping)
    main.reconnect_action.trigger()
    qtbot.waitUntil(lambda: not ui.offline.unconfirmed, timeout=10_000)
    qtbot.waitUntil(bar.isHidden, timeout=10_000)
    assert main.isVisible() and ui.offline.actor == world.cashier
    assert [s.payable.fen for s in till.sales()] == [1010]
    with db.reader() as uow:
        lines = uow.session.execute(text(
            "SELECT product_id, net_amount FROM sale_lines ORDER BY id")).all()
        logins = uow.session.execute(text(
            "SELECT detail FROM audit_log WHERE action = 'staff.login' ORDER BY id")).all()
    assert [(p, n) for p, n in lines] == [(world.products["COLA"].id, 350), (None, 660)]
    assert "offline_at" in logins[-1][0]


def test_a_refused_offline_session_logs_out_and_a_manager_writes_off_its_sale(
    qtbot, ui, db, staff, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from memberdesk.services.staff.accounts import set_staff_active

    _network_till(monkeypatch)
    world = build_world(db, staff)
    login.log_in_at_till(db, "cashier", "cashier-pass")
    catalogue.refresh_catalogue(db)
    real_commit, real_ping = Session.commit, Database.ping
    monkeypatch.setattr(Session, "commit", _lose_the_server)
    monkeypatch.setattr(Database, "ping", _ping_down)
    log_in(qtbot, ui, "cashier", "cashier-pass")
    _offline_sale(qtbot, ui, cash="5")
    ui.offline.receipt.accept()
    monkeypatch.setattr(Session, "commit", real_commit)
    monkeypatch.setattr(Database, "ping", real_ping)
    set_staff_active(db, world.owner, "cashier", False)  # stopped on the server meanwhile
    ui.main.reconnect_action.trigger()
    qtbot.waitUntil(ui.login.isVisible, timeout=10_000)  # logged out, and why
    assert "该账号已停用" in ui.login.error_label.text()
    bar = ui.offline.bar
    qtbot.waitUntil(lambda: bar.refused == 1, timeout=10_000)  # still sent: the server refused it

    log_in(qtbot, ui, "manager", "manager-pass")
    qtbot.waitUntil(lambda: bar.isVisible() and bar.refused == 1, timeout=10_000)
    bar.queue_button.click()
    qtbot.waitUntil(lambda: ui.offline.queue_dialog is not None)
    dialog = ui.offline.queue_dialog
    assert dialog is not None
    assert dialog.table.item(0, 5).text().startswith("被拒：该账号已停用")
    dialog.table.selectRow(0)
    assert dialog.write_off_button.isEnabled() and dialog.reason_field.isEnabled()
    dialog.write_off_button.click()  # no reason: refused here
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason_field.insert("收银员已离职，现金在钱箱")  # typed (an input method)
    _shot(dialog, "offline-refused-list-zh.png")
    ui.i18n.toggle()
    qtbot.waitUntil(lambda: dialog.write_off_button.text() == "Write off (manager)")
    assert dialog.table.item(0, 5).text().startswith("refused: This account is disabled")
    _shot(dialog, "offline-refused-list-en.png")
    ui.i18n.toggle()
    qtbot.waitUntil(lambda: dialog.write_off_button.text() == "核销（店长）")
    dialog.write_off_button.click()
    qtbot.waitUntil(lambda: bar.refused == 0, timeout=10_000)
    assert bar.isHidden()
    with OfflineQueue(db.paths.root / QUEUE_FILE) as q:
        assert [r.state for r in q.rows()] == ["written_off"]
    with db.reader() as uow:
        detail = uow.session.scalar(text(
            "SELECT detail FROM audit_log WHERE action = 'offline.write_off'"))
    assert "收银员已离职" in detail and '"amount": 350' in detail


def test_a_till_started_with_its_server_away_logs_in_offline(
    qtbot, i18n, db, staff, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    import shutil

    from memberdesk.paths import DataPaths
    from memberdesk.services.offline.staff_copy import STAFF_FILE, remember
    from memberdesk.ui.shell.session import AppController
    from memberdesk.ui.shell.tasks import TaskRunner

    world = build_world(db, staff)
    monkeypatch.setattr(catalogue, "enabled", lambda _db: True)
    catalogue.refresh_catalogue(db)  # the copies an earlier online day left on the till
    with db.reader() as uow:
        remember(uow.session, db.paths.root, world.cashier.staff_id, "2026-12-03T08:00:00+00:00")
    folder = tmp_path / "till"
    paths = DataPaths(folder).ensure()
    for name in (CATALOGUE_FILE, STAFF_FILE):
        shutil.copy2(db.paths.root / name, folder / name)
    # a server nobody answers at (a closed port: refused at once)
    (folder / "database.url").write_text("postgresql+psycopg://memberdesk@127.0.0.1:9/shop\n")
    monkeypatch.delenv("MEMBERDESK_DB_URL", raising=False)
    monkeypatch.delenv("MEMBERDESK_STORE", raising=False)
    runner = TaskRunner()
    app = AppController(i18n, runner)
    qtbot.addWidget(app.login)
    qtbot.addWidget(app.main)
    try:
        with qtbot.waitSignal(app.ready, timeout=30_000):
            app.start(paths)
        for scheduler in (app.backups, app.daily_jobs):
            assert scheduler is not None
            scheduler.stop()
        screen = app.login
        assert screen.offline and screen.offline_label.isVisible()
        assert "连不上服务器" in screen.offline_label.text()
        assert [screen.staff_picker.itemData(i) for i in range(screen.staff_picker.count())] == [
            "cashier"]
        screen.resize(900, 760)
        _shot(screen, "offline-login-zh.png")
        i18n.toggle()
        qtbot.waitUntil(lambda: "cannot be reached" in screen.offline_label.text())
        _shot(screen, "offline-login-en.png")
        i18n.toggle()
        qtbot.waitUntil(lambda: "连不上服务器" in screen.offline_label.text())
        log_in(qtbot, app, "cashier", "cashier-pass")
        assert app.offline.unconfirmed
        assert app.main.server_strip.isVisible() and app.offline.bar.isVisible()
        _offline_sale(qtbot, app, cash="5")
        with OfflineQueue(folder / QUEUE_FILE) as q:
            assert [(r.username, r.payable, r.state) for r in q.rows()] == [
                ("cashier", 350, "waiting")]
        app.offline.receipt.accept()
    finally:
        app.stop_background_work(timeout_ms=30_000)
        runner.shutdown()
