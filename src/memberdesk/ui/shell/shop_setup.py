"""First run: the shop is not set up yet, so instead of the login screen the
owner names the shop and creates their own account (the same service as
``memberdesk init``). Enter moves from field to field and, in the last one,
creates the shop; the login screen follows with the owner chosen.

A view only: it emits :attr:`ShopSetupScreen.setup_requested` and the controller
calls the service through the task runner, then reports back with
:meth:`ShopSetupScreen.show_error` or moves on to the login screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, Retranslating, Translations
from memberdesk.ui.shell.login import other_language_name, screen_card, screen_footer

DEFAULT_OWNER_USERNAME = "owner"


class ShopSetupScreen(Retranslating, QWidget):
    setup_requested = Signal(str, str, str, str)  # shop name, owner's name, user name, password
    language_toggle_requested = Signal()
    quit_requested = Signal()

    def __init__(self, i18n: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopSetupScreen")
        self._i18n = i18n
        self._error: UserError | None = None
        self._problem = ""  # a check made here, source text
        self._data_dir: Path | None = None
        self.title = QLabel()
        self.title.setObjectName("loginShopName")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("loginSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.shop_name = QLineEdit()
        self.owner_name = QLineEdit()
        self.username = QLineEdit(DEFAULT_OWNER_USERNAME)
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = [self.shop_name, self.owner_name, self.username, self.password,
                       self.password_again]
        self.labels = [QLabel() for _ in self.fields]
        for label, edit in zip(self.labels, self.fields, strict=True):
            label.setBuddy(edit)
            edit.setMaxLength(100)
        for i, edit in enumerate(self.fields[:-1]):
            edit.returnPressed.connect(self.fields[i + 1].setFocus)
        self.password_again.returnPressed.connect(self.submit)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("setupFolder")
        self.folder_label.setWordWrap(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("primaryButton")
        self.create_button.clicked.connect(self.submit)
        self.language_button, self.quit_button, footer = screen_footer(
            self, self.language_toggle_requested, self.quit_requested)

        form = screen_card(self, 560, 680)
        form.setContentsMargins(40, 28, 40, 24)
        form.setSpacing(6)
        form.addWidget(self.title)
        form.addWidget(self.subtitle)
        form.addSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        for i, (label, edit) in enumerate(zip(self.labels, self.fields, strict=True)):
            grid.addWidget(label, i, 0)
            grid.addWidget(edit, i, 1)
        grid.setColumnStretch(1, 1)
        form.addLayout(grid)
        form.addWidget(self.error_label)
        form.addWidget(self.create_button)
        form.addWidget(self.folder_label)
        form.addLayout(footer)
        self.retranslate()

    def set_data_dir(self, path: Path | None) -> None:
        self._data_dir = path
        self.retranslate()

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MemberDesk — set up the shop"))
        self.title.setText(self.tr("Welcome to MemberDesk"))
        self.subtitle.setText(self.tr("Name your shop and create the owner's account. "
                                      "Staff accounts for cashiers come later."))
        texts = (self.tr("Shop &name"), self.tr("&Your name"), self.tr("&User name for logging in"),
                 self.tr("&Password"), self.tr("Password &again"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.shop_name.setPlaceholderText(self.tr("e.g. 好邻居便利店"))
        self.password.setPlaceholderText(self.tr("at least 6 characters"))
        self.owner_name.setPlaceholderText(self.tr("e.g. 王老板 (shown on screen and receipts)"))
        self.create_button.setText(self.tr("Create the shop (Enter)"))
        self.folder_label.setText(
            self.tr("The shop's data will be kept in {path}").format(path=self._data_dir)
            if self._data_dir else "")
        self.language_button.setText(other_language_name(self._i18n.language))
        self.quit_button.setText(self.tr("Quit (Ctrl+Q)"))
        self._render_error()

    def _render_error(self) -> None:
        if self._error is not None:
            text = self._error.message(self._i18n.language)
        else:
            text = self.tr(self._problem) if self._problem else ""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- state the controller sets ---------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        for w in (*self.fields, self.create_button):
            w.setEnabled(not busy)

    def show_error(self, error: UserError) -> None:
        """The service's refusal, with the cursor in the field it is about."""
        self._error, self._problem = error, ""
        self._render_error()
        self.set_busy(False)
        if error.code == "weak_password":
            self.password.clear()
            self.password_again.clear()
            self.password.setFocus()
        elif error.code in ("invalid_username", "username_taken"):
            self.username.setFocus()
            self.username.selectAll()
        else:
            self.shop_name.setFocus()

    # -- input ------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        problem, field = self._check()
        if problem:
            self._error, self._problem = None, problem
            self._render_error()
            field.setFocus()
            return
        self._error, self._problem = None, ""
        self._render_error()
        self.set_busy(True)
        owner = self.owner_name.text().strip() or self.username.text().strip()
        self.setup_requested.emit(self.shop_name.text().strip(), owner,
                                  self.username.text().strip(), self.password.text())

    def _check(self) -> tuple[str, QLineEdit]:
        """What the screen can tell before asking the service (which checks the rest)."""
        if not self.shop_name.text().strip():
            return QT_TRANSLATE_NOOP("ShopSetupScreen", "Type the shop's name."), self.shop_name
        if not self.username.text().strip():
            return QT_TRANSLATE_NOOP("ShopSetupScreen", "Choose a user name."), self.username
        if self.password.text() != self.password_again.text():
            self.password_again.clear()
            return (QT_TRANSLATE_NOOP("ShopSetupScreen", "The two passwords differ: type it again."),
                    self.password_again)
        return "", self.shop_name
