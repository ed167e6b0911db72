"""A hard crash leaves evidence: the fault log in the logs folder gets the Python
traceback of every thread (:func:`memberdesk.logsetup.enable_fault_log`)."""

from __future__ import annotations

import faulthandler
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from memberdesk.logsetup import FAULT_LOG, enable_fault_log


@pytest.fixture
def _keep_pytest_faulthandler() -> Iterator[None]:
    yield
    faulthandler.enable(sys.__stderr__, all_threads=True)


@pytest.mark.usefixtures("_keep_pytest_faulthandler")
def test_the_fault_log_is_set_up_in_the_logs_folder(tmp_path: Path) -> None:
    path = enable_fault_log(tmp_path / "logs")
    assert path == tmp_path / "logs" / FAULT_LOG
    assert faulthandler.is_enabled()
    assert "fault log armed" in path.read_text(encoding="utf-8")
    enable_fault_log(tmp_path / "logs")  # a second start appends
    assert path.read_text(encoding="utf-8").count("fault log armed") == 2


def test_a_segfault_leaves_the_traceback_of_every_thread(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import faulthandler, threading, time
        from pathlib import Path
        from memberdesk.logsetup import enable_fault_log
        enable_fault_log(Path({str(tmp_path)!r}))
        def reader_thread_sleeps():
            time.sleep(30)
        threading.Thread(target=reader_thread_sleeps, daemon=True).start()
        time.sleep(0.2)
        faulthandler._sigsegv()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                          check=False)
    assert done.returncode != 0
    text = (tmp_path / FAULT_LOG).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "reader_thread_sleeps" in text  # the other thread too
    assert "Current thread" in text
