#!/usr/bin/env bash
# The unit and integration suites again under a shifted wall clock and a foreign time
# zone: the run starts two minutes before the shop's midnight (UTC+8) on 28 February
# of a leap year, so it crosses into 29 February while the computer (Los Angeles, UTC-8)
# is still on the morning of the 28th. A test that reads the computer's date or zone
# instead of the shop clock fails here. Every Python process shares the one offset
# (tests/clockshift/sitecustomize.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export MEMBERDESK_CLOCK_TARGET=${MEMBERDESK_CLOCK_TARGET:-2028-02-28T15:58:00+00:00}
MEMBERDESK_CLOCK_STARTED=$(date +%s.%N)
export MEMBERDESK_CLOCK_STARTED
export TZ=${SHIFTED_TZ:-America/Los_Angeles}
export PYTHONPATH="$PWD/tests/clockshift${PYTHONPATH:+:$PYTHONPATH}"
# The suites run here on SQLite only: in make test this is the SQLite run of the unit
# and integration suites (the PostgreSQL side runs in `make pytest-pg`; tests/pg_engine.py).
export MEMBERDESK_TEST_ENGINES=sqlite
now=$("$PY" -c 'from datetime import datetime, UTC; print(datetime.now(UTC).isoformat())')
case "$now" in
  "${MEMBERDESK_CLOCK_TARGET:0:10}"*) ;;
  *) echo "shifted clock not in force (python says $now)" >&2; exit 1 ;;
esac
echo "shifted clock: python's now is $now (UTC), TZ=$TZ, computer's local date $("$PY" -c 'import datetime; print(datetime.date.today())')"
# Arguments replace the default selection (the unit and integration suites).
# By default on every core, a whole file per worker (pytest-xdist); every worker is a
# Python process, so sitecustomize shifts it with the same offset.
if [ $# -eq 0 ]; then set -- -n "${PYTEST_WORKERS:-auto}" --dist loadfile tests/unit tests/integration; fi
exec "$PY" -m pytest -p no:cacheprovider "$@"
