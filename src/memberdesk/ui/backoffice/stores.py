"""门店 — the chain's stores, for the owner: each store's code, name, address, phone,
its own staff and whether it is open; which one this computer is in. The store
picked in the list is renamed (name, address, phone) or closed / reopened; a chain
server (网络版) opens new stores here. A single-machine shop (单机版) has one store:
the page shows it (its name, address and phone may change) and says that more stores
need the network edition. The services check the owner's permission."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.shop.stores import (
    StoreInfo,
    StoresOverview,
    add_store,
    set_store,
    stores_overview,
)
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.base import OK, push_button
from .page import Page

COLUMNS = 6


def _edit(length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(length)
    return edit


class StoresPage(Page):
    def __init__(self, runner: TaskRunner, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, "storesPage", parent)
        self.overview: StoresOverview | None = None
        self.edition_note = QLabel()
        self.edition_note.setObjectName("storesEdition")
        self.edition_note.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("storesTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.setMinimumHeight(150)  # the header and four stores at least
        header = self.table.horizontalHeader()
        for col in range(COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the address
        # the store picked in the list
        self.selected_heading = QLabel()
        self.selected_heading.setObjectName("sectionHeading")
        self.name_edit, self.address_edit, self.phone_edit = _edit(40), _edit(100), _edit(20)
        self.save_button = push_button(self.save, primary=True)
        self.active_button = push_button(self.toggle_active)
        self.edit_labels = [QLabel() for _ in range(3)]
        picked = QGridLayout()
        picked.setHorizontalSpacing(12)
        picked.setVerticalSpacing(8)
        for i, (label, field) in enumerate(zip(self.edit_labels, (
                self.name_edit, self.address_edit, self.phone_edit), strict=True)):
            label.setBuddy(field)
            picked.addWidget(label, i // 2, (i % 2) * 2)
            picked.addWidget(field, i // 2, (i % 2) * 2 + 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.active_button)
        picked.addLayout(buttons, 1, 2, 1, 2)
        picked.setColumnStretch(1, 1)
        picked.setColumnStretch(3, 1)
        # a new store (a chain server only): its code and name; address and phone are
        # changed above once it is in the list
        self.add_box = QWidget()
        self.add_heading = QLabel()
        self.add_heading.setObjectName("sectionHeading")
        self.new_code, self.new_name = _edit(8), _edit(40)
        self.new_code.setMaximumWidth(140)
        self.add_button = push_button(self.add)
        self.add_labels = [QLabel() for _ in range(2)]
        add_row = QHBoxLayout()
        add_row.setSpacing(10)
        for label, field in zip(self.add_labels, self._add_form(), strict=True):
            label.setBuddy(field)
            add_row.addWidget(label)
            add_row.addWidget(field, 1 if field is self.new_name else 0)
        add_row.addWidget(self.add_button)
        add_layout = QVBoxLayout(self.add_box)
        add_layout.setContentsMargins(0, 8, 0, 0)
        add_layout.setSpacing(8)
        add_layout.addWidget(self.add_heading)
        add_layout.addLayout(add_row)
        self.add_box.hide()
        self._busy_buttons += [self.save_button, self.active_button, self.add_button]
        self.body.addWidget(self.edition_note)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.selected_heading)
        self.body.addLayout(picked)
        self.body.addWidget(self.add_box)
        self._picked()
        self.retranslate()

    def _add_form(self) -> tuple[QLineEdit, ...]:
        return (self.new_code, self.new_name)

    # -- loading -------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.busy:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.call(stores_overview, self.actor, on_done=lambda o: self._show(o, select))

    def _show(self, overview: StoresOverview, select: str | None = None) -> None:
        keep = select or (self.selected.code if self.selected else None)
        self.overview = overview
        self.add_box.setVisible(overview.network)
        self.active_button.setVisible(overview.network)  # one store: this computer's
        self.table.setRowCount(len(overview.rows))
        for r, row in enumerate(overview.rows):
            for c, text in enumerate(self._cells(r)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # an address or the staff may be cut short
                self.table.setItem(r, c, item)
            if row.store.code == keep or (keep is None and row.this_till):
                self.table.selectRow(r)
        self._render_note()
        self._picked()

    def _cells(self, r: int) -> tuple[str, ...]:
        assert self.overview is not None
        row = self.overview.rows[r]
        s = row.store
        name = self.tr("{name} (this computer)").format(name=s.name) if row.this_till else s.name
        state = self.tr("Open") if s.active else self.tr("Closed")
        return (s.code, name, s.address, s.phone, "、".join(row.staff), state)

    @property
    def selected(self) -> StoreInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if self.overview is None or not rows or rows[0].row() >= len(self.overview.rows):
            return None
        return self.overview.rows[rows[0].row()].store

    def _this_till(self, store: StoreInfo) -> bool:
        return self.overview is not None and any(
            r.this_till for r in self.overview.rows if r.store.code == store.code)

    def _picked(self) -> None:
        store = self.selected
        for edit, value in ((self.name_edit, store.name if store else ""),
                            (self.address_edit, store.address if store else ""),
                            (self.phone_edit, store.phone if store else "")):
            edit.setText(value)
            edit.setEnabled(store is not None)
        self.update_state()

    def update_state(self) -> None:
        store = self.selected
        self.save_button.setEnabled(store is not None and not self.busy)
        # this computer's own store is closed from another store's till (the service says so)
        self.active_button.setEnabled(store is not None and not self.busy
                                      and not (store.active and self._this_till(store)))
        self.add_button.setEnabled(not self.busy)
        self._render_selected()

    # -- keys -------------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        """Enter moves to the next field of a form and, in its last one, submits it."""
        focus = self.focusWidget()
        for fields, submit in (((self.name_edit, self.address_edit, self.phone_edit), self.save),
                               (self._add_form(), self.add)):
            if focus in fields:
                i = fields.index(focus)
                if i + 1 < len(fields):
                    fields[i + 1].setFocus()
                else:
                    submit()
                return

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        store = self.selected
        if store is not None:
            self.call(set_store, self.actor, store.code, name=self.name_edit.text(),
                      address=self.address_edit.text(), phone=self.phone_edit.text(),
                      on_done=lambda info: self._changed(info, self._saved_text))

    def toggle_active(self) -> None:
        store = self.selected
        if store is not None:
            self.call(set_store, self.actor, store.code, active=not store.active,
                      on_done=lambda info: self._changed(
                          info, self._reopened_text if info.active else self._closed_text))

    def add(self) -> None:
        self.call(add_store, self.actor, self.new_code.text(), self.new_name.text(),
                  on_done=self._added)

    def _added(self, info: StoreInfo) -> None:
        for edit in self._add_form():
            edit.clear()
        self.new_code.setFocus()
        self._changed(info, self._added_text)

    def _changed(self, info: StoreInfo, text: Any) -> None:
        self.say(lambda: text(info), OK)
        self.refresh(select=info.code)

    def _saved_text(self, info: StoreInfo) -> str:
        return self.tr("Store {code} is saved: {name}.").format(code=info.code, name=info.name)

    def _closed_text(self, info: StoreInfo) -> str:
        return self.tr("Store {code} ({name}) is closed.").format(code=info.code,
                                                                  name=info.name)

    def _reopened_text(self, info: StoreInfo) -> str:
        return self.tr("Store {code} ({name}) is open again.").format(code=info.code,
                                                                      name=info.name)

    def _added_text(self, info: StoreInfo) -> str:
        return self.tr("Store {code} ({name}) is open. Set up its tills with the store code "
                       "{code}.").format(code=info.code, name=info.name)

    # -- texts ---------------------------------------------------------------------------------
    def _render_note(self) -> None:
        if self.overview is None:
            self.edition_note.setText("")
        elif self.overview.network:
            self.edition_note.setText(self.tr(
                "Network edition: members and their balances are shared by every store; sales, "
                "shifts and day closes are each store's. Staff with no store work in every "
                "store."))
        else:
            self.edition_note.setText(self.tr(
                "Single-machine edition: this shop has one store. More stores sharing their "
                "members need the network edition (网络版, data on a server)."))

    def _render_selected(self) -> None:
        store = self.selected
        self.selected_heading.setText(
            self.tr("Pick a store in the list to change it") if store is None
            else f"{store.name} ({store.code})")
        self.active_button.setText(self.tr("Reopen") if store is not None and not store.active
                                   else self.tr("Close the store"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Stores"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Address"), self.tr("Phone"),
             self.tr("Own staff"), self.tr("State")])
        if self.overview is not None:
            for r in range(len(self.overview.rows)):
                for c, text in enumerate(self._cells(r)):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setText(text)
        for label, text in zip(self.edit_labels, (self.tr("&Name"), self.tr("&Address"),
                                                  self.tr("&Phone")), strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Save"))
        self.add_heading.setText(self.tr("Open a new store"))
        for label, text in zip(self.add_labels, (self.tr("Co&de"), self.tr("Na&me")),
                               strict=True):
            label.setText(text)
        self.new_code.setPlaceholderText(self.tr("e.g. B02"))
        self.new_name.setPlaceholderText(self.tr("e.g. Renmin Road"))
        self.add_button.setText(self.tr("Open the store"))
        self._render_note()
        self._render_selected()
        super().retranslate()
