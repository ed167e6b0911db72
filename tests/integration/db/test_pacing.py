"""The pace of a background job's writes (services/shared/pacing.Pacer): after each
write the lock is left free as long as the write held it, at least the least pause,
waited out only when the next write comes (the first waits for nothing)."""

from __future__ import annotations

import time

import pytest

from memberdesk.db import Database
from memberdesk.services.members.profiles import add_member_in
from memberdesk.services.shared import pacing
from memberdesk.services.shared.pacing import Pacer


def test_each_write_owes_a_pause_as_long_as_the_lock_it_held(
        db: Database, shop, monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    real_sleep = time.sleep
    monkeypatch.setattr(pacing.time, "sleep", slept.append)
    with Pacer(db, least=0.05) as pace:
        with pace.write() as uow:  # a quick write: the least pause is owed
            add_member_in(uow.session, phone="13800138011", name="李一")
            uow.commit()
        with pace.write() as uow:  # a write that holds the lock 0.3 s
            add_member_in(uow.session, phone="13800138012", name="李二")
            until = time.monotonic() + 0.3
            while time.monotonic() < until:
                real_sleep(0.01)
            uow.commit()
        with pace.write() as uow:
            uow.commit()
    assert slept[0] == 0.0  # the first write waits for nothing
    assert 0.0 < slept[1] <= 0.05  # the least pause, less the moment since
    assert 0.15 < slept[2] <= 0.3 + 0.05  # as long as the lock was held
    assert len(slept) == 4 and 0.0 < slept[3] <= 0.05  # the last write's, as the job ends:
    # the write that follows it (the job's state) waits its turn too
    assert pace.longest >= 0.3 and pace.held < 0.3


def test_a_write_that_fails_rolls_back_and_the_job_goes_on(
        db: Database, shop, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pacing, "PAUSE_S", 0.0)
    with Pacer(db) as pace:
        with pytest.raises(RuntimeError), pace.write() as uow:
            add_member_in(uow.session, phone="13800138013", name="李三")
            raise RuntimeError("the batch went wrong")
        with pace.write() as uow:
            add_member_in(uow.session, phone="13800138013", name="李三")  # no duplicate
            uow.commit()
