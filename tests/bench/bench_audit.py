"""The audit viewer at 1,000,000 audit rows (DESIGN §6: lists that can grow stay fast).

Builds ``build/bench/audit/`` once: a shop whose audit log holds 1,000,000 keyed,
correctly chained rows (written straight into the file, the chain computed here with
the shop's key), spread over 400 days, 12 actions and 5 staff. Then it times the
owner's page reads (first and a deep keyset page, each filter), the action list,
the whole chain check and a one-day export.

    .venv/bin/python -m tests.bench audit
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from memberdesk.db import Database
from memberdesk.db.audit_key import mac
from memberdesk.models.enums import Role
from memberdesk.paths import DataPaths
from memberdesk.services.audit.export import export_audit
from memberdesk.services.audit.view import (
    audit_choices,
    list_audit,
    parse_filter,
    verify_audit_chain,
)
from memberdesk.services.shared import audit
from memberdesk.services.shop.setup import init_shop
from memberdesk.services.staff import accounts as staff_svc

ROOT = Path(__file__).resolve().parents[2] / "build" / "bench" / "audit"
ROWS = 1_000_000
ACTIONS = ("staff.login", "recharge", "member.register", "member.edit", "sale.refund",
           "shift.open", "shift.close", "shift.verify", "product.update", "coupon.issue",
           "settings.change", "day.close")
START = datetime(2026, 1, 1, 1, 0, tzinfo=UTC)


def _build(paths: DataPaths) -> None:
    db = Database.open(paths)
    owner = init_shop(db, shop_name="审计测试店", owner_username="owner",
                      owner_display_name="老板", owner_password="owner-pass")
    for i in range(4):
        staff_svc.create_staff(db, owner, username=f"s{i}", display_name=f"员工{i}",
                               role=Role.CASHIER, password="cashier-pass")
    ring = db.keyring
    assert ring is not None
    with db.reader() as r:
        tip = audit.chain_tip(r.session)
    first, _, prev = tip.partition(":")
    row_id = int(first)
    db.close()
    conn = sqlite3.connect(paths.database, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    step = timedelta(days=400) / ROWS
    batch = []
    for n in range(ROWS):
        row_id += 1
        at = START + step * n
        action = ACTIONS[n % len(ACTIONS)]
        staff_id = 1 + n % 5
        detail = json.dumps({"i": n}, ensure_ascii=False, sort_keys=True)
        payload = audit._payload(prev, row_id, at, staff_id, None, action, "bench", str(n), detail)
        digest = mac(ring.key, payload)
        batch.append((row_id, at.strftime("%Y-%m-%d %H:%M:%S.%f"), staff_id, action,
                      "bench", str(n), detail, prev, digest, ring.current))
        prev = digest
        if len(batch) == 20_000:
            conn.executemany("INSERT INTO audit_log (id, at, staff_id, approver_id, action, "
                             "entity, entity_id, detail, prev_hash, hash, key_id) VALUES "
                             "(?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)", batch)
            batch.clear()
    tip_text = json.dumps(audit.tip_value(ring, ring.current, row_id, prev))
    conn.execute("UPDATE settings SET value = ? WHERE key = ?", (tip_text, audit.TIP_KEY))
    conn.execute("COMMIT")
    conn.close()


def _ms(fn, runs: int = 7) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    paths = DataPaths(ROOT)
    if not (ROOT / "built").exists():
        ROOT.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        _build(paths)
        (ROOT / "built").write_text("ok")
        print(f"audit_build_s: {time.perf_counter() - started:.1f} s")
    db = Database.open(paths)
    owner = staff_svc.login(db, "owner", "owner-pass")
    with db.reader() as r:  # the cursor of a row half-way down the log
        from sqlalchemy import select

        from memberdesk.models import AuditEntry

        middle = ROWS // 2
        deep = (r.session.scalar(select(AuditEntry.at).where(AuditEntry.id == middle)), middle)
    cases = {
        "all": parse_filter(),
        "action": parse_filter("shift.verify"),
        "staff": parse_filter("", 3),
        "one_day": parse_filter("", None, date(2026, 6, 1), date(2026, 6, 1)),
        "action_staff_month": parse_filter("recharge", 2, date(2026, 3, 1), date(2026, 3, 31)),
        "rare_action": parse_filter("audit.export"),
    }
    for name, flt in cases.items():
        print(f"audit_page_{name}_ms: {_ms(lambda f=flt: list_audit(db, owner, f)):.1f} ms")
        print(f"audit_deep_page_{name}_ms: "
              f"{_ms(lambda f=flt: list_audit(db, owner, f, before=deep)):.1f} ms")
    print(f"audit_choices_ms: {_ms(lambda: audit_choices(db, owner), 3):.1f} ms")
    t = time.perf_counter()
    verdict = verify_audit_chain(db, owner, lambda _d, _t: True)
    print(f"audit_chain_check_s: {time.perf_counter() - t:.1f} s "
          f"({verdict.rows:,} rows, intact={verdict.intact})")
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        done = export_audit(db, owner, cases["one_day"], Path(out), "zh_CN")
        print(f"audit_export_one_day_s: {time.perf_counter() - t:.2f} s ({done.rows} rows)")
    db.close()


if __name__ == "__main__":
    main()
