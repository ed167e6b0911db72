"""员工 — staff accounts: who may log in, with which role. Add an account (user
name, name, role, password twice); for the account picked in the list, set a
new password (a forgotten one; it also lifts a lock after wrong passwords) or
disable / enable it. The owner manages everyone, a manager the cashiers; the
services check that, this page only offers what the role may do."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from memberdesk.domain import shoptime
from memberdesk.models.enums import Role
from memberdesk.services.staff.accounts import (
    StaffInfo,
    create_staff,
    list_staff,
    reset_password,
    set_staff_active,
)
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import ERROR, OK, push_button
from .page import Page

ROLE_NAMES = {
    Role.CASHIER: QT_TRANSLATE_NOOP("StaffPage", "Cashier"),
    Role.MANAGER: QT_TRANSLATE_NOOP("StaffPage", "Manager"),
    Role.OWNER: QT_TRANSLATE_NOOP("StaffPage", "Owner"),
}
RANK = {Role.CASHIER: 0, Role.MANAGER: 1, Role.OWNER: 2}


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class StaffPage(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "staffPage", parent)
        self.role = Role(str(actor.role))
        self.staff: list[StaffInfo] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("staffTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self.update_state)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # adding an account
        self.add_heading = QLabel()
        self.add_heading.setObjectName("sectionHeading")
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(50)
        self.new_role = PickerBox()
        for role in (Role.CASHIER, Role.MANAGER, Role.OWNER):
            if self.role is Role.OWNER or RANK[role] < RANK[self.role]:
                self.new_role.addItem("", role)
        self.password = _password_edit()
        self.password_again = _password_edit()
        self.add_button = push_button(self.add, primary=True)
        self.add_labels = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for i, (label, field) in enumerate(zip(self.add_labels, (
                self.username, self.display_name, self.new_role, self.password,
                self.password_again), strict=True)):
            label.setBuddy(field)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(field, i // 2, (i % 2) * 2 + 1)
        grid.addWidget(self.add_button, 2, 3)
        # the selected account
        self.selected_heading = QLabel()
        self.selected_heading.setObjectName("sectionHeading")
        self.reset_password_edit = _password_edit()
        self.reset_again = _password_edit()
        self.reset_button = push_button(self.reset)
        self.active_button = push_button(self.toggle_active)
        self.reset_labels = [QLabel(), QLabel()]
        selected = QHBoxLayout()
        selected.setSpacing(10)
        for label, field in zip(self.reset_labels, (self.reset_password_edit, self.reset_again),
                                strict=True):
            label.setBuddy(field)
            selected.addWidget(label)
            selected.addWidget(field, 1)
        selected.addWidget(self.reset_button)
        selected.addSpacing(16)
        selected.addWidget(self.active_button)
        self._busy_buttons += [self.add_button, self.reset_button, self.active_button]
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.selected_heading)
        self.body.addLayout(selected)
        self.body.addSpacing(8)
        self.body.addWidget(self.add_heading)
        self.body.addLayout(grid)
        self.update_state()
        self.retranslate()

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.call(list_staff, self.actor, on_done=lambda rows: self._show(rows, select))

    def _show(self, rows: list[StaffInfo], select: str | None) -> None:
        keep = select or (self.selected.username if self.selected else None)
        self.staff = rows
        self.table.setRowCount(len(rows))
        for r, info in enumerate(rows):
            for c, text in enumerate(self._cells(info)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if info.username == keep:
                self.table.selectRow(r)
        self.update_state()

    def _cells(self, info: StaffInfo) -> tuple[str, str, str, str]:
        if not info.active:
            state = self.tr("Disabled")
        elif info.locked_until is not None and _locked(info):
            state = self.tr("Locked until {time}").format(time=fmt.datetime_text(info.locked_until))
        else:
            state = self.tr("Active")
        return (info.display_name, info.username, self.tr(ROLE_NAMES[Role(info.role)]), state)

    @property
    def selected(self) -> StaffInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.staff):
            return None
        return self.staff[rows[0].row()]

    def _may_manage(self, info: StaffInfo) -> bool:
        return self.role is Role.OWNER or RANK[Role(info.role)] < RANK[self.role]

    def update_state(self) -> None:
        info = self.selected
        manageable = info is not None and self._may_manage(info) and not self.busy
        # One's own password is changed knowing the old one (not reset from here):
        # an unlocked owner session must not be enough to take the account over.
        self.reset_button.setEnabled(manageable and info is not None
                                     and info.username != self.actor.username)
        self.active_button.setEnabled(manageable and info is not None
                                      and info.username != self.actor.username)
        self.add_button.setEnabled(not self.busy)
        self._render_selected()

    # -- keys -------------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        """Enter moves to the next field of a form and, in its last one, submits it."""
        add_form = (self.username, self.display_name, self.new_role, self.password,
                    self.password_again)
        reset_form = (self.reset_password_edit, self.reset_again)
        focus = self.focusWidget()
        for fields in (add_form, reset_form):
            if focus in fields:
                i = fields.index(focus)
                if i + 1 < len(fields):
                    fields[i + 1].setFocus()
                elif fields is add_form:
                    self.add()
                elif self.reset_button.isEnabled():
                    self.reset()
                return

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> None:
        username = self.username.text().strip()
        if not username:
            self.username.setFocus()
            self.say(lambda: self.tr("Type a user name for logging in."), ERROR)
            return
        if self.password.text() != self.password_again.text():
            self.password_again.clear()
            self.password_again.setFocus()
            self.say(lambda: self.tr("The two passwords differ: type it again."), ERROR)
            return
        name = self.display_name.text().strip() or username
        role = Role(self.new_role.currentData())
        self.call(create_staff, self.actor, username=username, display_name=name, role=role,
                  password=self.password.text(), on_done=self._added)

    def _added(self, info: StaffInfo) -> None:
        for edit in (self.username, self.display_name, self.password, self.password_again):
            edit.clear()
        self.new_role.setCurrentIndex(0)  # back to cashier: the next account is most likely one
        self.username.setFocus()
        self.say(lambda: self.tr("{name} can now log in as {username} ({role}).").format(
            name=info.display_name, username=info.username,
            role=self.tr(ROLE_NAMES[Role(info.role)])), OK)
        self.refresh(select=info.username)

    def reset(self) -> None:
        info = self.selected
        if info is None:
            return
        if self.reset_password_edit.text() != self.reset_again.text():
            self.reset_again.clear()
            self.reset_again.setFocus()
            self.say(lambda: self.tr("The two passwords differ: type it again."), ERROR)
            return
        self.call(reset_password, self.actor, info.username, self.reset_password_edit.text(),
                  on_done=self._reset)

    def _reset(self, info: StaffInfo) -> None:
        self.reset_password_edit.clear()
        self.reset_again.clear()
        self.say(lambda: self.tr("{name}'s password is changed; they log in with the new "
                                 "one.").format(name=info.display_name), OK)
        self.refresh(select=info.username)

    def toggle_active(self) -> None:
        info = self.selected
        if info is not None:
            self.call(set_staff_active, self.actor, info.username, not info.active,
                      on_done=self._toggled)

    def _toggled(self, info: StaffInfo) -> None:
        if info.active:
            self.say(lambda: self.tr("{name} can log in again.").format(name=info.display_name),
                     OK)
        else:
            self.say(lambda: self.tr("{name} can no longer log in.").format(
                name=info.display_name), OK)
        self.refresh(select=info.username)

    # -- texts ---------------------------------------------------------------------------------
    def _render_selected(self) -> None:
        info = self.selected
        if info is None:
            self.selected_heading.setText(self.tr("Pick an account in the list to change it"))
        else:
            self.selected_heading.setText(f"{info.display_name} ({info.username})")
        self.active_button.setText(self.tr("Enable") if info is not None and not info.active
                                   else self.tr("Disable"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("State")])
        for r, info in enumerate(self.staff):
            for c, text in enumerate(self._cells(info)):
                item = self.table.item(r, c)
                if item is not None:
                    item.setText(text)
        self.add_heading.setText(self.tr("Add an account"))
        for label, text in zip(self.add_labels, (
                self.tr("&User name"), self.tr("Na&me"), self.tr("&Role"), self.tr("&Password"),
                self.tr("Password &again")), strict=True):
            label.setText(text)
        self.username.setPlaceholderText(self.tr("e.g. xiaowang"))
        self.password.setPlaceholderText(self.tr("at least 6 characters"))
        for i in range(self.new_role.count()):
            self.new_role.setItemText(i, self.tr(ROLE_NAMES[Role(self.new_role.itemData(i))]))
        self.add_button.setText(self.tr("Add"))
        self.reset_labels[0].setText(self.tr("New password"))
        self.reset_labels[1].setText(self.tr("Again"))
        self.reset_button.setText(self.tr("Set the password"))
        self._render_selected()
        super().retranslate()



def _locked(info: StaffInfo) -> bool:
    """Locked after wrong passwords, now (naive times are UTC, as stored)."""
    if info.locked_until is None:
        return False
    until = info.locked_until
    return (until if until.tzinfo else until.replace(tzinfo=UTC)) > shoptime.utc_now()
