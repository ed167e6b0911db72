"""The background task runner: work off the GUI thread, outcomes back on it."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from memberdesk.services.shared.errors import NotFoundError, UserError
from memberdesk.services.shop import setup as shop_svc
from memberdesk.ui.shell.tasks import Task, TaskRunner


def on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_the_call_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work(db: object, x: int) -> int:
        seen["worker"] = threading.get_ident()
        seen["worker_is_gui"] = on_gui_thread()
        seen["db"] = db
        return x * 2

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_on_gui"] = on_gui_thread()

    with qtbot.waitSignal(runner.finished) as blocker:
        runner.call(work, 21, on_done=done)

    task = blocker.args[0]
    assert isinstance(task, Task) and task.done and task.result == 42
    assert seen["result"] == 42
    assert seen["callback_on_gui"] is True
    assert seen["worker_is_gui"] is False
    assert seen["worker"] != threading.get_ident()
    assert seen["db"] is not None


def test_a_real_service_call(qtbot, runner: TaskRunner, shop) -> None:  # type: ignore[no-untyped-def]
    results: list[shop_svc.ShopInfo] = []
    with qtbot.waitSignal(runner.finished):
        runner.call(shop_svc.shop_info, on_done=results.append)
    assert results[0].name == "测试便利店"


def test_tasks_run_in_the_order_submitted(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    order: list[int] = []
    for i in range(5):
        runner.run(lambda i=i: i, on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]
    assert not runner.busy


def test_busy_changes_around_the_work(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    with qtbot.waitSignal(runner.finished):
        runner.run(lambda: None)
    assert states == [True, False]


def test_a_user_error_goes_to_its_callback_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    got: list[tuple[UserError, bool]] = []
    broadcast: list[UserError] = []
    runner.user_error.connect(broadcast.append)

    def fail() -> None:
        raise NotFoundError("member_not_found", key="13800001234")

    with qtbot.waitSignal(runner.finished):
        runner.run(fail, on_user_error=lambda e: got.append((e, on_gui_thread())))
    assert got and got[0][1] is True
    assert got[0][0].message("zh_CN") == "找不到会员 13800001234"
    assert broadcast == []


def test_a_user_error_without_a_callback_is_broadcast(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    def fail() -> None:
        raise NotFoundError("member_not_found", key="0001")

    with qtbot.waitSignal(runner.user_error) as blocker:
        runner.run(fail)
    assert blocker.args[0].code == "member_not_found"


def test_any_other_exception_reaches_the_excepthook_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    caught: list[tuple[type[BaseException], bool]] = []

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        caught.append((exc_type, on_gui_thread()))

    done: list[object] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "excepthook", hook)
        with qtbot.waitSignal(runner.finished) as blocker:
            runner.run(lambda: 1 / 0, on_done=done.append)
    assert caught == [(ZeroDivisionError, True)]
    assert done == []
    assert isinstance(blocker.args[0].error, ZeroDivisionError)


def test_a_bug_in_a_callback_is_a_crash_not_silence(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    caught: list[type[BaseException]] = []

    def broken_callback(_result: object) -> None:
        raise KeyError("bug")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "excepthook", lambda t, e, tb: caught.append(t))
        with qtbot.waitSignal(runner.finished):
            runner.run(lambda: 1, on_done=broken_callback)
    assert caught == [KeyError]


def test_call_needs_a_database(qapp) -> None:  # type: ignore[no-untyped-def]
    bare = TaskRunner()
    with pytest.raises(RuntimeError):
        bare.call(shop_svc.shop_info)
    bare.shutdown()
