"""The 营销 page's forms for a member day (会员日), a special price (限时特价) and a
gift with a purchase (满赠): the fields each kind needs, read into the service's request (a typed mistake is a message
and the field it is about), and the words a campaign's offer is shown with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from memberdesk.domain.promotions import parse_scaled, parse_shop_time
from memberdesk.money import Money, MoneyError
from memberdesk.services.campaigns.coupon_campaigns import CampaignRow
from memberdesk.services.campaigns.gifts import GiftRequest
from memberdesk.services.campaigns.promotions import MemberDayRequest, SpecialRequest
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating

# (the message, the field it is about); None when the form reads well
Problem = tuple[Callable[[], str], QWidget]
ON_A_DATE = -1
CONTEXT = "Promotions"
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Promotions", "Mondays"), QT_TRANSLATE_NOOP("Promotions", "Tuesdays"),
    QT_TRANSLATE_NOOP("Promotions", "Wednesdays"),
    QT_TRANSLATE_NOOP("Promotions", "Thursdays"), QT_TRANSLATE_NOOP("Promotions", "Fridays"),
    QT_TRANSLATE_NOOP("Promotions", "Saturdays"), QT_TRANSLATE_NOOP("Promotions", "Sundays"),
)
OFFER = {
    "special": QT_TRANSLATE_NOOP("Promotions", "{product} at {price}, {window}"),
    "members_only": QT_TRANSLATE_NOOP("Promotions", ", members only"),
    "gift": QT_TRANSLATE_NOOP("Promotions", "spend {amount}, get {product} ×{qty}, {window}"),
    "both": QT_TRANSLATE_NOOP("Promotions", "{day}, {percent}% of the price, points ×{times}"),
    "percent": QT_TRANSLATE_NOOP("Promotions", "{day}, {percent}% of the price"),
    "times": QT_TRANSLATE_NOOP("Promotions", "{day}, points ×{times}"),
}


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _grid(parent: QWidget, labels: list[QLabel], fields: list[QWidget]) -> QGridLayout:
    grid = QGridLayout(parent)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(2)
    for col, (label, w) in enumerate(zip(labels, fields, strict=True)):
        label.setBuddy(w)
        grid.addWidget(label, 0, col)
        grid.addWidget(w, 1, col)
    return grid


def coupon_form(labels: list[QLabel], fields: list[QWidget]) -> QWidget:
    """The coupon campaign's fields (segment, coupon, days), labels above."""
    form = QWidget()
    grid = _grid(form, labels, fields)
    grid.setColumnStretch(0, 2)
    grid.setColumnStretch(1, 2)
    grid.setColumnStretch(3, 1)
    return form


def _short(edit: QLineEdit, width: int, length: int) -> QLineEdit:
    edit.setMaxLength(length)
    edit.setMaximumWidth(width)
    return edit


def _fits(edit: QLineEdit, sample: str) -> QLineEdit:
    """Wide enough to show ``sample`` whole (a date, a time)."""
    edit.ensurePolished()  # the stylesheet's font, not the default one
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(sample) + 30)
    edit.setMaximumWidth(edit.minimumWidth() + 20)
    return edit


def _window_edits(name: str, starts: datetime, ends: datetime) -> tuple[QLineEdit, QLineEdit]:
    """From and to (shop time) as typed, named ``<name>From`` and ``<name>To``."""
    edits = []
    for suffix, value in (("From", starts), ("To", ends)):
        edit = _fits(_short(QLineEdit(fmt.local_text(value)), 200, 16), "2026-12-31 00:00")
        edit.setObjectName(f"{name}{suffix}")
        edits.append(edit)
    return edits[0], edits[1]


def _tier_box(name: str) -> PickerBox:
    box = PickerBox()
    box.setObjectName(name)
    box.setSizeAdjustPolicy(PickerBox.SizeAdjustPolicy.AdjustToContents)  # 全部等级, All
    # tiers, 钻石会员: each whole
    box.addItem("", "")
    return box


def _yuan(amount: Money) -> str:
    return str(amount.to_decimal())


def _pick(box: PickerBox, tiers: tuple[str, ...]) -> None:
    box.setCurrentIndex(max(0, box.findData(tiers[0] if tiers else "")))


def show_tiers(box: PickerBox, tiers: list[Any], everyone: str) -> None:
    keep = box.currentData()
    box.clear()
    box.addItem(everyone, "")
    for t in tiers:
        box.addItem(t.name, t.code)
    box.setCurrentIndex(max(0, box.findData(keep)))


class MemberDayForm(Retranslating, QWidget):
    """Day (a weekday, or a date), members' price %, points multiplier, tier, days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = PickerBox()
        self.day.setObjectName("memberDayDay")
        self.on_date = _fits(_short(QLineEdit(), 200, 10), "2026-12-31")
        self.on_date.setObjectName("memberDayDate")
        self.pay = _short(QLineEdit("90"), 60, 5)
        self.pay.setObjectName("memberDayPay")
        self.times = _short(QLineEdit("1"), 60, 4)
        self.times.setObjectName("memberDayTimes")
        self.tier = _tier_box("memberDayTier")
        self.days = _short(QLineEdit("30"), 60, 3)
        self.labels = [QLabel() for _ in range(6)]
        grid = _grid(self, self.labels, [self.day, self.on_date, self.pay, self.times,
                                         self.tier, self.days])
        grid.setColumnStretch(6, 1)
        self.day.currentIndexChanged.connect(lambda _i: self._date_state())
        self.retranslate()

    def _date_state(self) -> None:
        self.on_date.setEnabled(self.day.currentData() == ON_A_DATE)

    def request(self, name: str, holdout_permille: int) -> MemberDayRequest | Problem:
        weekday, on_day = self.day.currentData(), None
        if weekday == ON_A_DATE:
            weekday = None
            try:
                on_day = date.fromisoformat(self.on_date.text().strip())
            except ValueError:
                return (lambda: self.tr("Type the date as YYYY-MM-DD."), self.on_date)
        pay = parse_scaled(self.pay.text(), 10)
        if pay is None or not 100 <= pay <= 1000:
            return (lambda: self.tr("Type what members pay: 10 to 100 (% of the price)."),
                    self.pay)
        times = parse_scaled(self.times.text(), 1000)
        if times is None or not 1000 <= times <= 10_000:
            return (lambda: self.tr("Type the points multiplier: 1 to 10."), self.times)
        days = parse_scaled(self.days.text(), 1)
        if days is None or days < 1:
            return (lambda: self.tr("Type the days the result is measured over."), self.days)
        tier = self.tier.currentData()
        return MemberDayRequest(name, weekday, on_day, pay, times, (tier,) if tier else (),
                                holdout_permille, days)

    def fill(self, r: MemberDayRequest) -> None:
        """Show a member day's values (to correct it before it starts)."""
        self.day.setCurrentIndex(self.day.findData(ON_A_DATE if r.on_day else r.weekday))
        self.on_date.setText(r.on_day.isoformat() if r.on_day else "")
        self.pay.setText(f"{r.discount_permille / 10:g}")
        self.times.setText(f"{r.multiplier_permille / 1000:g}")
        _pick(self.tier, r.tiers)
        self.days.setText(str(r.days))

    def retranslate(self) -> None:
        keep = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        for n, text in enumerate(weekday_names()):
            self.day.addItem(text, n)
        self.day.addItem(self.tr("On a date"), ON_A_DATE)
        self.day.setCurrentIndex(max(0, self.day.findData(keep)))
        self.day.blockSignals(False)
        self._date_state()
        self.on_date.setPlaceholderText("YYYY-MM-DD")
        self.tier.setItemText(0, self.tr("All tiers"))
        for label, text in zip(self.labels, (
                self.tr("Da&y"), self.tr("Da&te"), self.tr("&Pay %"), self.tr("Poin&ts ×"),
                self.tr("T&ier"), self.tr("&Days")), strict=True):
            label.setText(text)


class SpecialForm(Retranslating, QWidget):
    """Product, special price, from and to (shop time), members only, tier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = _short(QLineEdit(), 140, 32)
        self.product.setObjectName("specialProduct")
        self.price = _short(QLineEdit(), 80, 10)
        self.price.setObjectName("specialPrice")
        today = fmt.shop_today()
        self.starts, self.ends = _window_edits("special", datetime.combine(today, time(8)),
                                               datetime.combine(today, time(0)) + timedelta(days=1))
        self.members_only = QCheckBox()
        self.members_only.setObjectName("specialMembersOnly")
        self.tier = _tier_box("specialTier")
        self.labels = [QLabel() for _ in range(5)]
        grid = _grid(self, self.labels, [self.product, self.price, self.starts, self.ends,
                                         self.tier])
        grid.setColumnStretch(5, 1)  # members_only: the page places it (room at 1024)
        self.retranslate()

    def request(self, name: str, holdout_permille: int) -> SpecialRequest | Problem:
        if not self.product.text().strip():
            return (lambda: self.tr("Type the product's code or barcode."), self.product)
        try:
            price = Money.parse(self.price.text())
        except MoneyError:
            return (lambda: self.tr("Type the special price in yuan, e.g. 2.50."), self.price)
        starts, ends = parse_shop_time(self.starts.text()), parse_shop_time(self.ends.text())
        for value, edit in ((starts, self.starts), (ends, self.ends)):
            if value is None:
                return (lambda: self.tr("Type the time as YYYY-MM-DD HH:MM (shop time)."),
                        edit)
        assert starts is not None and ends is not None
        tier = self.tier.currentData()
        return SpecialRequest(name, self.product.text().strip(), price, starts, ends,
                              self.members_only.isChecked(), (tier,) if tier else (),
                              holdout_permille)

    def fill(self, r: SpecialRequest) -> None:
        """Show a special price's values (to correct it before it starts)."""
        self.product.setText(r.product)
        self.price.setText(_yuan(r.price))
        self.starts.setText(fmt.local_text(r.starts))
        self.ends.setText(fmt.local_text(r.ends))
        self.members_only.setChecked(r.members_only)
        _pick(self.tier, r.tiers)

    def retranslate(self) -> None:
        self.tier.setItemText(0, self.tr("All tiers"))
        self.members_only.setText(self.tr("&Members only"))
        for label, text in zip(self.labels, (
                self.tr("Pro&duct"), self.tr("&Price"), self.tr("&From"),
                self.tr("&To (not included)"), self.tr("T&ier")), strict=True):
            label.setText(text)


class GiftForm(Retranslating, QWidget):
    """满赠: the gift product and its quantity, the amount a sale must reach, from and
    to (shop time), tier; members only is the page's box shared with the special price."""

    def __init__(self, members_only: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members_only = members_only
        self.product = _short(QLineEdit(), 140, 32)
        self.product.setObjectName("giftProduct")
        self.min_spend = _short(QLineEdit(), 80, 10)
        self.min_spend.setObjectName("giftMinSpend")
        self.qty = _short(QLineEdit("1"), 50, 2)
        self.qty.setObjectName("giftQty")
        today = datetime.combine(fmt.shop_today(), time(0))
        self.starts, self.ends = _window_edits("gift", today, today + timedelta(days=7))
        self.tier = _tier_box("giftTier")
        self.tier.setMinimumContentsLength(7)  # 所有等级 / All tiers, whole
        self.labels = [QLabel() for _ in range(6)]
        # two rows (amount, gift, qty; from, to, tier): six fields in one row are wider
        # than the back office at 1024
        grid = _grid(self, self.labels[:3], [self.min_spend, self.product, self.qty])
        for col, (label, w) in enumerate(zip(self.labels[3:], (self.starts, self.ends,
                                                               self.tier), strict=True)):
            label.setBuddy(w)
            grid.addWidget(label, 2, col)
            grid.addWidget(w, 3, col)
        grid.setColumnStretch(3, 1)
        self.retranslate()

    def request(self, name: str, holdout_permille: int) -> GiftRequest | Problem:
        try:
            min_spend = Money.parse(self.min_spend.text())
        except MoneyError:
            return (lambda: self.tr("Type the amount a sale must reach in yuan, e.g. 100."),
                    self.min_spend)
        if not self.product.text().strip():
            return (lambda: self.tr("Type the gift's code or barcode."), self.product)
        qty = parse_scaled(self.qty.text(), 1)
        if qty is None or qty < 1:
            return (lambda: self.tr("Type how many the customer gets: 1 or more."), self.qty)
        starts, ends = parse_shop_time(self.starts.text()), parse_shop_time(self.ends.text())
        for value, edit in ((starts, self.starts), (ends, self.ends)):
            if value is None:
                return (lambda: self.tr("Type the time as YYYY-MM-DD HH:MM (shop time)."),
                        edit)
        assert starts is not None and ends is not None
        tier = self.tier.currentData()
        return GiftRequest(name, self.product.text().strip(), min_spend, starts, ends, qty,
                           self.members_only.isChecked(), (tier,) if tier else (),
                           holdout_permille)

    def fill(self, r: GiftRequest) -> None:
        """Show a gift campaign's values (to correct it before it starts)."""
        self.min_spend.setText(_yuan(r.min_spend))
        self.product.setText(r.product)
        self.qty.setText(str(r.qty))
        self.starts.setText(fmt.local_text(r.starts))
        self.ends.setText(fmt.local_text(r.ends))
        self.members_only.setChecked(r.members_only)
        _pick(self.tier, r.tiers)

    def retranslate(self) -> None:
        self.tier.setItemText(0, self.tr("All tiers"))
        for label, text in zip(self.labels, (
                self.tr("&Spend at least"), self.tr("&Gift (code)"), self.tr("&Qty"),
                self.tr("&From"), self.tr("&To (not included)"), self.tr("T&ier")),
                strict=True):
            label.setText(text)


def weekday_names() -> list[str]:
    return [_t(day) for day in WEEKDAYS]


def offer_text(r: CampaignRow) -> str:
    """What a member day or special price gives, in the interface language."""
    if r.kind in ("special", "gift"):
        window = ""
        if r.starts is not None and r.ends is not None:
            same_day = r.ends.date() == r.starts.date()
            end = fmt.time_text(r.ends) if same_day else fmt.local_text(r.ends)
            window = f"{fmt.local_text(r.starts)}–{end}"
        if r.kind == "gift":
            amount = fmt.money(r.min_spend) if r.min_spend is not None else ""
            text = _t(OFFER["gift"]).format(amount=amount, product=r.product, qty=r.gift_qty,
                                            window=window)
        else:
            price = fmt.money(r.price) if r.price is not None else ""
            text = _t(OFFER["special"]).format(product=r.product, price=price, window=window)
        return text + (_t(OFFER["members_only"]) if r.members_only else "")
    day = str(r.on_day) if r.on_day is not None else weekday_names()[r.weekday or 0]
    key = ("both" if r.discount_permille < 1000 and r.multiplier_permille > 1000
           else "percent" if r.discount_permille < 1000 else "times")
    return _t(OFFER[key]).format(day=day, percent=f"{r.discount_permille / 10:g}",
                                 times=f"{r.multiplier_permille / 1000:g}")
