"""The login screen: shop name, staff picker, password, Enter to log in.

A view only: it emits :attr:`LoginScreen.login_requested` and the controller
calls the service through the task runner, then reports back with
:meth:`LoginScreen.show_error` or hides the screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memberdesk.services.shared.errors import UserError
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import EN, QT_TRANSLATE_NOOP, Retranslating, Translations
from memberdesk.ui.shell.quit_guard import GuardedClose
from memberdesk.ui.shell.restored_notice import restored_text

# Portable key texts (QKeySequence objects are made only once the app exists).
LANGUAGE_SHORTCUT = "Ctrl+Shift+L"
QUIT_SHORTCUT = "Ctrl+Q"


def other_language_name(current: str) -> str:
    """The label of the language toggle: the *other* language, in itself."""
    return "中文" if current == EN else "English"


def add_screen_shortcuts(widget: QWidget, language: Any, quit_: Any) -> tuple[QAction, QAction]:
    """Ctrl+Shift+L (switch language) and Ctrl+Q (quit) on a screen before login."""
    actions = []
    for key, signal in ((LANGUAGE_SHORTCUT, language), (QUIT_SHORTCUT, quit_)):
        action = QAction(widget)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(signal)
        actions.append(action)
    widget.addActions(actions)
    return actions[0], actions[1]


def screen_card(screen: QWidget, min_width: int, max_width: int) -> QVBoxLayout:
    """The card in the middle of a screen shown before login; its layout to fill."""
    card = QFrame()
    card.setObjectName("loginCard")
    card.setMinimumWidth(min_width)
    card.setMaximumWidth(max_width)
    outer = QVBoxLayout(screen)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 2)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(1)
    return QVBoxLayout(card)


def screen_footer(screen: QWidget, language: Any, quit_: Any) -> tuple[QPushButton, QPushButton,
                                                                          QHBoxLayout]:
    """The language switch (left) and Quit (right) under a card, with their keys."""
    buttons = []
    for signal in (language, quit_):
        button = QPushButton()
        button.setObjectName("flatButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(signal)
        buttons.append(button)
    footer = QHBoxLayout()
    footer.addWidget(buttons[0])
    footer.addStretch(1)
    footer.addWidget(buttons[1])
    add_screen_shortcuts(screen, language, quit_)
    return buttons[0], buttons[1], footer


class PasswordEdit(QLineEdit):
    """A password field where Up/Down pick the previous/next staff member."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class LoginScreen(GuardedClose, Retranslating, QWidget):
    login_requested = Signal(str, str)  # username, password
    language_toggle_requested = Signal()
    quit_requested = Signal()

    def __init__(self, i18n: Translations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._i18n = i18n
        self._shop_name = ""
        self._error: UserError | None = None
        self._problem = ""  # a check made here (e.g. empty password), source text
        self._loading = True
        self._offline = False
        self._names: list[tuple[str, str]] = []
        self._filling = False  # the list is being (re)filled, not chosen from

        self.shop_label = QLabel()
        self.shop_label.setObjectName("loginShopName")
        self.shop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shop_label.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("loginSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # 网络版, the server away: the log-in is against the till's copy (offline)
        self.offline_label = QLabel()
        self.offline_label.setObjectName("loginOffline")
        self.offline_label.setWordWrap(True)
        self.offline_label.setMargin(6)  # (a stylesheet padding breaks the wrapped height)
        self.offline_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offline_label.hide()
        # after a restore: which backup is live now, where the data before it was saved
        self.restored_label = QLabel()
        self.restored_label.setObjectName("loginRestored")
        self.restored_label.setWordWrap(True)
        self.restored_label.setMargin(6)
        self.restored_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restored_label.hide()
        self._restored: Any = None  # a RestoreResult
        # Shift+F9 with the shift open: it stays open, said until the next log-in
        self.left_open_label = QLabel()
        self.left_open_label.setObjectName("loginLeftOpen")
        self.left_open_label.setWordWrap(True)
        self.left_open_label.setMargin(6)
        self.left_open_label.hide()
        self._left_open: Any = None  # a ShiftSummary
        self.staff_label = QLabel()
        self.staff_picker = PickerBox()
        self.staff_picker.setObjectName("staffPicker")
        self.staff_picker.currentIndexChanged.connect(self._staff_chosen)
        self.password_label = QLabel()
        self.password = PasswordEdit()
        self.password.setObjectName("passwordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.password.step.connect(self._step_staff)
        self.staff_label.setBuddy(self.staff_picker)
        self.password_label.setBuddy(self.password)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("login error")
        self.login_button = QPushButton()
        self.login_button.setObjectName("primaryButton")
        self.login_button.setAutoDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.language_button, self.quit_button, footer = screen_footer(
            self, self.language_toggle_requested, self.quit_requested)

        form = screen_card(self, 440, 560)
        form.setContentsMargins(40, 32, 40, 28)
        form.setSpacing(10)
        form.addWidget(self.shop_label)
        form.addWidget(self.subtitle)
        form.addWidget(self.offline_label)
        form.addWidget(self.restored_label)
        form.addWidget(self.left_open_label)
        form.addSpacing(16)
        form.addWidget(self.staff_label)
        form.addWidget(self.staff_picker)
        form.addSpacing(6)
        form.addWidget(self.password_label)
        form.addWidget(self.password)
        form.addWidget(self.error_label)
        form.addSpacing(6)
        form.addWidget(self.login_button)
        form.addLayout(footer)
        self.set_loading()
        self.retranslate()

    # -- texts ----------------------------------------------------------------------
    def retranslate(self) -> None:
        title = self._shop_name or "MemberDesk"
        self.setWindowTitle(self.tr("{shop} — MemberDesk staff login").format(shop=title))
        self.shop_label.setText(title)
        self.subtitle.setText(
            self.tr("Opening the shop data…") if self._loading else self.tr("Staff login")
        )
        self.staff_label.setText(self.tr("&Staff"))
        self.password_label.setText(self.tr("&Password"))
        self.password.setPlaceholderText(self.tr("Type your password, then press Enter"))
        self.login_button.setText(self.tr("Log in (Enter)"))
        self.language_button.setText(other_language_name(self._i18n.language))
        self.language_button.setToolTip(self.tr("Switch language (Ctrl+Shift+L)"))
        self.quit_button.setText(self.tr("Quit (Ctrl+Q)"))
        self.offline_label.setText(self.tr(
            "The server cannot be reached: offline log-in (staff who logged in on this "
            "till before), walk-in cash sales only."))
        # three lines whatever the layout makes of a wrapped label's height
        self.offline_label.setMinimumHeight(3 * self.offline_label.fontMetrics().lineSpacing() + 16)
        self.restored_label.setText(
            restored_text(self._restored, narrow=True) if self._restored is not None else "")
        self.restored_label.setToolTip(
            str(self._restored.pre_restore_backup) if self._restored is not None else "")
        self._fit_restored()
        shift = self._left_open
        self.left_open_label.setText("" if shift is None else self.tr(
            "{name} logged out; shift {number} is still open. Log in again to carry on "
            "with it; before leaving, log in and press F5 to close it (count the cash).")
            .format(name=shift.staff_name, number=shift.shift_no))
        self._render_error()

    def _render_error(self) -> None:
        if self._error is not None:
            text = self._error.message(self._i18n.language)
        elif self._problem:
            text = self.tr(self._problem)
        else:
            text = ""
        self.error_label.setText(text)

    # -- state the controller sets -------------------------------------------------
    def set_loading(self) -> None:
        self._loading = True
        self._set_inputs_enabled(False)
        self.retranslate()

    def set_shop(self, name: str) -> None:
        self._shop_name = name
        self._loading = False
        self._set_inputs_enabled(True)
        self.retranslate()

    def set_offline(self, offline: bool) -> None:
        """Say that the log-in is offline (the server away) or not."""
        self._offline = offline
        self.offline_label.setVisible(offline)

    def _fit_restored(self) -> None:
        """As tall as its lines (a wrapped label in the card is not asked for its height)."""
        label = self.restored_label
        label.setMinimumHeight(label.heightForWidth(max(label.width(), 360)) if label.text()
                               else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_restored)  # once the card has laid the label out

    def set_restored(self, result: Any) -> None:
        """Say (until the next log-in) what a restore put in place; None: say nothing."""
        self._restored = result
        self.restored_label.setVisible(result is not None)
        self.retranslate()

    def set_left_open(self, shift: Any) -> None:
        """Say (until the next log-in) that the shift of the cashier who logged out
        stays open (a ``ShiftSummary``); None: say nothing."""
        self._left_open = shift
        self.left_open_label.setVisible(shift is not None)
        self.retranslate()

    @property
    def offline(self) -> bool:
        return self._offline

    def set_staff(self, names: list[tuple[str, str]], preselect: str | None = None) -> None:
        """``names`` are (username, display name) pairs from ``staff.login_names``."""
        self._names = list(names)
        self._filling = True
        self.staff_picker.clear()
        for username, display in names:
            # Both names: the user name is what the approval box, the README and
            # ``memberdesk --user`` speak of.
            label = display if display == username else f"{display} ({username})"
            self.staff_picker.addItem(label, username)
        index = self.staff_picker.findData(preselect) if preselect else -1
        self.staff_picker.setCurrentIndex(max(index, 0))
        self._filling = False

    def update_staff(self, names: list[tuple[str, str]]) -> None:
        """Refresh the list, keeping the current choice and anything typed."""
        if names != self._names:
            self.set_staff(names, self.selected_username or None)

    def set_busy(self, busy: bool) -> None:
        self._set_inputs_enabled(not busy)
        if not busy:
            self.password.setFocus()

    def show_error(self, error: UserError) -> None:
        self._error, self._problem = error, ""
        self._render_error()
        self.password.selectAll()
        self.password.setFocus()

    def reset(self, preselect: str | None = None) -> None:
        """Clear the password and any error; preselect a staff member."""
        self._error, self._problem = None, ""
        self.password.clear()
        if preselect is not None:
            index = self.staff_picker.findData(preselect)
            if index >= 0:
                self.staff_picker.setCurrentIndex(index)
        self._render_error()
        self.set_busy(False)

    @property
    def selected_username(self) -> str:
        return str(self.staff_picker.currentData() or "")

    # -- input ------------------------------------------------------------------------
    def submit(self) -> None:
        if self._loading or not self.login_button.isEnabled():
            return
        username = self.selected_username
        if not username:
            self._set_problem(QT_TRANSLATE_NOOP("LoginScreen", "Choose a staff member"))
            return
        if not self.password.text():
            self._set_problem(QT_TRANSLATE_NOOP("LoginScreen", "Type your password"))
            return
        self._error, self._problem = None, ""
        self._render_error()
        self.set_busy(True)
        self.login_requested.emit(username, self.password.text())

    def _set_problem(self, source_text: str) -> None:
        self._error, self._problem = None, source_text
        self._render_error()
        self.password.setFocus()

    def _step_staff(self, delta: int) -> None:
        count = self.staff_picker.count()
        if count:
            self.staff_picker.setCurrentIndex((self.staff_picker.currentIndex() + delta) % count)

    def _staff_chosen(self) -> None:
        """Another staff member: the password typed and the message (a wrong password,
        a lock) were the one before's."""
        if self._filling:
            return
        self.password.clear()
        if self._error is not None or self._problem:
            self._error, self._problem = None, ""
            self._render_error()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for w in (self.staff_picker, self.password, self.login_button):
            w.setEnabled(enabled)
