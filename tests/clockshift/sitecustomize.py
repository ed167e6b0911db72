"""Loaded by every Python process of the shifted-clock test run (scripts/shifted-clock-tests.sh
puts this folder on PYTHONPATH): moves the wall clock by one fixed offset, the same in the
pytest process and in every `memberdesk` command it starts, and lets it tick.

time-machine shifts the wall clock inside Python only (time.time, datetime.now, date.today,
...), not the monotonic clock, so timed waits (threading.Event.wait, queue.get(timeout=...))
keep working; libfaketime hangs them.
"""

import os

_target = os.environ.get("MEMBERDESK_CLOCK_TARGET")  # ISO instant the run starts at
_started = os.environ.get("MEMBERDESK_CLOCK_STARTED")  # real epoch seconds at the run's start
if _target and _started:
    import time
    from datetime import datetime

    import time_machine

    offset = datetime.fromisoformat(_target).timestamp() - float(_started)
    time_machine.travel(time.time() + offset, tick=True).start()
