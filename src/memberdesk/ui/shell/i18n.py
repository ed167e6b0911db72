"""The interface language: Qt translators, the default QLocale, runtime switching.

Compiled catalogues live in ``resources/i18n/memberdesk_<lang>.qm`` (``make
translations`` builds them from the ``.ts`` sources). Source strings in the code
are English; zh_CN is the default language.

To refresh the catalogues after changing visible strings (every ``.py`` below
``ui``, sub-packages included, named one by one: given the folder instead, this
lupdate finds no Python sources and ``-no-obsolete`` then empties both files)::

    .venv/bin/pyside6-lupdate $(find src/memberdesk/ui -name '*.py' | sort) \
        -locations none -no-obsolete \
        -ts resources/i18n/memberdesk_zh_CN.ts resources/i18n/memberdesk_en.ts

then translate the new ``unfinished`` messages (Qt Linguist, or by hand) and run
``make translations``. ``tests/gui/test_translations.py`` fails while any message
is untranslated or the catalogues are out of date with the code.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QStandardPaths,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from memberdesk.paths import resources_dir

log = logging.getLogger(__name__)

ZH_CN = "zh_CN"
EN = "en"
SUPPORTED = (ZH_CN, EN)
ENV_LANG = "MEMBERDESK_LANG"

_LOCALES = {
    ZH_CN: (QLocale.Language.Chinese, QLocale.Country.China),
    EN: (QLocale.Language.English, QLocale.Country.UnitedStates),
}


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate (which looks for this name) without translating
    it now; translate later with ``QCoreApplication.translate(context, source)``.
    A typed stand-in for PySide6's own, which mypy sees as returning ``object``."""
    del context
    return source


def normalise(lang: str) -> str:
    """``"en_US.UTF-8"`` -> ``"en"``; anything not English -> ``"zh_CN"``."""
    return EN if lang.strip().lower().startswith("en") else ZH_CN


LANGUAGE_FILENAME = "language"  # one line in the data directory: this till's choice


def initial_language(data_dir: Path | None = None) -> str:
    """The language to start in, known before the first window shows (the database
    opens later, on the worker): ``MEMBERDESK_LANG`` (``en`` or ``zh_CN``) if set;
    else the language last chosen on this till (Ctrl+Shift+L, the login screen's
    button), kept in the data directory's ``language`` file beside ``database.url``
    and ``store``; else Chinese. The shop setting ``shop.language`` is the language
    of the shop's reports and messages, the same for every till."""
    env = os.environ.get(ENV_LANG, "").strip()
    if env:
        return normalise(env)
    if data_dir is not None:
        try:
            chosen = (data_dir / LANGUAGE_FILENAME).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            chosen = ""
        if chosen:
            return normalise(chosen)
    return ZH_CN


def remember_language(data_dir: Path, lang: str) -> None:
    """Keep ``lang`` as this till's language for the next start (a failure to write
    is logged: the language still changes now)."""
    try:
        (data_dir / LANGUAGE_FILENAME).write_text(normalise(lang) + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("could not keep the language in %s: %s", data_dir, exc)


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def cache_dir() -> Path:
    """Where catalogues built at start-up go when the resources folder is read-only."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return (Path(base) if base else Path.home() / ".cache" / "memberdesk") / "i18n"


def lrelease_command() -> list[str] | None:
    """PySide6's lrelease: the venv's ``pyside6-lrelease`` (beside this Python), else
    the binary inside the PySide6 package, else one on PATH; None when there is none."""
    here = Path(sys.executable).parent
    candidates = [here / "pyside6-lrelease", here / "pyside6-lrelease.exe"]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        candidates += [package / name for name in (
            "lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease")]
    except ImportError:  # pragma: no cover - PySide6 is what runs this
        pass
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def _fresh(qm: Path, ts: Path) -> bool:
    """``qm`` exists and is not older than its source ``ts`` (no source: any ``qm``)."""
    if not qm.is_file():
        return False
    return not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime


def _build(ts: Path, qm: Path) -> str:
    """Compile ``ts`` into ``qm``; "" when done, else why not."""
    command = lrelease_command()
    if command is None:
        return "lrelease not found (install PySide6 in this environment)"
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)],
                              capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"{command[0]}: {exc}"
    if done.returncode != 0 or not _fresh(qm, ts):
        detail = (done.stderr or done.stdout or "").strip().splitlines()
        return f"{command[0]} failed ({done.returncode}) {detail[-1] if detail else ''}".strip()
    return ""


def compiled_catalogue(lang: str) -> tuple[Path | None, str]:
    """The compiled catalogue of ``lang`` up to date with its ``.ts``, built now when
    it is missing or older (next to the source, else in :func:`cache_dir`), and ""; or
    the best one there is (an older one, or None) and what went wrong."""
    base = translations_dir()
    ts, qm = base / f"memberdesk_{lang}.ts", base / f"memberdesk_{lang}.qm"
    if _fresh(qm, ts):
        return qm, ""
    if not ts.is_file():
        return None, f"neither {qm.name} nor {ts.name} in {base}"
    cached = cache_dir() / qm.name
    if _fresh(cached, ts):
        return cached, ""
    problems = []
    for target in (qm, cached):
        problem = _build(ts, target)
        if not problem:
            log.info("built the %s translations: %s", lang, target)
            return target, ""
        problems.append(f"{target}: {problem}")
    return (qm if qm.is_file() else None), "; ".join(problems)


def missing_text(lang: str) -> str:
    """The warning when a language's catalogue cannot be loaded: in both languages,
    as the one it is about cannot be shown."""
    del lang
    return ("中文界面文件缺失，无法生成（请运行 make translations）· "
            "Chinese translations missing and could not be built: run `make translations`")


def locale_for(lang: str) -> QLocale:
    language, territory = _LOCALES[normalise(lang)]
    return QLocale(language, territory)


class Translations(QObject):
    """Owns the installed translators. :meth:`set_language` swaps them at runtime;
    Qt then sends every widget a ``LanguageChange`` event and each widget
    re-applies its texts in ``changeEvent`` (see ``retranslate`` methods)."""

    language_changed = Signal(str)
    problem_changed = Signal(str)  # "" once the catalogue loads again

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._installed: list[QTranslator] = []
        self._language = ZH_CN
        self.problem = ""  # why the language's catalogue could not be loaded ("": it was)

    @property
    def language(self) -> str:
        return self._language

    def locale(self) -> QLocale:
        return locale_for(self._language)

    def set_language(self, lang: str) -> None:
        lang = normalise(lang)
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        locale = locale_for(lang)
        QLocale.setDefault(locale)
        # Both catalogues are built when missing or stale. Source strings are
        # English, so English still works (with the source wording) without one.
        ours, problem = compiled_catalogue(lang)
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for path, required in ((qt_dir / f"qtbase_{lang}.qm", False), (ours, True)):
            translator = QTranslator(self)
            if path is not None and path.is_file() and translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
            elif required and lang != EN:
                problem = problem or f"{path} cannot be loaded"
                ours = None
        if problem:
            log.warning("translations for %s: %s (run `make translations`)", lang, problem)
        shown = missing_text(lang) if problem and ours is None and lang != EN else ""
        if shown != self.problem:
            self.problem = shown
            self.problem_changed.emit(shown)
        changed = lang != self._language
        self._language = lang
        log.info("interface language: %s", lang)
        if changed:
            self.language_changed.emit(lang)

    def toggle(self) -> None:
        self.set_language(EN if self._language == ZH_CN else ZH_CN)

    def uninstall(self) -> None:
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()


class Retranslating:
    """Mixin for widgets (list it before the Qt class): on a ``LanguageChange``
    event it calls ``self.retranslate()``, which sets every visible text."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        parent: Any = super()
        parent.changeEvent(event)


def add_language_key(dialog: QWidget) -> None:
    """Ctrl+Shift+L in a dialog too: the main window's shortcut is blocked while a
    modal dialog is open, so the dialog asks the nearest window that can switch
    (one with a ``language_toggle_requested`` signal) to do it."""
    from memberdesk.ui.shell.login import LANGUAGE_SHORTCUT

    def toggle() -> None:
        widget = dialog.parentWidget()
        while widget is not None and not hasattr(widget, "language_toggle_requested"):
            widget = widget.parentWidget()
        if widget is not None:
            widget.language_toggle_requested.emit()

    action = QAction(dialog)
    action.setShortcut(QKeySequence(LANGUAGE_SHORTCUT))
    action.triggered.connect(toggle)
    dialog.addAction(action)
