"""Kill -9 at random moments while a child process runs checkouts, recharges and
refunds, many times: afterwards ``db check`` passes and nothing is half-written."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from memberdesk.services.backup.integrity import check_database
from tests.checkout_support.kit import World, db_address
from tests.checkout_support.worker import open_db

ROOT = Path(__file__).resolve().parents[3]
KILLS = 14

# Each row returned is a half-written document.
HALF_WRITTEN = {
    "sale without lines": "SELECT id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)",
    "sale without receipt": "SELECT id FROM sales WHERE receipt_json = '{}' OR receipt_json = ''",
    "paid sale without tenders": "SELECT id FROM sales s WHERE payable > 0 AND NOT EXISTS (SELECT 1 FROM tenders t WHERE t.sale_id = s.id)",
    "member sale without its stored value entry": """
        SELECT t.sale_id FROM tenders t WHERE t.kind = 'stored_value' AND NOT EXISTS
        (SELECT 1 FROM stored_value_entries e WHERE e.sale_id = t.sale_id AND e.kind = 'spend')""",
    "refund without lines": "SELECT id FROM refunds r WHERE r.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM refund_lines l WHERE l.refund_id = r.id)",
    "refund tenders not adding up": """
        SELECT r.id FROM refunds r LEFT JOIN refund_tenders t ON t.refund_id = r.id
        GROUP BY r.id HAVING r.amount <> COALESCE(SUM(t.amount), 0)""",
    "refunded qty not matching refund lines": """
        SELECT l.id FROM sale_lines l LEFT JOIN refund_lines r ON r.sale_line_id = l.id
        GROUP BY l.id HAVING l.refunded_qty <> COALESCE(SUM(r.qty), 0)""",
    "refund without audit row": """
        SELECT r.refund_no FROM refunds r WHERE NOT EXISTS
        (SELECT 1 FROM audit_log a WHERE a.entity = 'refund' AND a.entity_id = r.refund_no)""",
    "recharge without ledger entry": """
        SELECT id FROM recharges c WHERE NOT EXISTS
        (SELECT 1 FROM stored_value_entries e WHERE e.recharge_id = c.id AND e.kind = 'recharge')""",
}


def test_sigkill_during_checkouts_recharges_and_refunds(world: World) -> None:
    world.recharge("alice", "100")
    path = db_address(world.db)
    world.db.close()
    rnd = random.Random(20261124)
    commits = 0
    for i in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.checkout_support.worker", "chaos", path,
             str(world.cashier.staff_id), str(world.manager.staff_id), str(i)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rnd.uniform(0.02, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL, err
        commits += out.count("+")
    assert commits > KILLS  # work really was going on when the kills came

    db = open_db(path)
    try:
        assert check_database(db) == []
        with db.reader() as uow:
            conn = uow.session.connection()
            for what, sql in HALF_WRITTEN.items():
                rows = list(conn.execute(text(sql)))
                assert rows == [], f"{what}: {rows}"
            sales = conn.execute(text("SELECT count(*) FROM sales")).scalar()
            refunds = conn.execute(text("SELECT count(*) FROM refunds")).scalar()
        assert sales and refunds, (sales, refunds)
    finally:
        db.close()
