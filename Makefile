# MemberDesk — set-up, run, test, bench. Every target creates what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DIR ?= $(CURDIR)/demo-shop
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint typecheck pytest pytest-pg pytest-gui pytest-shifted bench sysdeps venv translations screenshots clean

sysdeps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml requirements.lock requirements-testdata.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -r requirements-testdata.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $(STAMP)

venv: sysdeps $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: venv translations
	$(BIN)/memberdesk demo --data-dir "$(DEMO_DIR)" --if-missing
	$(BIN)/memberdesk --data-dir "$(DEMO_DIR)"

lint: venv
	$(BIN)/ruff check src tests migrations

typecheck: venv
	$(BIN)/mypy

# Unit and integration tests run on every core (pytest-xdist, a whole file per worker:
# module fixtures such as the private pcscd stay in one process); the window tests
# run one after another (one display, focus and timers are shared).
# scripts/with-postgres.sh starts a throw-away PostgreSQL cluster for the run (and
# removes it afterwards): the suites of tests/pg_engine.PG_SUITES run on both engines.
PYTEST_WORKERS ?= auto
pytest: venv translations
	bash scripts/with-postgres.sh $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		tests/unit tests/integration tests/pg
	$(BIN)/python -m pytest tests/gui

# make test runs each test once per engine, not more: the PostgreSQL side of the
# PostgreSQL suites and tests/pg (MEMBERDESK_TEST_ENGINES=postgresql), the window tests,
# and the SQLite side of the unit and integration suites under the shifted clock
# (pytest-shifted). `make pytest` is the plain run of everything at the real clock.
pytest-pg: venv translations
	MEMBERDESK_TEST_ENGINES=postgresql bash scripts/with-postgres.sh $(BIN)/python -m pytest \
		-n $(PYTEST_WORKERS) --dist loadfile $$($(BIN)/python -m tests.pg_engine)

pytest-gui: venv translations
	$(BIN)/python -m pytest tests/gui

# The unit and integration suites under a shifted clock and a foreign time zone
# (crossing the shop's midnight into 29 February): see scripts/shifted-clock-tests.sh.
pytest-shifted: venv translations
	PY=$(BIN)/python PYTEST_WORKERS=$(PYTEST_WORKERS) bash scripts/shifted-clock-tests.sh

test: lint typecheck pytest-pg pytest-gui pytest-shifted

bench: venv
	$(BIN)/python -m pip install -q -r requirements-bench.lock
	PG_DURABLE=1 bash scripts/with-postgres.sh $(BIN)/python -m tests.bench

screenshots: venv translations
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(QM)

# Frozen one-folder app in build/installer/dist/MemberDesk (see installer/README.md).
# Not part of `make test`.
.PHONY: installer
installer: venv translations
	$(BIN)/python -m pip install -q -r installer/requirements.txt
	$(BIN)/pyinstaller installer/memberdesk.spec --noconfirm --log-level WARN \
		--distpath build/installer/dist --workpath build/installer/work
	@echo "built: build/installer/dist/MemberDesk (MemberDesk, memberdesk-cli)"
