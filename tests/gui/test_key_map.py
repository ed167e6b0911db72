"""The counter's one key map (issue 10): every key the window answers is in
:mod:`memberdesk.ui.counter.keys`, each key does one thing, and the payment dialog's
keys do not clash either."""

from __future__ import annotations

from collections import Counter as Tally

from PySide6.QtGui import QAction, QKeySequence

from memberdesk.ui.counter import keys


def _window_shortcuts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        s.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for s in action.shortcuts()
        if not s.isEmpty()
    ]


def _portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_the_counter_window_answers_exactly_the_keys_of_the_map(owner) -> None:  # type: ignore[no-untyped-def]
    shown = _window_shortcuts(owner.ui.main)
    twice = sorted(k for k, n in Tally(shown).items() if n > 1)
    assert twice == []
    expected = [_portable(k) for k in keys.counter_window_keys()]
    assert (sorted(set(shown) - set(expected)), sorted(set(expected) - set(shown))) == ([], [])


def test_no_key_of_the_map_does_two_things() -> None:
    for listed in (keys.counter_window_keys(), keys.payment_dialog_keys()):
        portable = [_portable(k) for k in listed]
        assert sorted(k for k, n in Tally(portable).items() if n > 1) == []


def test_every_work_name_is_a_function_of_the_counter_work() -> None:
    """``job("pay")`` resolves by name on the worker: each listed name must exist."""
    import inspect

    from memberdesk.ui.counter import work
    from memberdesk.ui.counter.work_names import WORK_NAMES

    missing = sorted(n for n in WORK_NAMES if not inspect.isfunction(getattr(work, n, None)))
    assert missing == []
