"""The frozen build (installer/memberdesk.spec) finds its resources and migrations.

PyInstaller sets a bundled module's ``__file__`` to ``<_internal>/memberdesk/paths.pyc``;
the spec copies ``resources/`` and ``migrations/`` next to it. Here that layout is
simulated with a copy of ``paths.py``; the build itself is ``make installer``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import memberdesk.paths

ROOT = Path(__file__).resolve().parents[2]


def _load_copy(path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("frozen_memberdesk_paths", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_bundled_dirs_win_under_a_frozen_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "MemberDesk" / "_internal" / "memberdesk"
    (package / "_resources" / "i18n").mkdir(parents=True)
    (package / "_migrations" / "versions").mkdir(parents=True)
    shutil.copy(memberdesk.paths.__file__, package / "paths.py")
    frozen = _load_copy(package / "paths.py", monkeypatch)
    assert frozen.resources_dir() == package / "_resources"
    assert frozen.migrations_dir() == package / "_migrations"


def test_source_checkout_uses_the_repository_dirs() -> None:
    assert memberdesk.paths.resources_dir() == ROOT / "resources"
    assert memberdesk.paths.migrations_dir() == ROOT / "migrations"


def test_spec_bundles_into_the_folders_paths_looks_for() -> None:
    spec = (ROOT / "installer" / "memberdesk.spec").read_text(encoding="utf-8")
    assert 'tree(RES, "memberdesk/_resources"' in spec
    assert 'tree(ROOT / "migrations", "memberdesk/_migrations"' in spec
    assert "collect_submodules(\"memberdesk\")" in spec  # cli subcommands load by name
