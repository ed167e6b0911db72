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
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
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


def initial_language() -> str:
    """The language to start in.

    The shop setting ``shop.language`` will decide once a service exposes it;
    until then ``MEMBERDESK_LANG`` (``en`` or ``zh_CN``), defaulting to Chinese.
    """
    return normalise(os.environ.get(ENV_LANG, ZH_CN) or ZH_CN)


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def locale_for(lang: str) -> QLocale:
    language, territory = _LOCALES[normalise(lang)]
    return QLocale(language, territory)


class Translations(QObject):
    """Owns the installed translators. :meth:`set_language` swaps them at runtime;
    Qt then sends every widget a ``LanguageChange`` event and each widget
    re-applies its texts in ``changeEvent`` (see ``retranslate`` methods)."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._installed: list[QTranslator] = []
        self._language = ZH_CN

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
        ours = translations_dir() / f"memberdesk_{lang}.qm"
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for path, required in ((qt_dir / f"qtbase_{lang}.qm", False), (ours, True)):
            translator = QTranslator(self)
            if path.is_file() and translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
            elif required and lang != EN:
                # Source strings are English, so English works without a catalogue.
                log.warning("no translations for %s at %s (run `make translations`)", lang, path)
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
