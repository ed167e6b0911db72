"""F1 签到: the member at the counter signs in for today's business day.

Opening the dialog signs the member in (one press, as the member stands at the
counter); it says what was given (points, the streak, its bonus) or why not (already
signed in today, sign-in off). Enter or Esc closes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from memberdesk.services.loyalty.signin import SignInResult
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from .base import OK, TaskDialog


def do_sign_in(db: Any, actor: Any, member_id: int) -> SignInResult:
    from memberdesk.services.loyalty.signin import sign_in

    return sign_in(db, actor, member_id)


class SignInDialog(TaskDialog):
    signed_in = Signal(object)  # SignInResult

    def __init__(self, runner: TaskRunner, actor: Any, member: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="signInDialog")
        self.member = member  # the counter's member (member_no, name, id)
        self.outcome: SignInResult | None = None
        self.figures = QLabel()
        self.figures.setObjectName("signInFigures")
        self.figures.setWordWrap(True)
        self.body.addWidget(self.figures)
        self.body.addStretch(1)
        self.setMinimumWidth(520)
        self.retranslate()
        self.call(do_sign_in, self.actor, member.id, on_done=self._done)

    def _done(self, result: SignInResult) -> None:
        self.outcome = result
        self.work_done()  # signed in on opening: nothing to cancel
        self.say(lambda: self.tr("Signed in: +{points} points.").format(
            points=fmt.number(result.points + result.bonus)), OK)
        self.retranslate()
        self.signed_in.emit(result)

    def enter_pressed(self) -> None:
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign-in"))
        self.heading.setText(self.tr("Sign-in · {name} ({member_no})").format(
            name=self.member.name, member_no=self.member.member_no))
        r = self.outcome
        if r is None:
            self.figures.setText("")
        else:
            lines = [self.tr("Day {streak} in a row").format(streak=r.streak),
                     self.tr("Points given: {points}").format(points=fmt.number(r.points))]
            if r.bonus:
                lines.append(self.tr("Streak bonus: {bonus}").format(bonus=fmt.number(r.bonus)))
            lines.append(self.tr("Points now: {points}").format(
                points=fmt.number(r.points_balance)))
            self.figures.setText("\n".join(lines))
        super().retranslate()
