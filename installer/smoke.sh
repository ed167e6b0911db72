#!/usr/bin/env bash
# Smoke test of a built bundle (Linux): the CLI on a throwaway shop, then the GUI
# for 15 s with a screenshot. Usage: installer/smoke.sh [DIST_DIR] [SCREENSHOT.png]
# The GUI part needs $DISPLAY (e.g. `Xvfb :88 -screen 0 1366x768x24 & export DISPLAY=:88`).
set -euo pipefail
DIST=$(cd "${1:-build/installer/dist/MemberDesk}" && pwd)
SHOT=${2:-build/installer/frozen_login.png}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/memberdesk-smoke.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
cli() { echo "+ memberdesk-cli $*" >&2; "$DIST/memberdesk-cli" "$@"; }

cli --version
cli --help | head -3
printf 'smoke-pass-123\nsmoke-pass-123\n' | cli init --data-dir "$DATA/new" --shop-name 冒烟测试店
cli db check --data-dir "$DATA/new"
cli demo --data-dir "$DATA/demo" --members 50 --days 3
cli db check --data-dir "$DATA/demo"
echo manager123 | cli members find --data-dir "$DATA/demo" --user manager zs --limit 2

if [[ -n "${DISPLAY:-}" ]]; then
    "$DIST/MemberDesk" --data-dir "$DATA/demo" & gui=$!
    sleep 15
    kill -0 "$gui"  # still running: it started
    .venv/bin/python -c 'import sys; from PySide6.QtWidgets import QApplication as A
app = A([]); sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)' "$SHOT"
    kill "$gui"; wait "$gui" || true
    echo "GUI ran 15 s; screenshot: $SHOT"
fi
