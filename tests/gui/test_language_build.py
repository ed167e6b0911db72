"""A shop started without ``make translations`` (a fresh clone): the Chinese catalogue
is built at start-up, and when it cannot be, the window says so instead of silently
showing English."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from memberdesk.ui.shell import i18n as i18n_module
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.session import AppController

from .conftest import I18N_DIR


def _sources_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A resources folder holding the ``.ts`` sources and no compiled catalogue."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for ts in I18N_DIR.glob("*.ts"):
        shutil.copy(ts, folder / ts.name)
    monkeypatch.setattr(i18n_module, "translations_dir", lambda: folder)
    monkeypatch.setattr(i18n_module, "cache_dir", lambda: tmp_path / "cache")
    return folder


@contextmanager
def installed(qapp: QApplication) -> Iterator[Translations]:
    """The application's translations for the block, removed (and the locale reset)
    afterwards."""
    translations = Translations(qapp)
    try:
        yield translations
    finally:
        translations.uninstall()
        QLocale.setDefault(QLocale.c())


def _chinese() -> str:
    return QCoreApplication.translate("LoginScreen", "Log in (Enter)")


def test_a_missing_catalogue_is_built_at_start_and_chinese_appears(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _sources_only(tmp_path, monkeypatch)
    with installed(qapp) as translations:
        translations.set_language("zh_CN")
        assert (folder / "memberdesk_zh_CN.qm").is_file()
        assert _chinese() == "登录（回车）"
        assert translations.problem == ""


def test_a_catalogue_older_than_its_source_is_built_again(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _sources_only(tmp_path, monkeypatch)
    stale = folder / "memberdesk_zh_CN.qm"
    stale.write_bytes(b"not a catalogue")
    ts = folder / "memberdesk_zh_CN.ts"
    os.utime(stale, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    with installed(qapp) as translations:
        translations.set_language("zh_CN")
        assert stale.stat().st_mtime >= ts.stat().st_mtime
        assert _chinese() == "登录（回车）"


def test_a_resources_folder_it_cannot_write_builds_into_the_cache(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _sources_only(tmp_path, monkeypatch)
    build = i18n_module._build

    def read_only(ts: Path, qm: Path) -> str:  # (chmod does not stop root)
        return "Permission denied" if qm.parent == folder else build(ts, qm)

    monkeypatch.setattr(i18n_module, "_build", read_only)
    with installed(qapp) as translations:
        translations.set_language("zh_CN")
        assert not (folder / "memberdesk_zh_CN.qm").exists()
        assert (tmp_path / "cache" / "memberdesk_zh_CN.qm").is_file()
        assert _chinese() == "登录（回车）"
        assert translations.problem == ""


def test_no_lrelease_is_said_in_the_log_and_the_status_bar(
        qtbot, qapp: QApplication, runner, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    _sources_only(tmp_path, monkeypatch)
    monkeypatch.setattr(i18n_module, "lrelease_command", lambda: None)
    with installed(qapp) as translations:
        with caplog.at_level(logging.WARNING, logger=i18n_module.__name__):
            translations.set_language("zh_CN")
        assert "lrelease not found" in caplog.text
        assert "make translations" in translations.problem
        controller = AppController(translations, runner)
        qtbot.addWidget(controller.login)
        qtbot.addWidget(controller.main)
        assert "中文界面文件缺失" in controller.main.status.currentMessage()
        assert "Chinese translations missing" in controller.main.status.currentMessage()
        translations.set_language("en")  # English needs no catalogue: the warning goes
        assert controller.main.status.currentMessage() == ""
        controller.stop_background_work(timeout_ms=30_000)


def test_a_stale_english_catalogue_is_built_again_too(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _sources_only(tmp_path, monkeypatch)
    stale = folder / "memberdesk_en.qm"
    stale.write_bytes(b"not a catalogue")
    ts = folder / "memberdesk_en.ts"
    os.utime(stale, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    missing = folder / "memberdesk_zh_CN.qm"
    with installed(qapp) as translations:
        translations.set_language("en")
        assert stale.stat().st_mtime >= ts.stat().st_mtime
        assert stale.read_bytes() != b"not a catalogue"
        assert not missing.exists()  # only the language asked for is built
        assert QCoreApplication.translate("LoginScreen", "Log in (Enter)") == "Log in (Enter)"
        assert translations.problem == ""


def test_english_without_lrelease_still_starts_in_english_without_a_warning(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sources_only(tmp_path, monkeypatch)
    monkeypatch.setattr(i18n_module, "lrelease_command", lambda: None)
    with installed(qapp) as translations:
        translations.set_language("en")
        assert translations.problem == ""
        assert QCoreApplication.translate("LoginScreen", "Log in (Enter)") == "Log in (Enter)"
