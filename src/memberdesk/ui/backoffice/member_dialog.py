"""A member's page (会员详情), opened from the member list: the profile (edit and
save: name, birthday, email, address, tags, notes; audited), the stored-value and
points ledgers and the purchases with their items (pages of newest first, "More"
for older), the tier with its lock and history, cards and coupons, and the
manager's actions, each with a reason: adjust stored value or points (ledger
entries), change the tier (optionally locked until a day), set or remove the
member's payment password (the member types it), deactivate or reactivate, and,
for the owner, anonymise. Ctrl+1…7 pick the tabs; Esc closes."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import MemberStatus
from memberdesk.services.loyalty.tiers import TierInfo, change_member_tier, list_tiers
from memberdesk.services.members.admin import MemberFile, member_file
from memberdesk.services.members.profiles import edit_member
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import push_button
from .member_actions import MemberActions
from .member_history import MemberHistory, add_row, history_table


class MemberDialog(MemberActions):

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="memberDialog")
        self.member_no = member_no
        self.file: MemberFile | None = None
        self.tiers: list[TierInfo] = []
        self.summary = QLabel()
        self.summary.setObjectName("memberSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.body.addWidget(self.summary)
        self.body.addWidget(self.tabs, 1)
        self._build_profile()
        self.history = MemberHistory(self._tab, self.fetch, actor, self)
        self.sv_table, self.points_table = self.history.sv_table, self.history.points_table
        self.sales_tree = self.history.sales_tree
        self._build_tier()
        self._build_cards()
        self._build_actions()
        for i in range(self.tabs.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, row=i: self.tabs.setCurrentIndex(row))
            self.addAction(action)
        if parent is not None:
            size = parent.size()
            self.resize(max(700, size.width() - 60), max(560, size.height() - 40))
        self.retranslate()
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _tab(self) -> QVBoxLayout:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        self.tabs.addTab(page, "")
        return layout

    def _build_profile(self) -> None:
        layout = self._tab()
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.birthday = QLineEdit()
        self.birthday.setMaxLength(10)
        self.birthday.setPlaceholderText("1990-05-01")
        self.email = QLineEdit()
        self.email.setMaxLength(100)
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        self.tags = QLineEdit()
        self.tags.setMaxLength(200)
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)
        self.profile_fields = [self.name, self.birthday, self.email, self.address, self.tags,
                               self.notes]
        self.profile_labels = [QLabel() for _ in self.profile_fields]
        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        for row, (label, edit) in enumerate(zip(self.profile_labels, self.profile_fields,
                                                strict=True)):
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        grid.setColumnStretch(1, 1)
        self.profile_note = QLabel()
        self.profile_note.setWordWrap(True)
        self.save_button = push_button(self.save_profile, primary=True)
        self._busy_buttons.append(self.save_button)
        save_row = QHBoxLayout()
        save_row.addWidget(self.profile_note, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(grid)
        layout.addLayout(save_row)
        layout.addStretch(1)

    def _build_tier(self) -> None:
        layout = self._tab()
        self.tier_now = QLabel()
        self.tier_now.setWordWrap(True)
        self.tier_pick = PickerBox()
        self.tier_pick.setObjectName("tierPick")
        self.lock_until = QLineEdit()
        self.lock_until.setMaxLength(10)
        self.tier_reason = QLineEdit()
        self.tier_reason.setMaxLength(200)
        self.tier_button = push_button(self.change_tier, primary=True)
        self._busy_buttons.append(self.tier_button)
        self.tier_labels = [QLabel(), QLabel(), QLabel()]
        grid = QGridLayout()
        for col, (label, widget) in enumerate(zip(
                self.tier_labels, (self.tier_pick, self.lock_until, self.tier_reason),
                strict=True)):
            label.setBuddy(widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.tier_button, 1, 3)
        grid.setColumnStretch(2, 1)
        self.tier_history = history_table(5, "tierHistory")
        self.history_label = QLabel()
        self.history_label.setObjectName("sectionHeading")
        layout.addWidget(self.tier_now)
        layout.addLayout(grid)
        layout.addWidget(self.history_label)
        layout.addWidget(self.tier_history, 1)

    def _build_cards(self) -> None:
        layout = self._tab()
        self.cards_label = QLabel()
        self.cards_label.setObjectName("sectionHeading")
        self.cards_table = history_table(3, "memberCards")
        self.coupons_label = QLabel()
        self.coupons_label.setObjectName("sectionHeading")
        self.coupons_table = history_table(4, "memberCoupons")
        layout.addWidget(self.cards_label)
        layout.addWidget(self.cards_table, 1)
        layout.addWidget(self.coupons_label)
        layout.addWidget(self.coupons_table, 2)

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self.fetch(list_tiers, on_done=self._show_tiers)
        self.fetch(member_file, self.actor, self.member_no, on_done=self._show_file)

    def _show_tiers(self, tiers: list[TierInfo]) -> None:
        self.tiers = tiers
        self.tier_pick.clear()
        for t in tiers:
            self.tier_pick.addItem(t.name, t.id)
        if self.file is not None:
            self.tier_pick.setCurrentIndex(max(0, self.tier_pick.findData(self.file.detail.tier_id)))

    def _show_file(self, f: MemberFile) -> None:
        first = self.file is None or self.file.detail.id != f.detail.id
        self.file = f
        d = f.detail
        for edit, value in zip(self.profile_fields, (
                d.name, d.birthday.isoformat() if d.birthday else "", d.email or "",
                d.address or "", ",".join(d.tags), d.notes), strict=True):
            edit.setText(value)
        self.tier_pick.setCurrentIndex(max(0, self.tier_pick.findData(d.tier_id)))
        self.lock_until.setText(f.tier_locked_until.isoformat() if f.tier_locked_until else "")
        self.tier_history.setRowCount(0)
        for h in f.tier_history:
            add_row(self.tier_history, fmt.datetime_text(h.at), h.from_name, h.to_name,
                          h.locked_until.isoformat() if h.locked_until else "",
                          f"{h.reason} — {h.staff}")
        self.cards_table.setRowCount(0)
        for c in d.cards:
            add_row(self.cards_table, c.uid, self._card_state(c.status.value),
                          fmt.datetime_text(c.bound_at))
        self.coupons_table.setRowCount(0)
        for cp in f.coupons:
            add_row(self.coupons_table, cp.name, cp.code, self._coupon_state(cp.status.value),
                          fmt.date_text(fmt.shop_date(cp.valid_to)))
        self._render_file()
        if first:
            self.history.show_member(d.id)
        self.update_state()

    # -- saving ------------------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        focus = self.focusWidget()
        if focus in self.profile_fields:
            i = self.profile_fields.index(focus)
            if i + 1 < len(self.profile_fields):
                self.profile_fields[i + 1].setFocus()
            else:
                self.save_profile()
        elif focus is self.sv_amount:
            self.adjust_stored_value()
        elif focus is self.points_amount:
            self.adjust_points()
        elif focus is self.password:
            self.set_password()
        elif focus in (self.lock_until, self.tier_reason):
            self.change_tier()

    def save_profile(self) -> None:
        ok, birthday = self._day(self.birthday)
        if not ok:
            return
        self.call(edit_member, self.actor, self.member_no, name=self.name.text(),
                  birthday=birthday, email=self.email.text() or None,
                  address=self.address.text() or None, tags=self.tags.text(),
                  notes=self.notes.text(),
                  on_done=lambda _d: self._done(lambda: self.tr("The profile is saved.")))

    def change_tier(self) -> None:
        reason = self.require_text(self.tier_reason, lambda: self.tr(
            "Type the reason for the change."))
        if reason is None:
            return
        ok, lock = self._day(self.lock_until)
        if not ok or self.tier_pick.currentData() is None:
            return
        self.call(change_member_tier, self.actor, self.member_no, self.tier_pick.currentData(),
                  reason=reason, locked_until=lock, on_done=self._tier_changed)

    def _tier_changed(self, f: MemberFile) -> None:
        self.tier_reason.clear()
        self._done(lambda: self.tr("The tier is now {tier}.").format(tier=f.detail.tier_name))

    # -- state and texts -------------------------------------------------------------------------
    def update_state(self) -> None:
        f = self.file
        editable = f is not None and f.detail.status is not MemberStatus.ANONYMISED
        for w in (*self.profile_fields, self.save_button, self.sv_button, self.points_button,
                  self.password_button, self.clear_password_button, self.active_button,
                  self.anonymise_button, self.tier_button):
            w.setEnabled(editable and not self.busy)
        self.clear_password_button.setEnabled(editable and not self.busy and f is not None
                                              and f.has_payment_password)

    def _card_state(self, state: str) -> str:
        return {"active": self.tr("in use"), "lost": self.tr("lost"),
                "replaced": self.tr("replaced"), "void": self.tr("void")}.get(state, state)

    def _coupon_state(self, state: str) -> str:
        return {"issued": self.tr("usable"), "used": self.tr("used"),
                "expired": self.tr("expired"), "void": self.tr("void")}.get(state, state)

    def _render_file(self) -> None:
        f = self.file
        if f is None:
            self.heading.setText(self.member_no)
            return
        d = f.detail
        state = {MemberStatus.ACTIVE: "", MemberStatus.INACTIVE: self.tr(" (deactivated)"),
                 MemberStatus.ANONYMISED: self.tr(" (anonymised)")}[d.status]
        self.heading.setText(f"{d.name} · {d.member_no}{state}")
        visit = fmt.datetime_text(d.last_visit_at) if d.last_visit_at else self.tr("never")
        self.summary.setText(self.tr(
            "Phone {phone} · tier {tier} · stored value {sv} (paid {principal}, bonus {bonus}) · "
            "points {points} · visits {visits}, last {visit} · spent {spent}").format(
            phone=d.phone or "—", tier=d.tier_name, sv=fmt.money(d.stored_value),
            principal=fmt.money(d.sv_principal), bonus=fmt.money(d.sv_bonus),
            points=fmt.number(d.points), visits=d.visit_count, visit=visit,
            spent=fmt.money(d.total_spent)))
        lock = (self.tr(", locked until {day}").format(day=f.tier_locked_until.isoformat())
                if f.tier_locked_until else "")
        self.tier_now.setText(self.tr("Tier now: {tier}{lock}.").format(tier=d.tier_name,
                                                                        lock=lock))
        self.render_actions(f)

    def retranslate(self) -> None:
        for i, text in enumerate((self.tr("Profile"), self.tr("Stored value"), self.tr("Points"),
                                  self.tr("Purchases"), self.tr("Tier"),
                                  self.tr("Cards and coupons"), self.tr("Actions"))):
            self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        for label, text in zip(self.profile_labels, (
                self.tr("&Name"), self.tr("&Birthday"), self.tr("&Email"), self.tr("A&ddress"),
                self.tr("&Tags"), self.tr("N&otes")), strict=True):
            label.setText(text)
        self.tags.setPlaceholderText(self.tr("comma between tags: VIP,常客"))
        self.profile_note.setText(self.tr("Enter moves to the next field and saves in the "
                                          "last one. Changes are written to the audit log."))
        self.save_button.setText(self.tr("Save the profile"))
        self.history.retranslate()
        for label, text in zip(self.tier_labels, (self.tr("New tier"), self.tr(
                "Locked until (optional)"), self.tr("Reason")), strict=True):
            label.setText(text)
        self.lock_until.setPlaceholderText(self.tr("YYYY-MM-DD"))  # empty, not a day typed
        self.tier_button.setText(self.tr("Change the tier"))
        self.history_label.setText(self.tr("Tier history"))
        self.tier_history.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("From"), self.tr("To"), self.tr("Locked until"),
            self.tr("Reason — by")])
        self.cards_label.setText(self.tr("Cards"))
        self.cards_table.setHorizontalHeaderLabels([self.tr("Card"), self.tr("State"),
                                                    self.tr("Bound")])
        self.coupons_label.setText(self.tr("Coupons"))
        self.coupons_table.setHorizontalHeaderLabels([self.tr("Coupon"), self.tr("Code"),
                                                      self.tr("State"), self.tr("Valid until")])
        self.retranslate_actions()
        self._render_file()
        super().retranslate()
