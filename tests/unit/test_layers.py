"""Imports point one way: models/services/hardware/reports/db never import Qt or ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "memberdesk"
QT_FREE = ["models", "services", "hardware", "reports", "db"]
FORBIDDEN = ("PySide6", "shiboken6", "memberdesk.ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_never_imports_qt_or_ui(layer: str) -> None:
    offenders = []
    for path in (SRC / layer).rglob("*.py"):
        for name in _imports(path):
            if name.startswith(FORBIDDEN):
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_models_do_not_import_services() -> None:
    offenders = [
        f"{p.relative_to(SRC)} imports {n}"
        for p in (SRC / "models").rglob("*.py")
        for n in _imports(p)
        if n.startswith(("memberdesk.services", "memberdesk.cli"))
    ]
    assert offenders == []


def test_importing_the_back_end_loads_no_qt_and_does_no_work() -> None:
    code = (
        "import sys, memberdesk.services.staff.accounts, memberdesk.services.backup.integrity, "
        "memberdesk.cli, memberdesk.db.migrate;"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','memberdesk.ui'))];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
