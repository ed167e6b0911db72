"""Start-up to an interactive cashier window (budget 1.5 s, DESIGN §8).

Each run is a fresh process on the demo shop: import the UI, create the
application, open the database on the worker (migration check included) and fill
the login screen in; the clock stops when the controller says the login screen is
usable (``ready``). The figure includes Python's own start-up.

    .venv/bin/python -m tests.bench startup
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from memberdesk.paths import DataPaths
from memberdesk.ui.app import create_application
from memberdesk.ui.controller import AppController
from memberdesk.ui.i18n import Translations, initial_language
from memberdesk.ui.tasks import TaskRunner
from memberdesk.ui.theme import apply_theme

app = create_application(["bench"])
i18n = Translations(app)
i18n.set_language(initial_language())
apply_theme(app)
runner = TaskRunner()
controller = AppController(i18n, runner)
def ready():
    print("READY", time.time(), flush=True)
    QCoreApplication.exit(0)
controller.ready.connect(ready)
controller.start(DataPaths(Path(sys.argv[1])), maximized=True)
code = app.exec()
runner.shutdown()
sys.exit(code)
"""


def _demo(root: Path) -> None:
    from memberdesk.db import Database
    from memberdesk.paths import DataPaths
    from memberdesk.services.demo import build_demo

    db = Database.open(DataPaths(root).ensure())
    build_demo(db, members=200, days=3)
    db.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="md-start-") as tmp:
        root = Path(tmp) / "shop"
        _demo(root)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        times: list[float] = []
        for _ in range(RUNS):
            t0 = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, str(root)], env=env,
                                 capture_output=True, text=True, timeout=60)
            line = next((x for x in out.stdout.splitlines() if x.startswith("READY")), None)
            if line is None:
                raise RuntimeError(f"the window never became ready: {out.stderr[-500:]}")
            times.append(float(line.split()[1]) - t0)
    print(f"startup_to_login_ready_p50_s: {statistics.median(times):.3f} s")
    print(f"startup_to_login_ready_max_s: {max(times):.3f} s")


if __name__ == "__main__":
    main()
