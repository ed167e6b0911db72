"""营销 — segments and campaigns, for the owner and managers. Two tabs:
分群 (:mod:`.segments_tab`) and 活动: the campaigns (name, segment or kind, coupon or
offer, measured days, members reached and held out, state); create one of a kind
(发券: a saved segment, an active coupon template and the days its result is measured
over; 会员日, 限时特价 and 满赠: the fields of :mod:`.campaign_forms`), each with a name and
a hold-out share; run a coupon campaign on the long-job worker with progress and
Cancel (a rerun goes on where it stopped: each member's coupon once); end a member
day, special price or gift (a second press confirms); and write a campaign's report (Excel
and PDF) to the shop's exports folder."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.campaigns import DEFAULT_HOLDOUT_PERMILLE, MAX_HOLDOUT_PERMILLE
from memberdesk.domain.stock import parse_quantity
from memberdesk.services.campaigns.coupon_campaigns import (
    DEFAULT_DAYS,
    CampaignRequest,
    CampaignRow,
    create_campaign,
    list_campaigns,
)
from memberdesk.services.campaigns.gifts import add_gift
from memberdesk.services.campaigns.promotions import add_member_day, add_special, end_campaign
from memberdesk.services.campaigns.segments import list_segments
from memberdesk.services.coupons.admin import list_coupon_templates
from memberdesk.services.loyalty.tiers import list_tiers
from memberdesk.ui.common import fmt
from memberdesk.ui.common.column_fit import fit_columns
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, push_button
from . import campaign_forms
from .campaign_edit import MEMBERS, CampaignEditing
from .campaign_forms import (
    GiftForm,
    MemberDayForm,
    SpecialForm,
    coupon_form,
    offer_text,
)
from .campaign_work import CampaignJobs
from .long_jobs import JobBar, LongJobs, Progress
from .page import Page
from .segments_tab import SegmentsTab

COLUMNS = 7
_SHOWN = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
_HIDDEN = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
PICKER_PADDING = 64  # a picker's padding (style.qss: 10 px a side), border and 40 px arrow
KINDS = ("coupon", "member_day", "special", "gift")  # the kind selector's items, in order


class CampaignsPage(CampaignEditing, CampaignJobs, Page):
    def __init__(self, runner: TaskRunner, long_jobs: LongJobs, actor: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "campaignsPage", parent)
        self.long_jobs = long_jobs
        self.rows: list[CampaignRow] = []
        self.progress: Progress | None = None
        self.tabs = QTabWidget()
        self.segments = SegmentsTab(self, long_jobs)
        self.campaigns = QWidget()
        self.tabs.addTab(self.segments, "")
        self.tabs.addTab(self.campaigns, "")
        self.tabs.currentChanged.connect(lambda _i: self.activated())
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("campaignTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # the name, segment and offer give way (elided, whole in the tool tip)
        fit_columns(self.table, elastic=(0, 1, 2))
        self.table.itemSelectionChanged.connect(self.update_state)
        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        self.name.setMaxLength(40)
        self.segment, self.template = PickerBox(), PickerBox()
        self.segment.setObjectName("campaignSegment")
        self.template.setObjectName("campaignTemplate")
        for combo in (self.segment, self.template):
            combo.setSizeAdjustPolicy(
                PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
        self.holdout = QLineEdit(str(DEFAULT_HOLDOUT_PERMILLE // 10))
        self.holdout.setObjectName("campaignHoldout")
        self.days = QLineEdit(str(DEFAULT_DAYS))
        for edit in (self.holdout, self.days):
            edit.setMaxLength(3)
            edit.setMaximumWidth(70)
        self.kind = PickerBox()
        self.kind.setObjectName("campaignKind")
        self.kind.setSizeAdjustPolicy(
            PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(9)
        self.create_button = push_button(self.create_campaign)
        self.run_button = push_button(self.run, primary=True)
        self.cancel_button = push_button(self.cancel)
        self.end_button = push_button(self.end)
        self.edit_button = push_button(self.edit)
        self.end_armed: str | None = None  # the campaign a first press of End named
        self.report_button = push_button(self.report)
        self.bar = JobBar()
        self.bar.hide()
        self.cancel_button.hide()
        self.form_labels = [QLabel() for _ in range(7)]
        # who a promotion is for: everyone, members only or a saved segment's members (one
        # box, so the form's first row fits the back office at 1024)
        self.promo_segment = PickerBox()
        self.promo_segment.setObjectName("promoSegment")
        self.promo_segment.setSizeAdjustPolicy(
            PickerBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.promo_segment.setMinimumContentsLength(5)
        coupon = coupon_form(self.form_labels[3:6], [self.segment, self.template, self.days])
        self.member_day = MemberDayForm()
        self.special = SpecialForm()
        self.gift = GiftForm(self.special.members_only)
        self.promos: dict[str, tuple[Any, Any]] = {
            "member_day": (self.member_day, add_member_day),
            "special": (self.special, add_special), "gift": (self.gift, add_gift)}
        self.forms = QStackedWidget()
        for w in (coupon, self.member_day, self.special, self.gift):
            self.forms.addWidget(w)
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(2)
        for col, (label, w) in enumerate(zip(self.form_labels[:3] + self.form_labels[6:], (
                self.kind, self.name, self.holdout, self.promo_segment), strict=True)):
            label.setBuddy(w)
            form.addWidget(label, 0, col)
            form.addWidget(w, 1, col)
        self.special.members_only.hide()  # the box above says it (MEMBERS)
        form.addWidget(self.create_button, 1, 4)
        form.addWidget(self.forms, 2, 0, 1, 5)
        form.setColumnStretch(1, 2)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.form_heading = QLabel()
        self.form_heading.setObjectName("sectionHeading")
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.bar, 1)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.end_button)
        actions.addWidget(self.report_button)
        box = QVBoxLayout(self.campaigns)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        box.addWidget(self.form_heading)
        box.addLayout(form)
        self.body.addWidget(self.tabs, 1)
        self._busy_buttons += [self.create_button]
        self.update_state()
        self.retranslate()
        self._kind_changed(0)  # the coupon form; members only with a special price, gift

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        if self.tabs.currentWidget() is self.segments:
            self.segments.activated()
            return
        self.reload()
        self.fetch(list_segments, self.actor, on_done=self._show_segments)
        self.fetch(list_coupon_templates, on_done=self._show_templates)
        self.fetch(list_tiers, on_done=self._show_tiers)

    def _show_tiers(self, rows: list[Any]) -> None:
        for box in (self.member_day.tier, self.special.tier, self.gift.tier):
            campaign_forms.show_tiers(box, rows, self.tr("All tiers"))

    def _kind_changed(self, index: int) -> None:
        self.forms.setCurrentIndex(max(index, 0))
        for form in self.forms.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            form.setSizePolicy(_SHOWN if form is self.forms.currentWidget() else _HIDDEN)
        for w in (self.promo_segment, self.form_labels[6]):
            w.setVisible(self.kind.currentData() != "coupon")
        holdout = 0 if self.kind.currentData() == "special" else DEFAULT_HOLDOUT_PERMILLE
        self.holdout.setText(str(holdout // 10))
    def reload(self) -> None:
        self.fetch(list_campaigns, self.actor, on_done=self._show)

    def _show_segments(self, rows: list[Any]) -> None:
        keep = self.segment.currentData()
        self.segment.clear()
        for r in rows:
            self.segment.addItem(r.name, r.name)
        self.segment.setCurrentIndex(max(0, self.segment.findData(keep)))
        keep = self.promo_segment.currentData()
        self.promo_segment.clear()
        self.promo_segment.addItem(self.tr("Everyone"), "")
        self.promo_segment.addItem(self.tr("Members only"), MEMBERS)
        widest = max(self.promo_segment.fontMetrics().horizontalAdvance(self.promo_segment.itemText(i))
                     for i in range(2))
        self.promo_segment.setMinimumWidth(widest + PICKER_PADDING)  # these two whole
        for r in rows:
            self.promo_segment.addItem(r.name, r.name)
        self.promo_segment.setCurrentIndex(max(0, self.promo_segment.findData(keep)))

    def _show_templates(self, rows: list[Any]) -> None:
        keep = self.template.currentData()
        self.template.clear()
        for r in rows:
            if r.active:
                self.template.addItem(f"{r.name} ({r.code})", r.code)
        self.template.setCurrentIndex(max(0, self.template.findData(keep)))

    def _show(self, rows: list[CampaignRow]) -> None:
        picked = self.picked()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            coupon = r.kind == "coupon"
            values = (r.name, r.segment if coupon or r.segment else self._kind_word(r.kind),
                      r.template if coupon else offer_text(r),
                      f"{fmt.date_text(r.first_day)}–{fmt.date_text(r.last_day)}",
                      f"{r.reached:,}" if coupon or r.segment else "",
                      f"{r.held_out:,}" if coupon or r.segment else "",
                      "")
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col in (4, 5):  # reached, held out: counts
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
            if picked is not None and r.name == picked.name:
                self.table.selectRow(i)
        self._render_states()
        if self.table.currentRow() < 0 and rows:
            self.table.selectRow(0)
        self.update_state()

    def picked(self) -> CampaignRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- actions ---------------------------------------------------------------------------
    def create_campaign(self) -> None:
        share = parse_quantity(self.holdout.text(), allow_zero=True)
        if share is None or share * 10 > MAX_HOLDOUT_PERMILLE:
            self.say(lambda: self.tr("Type a hold-out share from 0 to {max} (%).").format(
                max=MAX_HOLDOUT_PERMILLE // 10), ERROR)
            self.holdout.setFocus()
            return
        if self.kind.currentData() in self.promos:
            form, fn = self.promos[self.kind.currentData()]
            promo = form.request(self.name.text(), share * 10)
            if isinstance(promo, tuple):
                text, field = promo
                self.say(text, ERROR)
                field.setFocus()
                return
            who = self.promo_segment.currentData() or ""
            promo = replace(promo, segment="" if who == MEMBERS else who)
            if hasattr(promo, "members_only"):  # a special price, a gift
                promo = replace(promo, members_only=who == MEMBERS)
            if self.editing is not None:
                self.save_edit(promo)
                return
            self.call(fn, self.actor, promo, on_done=self._promotion_created)
            return
        days = parse_quantity(self.days.text(), allow_zero=False)
        if days is None:
            self.say(lambda: self.tr("Type the days the result is measured over."), ERROR)
            self.days.setFocus()
            return
        if self.segment.currentData() is None or self.template.currentData() is None:
            self.say(lambda: self.tr("Save a segment and set up a coupon first."), ERROR)
            return
        request = CampaignRequest(self.name.text(), self.segment.currentData(),
                                  self.template.currentData(), share * 10, days)
        if self.editing is not None:
            self.save_edit(request)
            return
        self.call(create_campaign, self.actor, request, on_done=self._created)

    def _created(self, row: CampaignRow) -> None:
        self.name.clear()
        self.say(lambda: self.tr("Campaign “{name}” created: run it to issue the coupons.")
                 .format(name=row.name), OK)
        self.reload()

    def _promotion_created(self, row: CampaignRow) -> None:
        self.name.clear()
        self.say(lambda: self.tr("Campaign “{name}” created: the counter applies it from "
                                 "now on.").format(name=row.name), OK)
        self.reload()

    def end(self) -> None:
        row = self.picked()
        if row is None or row.state == "ended":
            return
        if self.end_armed != row.name:
            self.end_armed = row.name
            self.say(lambda: self.tr("Press End again to end “{name}” now.").format(
                name=row.name), ERROR)
            return
        self.end_armed = None
        self.call(end_campaign, self.actor, row.name, on_done=self._ended)

    def _ended(self, row: CampaignRow) -> None:
        self.say(lambda: self.tr("“{name}” ended.").format(name=row.name), OK)
        self.reload()

    # -- state and texts -------------------------------------------------------------------
    def update_state(self) -> None:
        idle = self.progress is None
        row = self.picked()
        if row is None or row.name != self.end_armed:
            self.end_armed = None
        if self.editing is not None and (row is None or row.name != self.editing.name):
            self.stop_edit()  # another row picked: the correction is left unsaved
        self.run_button.setEnabled(idle and row is not None and row.kind == "coupon"
                                   and row.state != "ended")
        self.end_button.setEnabled(idle and row is not None and row.state != "ended")
        self.edit_button.setEnabled(idle and row is not None and row.state == "pending")
        self.report_button.setEnabled(idle and row is not None)

    def _render_states(self) -> None:
        for i, r in enumerate(self.rows):
            item = self.table.item(i, COLUMNS - 1)
            if item is None:
                continue
            if r.state == "ended":
                item.setText(self.tr("ended"))
            elif r.kind != "coupon":
                item.setText(self.tr("on") if r.state == "running" else self.tr("not started"))
            else:
                item.setText(self.tr("issued") if r.finished else self.tr("not run"))

    def _kind_word(self, kind: str) -> str:
        return {"member_day": self.tr("Member day"), "special": self.tr("Special price"),
                "gift": self.tr("Free gift")}.get(kind, self.tr("Coupons"))

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(self.tr("Marketing"))
        self.tabs.setTabText(0, self.tr("Segments"))
        self.tabs.setTabText(1, self.tr("Campaigns"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Campaign"), self.tr("Segment / kind"), self.tr("Offer"),
            self.tr("Period"), self.tr("Reached"), self.tr("Held out"), self.tr("State")])
        keep = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in KINDS:
            self.kind.addItem(self._kind_word(kind), kind)
        self.kind.setCurrentIndex(max(keep, 0))
        self.kind.blockSignals(False)
        for label, text in zip(self.form_labels, (
                self.tr("&Kind"), self.tr("&Name"), self.tr("&Hold-out %"),
                self.tr("S&egment"), self.tr("C&oupon"), self.tr("&Days"),
                self.tr("&Who")), strict=True):
            label.setText(text)
        self.edit_state()
        self.run_button.setText(self.tr("Run (issue coupons)"))
        self.end_button.setText(self.tr("End now"))
        self.edit_button.setText(self.tr("Change…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.report_button.setText(self.tr("Report (Excel and PDF)"))
        if self.rows:
            self._show(self.rows)  # kinds and offers in the new language
