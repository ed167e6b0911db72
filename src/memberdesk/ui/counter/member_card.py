"""The member at the counter: who they are and what they can pay with.

Name and tier first, then member number and (masked) phone (the analytics grade and
lifecycle stage go in the panel's title row), a deactivated member's warning, what the
member can pay with: stored value with its principal and bonus, points with what
expires soon, usable coupons; then the flags (birthday, points expiring, a churn
warning with its reason), recent news the daily jobs or the checkout made (a tier
change, a birthday gift within 30 days, signed in), the stored value's spend order,
notes. Compact, most important first: at 1024x768 the coupons show without scrolling.
A view only: :meth:`MemberCard.set_view` is the whole interface.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.analytics import churn_reason_text
from memberdesk.ui.common import fmt, icons
from memberdesk.ui.counter.tender_rows import spend_order_text
from memberdesk.ui.shell.i18n import Retranslating, normalise

if TYPE_CHECKING:
    from memberdesk.ui.counter.work import MemberView

SHOWN_COUPONS = 3  # by name; the count says how many in all
BIRTHDAY_SOON_DAYS = 7


def days_to_birthday(birthday: date, today: date) -> int:
    """Days from ``today`` to the next birthday (0 = today; 29 Feb counts as 28 Feb)."""
    for year in (today.year, today.year + 1):
        day = min(birthday.day, 28) if birthday.month == 2 and birthday.day == 29 else birthday.day
        try:
            next_one = date(year, birthday.month, day)
        except ValueError:
            continue
        if next_one >= today:
            return (next_one - today).days
    return 366


def _short(text: str, limit: int = 10) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(name: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class FigureLine(QWidget):
    """A caption and its figure on one line ("Balance  ¥94.12"); the figure goes under
    the caption when the line is narrower than both (English on a 1024 screen, or a
    large balance), so the card never grows wider than its panel and cuts them off."""

    GAP = 8

    def __init__(self, caption: QLabel, value: QLabel) -> None:
        super().__init__()
        self.caption, self.value = caption, value
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(self.GAP)
        self.box.addWidget(caption, 1)
        self.box.addWidget(value, 0, Qt.AlignmentFlag.AlignRight)

    def one_line_width(self) -> int:
        return self.caption.sizeHint().width() + self.GAP + self.value.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        return QSize(max(self.caption.minimumSizeHint().width(),
                         self.value.minimumSizeHint().width()),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        direction = (QBoxLayout.Direction.LeftToRight if width >= self.one_line_width()
                     else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            # the gap on one line ("Coupons1 usable" touched at 1024 in English)
            self.box.setSpacing(self.GAP if direction == QBoxLayout.Direction.LeftToRight else 0)
            self.updateGeometry()


class MemberCard(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCard")
        self._view: MemberView | None = None
        self._spend_order = "bonus_first"  # stored_value.spend_order, from the session

        self.name = _label("memberName", wrap=True)
        self.tier = _label("memberTier")
        self.tier.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.name, 1)
        head.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignTop)
        self.identity = _label("memberIdentity", wrap=True)
        # Grade · lifecycle: one short line the member panel puts in its title row
        # (beside 会员), where it takes no height from the card on a 1024x768 screen.
        self.analytics = _label("memberAnalytics")
        self.analytics.setParent(self)
        self.analytics.hide()
        self.birthday = self._flag("memberBirthday", "birthday", icons.ACCENT)
        self.warning = self._flag("memberWarning", "warning", icons.WARN)
        self.expiry = self._flag("memberPointsExpiry", "points", icons.WARN)
        self.churn = self._flag("memberChurn", "warning", icons.WARN)
        self.tier_news = self._flag("memberTierChange", "member", icons.ACCENT)
        self.gift = self._flag("memberBirthdayGift", "birthday", icons.ACCENT)
        self.signed_in = self._flag("memberSignedIn", "points", icons.ACCENT)

        self.figure_lines: list[FigureLine] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        self.sv_caption, self.sv_value, self.sv_detail = self._figure(grid, 0, "stored_value")
        self.points_caption, self.points_value, self.points_detail = self._figure(grid, 2, "points")
        self.coupon_caption, self.coupon_value, self.coupon_detail = self._figure(grid, 4, "coupon")
        grid.setColumnStretch(2, 1)
        for row in (1, 3):
            grid.setRowMinimumHeight(row, 0)
        self.spend_order = _label("memberSpendOrder", wrap=True)
        self.spend_order.setProperty("figureDetail", True)
        self.notes = _label("memberNotes", wrap=True)

        # What the member can pay with first (issue 11: at 1024x768 the coupons were
        # below the flags, out of sight), then the flags and news, the rest last.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(head)
        column.addWidget(self.identity)
        column.addWidget(self.warning[0])  # a deactivated member: before anything else
        column.addLayout(grid)
        for flag in (self.birthday, self.expiry, self.churn, self.tier_news, self.gift,
                     self.signed_in):
            column.addWidget(flag[0])
        column.addWidget(self.spend_order)
        column.addWidget(self.notes)
        column.addStretch(1)
        self.retranslate()

    def _flag(self, name: str, icon_name: str, color: str) -> tuple[QWidget, QLabel]:
        box = QWidget()
        box.setObjectName(name)
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        picture = QLabel()
        picture.setPixmap(icons.pixmap(icon_name, 20, color))
        text = _label(wrap=True)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        box.hide()
        return box, text

    def _figure(self, grid: QGridLayout, row: int, icon_name: str) -> tuple[QLabel, QLabel, QLabel]:
        """Icon, caption and the figure on one row; its detail below."""
        picture = QLabel()
        picture.setPixmap(icons.pixmap(icon_name, 20))
        caption = _label()
        caption.setProperty("figureCaption", True)
        value = _label()
        value.setProperty("figureValue", True)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Short lines, broken by hand; a line longer than a narrow panel (English at
        # 1024) wraps rather than widening the card past its scroll area.
        detail = _label(wrap=True)
        detail.setProperty("figureDetail", True)
        grid.addWidget(picture, row, 0, Qt.AlignmentFlag.AlignTop)
        line = FigureLine(caption, value)
        self.figure_lines.append(line)
        grid.addWidget(line, row, 1, 1, 2)
        grid.addWidget(detail, row + 1, 1, 1, 2)
        return caption, value, detail

    # -- the interface ------------------------------------------------------------------
    @property
    def view(self) -> MemberView | None:
        return self._view

    def set_view(self, view: MemberView | None) -> None:
        self._view = view
        self.retranslate()

    def set_spend_order(self, order: str) -> None:
        """The shop's stored-value spend order (read at login and after a settings save)."""
        self._spend_order = order
        self.retranslate()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.sv_caption.setText(self.tr("Balance"))
        self.points_caption.setText(self.tr("Points"))
        self.coupon_caption.setText(self.tr("Coupons"))
        view = self._view
        if view is None:
            self.analytics.hide()
            return
        d = view.detail
        self.name.setText(d.name)
        self.tier.setText(d.tier_name)
        self.identity.setText(f"{d.member_no} · {d.phone or '—'}")
        self.identity.setToolTip(self.tr("Member no. and phone"))
        self._render_analytics(view)
        self._render_flags(view)
        self.sv_value.setText(fmt.money(d.stored_value))
        self.sv_detail.setText(
            self.tr("principal {principal}").format(principal=fmt.money(d.sv_principal))
            + "\n" + self.tr("bonus {bonus}").format(bonus=fmt.money(d.sv_bonus)))
        self.spend_order.setText(self.tr("Stored value pays {order}").format(
            order=spend_order_text(self._spend_order)))
        self.points_value.setText(fmt.number(d.points))
        if view.points_expiring:
            self.points_detail.setText(
                self.tr("{points} expire in {days} days").format(
                    points=fmt.number(view.points_expiring), days=view.expiring_days
                )
            )
        else:
            self.points_detail.setText(
                self.tr("none expire in {days} days").format(days=view.expiring_days)
            )
        self.coupon_value.setText(self.tr("{count} usable").format(count=len(view.coupons)))
        names = [_short(c.name) for c in view.coupons[:SHOWN_COUPONS]]
        if len(view.coupons) > SHOWN_COUPONS:
            names.append("…")
        self.coupon_detail.setText("\n".join(names))
        self.coupon_detail.setVisible(bool(names))
        self.notes.setText(self.tr("Notes: {notes}").format(notes=d.notes) if d.notes else "")
        self.notes.setVisible(bool(d.notes))
        for line in self.figure_lines:  # new texts (another member, another language)
            line.fit(line.width())

    def _month_day(self, day: date) -> str:
        return fmt.month_day(day)  # a birthday: the month and the day, no year

    def _render_analytics(self, view: MemberView) -> None:
        """Grade and lifecycle from the member's scores row, and the churn warning with
        its reason (definitions: memberdesk.domain.analytics)."""
        a = view.analytics
        lang = normalise(QLocale().name())
        churn_box, churn_text = self.churn
        if a is None:
            self.analytics.setText("")
            self.analytics.setVisible(False)
            churn_text.setText("")
            churn_box.setVisible(False)
            return
        self.analytics.setText(self.tr("{grade} · {stage}").format(
            grade=a.grade.code, stage=a.lifecycle.label(lang)))
        self.analytics.setToolTip(self.tr("Value grade {grade}, {stage}: member analytics as "
                                          "of {day}").format(
            grade=a.grade.code, stage=a.lifecycle.label(lang), day=fmt.date_text(a.as_of)))
        self.analytics.setVisible(True)
        churn_text.setText(self.tr("Churn warning: {reason}").format(
            reason=churn_reason_text(a.churn, lang)) if a.churn else "")
        churn_box.setVisible(a.churn is not None)

    def _render_flags(self, view: MemberView) -> None:
        d = view.detail
        birthday_box, birthday_text = self.birthday
        days = days_to_birthday(d.birthday, view.today) if d.birthday else None
        if d.birthday is None or days is None:
            text = ""
        elif days == 0:
            text = self.tr("Birthday today!")
        elif days <= BIRTHDAY_SOON_DAYS:
            text = self.tr("Birthday soon: {day}").format(day=self._month_day(d.birthday))
        elif d.birthday.month == view.today.month:
            text = self.tr("Birthday this month: {day}").format(day=self._month_day(d.birthday))
        else:
            text = ""
        birthday_text.setText(text)
        birthday_box.setVisible(bool(text))
        warning_box, warning_text = self.warning
        inactive = str(d.status) != "active"
        warning_text.setText(self.tr("This member is deactivated.") if inactive else "")
        warning_box.setVisible(inactive)
        expiry_box, expiry_text = self.expiry
        notice = view.expiry_notice
        expiry_text.setText(self.tr("{points} points expire on {day}").format(
            points=fmt.number(notice.points), day=self._month_day(notice.expires_on))
            if notice else "")
        expiry_box.setVisible(notice is not None)
        self._render_news(view)

    def _render_news(self, view: MemberView) -> None:
        tier_box, tier_text = self.tier_news
        change = view.tier_notice
        if change is None:
            text = ""
        elif change.upgraded:
            text = self.tr("Upgraded to {tier} on {day}").format(
                tier=change.to_name, day=self._month_day(change.on))
        else:
            text = self.tr("Moved down to {tier} on {day}").format(
                tier=change.to_name, day=self._month_day(change.on))
        tier_text.setText(text)
        tier_box.setVisible(bool(text))
        gift_box, gift_text = self.gift
        gift = view.birthday_gift
        if gift is None:
            text = ""
        elif gift.points and gift.coupon:
            text = self.tr("Birthday gift on {day}: {points} points and a coupon").format(
                day=self._month_day(gift.on), points=fmt.number(gift.points))
        elif gift.points:
            text = self.tr("Birthday gift on {day}: {points} points").format(
                day=self._month_day(gift.on), points=fmt.number(gift.points))
        else:
            text = self.tr("Birthday gift on {day}: a coupon").format(day=self._month_day(gift.on))
        gift_text.setText(text)
        gift_box.setVisible(bool(text))
        signed_box, signed_text = self.signed_in
        signed_text.setText(self.tr("Signed in today") if view.signed_in else "")
        signed_box.setVisible(view.signed_in)
