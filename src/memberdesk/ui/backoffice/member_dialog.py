"""A member's page (会员详情), opened from the member list: the profile (edit and
save: name, birthday, email, address, tags, notes; audited), the stored-value and
points ledgers and the purchases with their items (pages of newest first, "More"
for older), the tier with its lock and history, cards and coupons, and the
manager's actions, each with a reason: adjust stored value or points (ledger
entries), change the tier (optionally locked until a day), set or remove the
member's payment password (the member types it), deactivate or reactivate, and,
for the owner, anonymise. Ctrl+1…7 pick the tabs; Esc closes."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memberdesk.models.enums import MemberStatus
from memberdesk.money import Money
from memberdesk.services.loyalty.tiers import TierInfo, list_tiers
from memberdesk.services.members.admin import (
    LinesPage,
    MemberFile,
    adjust_points,
    adjust_stored_value,
    change_member_tier,
    member_file,
    points_lines,
    purchases,
    stored_value_lines,
)
from memberdesk.services.members.profiles import anonymise_member, edit_member, set_member_active
from memberdesk.services.stored_value.payment_password import set_payment_password
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, AmountEdit, TaskDialog, push_button


def _table(columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _signed(amount: Money) -> str:
    return ("+" if amount.fen > 0 else "") + fmt.money(amount) if amount.fen else ""


class MemberDialog(TaskDialog):
    changed = Signal()  # something about the member was saved

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="memberDialog")
        self.member_no = member_no
        self.file: MemberFile | None = None
        self.tiers: list[TierInfo] = []
        self.sv_before: int | None = None
        self.points_before: int | None = None
        self.sales_before: int | None = None
        self.anonymise_armed = False
        self.summary = QLabel()
        self.summary.setObjectName("memberSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.body.addWidget(self.summary)
        self.body.addWidget(self.tabs, 1)
        self._build_profile()
        self._build_ledgers()
        self._build_purchases()
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

    def _build_ledgers(self) -> None:
        layout = self._tab()
        self.sv_table = _table(6, "storedValueLedger")
        self.sv_more = push_button(self.more_stored_value)
        layout.addWidget(self.sv_table, 1)
        layout.addWidget(self.sv_more, 0, Qt.AlignmentFlag.AlignRight)
        layout = self._tab()
        self.points_table = _table(5, "pointsLedger")
        self.points_more = push_button(self.more_points)
        layout.addWidget(self.points_table, 1)
        layout.addWidget(self.points_more, 0, Qt.AlignmentFlag.AlignRight)

    def _build_purchases(self) -> None:
        layout = self._tab()
        self.sales_tree = QTreeWidget()
        self.sales_tree.setObjectName("purchases")
        self.sales_tree.setColumnCount(4)
        self.sales_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.sales_more = push_button(self.more_purchases)
        layout.addWidget(self.sales_tree, 1)
        layout.addWidget(self.sales_more, 0, Qt.AlignmentFlag.AlignRight)

    def _build_tier(self) -> None:
        layout = self._tab()
        self.tier_now = QLabel()
        self.tier_now.setWordWrap(True)
        self.tier_pick = PickerBox()
        self.tier_pick.setObjectName("tierPick")
        self.lock_until = QLineEdit()
        self.lock_until.setMaxLength(10)
        self.lock_until.setPlaceholderText("2027-06-30")
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
        self.tier_history = _table(5, "tierHistory")
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
        self.cards_table = _table(3, "memberCards")
        self.coupons_label = QLabel()
        self.coupons_label.setObjectName("sectionHeading")
        self.coupons_table = _table(4, "memberCoupons")
        layout.addWidget(self.cards_label)
        layout.addWidget(self.cards_table, 1)
        layout.addWidget(self.coupons_label)
        layout.addWidget(self.coupons_table, 2)

    def _build_actions(self) -> None:
        layout = self._tab()
        self.reason = QLineEdit()
        self.reason.setObjectName("actionReason")
        self.reason.setMaxLength(200)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.sv_amount = AmountEdit()
        self.sv_amount.setObjectName("adjustAmount")
        self.sv_amount.setPlaceholderText("+50 / -20")
        self.sv_part = PickerBox()
        self.sv_part.addItem("", False)
        self.sv_part.addItem("", True)
        self.sv_button = push_button(self.adjust_stored_value)
        self.points_amount = QLineEdit()
        self.points_amount.setObjectName("adjustPoints")
        self.points_amount.setMaxLength(8)
        self.points_amount.setPlaceholderText("+100 / -50")
        self.points_button = push_button(self.adjust_points)
        self.password = QLineEdit()
        self.password.setObjectName("paymentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(6)
        self.password_button = push_button(self.set_password)
        self.clear_password_button = push_button(self.clear_password)
        self.active_button = push_button(self.toggle_active)
        self.anonymise_button = push_button(self.anonymise)
        self.anonymise_button.setObjectName("anonymiseButton")
        self.anonymise_note = QLabel()
        self.anonymise_note.setWordWrap(True)
        self._busy_buttons += [self.sv_button, self.points_button, self.password_button,
                               self.clear_password_button, self.active_button,
                               self.anonymise_button]
        self.action_labels = [QLabel(), QLabel(), QLabel()]
        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        grid.addWidget(self.reason_label, 0, 0)
        grid.addWidget(self.reason, 0, 1, 1, 3)
        grid.addWidget(self.action_labels[0], 1, 0)
        grid.addWidget(self.sv_amount, 1, 1)
        grid.addWidget(self.sv_part, 1, 2)
        grid.addWidget(self.sv_button, 1, 3)
        grid.addWidget(self.action_labels[1], 2, 0)
        grid.addWidget(self.points_amount, 2, 1)
        grid.addWidget(self.points_button, 2, 3)
        grid.addWidget(self.action_labels[2], 3, 0)
        grid.addWidget(self.password, 3, 1)
        grid.addWidget(self.clear_password_button, 3, 2)
        grid.addWidget(self.password_button, 3, 3)
        self.action_labels[0].setBuddy(self.sv_amount)
        self.action_labels[1].setBuddy(self.points_amount)
        self.action_labels[2].setBuddy(self.password)
        grid.setColumnStretch(1, 1)
        end = QHBoxLayout()
        end.addWidget(self.active_button)
        end.addStretch(1)
        end.addWidget(self.anonymise_button)
        layout.addLayout(grid)
        layout.addSpacing(10)
        layout.addLayout(end)
        layout.addWidget(self.anonymise_note)
        layout.addStretch(1)

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
            self._add_row(self.tier_history, fmt.datetime_text(h.at), h.from_name, h.to_name,
                          h.locked_until.isoformat() if h.locked_until else "",
                          f"{h.reason} — {h.staff}")
        self.cards_table.setRowCount(0)
        for c in d.cards:
            self._add_row(self.cards_table, c.uid, self._card_state(c.status.value),
                          fmt.datetime_text(c.bound_at))
        self.coupons_table.setRowCount(0)
        for cp in f.coupons:
            self._add_row(self.coupons_table, cp.name, cp.code, self._coupon_state(cp.status.value),
                          fmt.date_text(fmt.shop_date(cp.valid_to)))
        self._render_file()
        if first:
            self.sv_table.setRowCount(0)
            self.points_table.setRowCount(0)
            self.sales_tree.clear()
            self.more_stored_value(True)
            self.more_points(True)
            self.more_purchases(True)
        self.update_state()

    def _add_row(self, table: QTableWidget, *cells: str, right: tuple[int, ...] = ()) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, text in enumerate(cells):
            table.setItem(row, col, _item(text, col in right))

    def more_stored_value(self, first: bool = False) -> None:
        if self.file is None or (not first and self.sv_before is None):
            return
        self.fetch(partial(stored_value_lines, before=None if first else self.sv_before),
                   self.actor, self.file.detail.id, on_done=self._sv_page)

    def _sv_page(self, page: LinesPage) -> None:
        for ln in page.lines:
            self._add_row(self.sv_table, fmt.datetime_text(ln.at), self._kind(ln.kind),
                          _signed(ln.principal_delta), _signed(ln.bonus_delta),
                          fmt.money(ln.balance_after), " — ".join(x for x in (ln.note, ln.staff) if x),
                          right=(2, 3, 4))
        self.sv_before = page.before
        self.sv_more.setEnabled(page.before is not None)

    def more_points(self, first: bool = False) -> None:
        if self.file is None or (not first and self.points_before is None):
            return
        self.fetch(partial(points_lines, before=None if first else self.points_before),
                   self.actor, self.file.detail.id, on_done=self._points_page)

    def _points_page(self, page: LinesPage) -> None:
        for ln in page.lines:
            self._add_row(self.points_table, fmt.datetime_text(ln.at), self._kind(ln.kind),
                          f"{ln.delta:+d}", fmt.number(ln.balance_after),
                          " — ".join(x for x in (ln.note, ln.staff) if x), right=(2, 3))
        self.points_before = page.before
        self.points_more.setEnabled(page.before is not None)

    def more_purchases(self, first: bool = False) -> None:
        if self.file is None or (not first and self.sales_before is None):
            return
        self.fetch(partial(purchases, before=None if first else self.sales_before),
                   self.actor, self.file.detail.id, on_done=self._sales_page)

    def _sales_page(self, page: LinesPage) -> None:
        for sale in page.lines:
            top = QTreeWidgetItem([f"{fmt.datetime_text(sale.at)}  {sale.sale_no}",
                                   self._sale_state(sale.status.value), "",
                                   fmt.money(sale.payable)])
            for ln in sale.lines:
                refunded = self.tr(" (refunded {n})").format(n=ln.refunded_qty) \
                    if ln.refunded_qty else ""
                top.addChild(QTreeWidgetItem([ln.description + refunded, f"× {ln.qty}",
                                              fmt.money(ln.unit_price), fmt.money(ln.net_amount)]))
            self.sales_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.sales_before = page.before
        self.sales_more.setEnabled(page.before is not None)

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

    def _day(self, edit: QLineEdit) -> tuple[bool, date | None]:
        text = edit.text().strip()
        if not text:
            return True, None
        try:
            return True, date.fromisoformat(text)
        except ValueError:
            self.say(lambda: self.tr("Type a day as 2026-01-31, or leave it empty."), ERROR)
            edit.setFocus()
            return False, None

    def _done(self, text: Any) -> None:
        self.say(text, OK)
        self.changed.emit()
        self.file = None  # reload everything, the ledgers too
        self.reload()

    def save_profile(self) -> None:
        ok, birthday = self._day(self.birthday)
        if not ok:
            return
        self.call(edit_member, self.actor, self.member_no, name=self.name.text(),
                  birthday=birthday, email=self.email.text() or None,
                  address=self.address.text() or None, tags=self.tags.text(),
                  notes=self.notes.text(),
                  on_done=lambda _d: self._done(lambda: self.tr("The profile is saved.")))

    def _reason(self) -> str | None:
        return self.require_text(self.reason, lambda: self.tr(
            "Type the reason first: it goes into the audit log with the action."))

    def adjust_stored_value(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        amount = self.read_signed_amount()
        if amount is None:
            return
        self.call(adjust_stored_value, self.actor, self.member_no, amount,
                  bonus=bool(self.sv_part.currentData()), reason=reason,
                  on_done=lambda r: self._adjusted(r.stored_value))

    def read_signed_amount(self) -> Money | None:
        text = self.sv_amount.text().strip().replace("＋", "+").replace("－", "-")
        sign = -1 if text.startswith("-") else 1
        self.sv_amount.setText(text.lstrip("+-").strip())
        amount = self.read_amount(self.sv_amount, lambda: self.tr(
            "Type the amount to add (or -amount to take away)."))
        self.sv_amount.setText(text)
        return None if amount is None else Money(sign * amount.fen)

    def _adjusted(self, balance: Money) -> None:
        self.sv_amount.clear()
        self.reason.clear()
        self._done(lambda: self.tr("Stored value adjusted: the balance is now {amount}.")
                   .format(amount=fmt.money(balance)))

    def adjust_points(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        text = self.points_amount.text().strip().replace("＋", "+").replace("－", "-")
        try:
            points = int(text)
        except ValueError:
            self.say(lambda: self.tr("Type the points to give (or -points to take away)."),
                     ERROR)
            self.points_amount.setFocus()
            return
        self.call(adjust_points, self.actor, self.member_no, points, reason=reason,
                  on_done=self._points_adjusted)

    def _points_adjusted(self, result: Any) -> None:
        self.points_amount.clear()
        self.reason.clear()
        self._done(lambda: self.tr("Points adjusted: the balance is now {points}.")
                   .format(points=fmt.number(result.points)))

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

    def set_password(self) -> None:
        if not self.password.text():
            self.say(lambda: self.tr("Let the member type the new payment password (4 to 6 "
                                     "digits)."), ERROR)
            self.password.setFocus()
            return
        if self.file is None:
            return
        password = self.password.text()
        self.password.clear()
        self.call(set_payment_password, self.actor, self.file.detail.id, password,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The payment password is set.")))

    def clear_password(self) -> None:
        if self.file is None:
            return
        self.call(set_payment_password, self.actor, self.file.detail.id, None,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The payment password is removed.")))

    def toggle_active(self) -> None:
        if self.file is None:
            return
        active = self.file.detail.status is not MemberStatus.ACTIVE
        reason = self._reason()
        if reason is None:
            return
        self.call(set_member_active, self.actor, self.member_no, active=active, reason=reason,
                  on_done=lambda _r: self._done(
                      (lambda: self.tr("The member is active again.")) if active
                      else (lambda: self.tr("The member is deactivated."))))

    def anonymise(self) -> None:
        reason = self._reason()
        if reason is None:
            return
        if not self.anonymise_armed:
            self.anonymise_armed = True
            self._render_file()
            self.say(lambda: self.tr("Press \"Anonymise\" again to wipe this member's personal "
                                     "data for good."), ERROR)
            return
        self.anonymise_armed = False
        self.call(anonymise_member, self.actor, self.member_no, reason=reason,
                  on_done=lambda _r: self._done(lambda: self.tr(
                      "The member's personal data is wiped; the member number, ledgers and "
                      "sales stay.")))

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

    def _kind(self, kind: str) -> str:
        return {"opening": self.tr("opening"), "recharge": self.tr("recharge"),
                "spend": self.tr("spent"), "sale_refund": self.tr("refund"),
                "recharge_refund": self.tr("recharge refund"),
                "adjustment": self.tr("adjustment"), "earn": self.tr("earned"),
                "bonus": self.tr("bonus"), "redeem": self.tr("redeemed"),
                "redeem_return": self.tr("redeemed, returned"),
                "earn_reversal": self.tr("earned, reversed"),
                "expire": self.tr("expired")}.get(kind, kind)

    def _card_state(self, state: str) -> str:
        return {"active": self.tr("in use"), "lost": self.tr("lost"),
                "replaced": self.tr("replaced"), "void": self.tr("void")}.get(state, state)

    def _coupon_state(self, state: str) -> str:
        return {"issued": self.tr("usable"), "used": self.tr("used"),
                "expired": self.tr("expired"), "void": self.tr("void")}.get(state, state)

    def _sale_state(self, state: str) -> str:
        return {"completed": self.tr("completed"), "refunded": self.tr("refunded"),
                "partially_refunded": self.tr("partly refunded")}.get(state, state)

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
            "{points} points · {visits} visits, last {visit} · spent {spent}").format(
            phone=d.phone or "—", tier=d.tier_name, sv=fmt.money(d.stored_value),
            principal=fmt.money(d.sv_principal), bonus=fmt.money(d.sv_bonus),
            points=fmt.number(d.points), visits=d.visit_count, visit=visit,
            spent=fmt.money(d.total_spent)))
        lock = (self.tr(", locked until {day}").format(day=f.tier_locked_until.isoformat())
                if f.tier_locked_until else "")
        self.tier_now.setText(self.tr("Tier now: {tier}{lock}.").format(tier=d.tier_name,
                                                                        lock=lock))
        self.active_button.setText(self.tr("Reactivate") if d.status is MemberStatus.INACTIVE
                                   else self.tr("Deactivate"))
        self.anonymise_button.setText(self.tr("Anonymise — press again to confirm")
                                      if self.anonymise_armed else self.tr("Anonymise…"))
        password = self.tr("set") if f.has_payment_password else self.tr("not set")
        self.action_labels[2].setText(self.tr("Payment &password ({state})").format(
            state=password))

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
        self.sv_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Kind"), self.tr("Paid part"), self.tr("Bonus part"),
            self.tr("Balance after"), self.tr("Note")])
        self.points_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Kind"), self.tr("Points"), self.tr("Balance after"),
            self.tr("Note")])
        self.sales_tree.setHeaderLabels([self.tr("Sale / item"), self.tr("State / qty"),
                                         self.tr("Unit price"), self.tr("Amount")])
        for button in (self.sv_more, self.points_more, self.sales_more):
            button.setText(self.tr("Older…"))
        for label, text in zip(self.tier_labels, (self.tr("New tier"), self.tr(
                "Locked until (optional)"), self.tr("Reason")), strict=True):
            label.setText(text)
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
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("required for every action below; written to "
                                               "the audit log"))
        self.action_labels[0].setText(self.tr("&Stored value"))
        self.action_labels[1].setText(self.tr("P&oints"))
        self.sv_part.setItemText(0, self.tr("paid part (本金)"))
        self.sv_part.setItemText(1, self.tr("bonus part (赠送)"))
        self.sv_button.setText(self.tr("Adjust stored value"))
        self.points_button.setText(self.tr("Adjust points"))
        self.password.setPlaceholderText(self.tr("4–6 digits"))
        self.password.setToolTip(self.tr("The member types the password; nobody else sees it."))
        self.password_button.setText(self.tr("Set password"))
        self.clear_password_button.setText(self.tr("Remove password"))
        self.anonymise_note.setText(self.tr(
            "Anonymising (owner only) wipes the name, phone, birthday, email, address, tags, "
            "notes and payment password and voids the cards. Kept: the member number, tier, "
            "points, every stored-value and points entry and every sale. Stored value must be "
            "refunded first."))
        self._render_file()
        super().retranslate()
