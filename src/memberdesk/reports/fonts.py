"""Find and register an embeddable CJK TrueType font for PDFs.

reportlab embeds TrueType (glyf) fonts, not CFF/OpenType ones, and the built-in
STSong-Light CID font is not embedded (it renders blank without poppler-data), so
we look for a real TrueType CJK font: one shipped in resources/fonts, else a
system one (WenQuanYi Zen Hei on Debian, SimHei / Microsoft YaHei on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from memberdesk.paths import resources_dir

from .document import ExportError

FONT_NAME = "MemberDeskCJK"

_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
)

_registered: str | None = None


def candidate_paths() -> list[Path]:
    shipped = sorted((resources_dir() / "fonts").glob("*.tt[fc]"))
    extra = os.environ.get("MEMBERDESK_PDF_FONT")
    return ([Path(extra)] if extra else []) + shipped + [Path(p) for p in _CANDIDATES]


def cjk_font() -> str:
    """Register (once) and return the name of an embeddable CJK font."""
    global _registered
    if _registered:
        return _registered
    for path in candidate_paths():
        if not path.is_file():
            continue
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
        except (TTFError, OSError):
            continue
        pdfmetrics.registerFont(font)
        _registered = FONT_NAME
        return FONT_NAME
    raise ExportError("no_font", "", "no CJK TrueType font found (install fonts-wqy-zenhei)")
