"""While a long job runs beside the counter (batches.sharing_the_interpreter) the
interpreter switches threads often and the collector's full collections (each walks
every object holding the interpreter: 0.5-0.8 s at 100,000 members) are put off; both
come back as they were, also when the job fails."""

from __future__ import annotations

import gc
import sys

import pytest

from memberdesk.services.shared.batches import (
    FULL_GC_AFTER,
    SWITCH_S,
    sharing_the_interpreter,
)


def test_full_collections_are_put_off_and_come_back() -> None:
    switch, thresholds = sys.getswitchinterval(), gc.get_threshold()
    with pytest.raises(RuntimeError), sharing_the_interpreter():
        assert sys.getswitchinterval() <= SWITCH_S
        young, middle, full = gc.get_threshold()
        assert (young, middle) == thresholds[:2] and full >= FULL_GC_AFTER
        with sharing_the_interpreter():  # the jobs runner around the refresh
            assert gc.get_threshold()[2] >= FULL_GC_AFTER
        assert gc.get_threshold()[2] >= FULL_GC_AFTER
        raise RuntimeError("the job failed")
    assert sys.getswitchinterval() == switch and gc.get_threshold() == thresholds
