"""The 消息 page's second tab: for each event whether it sends, the provider's template
code and the owner's text (empty: the default, shown greyed; an unknown placeholder
is refused by the service with a clear message), saved as settings (the owner; one
audited change); and a test message to a phone, through the SMS settings (provider,
keys, signature: on the settings page, section 短信)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from memberdesk.domain.notify import EVENTS, PLACEHOLDERS, default_template

from ..dialogs.base import OK, current_language, push_button

if TYPE_CHECKING:
    from .messages import MessagesPage


def load_settings(db: Any, actor: Any) -> Any:
    from memberdesk.services.shared.settings import list_settings

    return list_settings(db, actor)


def save_settings(db: Any, actor: Any, changes: dict[str, Any]) -> Any:
    from memberdesk.services.shared.settings import change_settings

    return change_settings(db, actor, changes)


def test_message(db: Any, actor: Any, phone: str) -> Any:
    from memberdesk.services.notifications.admin import send_test

    return send_test(db, actor, phone)


class TemplatesPanel(QWidget):
    def __init__(self, page: MessagesPage) -> None:
        super().__init__()
        self.setObjectName("messageTemplates")
        self.page = page
        self.values: dict[str, Any] = {}
        self.may_change = False
        self.on: dict[str, QCheckBox] = {}
        self.codes: dict[str, QLineEdit] = {}
        self.texts: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(2, 1)
        self.head_code, self.head_text = QLabel(), QLabel()
        self.head_text.setWordWrap(True)  # a long English title takes two lines, not the
        # text fields' room (they would run past the page at 1024)
        grid.addWidget(self.head_code, 0, 1)
        grid.addWidget(self.head_text, 0, 2)
        for row, key in enumerate(EVENTS, start=1):
            box, code, text = QCheckBox(), QLineEdit(), QLineEdit()
            box.setObjectName(f"notifyOn:{key}")
            code.setObjectName(f"notifyCode:{key}")
            text.setObjectName(f"notifyText:{key}")
            code.setMaxLength(40)
            code.setFixedWidth(140)
            text.setMaxLength(300)
            text.setMinimumWidth(160)
            grid.addWidget(box, row, 0)
            grid.addWidget(code, row, 1)
            grid.addWidget(text, row, 2)
            self.on[key], self.codes[key], self.texts[key] = box, code, text
        self.places = QLabel()
        self.places.setWordWrap(True)
        self.places.setProperty("figureDetail", True)
        self.save_button = push_button(self.save, primary=True)
        self.phone = QLineEdit()
        self.phone.setObjectName("testPhone")
        self.phone.setMaxLength(20)
        self.phone.setFixedWidth(150)
        self.phone_label = QLabel()
        self.phone_label.setBuddy(self.phone)
        self.test_button = push_button(self.send_test)
        self.read_only = QLabel()
        self.read_only.setWordWrap(True)
        page._busy_buttons += [self.save_button, self.test_button]
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.read_only)
        save_row.addStretch(1)
        test_row = QHBoxLayout()
        test_row.addWidget(self.phone_label)
        test_row.addWidget(self.phone)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.places)
        layout.addLayout(save_row)
        layout.addSpacing(12)
        layout.addLayout(test_row)
        layout.addStretch(1)

    def refresh(self) -> None:
        if not self.page.busy:
            self.page.call(load_settings, self.page.actor, on_done=self._show)

    def _show(self, sheet: Any) -> None:
        self.values = {i.key: i.value for i in sheet.items if i.key.startswith("notify.")}
        self.may_change = bool(sheet.may_change)
        for key in EVENTS:
            self.on[key].setChecked(bool(self.values[f"notify.{key}.on"]))
            self.codes[key].setText(str(self.values[f"notify.{key}.code"]))
            self.texts[key].setText(str(self.values[f"notify.{key}.text"]))
        for widget in [*self.on.values(), *self.codes.values(), *self.texts.values(),
                       self.save_button, self.test_button, self.phone]:
            widget.setEnabled(self.may_change)
        self.read_only.setVisible(not self.may_change)

    def changes(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in EVENTS:
            for name, value in ((f"notify.{key}.on", self.on[key].isChecked()),
                                (f"notify.{key}.code", self.codes[key].text().strip()),
                                (f"notify.{key}.text", self.texts[key].text().strip())):
                if name in self.values and self.values[name] != value:
                    found[name] = value
        return found

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.page.say(lambda: self.tr("Nothing was changed."))
            return
        self.page.call(save_settings, self.page.actor, changes, on_done=lambda _r: self._saved())

    def _saved(self) -> None:
        self.page.say(lambda: self.tr("Templates saved."), OK)
        self.refresh()

    def send_test(self) -> None:
        phone = self.phone.text().strip()
        if not phone:
            self.phone.setFocus()
            return
        self.page.say(lambda: self.tr("Sending a test message…"))
        self.page.call(test_message, self.page.actor, phone, on_done=lambda _r: self.page.say(
            lambda: self.tr("The test message was sent to {phone}.").format(phone=phone), OK))

    def retranslate(self) -> None:
        lang = current_language()
        en = lang.startswith("en")
        for key, event in EVENTS.items():
            zh, english = event.label
            label = english if en else zh
            if event.promotional:
                label += self.tr(" (promotional)")
            self.on[key].setText(label)
            self.texts[key].setPlaceholderText(default_template(key, lang))
            self.codes[key].setPlaceholderText("SMS_1234")
        self.head_code.setText(self.tr("Template code"))
        self.head_text.setText(self.tr("Text (empty: the default in grey)"))
        self.places.setText(self.tr(
            "Placeholders: {list}. Promotional messages go only to members who agreed, from "
            "08:00 to 21:00, and end with 拒收请回复R. The provider, keys and signature are on "
            "the Settings page (Text messages).").format(
                list=" ".join("{" + p + "}" for p in PLACEHOLDERS)))
        self.save_button.setText(self.tr("Save templates"))
        self.phone_label.setText(self.tr("Test to phone"))
        self.test_button.setText(self.tr("Send a test message"))
        self.read_only.setText(self.tr("Only the owner can change templates and send tests."))
