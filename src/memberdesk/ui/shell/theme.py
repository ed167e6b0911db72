"""The look: a CJK font chosen explicitly and ``resources/style.qss``."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from memberdesk.paths import resources_dir

log = logging.getLogger(__name__)

# Preferred families for Chinese text, best first. Noto/WenQuanYi on Linux,
# Microsoft YaHei on Windows; otherwise the system default stays.
CJK_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei")
BASE_POINT_SIZE = 15


def pick_cjk_family(available: list[str] | None = None) -> str | None:
    families = set(QFontDatabase.families() if available is None else available)
    return next((f for f in CJK_FAMILIES if f in families), None)


def stylesheet() -> str:
    path = resources_dir() / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found; using Qt's default look", path)
        return ""


def apply_theme(app: QApplication) -> str:
    """Set the application font and stylesheet; return the font family used."""
    family = pick_cjk_family()
    font = QFont(family) if family else QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(stylesheet())
    chosen = font.family()
    log.info("interface font: %s", chosen)
    return chosen
