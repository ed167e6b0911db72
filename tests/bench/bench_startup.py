"""Start-up to an interactive cashier window (budget 1.5 s, DESIGN §8; issue 16: 1.0 s).

Each run is a fresh process: import the UI, create the application, open the
database on the worker (migration check included) and fill the login screen in;
the clock stops when the controller says the login screen is usable (``ready``).
The figure includes Python's own start-up. The login screen is filled in from the
file before the database stack loads (``memberdesk.db.peek``); ``startup_db_open_s``
is when the database is open too (a password typed before then waits for it). ``startup_to_login_ready_*`` is the
demo shop; ``startup_s`` is the 1,000,000-member shop of the lookup bench (built
once, see ``bench_lookup``), with ``startup_raw_s`` a bare interpreter importing
PySide6 and showing an empty window as its raw counterpart.

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

from memberdesk.paths import DB_FILENAME

RUNS = 7

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from memberdesk.paths import DataPaths
from memberdesk.ui.shell.app import create_application
from memberdesk.ui.shell.session import AppController
from memberdesk.ui.shell.i18n import Translations, initial_language
from memberdesk.ui.shell.tasks import TaskRunner
from memberdesk.ui.shell.theme import apply_theme

app = create_application(["bench"])
i18n = Translations(app)
i18n.set_language(initial_language())
apply_theme(app)
runner = TaskRunner()
controller = AppController(i18n, runner)
def opened():
    if runner.has_database:
        print("OPEN", time.time(), flush=True)
        QCoreApplication.exit(0)
    else:
        QTimer.singleShot(5, opened)
def ready():
    print("READY", time.time(), flush=True)
    print("CPU", time.process_time(), flush=True)
    opened()
controller.ready.connect(ready)
controller.start(DataPaths(Path(sys.argv[1])), maximized=True)
code = app.exec()
runner.shutdown()
sys.exit(code)
"""


def _demo(root: Path) -> None:
    from memberdesk.db import Database
    from memberdesk.demo import build_demo
    from memberdesk.paths import DataPaths

    db = Database.open(DataPaths(root).ensure())
    build_demo(db, members=200, days=3)
    db.close()


RAW_CHILD = r"""
import time
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(["raw"])
w = QWidget()
w.showMaximized()
def ready():
    print("READY", time.time(), flush=True)
    print("CPU", time.process_time(), flush=True)
    print("OPEN", time.time(), flush=True)
    QCoreApplication.exit(0)
QTimer.singleShot(0, ready)
app.exec()
"""


def _times(code: str, *args: str, mark: str = "READY") -> list[float]:
    return [t[mark] for t in _runs(code, *args)]


def _runs(code: str, *args: str) -> list[dict[str, float]]:
    """READY (the login screen usable) and OPEN (the database open) of each run, in
    seconds from the process's launch; CPU: the child's CPU time at READY."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs: list[dict[str, float]] = []
    for _ in range(RUNS):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", code, *args], env=env,
                             capture_output=True, text=True, timeout=120)
        marks = {x.split()[0]: float(x.split()[1]) - t0 for x in out.stdout.splitlines()
                 if x.startswith(("READY", "OPEN"))}
        marks.update((x.split()[0], float(x.split()[1])) for x in out.stdout.splitlines()
                     if x.startswith("CPU"))
        if "READY" not in marks or "OPEN" not in marks:
            raise RuntimeError(f"the window never became ready: {out.stderr[-500:]}")
        runs.append(marks)
    return runs


def _big_shop(root: Path) -> None:
    """A data folder whose shop file is the lookup bench's 1,000,000-member file."""
    from .bench_lookup import build, cache_path

    path = cache_path()
    if not path.exists():
        print(f"# building the lookup bench's shop in {path} (once)", flush=True)
        build(path)
    root.mkdir(parents=True)
    (root / DB_FILENAME).symlink_to(path)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="md-start-") as tmp:
        root = Path(tmp) / "shop"
        _demo(root)
        times = _times(CHILD, str(root))
        big = Path(tmp) / "big"
        _big_shop(big)
        big_runs = _runs(CHILD, str(big))
        raw_runs = _runs(RAW_CHILD)
    raw_times = [r["READY"] for r in raw_runs]
    big_times = [r["READY"] for r in big_runs]
    open_times = [r["OPEN"] for r in big_runs]
    print(f"startup_to_login_ready_p50_s: {statistics.median(times):.3f} s")
    print(f"startup_to_login_ready_max_s: {max(times):.3f} s")
    print(f"startup_s: {statistics.median(big_times):.3f} s (1,000,000 members, median of "
          f"{RUNS})")
    print(f"startup_max_s: {max(big_times):.3f} s")
    print(f"startup_db_open_s: {statistics.median(open_times):.3f} s (1,000,000 members: the "
          "database open too, SQLAlchemy and the services loaded; median)")
    print(f"startup_raw_s: {statistics.median(raw_times):.3f} s (Python, PySide6, an empty "
          f"window)")
    print(f"startup_ratio_vs_raw: {statistics.median(big_times) / statistics.median(raw_times):.1f} x")
    cpu, raw_cpu = (statistics.median(r["CPU"] for r in rs) for rs in (big_runs, raw_runs))
    print(f"startup_cpu_s: {cpu:.3f} s (the process's CPU time at ready, median; "
          f"raw {raw_cpu:.3f} s, {cpu / raw_cpu:.1f} x)")
    print(f"load: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
