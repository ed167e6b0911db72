"""Screenshots of the cashier client for people to look at.

Builds a throw-away shop (the demo shop when ``memberdesk.demo`` is
available, else a bare shop with an owner and a cashier), drives the real UI
(login screen, wrong password, counter, a user-error banner, the counter with a
member and a cart, the payment dialog with a split in progress, the receipt) in
Chinese and English at 1366x768 and 1024x768, and writes PNGs to
``docs/screenshots/``.

Needs a real X server so fonts render as on a shop PC. Without ``DISPLAY`` the
script starts ``Xvfb`` itself (and stops it afterwards)::

    .venv/bin/python scripts/screenshots.py            # or: make screenshots
    .venv/bin/python scripts/screenshots.py --lang en --size 1024x768 --out /tmp/shots
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1024, 768))
LANGS = ("zh_CN", "en")
CASHIER = ("cashier", "张收银", "cashier-pass")


@contextmanager
def x_server() -> Iterator[None]:
    """Use $DISPLAY if set, else run a private Xvfb for the duration."""
    if os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("screenshots: no DISPLAY and no Xvfb (apt-get install xvfb)")
    display = next(f":{n}" for n in range(99, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("screenshots: Xvfb did not start")
            time.sleep(0.05)
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def make_shop(data_dir: Path) -> str:
    """A shop to photograph; returns the password of the cashier account."""
    from memberdesk.db import Database
    from memberdesk.models.enums import Role
    from memberdesk.paths import DataPaths
    from memberdesk.services.shop.setup import init_shop
    from memberdesk.services.staff import accounts as staff

    db = Database.open(DataPaths(data_dir))
    try:
        try:
            from memberdesk.demo import DEMO_PASSWORDS, build_demo
        except ImportError:
            owner = init_shop(
                db,
                shop_name="好邻居便利店",
                owner_username="owner",
                owner_display_name="王老板",
                owner_password="owner-pass",
            )
            username, display, password = CASHIER
            staff.create_staff(
                db, owner, username=username, display_name=display, role=Role.CASHIER,
                password=password,
            )
            return password
        build_demo(db, members=50, days=21, seed=1)  # three weeks: the suggestions have
        # regular buyers to go on
        return str(DEMO_PASSWORDS["cashier"])
    finally:
        db.close()


def loyalty_news(db: Any, cashier: Any, member_no: str) -> None:
    """Today's birthday gift (100 points) and an upgrade at checkout for the member
    shown, so the card shows both notices (through the real services)."""
    import uuid

    from sqlalchemy import select

    from memberdesk.models import Member
    from memberdesk.models.enums import TenderKind
    from memberdesk.money import Money
    from memberdesk.services.checkout.cart import CartLine, CartRequest, quote
    from memberdesk.services.checkout.sale import CheckoutRequest, checkout
    from memberdesk.services.loyalty import birthday
    from memberdesk.services.pricing.tenders import TenderRequest
    from memberdesk.services.shared import clock, settings

    with db.uow() as uow:
        settings.put(uow.session, "birthday.points", 100)
        today = clock.today(uow.session)
        member_id = uow.session.scalar(select(Member.id).where(Member.member_no == member_no))
        uow.commit()
    birthday.give_birthday_gifts(db, today)
    amount = Money.of_yuan(20_000)  # the top tier's threshold: an upgrade unless already there
    cart = CartRequest((CartLine(amount=amount, qty=1),), member_id)
    due = quote(db, cashier, cart).payable  # less the tier's discount, if any
    checkout(db, cashier, CheckoutRequest(uuid.uuid4().hex, cart,
                                          (TenderRequest(TenderKind.CASH, due),)))


def prepare_sale(data_dir: Path, password: str) -> str | None:
    """An open shift for the cashier and a member worth showing (stored value,
    coupons, points, a birthday today and a note); returns the member's number
    (None without the demo)."""

    from sqlalchemy import select

    from memberdesk.db import Database
    from memberdesk.models import Coupon, Member
    from memberdesk.money import Money
    from memberdesk.paths import DataPaths
    from memberdesk.services.members import profiles as members
    from memberdesk.services.shifts import shift as shifts
    from memberdesk.services.staff import accounts as staff

    db = Database.open(DataPaths(data_dir))
    try:
        cashier = staff.login(db, CASHIER[0], password)
        if shifts.current_shift(db, cashier) is None:
            shifts.open_shift(db, cashier, Money.of_yuan(200))
        with db.reader() as uow:
            s = uow.session
            with_coupon = select(Coupon.member_id).where(Coupon.status == "issued")
            member_no = s.scalar(
                select(Member.member_no)
                .where(Member.sv_principal + Member.sv_bonus >= Money.of_yuan(150),  # 30 a run
                       Member.id.in_(with_coupon))
                .order_by(Member.points_balance.desc())
            ) or s.scalar(select(Member.member_no).order_by(Member.sv_principal.desc()))
        if member_no:
            owner = staff.login(db, "owner", "owner123")
            from memberdesk.services.shared import clock

            with db.reader() as uow:
                today = clock.today(uow.session)  # the shop's date, not the computer's
            members.edit_member(db, owner, member_no, notes="只喝无糖可乐，小票要打印",
                                birthday=today.replace(year=1988))
            loyalty_news(db, cashier, str(member_no))
        return str(member_no) if member_no else None
    finally:
        db.close()


def prepare_stock(data_dir: Path) -> None:
    """Stock for the 库存 page: goods received for a few products, a count, low-stock
    levels (two products come out low)."""
    from sqlalchemy import select

    from memberdesk.db import Database
    from memberdesk.models import Product
    from memberdesk.paths import DataPaths
    from memberdesk.services.staff import accounts as staff
    from memberdesk.services.stock.ledger import count_stock, receive_stock, set_low_stock

    db = Database.open(DataPaths(data_dir))
    try:
        try:
            owner = staff.login(db, "owner", "owner123")
        except Exception:
            owner = staff.login(db, "owner", "owner-pass")
        with db.reader() as uow:
            codes = list(uow.session.scalars(select(Product.code).where(
                Product.is_service.is_(False)).order_by(Product.code).limit(8)))
        for i, code in enumerate(codes):
            receive_stock(db, owner, code, (24, 48, 12, 6, 100, 36, 20, 10)[i], "供应商配送")
            set_low_stock(db, owner, code, (10, 12, 15, 8, 20, 10, 5, 3)[i])
        if codes:
            count_stock(db, owner, codes[0], 22, "月末盘点 破损 2 件")
        from memberdesk.services.loyalty.mall import save_gift

        for code, points in zip(codes[:4], (200, 500, 800, 1500), strict=False):
            save_gift(db, owner, code, points)  # the points mall's gifts (Shift+F2, 积分商城)
        _points_for_the_counter(db, owner)
    finally:
        db.close()


def _points_for_the_counter(db: Any, owner: Any) -> None:
    """Points for the member the counter shots use (screenshots_tasks.richest_member),
    so Shift+F2 redeems a gift, and sign-in on (F1, 5 points a day)."""
    from sqlalchemy import select

    from memberdesk.models import Member
    from memberdesk.models.enums import PointsKind
    from memberdesk.money import Money
    from memberdesk.services.shared import settings
    from memberdesk.services.shared.ledger import Refs, credit_points

    with db.uow() as uow:
        s = uow.session
        member_id = s.scalar(select(Member.id).where(Member.sv_principal < Money(100_000))
                             .order_by(Member.sv_principal.desc()))
        if member_id is not None:
            credit_points(s, member_id, PointsKind.ADJUSTMENT, 1000, None,
                          Refs(staff_id=owner.staff_id, note="截图"))
        settings.put(s, "signin.points", 5)
        uow.commit()


def main() -> int:
    global SIZES, LANGS  # the one run's choice, read by shoot
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", action="append", choices=LANGS,
                        help="only this language (may be given twice); default both")
    parser.add_argument("--size", action="append", choices=[f"{w}x{h}" for w, h in SIZES],
                        help="only this window size (may be given twice); default both")
    args = parser.parse_args()
    if args.lang:
        LANGS = tuple(lang for lang in LANGS if lang in args.lang)
    if args.size:
        SIZES = tuple((w, h) for w, h in SIZES if f"{w}x{h}" in args.size)
    with x_server(), tempfile.TemporaryDirectory(prefix="memberdesk-shots-") as tmp:
        return shoot(Path(tmp), args.out)


def shoot(data_dir: Path, out: Path) -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from memberdesk.logsetup import setup_logging
    from memberdesk.paths import DataPaths
    from memberdesk.services.staff import accounts as staff
    from memberdesk.ui.shell.app import create_application
    from memberdesk.ui.shell.i18n import Translations
    from memberdesk.ui.shell.session import AppController
    from memberdesk.ui.shell.tasks import TaskRunner
    from memberdesk.ui.shell.theme import apply_theme

    paths = DataPaths(data_dir).ensure()
    setup_logging(paths.logs)
    password = make_shop(data_dir)
    member_no = prepare_sale(data_dir, password)
    prepare_stock(data_dir)
    from screenshots_counter import prepare_count_card
    from screenshots_tasks import richest_member

    prepare_count_card(data_dir, richest_member(data_dir), (CASHIER[0], password))
    app = create_application([])
    i18n = Translations(app)
    i18n.set_language("zh_CN")
    font = apply_theme(app)
    runner = TaskRunner()
    ui = AppController(i18n, runner)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(signal: SignalInstance, action: Callable[[], object]) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        action()
        loop.exec()
        signal.disconnect(loop.quit)

    def idle() -> None:
        while runner.busy:
            settle(20)
        settle()

    def keys(widget: QWidget, text: str) -> None:
        """Type like a person (slower than a keyboard-wedge burst), then Enter."""
        for ch in text:
            QTest.keyClick(widget, ch)
            settle(60)
        QTest.keyClick(widget, Qt.Key.Key_Return)
        idle()

    def ring_up_sale() -> None:
        """A member and a few items, the way a cashier enters them."""
        main = ui.main
        if member_no:
            keys(main.lookup, member_no)
        product = main.cart_panel.product_field
        for code in ("1001", "2003", "4001", "1001"):
            keys(product, code)
        keys(main.cart_panel.amount_field, "5")
        idle()

    def split_payment() -> QWidget | None:
        """F12, then part from stored value and part in cash: still something to pay."""
        QTest.keyClick(ui.main, Qt.Key.Key_F12)
        idle()
        dialog = ui.counter.payment.dialog
        if dialog is None:
            return None
        QTest.keyClick(dialog, Qt.Key.Key_F1)
        dialog.rows["stored_value"].field.selectAll()
        QTest.keyClicks(dialog.rows["stored_value"].field, "30")
        QTest.keyClick(dialog, Qt.Key.Key_F3)
        dialog.rows["cash"].field.selectAll()
        QTest.keyClicks(dialog.rows["cash"].field, "20")
        settle()
        return dialog

    def grab(window: QWidget, name: str, size: tuple[int, int] | None) -> None:
        if size is not None:
            window.move(0, 0)
            window.resize(*size)
        settle()
        tag = f"{size[0]}x{size[1]}" if size else f"{window.width()}x{window.height()}"
        path = out / f"{name}_{i18n.language}_{tag}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"screenshots: could not write {path}")
        written.append(path)

    wait(ui.ready, lambda: ui.start(paths))
    for size in SIZES:
        for lang in LANGS:
            i18n.set_language(lang)
            ui.login.reset(CASHIER[0])
            grab(ui.login, "login", size)
            ui.login.password.setText("not-the-password")
            wait(runner.finished, ui.login.submit)
            grab(ui.login, "login_error", size)
            ui.login.password.setText(password)
            wait(ui.logged_in, ui.login.submit)
            grab(ui.main, "counter", size)
            # A real service refusal, shown the way every user error is shown.
            wait(runner.finished, lambda: runner.call(staff.login, CASHIER[0], "wrong"))
            grab(ui.main, "counter_banner", size)
            ui.main.banner.clear()
            ring_up_sale()
            grab(ui.main, "counter_sale", size)
            dialog = split_payment()
            if dialog is not None:
                grab(dialog, f"payment_split_{size[0]}", None)
                dialog.rows["cash"].field.selectAll()
                QTest.keyClicks(dialog.rows["cash"].field, "50")  # the rest, with change
                QTest.keyClick(dialog, Qt.Key.Key_Return)
                idle()
                receipt = ui.counter.payment.receipt
                if receipt is not None:
                    grab(receipt, f"receipt_{size[0]}", None)
                    QTest.keyClick(receipt, Qt.Key.Key_Return)
                    settle()
            ui.main.activateWindow()
            settle()
            for _ in range(3):
                QTest.keyClick(ui.main.focusWidget() or ui.main, Qt.Key.Key_Escape)
            idle()
            ui.lock()
    written += shoot_counter_tasks(ui, runner, i18n, out, data_dir, password)
    runner.shutdown()
    QApplication.processEvents()
    print(f"font: {font}")
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def shoot_counter_tasks(ui, runner, i18n, out, data_dir, password):  # type: ignore[no-untyped-def]
    """Recharge, shift close and the back office's day close (screenshots_tasks.py)."""
    from screenshots_tasks import Camera, owner_password, richest_member, shoot_tasks

    camera = Camera(ui, runner, i18n, out)
    shoot_tasks(camera, SIZES, LANGS, (CASHIER[0], password), ("owner", owner_password()),
                richest_member(data_dir))
    return camera.written


if __name__ == "__main__":
    sys.exit(main())
