"""One small set of line icons, drawn in code so they all share one stroke, one
grid and one colour (no image files, no emoji font needed, crisp at any scale).

Each icon is drawn on a 24x24 grid with a 2-unit round stroke. :func:`icon`
returns a QIcon; :func:`pixmap` a pixmap for labels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

INK = "#3e4c59"
ACCENT = "#1c7c74"
WARN = "#b3261e"


def _person(p: QPainter) -> None:
    p.drawEllipse(QPointF(12, 8), 4, 4)
    path = QPainterPath(QPointF(4, 21))
    path.cubicTo(QPointF(4, 14), QPointF(20, 14), QPointF(20, 21))
    p.drawPath(path)


def _wallet(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 6, 18, 14), 2.5, 2.5)
    p.drawLine(QPointF(6, 6), QPointF(16, 3))
    p.drawRoundedRect(QRectF(14, 11, 7, 4), 1.5, 1.5)


def _star(p: QPainter) -> None:
    import math

    path = QPainterPath()
    for i in range(10):
        r = 9.5 if i % 2 == 0 else 4.2
        a = -math.pi / 2 + i * math.pi / 5
        pt = QPointF(12 + r * math.cos(a), 12.8 + r * math.sin(a))
        if i == 0:
            path.moveTo(pt)
        else:
            path.lineTo(pt)
    path.closeSubpath()
    p.drawPath(path)


def _ticket(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 6))
    path.lineTo(21, 6)
    path.lineTo(21, 10)
    path.arcTo(QRectF(19, 10, 4, 4), 90, 180)
    path.lineTo(21, 18)
    path.lineTo(3, 18)
    path.lineTo(3, 14)
    path.arcTo(QRectF(1, 10, 4, 4), 270, 180)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(14, 8), QPointF(14, 16))


def _cake(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 12, 16, 9), 2, 2)
    p.drawLine(QPointF(4, 16), QPointF(20, 16))
    p.drawLine(QPointF(12, 12), QPointF(12, 7))
    p.drawEllipse(QPointF(12, 4.5), 1.2, 1.6)


def _warning(p: QPainter) -> None:
    path = QPainterPath(QPointF(12, 3))
    path.lineTo(22, 20)
    path.lineTo(2, 20)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(12, 9), QPointF(12, 14))
    p.drawPoint(QPointF(12, 17))


def _card(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 5, 20, 14), 2.5, 2.5)
    p.drawLine(QPointF(2, 10), QPointF(22, 10))
    p.drawLine(QPointF(6, 15), QPointF(10, 15))


def _cash(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(2, 6, 20, 12), 2, 2)
    p.drawEllipse(QPointF(12, 12), 3, 3)


def _phone(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(7, 2, 10, 20), 2.5, 2.5)
    p.drawLine(QPointF(11, 18.5), QPointF(13, 18.5))


def _printer(p: QPainter) -> None:
    p.drawRect(QRectF(7, 3, 10, 5))
    p.drawRoundedRect(QRectF(3, 8, 18, 9), 2, 2)
    p.drawRect(QRectF(7, 14, 10, 7))


def _search(p: QPainter) -> None:
    p.drawEllipse(QPointF(10, 10), 6, 6)
    p.drawLine(QPointF(14.5, 14.5), QPointF(21, 21))


def _note(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(4, 3, 16, 18), 2, 2)
    for y in (8, 12, 16):
        p.drawLine(QPointF(8, y), QPointF(16, y))


_SHAPES: dict[str, Callable[[QPainter], None]] = {
    "member": _person,
    "stored_value": _wallet,
    "points": _star,
    "coupon": _ticket,
    "birthday": _cake,
    "warning": _warning,
    "card": _card,
    "bank_card": _card,
    "cash": _cash,
    "wechat": _phone,
    "alipay": _phone,
    "printer": _printer,
    "search": _search,
    "note": _note,
}


def pixmap(name: str, size: int = 20, color: str = INK) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    pen = QPen(QColor(color), 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _SHAPES[name](painter)
    painter.end()
    return pm


def icon(name: str, color: str = INK) -> QIcon:
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        result.addPixmap(pixmap(name, size, color))
    return result
