"""What every counter-task dialog shares: a heading, a body, one message line for
user errors and results (in the current language, re-rendered when it changes),
a row of big buttons, and service calls on the task runner that keep the dialog
busy until they come back.

Buttons never become "default" by themselves: Enter in a field does what that
field says (move on, or submit), so a wedge reader's Enter never confirms a
half-filled form by accident. Esc closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from memberdesk.money import Money
from memberdesk.services.shared.errors import UserError
from memberdesk.services.shared.requests import parse_amount
from memberdesk.ui.shell.i18n import (
    EN,
    QT_TRANSLATE_NOOP,
    ZH_CN,
    Retranslating,
    add_language_key,
)
from memberdesk.ui.shell.tasks import TaskRunner

ERROR, OK, INFO = "error", "ok", "info"
APPROVAL_NEEDED = QT_TRANSLATE_NOOP(
    "TaskCalls", "A manager's approval is needed: the manager types their name and password "
    "in the box that opened.")


def current_language() -> str:
    """The interface language (the translations set the default QLocale)."""
    return EN if QLocale().language() == QLocale.Language.English else ZH_CN


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class AmountEdit(QLineEdit):
    """A yuan amount typed at the counter: right-aligned, big. Anything may be
    typed; :meth:`TaskDialog.read_amount` refuses what is not an amount."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("amountField", True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.setMaxLength(16)
        self.setPlaceholderText("0.00")

    def amount_or_none(self) -> Money | None:
        """The amount typed, or None while it is empty or not an amount."""
        try:
            return parse_amount(self.text()) if self.text().strip() else None
        except UserError:
            return None


def room_for(parent: QWidget | None, dialog: QWidget) -> QRect:
    """Where a dialog opened over ``parent`` may spread: the window it opens over (the
    counter, maximised on the shop's screen: the screen's free area), else its screen's."""
    window = parent.window() if parent is not None else None
    if window is not None and window.isVisible():
        return window.geometry()
    return dialog.screen().availableGeometry()


def size_to_room(dialog: QWidget, parent: QWidget | None, least: int, most: int,
                 height: int) -> None:
    """A wide dialog as wide as the room allows (nine tenths of it, ``least`` to
    ``most`` pixels; never wider than the room), ``height`` high at most: it uses a
    1366 screen and still fits a 1024x768 one."""
    room = room_for(parent, dialog)
    fits = room.width() - 24  # a frame and a margin either side
    dialog.setMinimumWidth(min(least, fits))
    dialog.resize(max(min(least, fits), min(most, room.width() * 9 // 10)),
                  min(height, room.height() - 40))


def needed_size(window: QWidget) -> QSize:
    """The size ``window``'s content needs: its height at the window's own width. The
    size hint's height is worked out at the layout's narrower preferred width, where a
    wrapping line (the message) takes more lines: measured there, a dialog grew each
    time a message appeared although it had room."""
    hint = window.sizeHint()
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth() or window.width() < hint.width():
        return hint
    return QSize(hint.width(), max(layout.totalHeightForWidth(window.width()),
                                   layout.totalMinimumSize().height()))


def push_button(slot: Callable[[], Any], *, primary: bool = False) -> QPushButton:
    button = QPushButton()
    button.setAutoDefault(False)
    button.setDefault(False)
    if primary:
        button.setObjectName("primaryButton")
    button.clicked.connect(slot)
    return button


def message_label() -> QLabel:
    """The line where a task says what went wrong or what it did."""
    label = QLabel()
    label.setObjectName("dialogMessage")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class TaskCalls:
    """Service calls and the message line, for a widget with ``runner``,
    ``actor``, ``message`` (see :func:`message_label`) and ``_busy_buttons``."""

    runner: TaskRunner
    actor: Any
    message: QLabel
    _busy_buttons: list[QPushButton]
    _message: Callable[[], str] | None = None
    _tone: str = INFO
    _busy: bool = False
    _calls: int = 0  # calls submitted so far

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in self._busy_buttons:
            button.setEnabled(not busy)
        if not busy:
            self.update_state()

    def _settled(self) -> None:
        """After a callback: controls back on, unless it started another call."""
        if not self._busy:
            self._set_busy(False)

    def update_state(self) -> None:
        """Enable/disable controls after a change (subclasses override)."""

    def call(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[UserError], None] | None = None,
        on_finally: Callable[[], None] | None = None,
        with_database: bool = True,
        approval: bool = False,
        **kwargs: Any,
    ) -> None:
        """``service(db, *args, **kwargs)`` on the worker (``with_database=False``:
        without the database). A user error is shown in the message line (and
        passed to ``on_error``); callbacks for a widget already gone are dropped;
        ``on_finally`` runs in every case, a bug included, widget gone or not.
        ``approval``: ``on_error`` opens the manager's approval on a refused
        permission, so the line says that calmly instead of in red ("Not allowed"
        behind the approval box read as a failure: issue 11, a blind trial)."""

        def done(result: Any) -> None:
            if isValid(self):
                self._busy = False
                on_done(result)
                self._settled()

        def failed(error: UserError) -> None:
            if isValid(self):
                self._busy = False
                if approval and error.code == "permission_denied":
                    self.say(lambda: QCoreApplication.translate("TaskCalls", APPROVAL_NEEDED),
                             INFO)
                else:
                    self.show_error(error)
                if on_error is not None:
                    on_error(error)
                self._settled()

        def settle_after_a_bug() -> None:  # done/failed ran, or a bug went to the crash hook
            if isValid(self) and self._busy and self._calls == mine:
                self._set_busy(False)  # (not when a callback started the next call)
            if on_finally is not None:
                on_finally()

        self._calls += 1
        mine = self._calls
        self._set_busy(True)
        submit = self.runner.call if with_database else self.runner.run
        submit(service, *args, on_done=done, on_user_error=failed, on_finally=settle_after_a_bug,
               **kwargs)

    def fetch(self, service: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None]) -> None:
        """A background read that neither makes the widget busy nor reports a
        user error (a default value, say): ``on_done`` only if it worked."""

        def done(result: Any) -> None:
            if isValid(self):
                on_done(result)

        self.runner.call(service, *args, on_done=done, on_user_error=lambda _e: None)

    # -- the message line ---------------------------------------------------------------
    def show_error(self, error: UserError) -> None:
        self.say(lambda: error.message(current_language()), ERROR)

    def say(self, text: Callable[[], str], tone: str = INFO) -> None:
        """Show ``text()`` (called again when the language changes)."""
        self._message, self._tone = text, tone
        self._render_message()

    def clear_message(self) -> None:
        self._message = None
        self._render_message()

    def _render_message(self) -> None:
        text = self._message() if self._message is not None else ""
        self.message.setText(text)
        self.message.setProperty("tone", self._tone)
        restyle(self.message)
        self.message.setVisible(bool(text))
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """A window whose content grew (a message line appeared, a longer text)
        grows with it instead of squeezing its fields together."""
        window = cast(QWidget, self)
        layout = window.layout()
        if not window.isWindow() or not window.isVisible() or layout is None:
            return
        # a label shown or hidden inside a nested widget tells the dialog's layout on
        # the next turn of the event loop: measured before, it is the old text's height
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout.activate()
        hint = needed_size(window)
        if window.height() < hint.height() or window.width() < hint.width():
            room = window.screen().availableGeometry()
            window.resize(min(max(window.width(), hint.width()), room.width()),
                          min(max(window.height(), hint.height()), room.height()))
            frame = window.frameGeometry()
            if frame.bottom() > room.bottom():  # keep the buttons on the screen
                window.move(frame.left(), max(room.top(), room.bottom() - frame.height()))

    # -- keys -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere (fields pass it on) goes to :meth:`enter_pressed`, never
        to a default button; other keys as usual (Esc closes a dialog)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            event.accept()
            if not self._busy:
                self.enter_pressed()
            return
        parent: Any = super()
        parent.keyPressEvent(event)

    def enter_pressed(self) -> None:
        """Enter in the dialog or page; subclasses decide what it does."""

    # -- input ------------------------------------------------------------------------
    def read_amount(self, edit: AmountEdit, missing: Callable[[], str]) -> Money | None:
        """The amount in ``edit``; else the problem is shown, the field gets the
        focus and None is returned."""
        text = edit.text().strip()
        problem: Callable[[], str] | None = None
        amount: Money | None = None
        if not text:
            problem = missing
        else:
            try:
                amount = parse_amount(text)
            except UserError as exc:
                error = exc  # the except clause unbinds ``exc`` when it ends
                problem = lambda: error.message(current_language())  # noqa: E731
        if problem is not None:
            self.say(problem, ERROR)
            edit.setFocus()
            edit.selectAll()
            return None
        return amount

    def require_text(self, edit: QLineEdit, missing: Callable[[], str]) -> str | None:
        text = " ".join(edit.text().split())
        if not text:
            self.say(missing, ERROR)
            edit.setFocus()
            return None
        return text


class TaskDialog(Retranslating, TaskCalls, QDialog):
    """Base of the counter-task dialogs. Subclasses fill :attr:`body`, add buttons
    with :meth:`add_button`, call services with :meth:`call`, and end their
    ``retranslate`` with ``super().retranslate()``."""

    def __init__(
        self, runner: TaskRunner, actor: Any, parent: QWidget | None = None, *, name: str
    ) -> None:
        super().__init__(parent)
        add_language_key(self)
        self.setObjectName(name)
        self.setProperty("taskDialog", True)
        self.setModal(True)
        self.runner = runner
        self.actor = actor
        self._busy_buttons = []
        self._work_done = False  # the task was done: Esc no longer cancels anything

        self.heading = QLabel()
        self.heading.setObjectName("dialogHeading")
        self.heading.setWordWrap(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.message = message_label()
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(10)
        self.buttons.addStretch(1)
        self.close_button = push_button(self.reject)  # Cancel (Esc), never "Close"
        self.close_button.setObjectName("dismissButton")
        self.buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)

    def add_button(
        self, slot: Callable[[], Any], *, primary: bool = False, busy: bool = True
    ) -> QPushButton:
        """A button left of Close; ``busy`` ones are disabled while a call runs."""
        button = push_button(slot, primary=primary)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if busy:
            self._busy_buttons.append(button)
        return button

    def work_done(self, *, own_done_button: bool = False) -> None:
        """The task was done: the Esc button no longer reads "Cancel" (it cancels
        nothing now). ``own_done_button``: the dialog's own button reads "Done
        (Enter)", so the Esc button goes (Esc still closes)."""
        self._work_done = True
        self.close_button.setVisible(not own_done_button)
        self.retranslate()

    def retranslate(self) -> None:
        # "Close" beside "Close shift" or "Close the day" was read as closing them: the
        # button that leaves without doing anything says Cancel (issue 11).
        self.close_button.setText(self.tr("Done (Esc)") if self._work_done
                                  else self.tr("Cancel (Esc)"))
        self._render_message()
