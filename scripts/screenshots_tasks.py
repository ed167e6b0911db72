"""Screenshots of the counter tasks and the back office, for ``scripts/screenshots.py``.

In each language: the recharge dialog with the bonus rule on screen (F3), the
shift-close dialog while counting and after closing with the difference (F5),
and the back office's day-close screen (F8, as the owner) at each window size.
The cashier's shift is opened again afterwards, so the shop is left as found.
The names end in the language and the size of what was photographed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Camera:
    """The running app (from ``screenshots.shoot``) and where the PNGs go."""

    ui: Any
    runner: Any
    i18n: Any
    out: Path
    written: list[Path] = field(default_factory=list)

    def settle(self, ms: int = 150) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def idle(self) -> None:
        """Until every service call submitted so far has come back."""
        while self.runner.busy:
            self.settle(20)
        self.settle()

    def wait(self, signal: Any, action: Callable[[], object]) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        action()
        loop.exec()
        signal.disconnect(loop.quit)

    def grab(self, widget: Any, name: str) -> None:
        """``widget`` as it is on screen, named after it, the language and its size."""
        self.settle()
        path = self.out / f"{name}_{self.i18n.language}_{widget.width()}x{widget.height()}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        self.written.append(path)


def owner_password() -> str:
    try:
        from memberdesk.demo import DEMO_PASSWORDS
    except ImportError:
        return "owner-pass"  # screenshots.make_shop's bare shop
    return str(DEMO_PASSWORDS["owner"])


def richest_member(data_dir: Any) -> str | None:
    """A member with a card and some stored value, to recharge."""
    from sqlalchemy import select

    from memberdesk.db import Database
    from memberdesk.models import Member
    from memberdesk.money import Money
    from memberdesk.paths import DataPaths

    db = Database.open(DataPaths(data_dir))
    try:
        with db.reader() as uow:
            no = uow.session.scalar(select(Member.member_no).where(Member.sv_principal < Money(100_000))
                                    .order_by(Member.sv_principal.desc()))
        return str(no) if no else None
    finally:
        db.close()


def _log_in(cam: Camera, username: str, password: str) -> None:
    cam.ui.login.reset(username)
    cam.ui.login.password.setText(password)
    cam.wait(cam.ui.logged_in, cam.ui.login.submit)
    cam.idle()


def _type(cam: Camera, widget: Any, text: str) -> None:
    from PySide6.QtTest import QTest

    widget.setFocus()
    QTest.keyClicks(widget, text)
    cam.settle()


def _press(cam: Camera, widget: Any, key: Any, modifier: Any = None, text: str = "") -> None:
    from PySide6.QtTest import QTest

    if widget is cam.ui.main:  # no window manager: give the counter the keys back
        widget.activateWindow()
        cam.settle()
    if text:
        widget.setFocus()
        QTest.keyClicks(widget, text)
    if modifier is None:
        QTest.keyClick(widget, key)
    else:
        QTest.keyClick(widget, key, modifier)
    cam.idle()


def _sample_sheet(folder: Path) -> Path:
    """A member list from "the old system": three new members, one bad phone."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "手机号", "卡号", "储值本金", "储值赠送", "积分"])
    ws.append(["孙丽", "13987650001", "0A1B2C3D", 300, 50, 1200])
    ws.append(["周强", "13987650002", "", 0, 0, 80])
    ws.append(["吴敏", "1398765", "", 100, 0, 0])
    ws.append(["郑涛", "13987650004", "", 88.5, 0, 0])
    path = folder / "老系统会员.xlsx"
    wb.save(path)
    return path


def _members_page(cam: Camera, office: Any, member_no: str | None) -> None:
    """The member list, a member's page (profile, purchases, actions), and the
    import tab after checking a sample list (nothing is imported)."""
    import tempfile

    if "members" not in office.pages:
        return
    page = office.show_page("members")
    page.tabs.setCurrentWidget(page.list)
    cam.idle()
    cam.grab(office, "backoffice_member_list")
    from memberdesk.services.members.listing import MemberSort

    page.list.sort.setCurrentIndex(page.list.sort.findData(MemberSort.LAST_VISIT))
    cam.idle()
    recent = page.list.model.row(0)  # a member who has bought something
    member_no = recent.member_no if recent is not None else member_no
    if member_no:
        dialog = page.open_member(member_no)
        cam.idle()
        cam.idle()
        for tab, name in ((0, "member_page"), (3, "member_page_purchases"),
                          (6, "member_page_actions")):
            dialog.tabs.setCurrentIndex(tab)
            cam.idle()
            cam.grab(dialog, name)
        dialog.reject()
        cam.idle()
    page.tabs.setCurrentWidget(page.files)
    cam.idle()
    with tempfile.TemporaryDirectory() as folder:
        page.check_file(_sample_sheet(Path(folder)))
        while page.running:
            cam.settle(20)
        cam.grab(office, "backoffice_members")


def shoot_tasks(cam: Camera, sizes: tuple[tuple[int, int], ...], langs: tuple[str, ...],
                cashier: tuple[str, str], owner: tuple[str, str], member_no: str | None) -> None:
    """Log in as the cashier (recharge, shift), then as the owner (back office)."""
    from PySide6.QtCore import Qt

    from memberdesk.money import Money
    from memberdesk.ui.counter.actions import counter_tasks_of

    ui = cam.ui
    tasks = counter_tasks_of(ui.main)
    if tasks is None:  # a controller that does not install them itself
        from memberdesk.ui.counter.actions import install_counter_tasks
        from memberdesk.ui.counter.state import CounterState

        install_counter_tasks(ui.main, ui.runner, CounterState(ui.main))
        tasks = counter_tasks_of(ui.main)
        assert tasks is not None
    ui.main.resize(*sizes[0])
    for lang in langs:
        cam.i18n.set_language(lang)
        _log_in(cam, *cashier)
        if member_no:
            ui.main.lookup_submitted.emit(member_no)  # as typed into the lookup field
            cam.idle()
            before = tasks.dialog
            _press(cam, ui.main, Qt.Key.Key_F3)
            dialog = tasks.dialog
            if dialog is before or dialog is None:
                print(f"screenshots: no recharge dialog ({ui.main.banner.text})")
            elif dialog.offer_buttons:
                dialog.offer_buttons[min(1, len(dialog.offer_buttons) - 1)].click()
                cam.settle()
                cam.grab(dialog, "recharge")
                _press(cam, dialog, Qt.Key.Key_Escape)
            _mall_at_the_counter(cam, tasks)
            _sign_in_at_the_counter(cam, tasks)
        from screenshots_counter import shoot_counter_dialogs

        shoot_counter_dialogs(cam, tasks, member_no)
        before = tasks.dialog
        _press(cam, ui.main, Qt.Key.Key_F5)
        shift = tasks.dialog
        if shift is not before and shift is not None and shift.summary is not None:
            _press(cam, shift, Qt.Key.Key_F5)
            view = shift.count_view
            expected = next((a.expected for a in shift.summary.amounts if str(a.kind) == "cash"), None)
            short = Money(expected.fen - 350) if expected is not None else Money.of_yuan(500)
            _type(cam, view.cash, short.yuan())
            cam.grab(shift, "shift_close")
            _press(cam, view.cash, Qt.Key.Key_Return)
            cam.grab(shift, "shift_closed")
            _press(cam, shift, Qt.Key.Key_Return)
            _press(cam, ui.main, Qt.Key.Key_F5)  # open the shift again for the next shots
            reopen = tasks.dialog
            if reopen is not None:
                _press(cam, reopen.float_amount, Qt.Key.Key_Return, text="200")
                _press(cam, reopen, Qt.Key.Key_Escape)
        ui.logout()
        cam.idle()
        _log_in(cam, *owner)
        for size in sizes:
            ui.main.resize(*size)
            cam.settle()
            _press(cam, ui.main, Qt.Key.Key_F8)
            office = tasks.dialog
            if office is not None:
                office.move(0, 0)
                office.resize(size[0] - 40, size[1] - 50)
                cam.idle()
                cam.grab(office, "backoffice_day_close")
                from screenshots_office import shoot_office_pages, shoot_products

                shoot_office_pages(cam, office, member_no)
                _members_page(cam, office, member_no)
                if "staff" in office.pages:
                    office.show_page("staff")
                    cam.idle()
                    cam.grab(office, "backoffice_staff")
                if "audit" in office.pages:  # before products widens the window
                    _audit_page(cam, office)
                shoot_products(cam, office)
                if "settings" in office.pages:
                    office.show_page("settings")
                    cam.idle()
                    cam.grab(office, "backoffice_settings")
                if "stock" in office.pages:
                    page = office.show_page("stock")
                    cam.idle()
                    page.table.selectRow(0)  # a product picked: its movements below
                    cam.idle()
                    cam.grab(office, "backoffice_stock")
                if "rules" in office.pages:
                    rules = office.show_page("rules")
                    cam.idle()
                    for tab, name in enumerate(("tiers", "offers", "coupons", "points")):
                        rules.tabs.setCurrentIndex(tab)
                        cam.idle()
                        cam.grab(office, f"backoffice_rules_{name}")
                    rules.new_template()
                    cam.idle()
                    cam.grab(office, "backoffice_rules_new_coupon")
                    rules.close_template_form()
                if "analysis" in office.pages:
                    analysis = office.show_page("analysis")  # the figures load on the worker
                    cam.idle()
                    cam.grab(office, "backoffice_analysis")
                    if len(analysis.charts) > 1:  # the grade pyramid and lifecycle charts
                        analysis.scroller.ensureWidgetVisible(analysis.charts[1], 0, 0)
                        cam.idle()
                        cam.grab(office, "backoffice_analysis_charts")
                        analysis.scroller.verticalScrollBar().setValue(0)
                if "messages" in office.pages:
                    page = office.show_page("messages")
                    cam.idle()
                    cam.grab(office, "backoffice_messages")
                    page.tabs.setCurrentIndex(1)
                    cam.idle()
                    cam.grab(office, "backoffice_message_templates")
                    page.tabs.setCurrentIndex(0)
                if "mall" in office.pages:
                    mall = office.show_page("mall")
                    cam.idle()
                    mall.table.selectRow(0)
                    cam.idle()
                    cam.grab(office, "backoffice_mall")
                _campaigns_page(cam, office)
                if "stores" in office.pages:
                    office.show_page("stores")
                    cam.idle()
                    cam.grab(office, "backoffice_stores")
                if "jobs" in office.pages:
                    office.show_page("jobs")
                    cam.idle()
                    cam.grab(office, "backoffice_daily_jobs")
                _press(cam, office, Qt.Key.Key_Escape)
        ui.logout()
        cam.idle()


def _mall_at_the_counter(cam: Camera, tasks: Any) -> None:
    """Shift+F2 积分兑换 for the member on screen: the gifts, then the slip marked 兑."""
    from PySide6.QtCore import Qt

    before = tasks.dialog
    _press(cam, cam.ui.main, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    dialog = tasks.dialog
    if dialog is before or dialog is None:
        print(f"screenshots: no points mall dialog ({cam.ui.main.banner.text})")
        return
    cam.idle()
    cam.grab(dialog, "mall_redeem")
    _press(cam, dialog.table, Qt.Key.Key_Return)
    cam.idle()
    if tasks.slip is not None:
        cam.grab(tasks.slip, "mall_slip")
        _press(cam, tasks.slip, Qt.Key.Key_Return)
    else:
        cam.grab(dialog, "mall_refused")
        _press(cam, dialog, Qt.Key.Key_Escape)


def _sign_in_at_the_counter(cam: Camera, tasks: Any) -> None:
    """F1 签到 for the member on screen, then the counter with 今日已签到 on the card."""
    from PySide6.QtCore import Qt
    from screenshots_counter import OTHER_MEMBER

    if cam.i18n.language != "zh_CN" and OTHER_MEMBER:  # the first has signed in today
        cam.ui.main.lookup_submitted.emit(OTHER_MEMBER[0])
        cam.idle()
    before = tasks.dialog
    _press(cam, cam.ui.main, Qt.Key.Key_F1)
    dialog = tasks.dialog
    if dialog is before or dialog is None:
        print(f"screenshots: no sign-in dialog ({cam.ui.main.banner.text})")
        return
    cam.idle()
    cam.grab(dialog, "signin")
    _press(cam, dialog, Qt.Key.Key_Return)
    cam.idle()
    cam.grab(cam.ui.main, "counter_signed_in")


def _campaigns_page(cam: Camera, office: Any) -> None:
    """营销: the demo's saved segment with its live count and preview, then the
    campaigns after the demo campaign was run (its coupons issued)."""
    if "campaigns" not in office.pages:
        return
    page = office.show_page("campaigns")
    page.tabs.setCurrentIndex(0)
    cam.idle()
    seg = page.segments
    if seg.saved.count() > 1:
        seg.saved.setCurrentIndex(1)
        seg.saved.activated.emit(1)
        cam.idle()
    cam.grab(office, "backoffice_segments")
    page.tabs.setCurrentIndex(1)
    cam.idle()
    if page.rows and not page.rows[0].finished:
        page.table.selectRow(0)
        page.run()
        while page.progress is not None:
            cam.settle(50)
        cam.idle()
    cam.grab(office, "backoffice_campaigns")
    for kind in ("member_day", "special", "gift"):  # the kind selector's forms
        page.kind.setCurrentIndex(page.kind.findData(kind))
        cam.idle()
        cam.grab(office, f"backoffice_campaign_{kind}")
    page.kind.setCurrentIndex(0)
    page.tabs.setCurrentIndex(0)


def _audit_page(cam: Camera, office: Any) -> None:
    """审计: the audit log with a row's detail and the chain checked, the shift checks
    and the system log."""
    page = office.show_page("audit")
    screen = office.parentWidget().size() if office.parentWidget() else office.size()
    office.resize(screen.width() - 40, screen.height() - 50)  # as opened (another page
    log = page.show_tab("log")  # may have widened it; the minimum width still holds)
    cam.idle()
    rows = log.model.rows
    pick = next((i for i, r in enumerate(rows) if r.action in ("settings.change",
                                                                "product.update",
                                                                "shift.close")), 0)
    log.table.selectRow(pick)
    log.check_chain()
    while log.job is not None:
        cam.settle(50)
    cam.idle()
    cam.grab(office, "backoffice_audit")
    page.show_tab("shifts")
    cam.idle()
    cam.grab(office, "backoffice_audit_shifts")
    page.show_tab("system")
    cam.idle()
    cam.grab(office, "backoffice_audit_syslog")
    page.show_tab("log")
