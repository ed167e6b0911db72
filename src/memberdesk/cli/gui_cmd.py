"""``memberdesk`` / ``memberdesk gui``: the cashier window."""

from __future__ import annotations

import argparse
from typing import Any

from .common import add_command, data_paths


def run_gui(args: argparse.Namespace) -> int:
    from memberdesk.ui.shell.app import run

    return int(run(data_paths(args)))


def register(sub: Any) -> None:
    add_command(sub, "gui", "open the cashier window (the default)", run_gui)
