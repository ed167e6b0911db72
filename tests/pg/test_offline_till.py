"""The offline till finished (issue 15, item 3 of the last session's note): logging in
while the server is away from the till's staff copy, and the session becoming a normal
one (or refused) when it is back; the queued sales' cashier and shift; plain amounts
offline at list prices; a manager writing off a sale the server refused."""

from __future__ import annotations

import json
import stat
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text

from memberdesk.db import Database
from memberdesk.models import AuditEntry
from memberdesk.models.enums import Role, ShiftStatus, TenderKind
from memberdesk.money import Money
from memberdesk.paths import DataPaths
from memberdesk.services.backup.integrity import check_database
from memberdesk.services.offline.catalogue import refresh_catalogue
from memberdesk.services.offline.login import (
    confirm_offline_login,
    log_in_at_till,
    log_in_offline,
)
from memberdesk.services.offline.queue import OfflineQueue, queue_path
from memberdesk.services.offline.refused import write_off_refused
from memberdesk.services.offline.sell import OfflineLine, OfflineSaleRequest, sell_offline
from memberdesk.services.offline.send import close_shift_at_till, queue_counts, send_queue
from memberdesk.services.offline.staff_copy import known, refresh_known, staff_path
from memberdesk.services.pricing.tenders import TenderRequest
from memberdesk.services.shared import clock
from memberdesk.services.shared.errors import (
    AuthError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from memberdesk.services.shifts.shift import close_shift
from memberdesk.services.staff import accounts as staff_svc
from tests.checkout_support.kit import World, yuan
from tests.pg.cluster import PrivateCluster
from tests.pg.worlds import staffed_world


def _sale(world: World, folder: Path, actor: object, lines: tuple[OfflineLine, ...], cash: str) -> str:
    result = sell_offline(
        folder,
        actor,  # type: ignore[arg-type]
        OfflineSaleRequest(uuid.uuid4().hex, lines, (TenderRequest(TenderKind.CASH, yuan(cash)),)),
    )
    return result.queued.client_id


def _audits(db: Database, action: str) -> list[tuple[int | None, str, dict[str, object]]]:
    with db.reader() as uow:
        rows = uow.session.execute(
            select(AuditEntry.staff_id, AuditEntry.entity_id, AuditEntry.detail)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.id)
        ).all()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def test_a_cashier_known_to_the_till_logs_in_with_the_server_stopped(tmp_path: Path) -> None:
    cluster = PrivateCluster()
    try:
        folder = tmp_path / "data"
        paths = DataPaths(folder).ensure()
        db = Database.open(paths, cluster.url())
        try:
            world = staffed_world(db)
            helper = staff_svc.create_staff(db, world.owner, username="helper",
                                            display_name="小帮手", role=Role.CASHIER,
                                            password="helper-pass")
            assert not log_in_at_till(db, "cashier", "cashier-pass").offline
            log_in_at_till(db, "helper", "helper-pass")
            copy = staff_path(folder)
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
            body = copy.read_text(encoding="utf-8")
            assert "$argon2id$" in body and "cashier-pass" not in body
            assert "owner" not in json.loads(body)["staff"]  # never logged in on this till
            # stopped on the server: the next log-in there drops it from the copy
            staff_svc.set_staff_active(db, world.owner, "helper", False)
            with pytest.raises(AuthError) as stopped:
                log_in_at_till(db, "helper", "helper-pass")
            assert stopped.value.code == "account_inactive"
            assert known(folder, "helper") is None and helper.username == "helper"
            # the cashier's shift of the morning is closed: the offline sales need one
            close_shift(db, world.cashier, {TenderKind.CASH: yuan("200")})
            assert refresh_catalogue(db) is not None
            cluster.stop()  # the server is gone
            with pytest.raises(AuthError) as wrong:
                log_in_at_till(db, "cashier", "not-it")
            assert wrong.value.code == "login_failed"
            for who in ("owner", "helper"):
                with pytest.raises(AuthError) as unknown:
                    log_in_at_till(db, who, f"{who}-pass")
                assert unknown.value.code == "offline_login_unknown"
            session = log_in_at_till(db, "cashier", "cashier-pass")
            assert session.offline and session.actor == world.cashier
            made = _sale(world, folder, session.actor, (
                OfflineLine(product_id=world.products["COLA"].id, qty=2),
                OfflineLine(amount=yuan("12.30")),
            ), "20")
            # a till started while the server is away: the same log-in, on an engine
            # whose server was never checked
            idle = Database.unchecked(paths, cluster.url())
            try:
                assert log_in_at_till(idle, "cashier", "cashier-pass").offline
                cluster.start()  # back
                assert not log_in_at_till(idle, "cashier", "cashier-pass").offline
                assert idle.server_checked
            finally:
                idle.close()
            confirmed = confirm_offline_login(db, session)
            assert not confirmed.offline and confirmed.actor == world.cashier
            (_, _, detail), = [a for a in _audits(db, "staff.login") if a[2].get("offline_at")]
            assert detail["offline_at"] == session.at
            report = send_queue(db)
            assert (report.sent, report.refused) == (1, 0)
            with db.reader() as uow:
                sale = uow.session.execute(text(
                    "SELECT s.payable, s.shift_id, s.staff_id, sh.status, sh.opening_float"
                    " FROM sales s JOIN shifts sh ON sh.id = s.shift_id WHERE s.client_id = :c"
                ), {"c": made}).one()
                lines = uow.session.execute(text(
                    "SELECT l.product_id, l.description, l.net_amount FROM sale_lines l"
                    " JOIN sales s ON s.id = l.sale_id WHERE s.client_id = :c ORDER BY l.id"
                ), {"c": made}).all()
            assert sale.payable == 700 + 1230 and sale.staff_id == world.cashier.staff_id
            assert str(sale.status).lower() == ShiftStatus.OPEN.value and sale.opening_float == 0
            assert [(p, n) for p, _, n in lines] == [(world.products["COLA"].id, 700), (None, 1230)]
            assert lines[1].description == "直接收款"
            (who, _, opened), = _audits(db, "offline.shift_open")
            assert who == world.cashier.staff_id and opened["client_id"] == made
            assert check_database(db) == []
        finally:
            db.close()
    finally:
        cluster.close()


def test_the_copy_follows_the_server_and_locks_after_wrong_passwords(
    pg_world: World, tmp_path: Path
) -> None:
    world = pg_world
    folder = tmp_path / "data"
    refresh_catalogue(world.db)
    log_in_at_till(world.db, "cashier", "cashier-pass")
    log_in_at_till(world.db, "manager", "manager-pass")
    staff_svc.reset_password(world.db, world.owner, "cashier", "new-cashier-pass")
    staff_svc.set_staff_active(world.db, world.owner, "manager", False)
    with world.db.reader() as uow:  # the refresh after each reconnect
        assert refresh_known(uow.session, folder, clock.now().isoformat()) == 1
    assert known(folder, "manager") is None
    with pytest.raises(AuthError):
        log_in_offline(folder, "cashier", "cashier-pass")  # the old password
    assert log_in_offline(folder, "cashier", "new-cashier-pass").offline
    for _ in range(4):
        with pytest.raises(AuthError):
            log_in_offline(folder, "cashier", "guess")
    with pytest.raises(AuthError) as locked:
        log_in_offline(folder, "cashier", "guess")
    assert locked.value.code == "account_locked"
    with pytest.raises(AuthError):  # locked: even the right password waits
        log_in_offline(folder, "cashier", "new-cashier-pass")


def test_a_refused_offline_session_logs_out_and_its_sales_are_still_sent(
    pg_world: World, tmp_path: Path
) -> None:
    world = pg_world
    folder = tmp_path / "data"
    refresh_catalogue(world.db)
    log_in_at_till(world.db, "cashier", "cashier-pass")
    session = log_in_offline(folder, "cashier", "cashier-pass")  # the server away
    made = _sale(world, folder, session.actor,
                 (OfflineLine(product_id=world.products["CHIPS"].id),), "10")
    # meanwhile on the server the password is changed: the session is refused, the
    # sale (the cashier still active) is booked
    staff_svc.reset_password(world.db, world.owner, "cashier", "changed-pass")
    with pytest.raises(AuthError) as stale:
        confirm_offline_login(world.db, session)
    assert stale.value.code == "offline_login_stale"
    assert send_queue(world.db).sent == 1
    with world.db.reader() as uow:
        assert uow.session.scalar(
            text("SELECT count(*) FROM sales WHERE client_id = :c"), {"c": made}) == 1
    # an account stopped meanwhile: refused, dropped from the copy; its sale goes to
    # the server, which refuses it (the checkout re-checks the account): the manager's
    staff_svc.reset_password(world.db, world.owner, "cashier", "cashier-pass")
    log_in_at_till(world.db, "cashier", "cashier-pass")
    session = log_in_offline(folder, "cashier", "cashier-pass")
    _sale(world, folder, session.actor, (OfflineLine(amount=yuan("8")),), "10")
    staff_svc.set_staff_active(world.db, world.owner, "cashier", False)
    with pytest.raises(AuthError) as stopped:
        confirm_offline_login(world.db, session)
    assert stopped.value.code == "account_inactive" and known(folder, "cashier") is None
    report = send_queue(world.db)
    assert (report.sent, report.refused) == (0, 1)
    with OfflineQueue(queue_path(world.db)) as q:
        assert q.rows("refused")[0].reason_code == "account_inactive"


def test_a_manager_writes_off_a_refused_sale_audited_once(pg_world: World, tmp_path: Path) -> None:
    world = pg_world
    folder = tmp_path / "data"
    refresh_catalogue(world.db)
    chips = world.products["CHIPS"].id
    _sale(world, folder, world.cashier, (OfflineLine(product_id=chips, qty=2),), "20")
    gone = _sale(world, folder, world.cashier,
                 (OfflineLine(product_id=chips), OfflineLine(amount=yuan("1.50"))), "20")
    with world.db.uow() as uow:  # taken off sale on the server meanwhile
        uow.session.execute(text("UPDATE products SET active = false WHERE code = 'CHIPS'"))
        uow.commit()
    assert send_queue(world.db).refused == 2
    with OfflineQueue(queue_path(world.db)) as q:
        first, second = q.rows("refused")
    with pytest.raises(PermissionDenied):
        write_off_refused(world.db, world.cashier, second.seq, "broken bag")
    with pytest.raises(ValidationError) as no_reason:
        write_off_refused(world.db, world.manager, second.seq, "   ")
    assert no_reason.value.code == "reason_required"
    result = write_off_refused(world.db, world.manager, second.seq, "薯片已下架，现金已收")
    assert (result.counts.refused, result.counts.written_off) == (1, 1)
    assert queue_counts(world.db).refused == 1  # the bar's count
    (who, entity_id, detail), = _audits(world.db, "offline.write_off")
    assert who == world.manager.staff_id and entity_id == gone
    assert detail["client_id"] == gone and detail["amount"] == second.payable == 880 + 150
    assert detail["reason"] == "薯片已下架，现金已收" and detail["refused"] == "product_inactive"
    assert [(ln["name"], ln["qty"], ln["net"]) for ln in detail["lines"]] == [
        ("乐事薯片 原味 70g", 1, 880), ("直接收款", 1, 150)]
    assert detail["cashier_id"] == world.cashier.staff_id and detail["shift_no"]
    with OfflineQueue(queue_path(world.db)) as q:
        row = q.get(second.seq)
        assert row.state == "written_off" and row.written_off_by == world.manager.display_name
        # a till stopped between the server's row and the mark: the next try marks only
        q.conn.execute("UPDATE queue SET state = 'refused' WHERE seq = ?", (second.seq,))
    write_off_refused(world.db, world.manager, second.seq, "again")
    assert len(_audits(world.db, "offline.write_off")) == 1
    with pytest.raises(NotFoundError):  # written off: no longer refused
        write_off_refused(world.db, world.manager, second.seq, "again")
    # never deleted; the send leaves it alone
    assert send_queue(world.db).counts.written_off == 1
    # the cash is in the drawer, not in the books: the shift close shows it as over
    shift = close_shift_at_till(world.db, world.cashier,
                                {TenderKind.CASH: yuan("200") + Money(second.payable)})
    (cash,) = [a for a in shift.amounts if a.kind is TenderKind.CASH]
    assert cash.variance == Money(second.payable)
    assert first.state == "refused"
