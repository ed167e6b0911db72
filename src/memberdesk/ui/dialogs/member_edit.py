"""F10 会员资料: the counter's member's details — name, mobile, gender, birthday,
notes, marketing consent, unsubscribed from promotional texts (退订) — changed and
saved in one go. Only what was changed is
sent to the service (which checks and audits it); a masked phone left as it is
stays as it was. Enter moves from field to field and saves in the last one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from memberdesk.models.enums import Gender
from memberdesk.services.members.details import MemberDetail
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from memberdesk.ui.shell.tasks import TaskRunner

from .base import ERROR, OK, TaskDialog

GENDERS = (
    (Gender.UNKNOWN, QT_TRANSLATE_NOOP("MemberEditDialog", "Not given")),
    (Gender.MALE, QT_TRANSLATE_NOOP("MemberEditDialog", "Male")),
    (Gender.FEMALE, QT_TRANSLATE_NOOP("MemberEditDialog", "Female")),
)


def load_member(db: Any, actor: Any, member_no: str) -> MemberDetail:
    from memberdesk.services.members.details import get_member

    return get_member(db, actor, member_no)


def save_member(db: Any, actor: Any, member_no: str, changes: dict[str, Any]) -> Any:
    """Worker: save the changes, then the member as the counter's lookup shows them."""
    from memberdesk.services.members.lookup import lookup
    from memberdesk.services.members.profiles import edit_member

    edit_member(db, actor, member_no, **changes)
    return lookup(db, actor, member_no).member


class MemberEditDialog(TaskDialog):
    saved = Signal(object)  # the member as services.members.lookup.MemberHit

    def __init__(self, runner: TaskRunner, actor: Any, member_no: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, actor, parent, name="memberEditDialog")
        self.member_no = member_no
        self.member: MemberDetail | None = None
        self.is_saved = False
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.gender = PickerBox()
        for value, _text in GENDERS:
            self.gender.addItem("", value)
        self.birthday = QLineEdit()
        self.birthday.setMaxLength(10)
        self.notes = QLineEdit()
        self.notes.setMaxLength(500)
        self.consent = QCheckBox()
        self.unsubscribed = QCheckBox()
        self.fields: list[QWidget] = [self.name, self.phone, self.gender, self.birthday,
                                      self.notes]
        self.labels = [QLabel() for _ in self.fields]
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        for label, field in zip(self.labels, self.fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.consent)
        form.addRow("", self.unsubscribed)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.save_button = self.add_button(self.submit, primary=True)
        self.setMinimumWidth(600)
        self._set_enabled(False)
        self.retranslate()
        self.call(load_member, self.actor, member_no, on_done=self._loaded)

    def _set_enabled(self, enabled: bool) -> None:
        for field in (*self.fields, self.consent, self.unsubscribed):
            field.setEnabled(enabled)

    def _loaded(self, member: MemberDetail) -> None:
        self.member = member
        self.name.setText(member.name)
        self.phone.clear()  # typed only to change it; the current one is the placeholder
        self.gender.setCurrentIndex(max(0, self.gender.findData(member.gender)))
        self.birthday.setText(member.birthday.isoformat() if member.birthday else "")
        self.notes.setText(member.notes)
        self.consent.setChecked(member.marketing_consent)
        self.unsubscribed.setChecked(member.sms_unsubscribed)
        self._set_enabled(True)
        self.retranslate()
        self.name.setFocus()
        self.name.selectAll()

    # -- keys and saving -------------------------------------------------------------------
    def enter_pressed(self) -> None:
        if self.is_saved:
            self.accept()
            return
        focus = self.focusWidget()
        if focus in self.fields[:-1]:
            self.fields[self.fields.index(focus) + 1].setFocus()
        else:
            self.submit()

    def _birthday(self) -> date | str | None:
        """The birthday typed (None: cleared), or "" when it is not a date."""
        text = self.birthday.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text.replace("/", "-"))
        except ValueError:
            return ""

    def changes(self) -> dict[str, Any] | None:
        """What differs from the member as loaded; None when something is not valid
        (the message says what)."""
        m = self.member
        if m is None:
            return None
        birthday = self._birthday()
        if birthday == "":
            self.say(lambda: self.tr("Type the birthday as YYYY-MM-DD, e.g. 1988-05-20."), ERROR)
            self.birthday.setFocus()
            self.birthday.selectAll()
            return None
        wanted: dict[str, Any] = {
            "name": " ".join(self.name.text().split()),
            "gender": Gender(self.gender.currentData()),
            "birthday": birthday,
            "notes": self.notes.text().strip(),
            "marketing_consent": self.consent.isChecked(),
            "sms_unsubscribed": self.unsubscribed.isChecked(),
        }
        current = {"name": m.name, "gender": m.gender, "birthday": m.birthday,
                   "notes": m.notes, "marketing_consent": m.marketing_consent,
                   "sms_unsubscribed": m.sms_unsubscribed}
        out = {k: v for k, v in wanted.items() if v != current[k]}
        if self.phone.text().strip():
            out["phone"] = self.phone.text().strip()
        return out

    def submit(self) -> None:
        if self.is_saved:
            self.accept()
            return
        if self.busy:
            return
        changes = self.changes()
        if changes is None:
            return
        if not changes:
            self.say(lambda: self.tr("Nothing was changed."))
            return
        self.call(save_member, self.actor, self.member_no, changes, on_done=self._saved)

    def _saved(self, hit: Any) -> None:
        self.is_saved = True
        self.work_done(own_done_button=True)
        self._set_enabled(False)
        self.say(lambda: self.tr("Saved."), OK)
        self.retranslate()
        if hit is not None:
            self.saved.emit(hit)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Member details"))
        m = self.member
        self.heading.setText(
            self.tr("Details of {name} ({member_no})").format(name=m.name, member_no=m.member_no)
            if m is not None else self.tr("Member details"))
        texts = (self.tr("&Name"), self.tr("&Mobile"), self.tr("&Gender"), self.tr("&Birthday"),
                 self.tr("N&otes"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.phone.setPlaceholderText(
            self.tr("{phone} — type a new number to change it").format(phone=m.phone)
            if m is not None else "")
        self.birthday.setPlaceholderText(self.tr("YYYY-MM-DD"))
        for i, (_value, text) in enumerate(GENDERS):
            self.gender.setItemText(i, self.tr(text))
        self.consent.setText(self.tr("Agrees to receive offers (SMS, WeChat)"))
        self.unsubscribed.setText(self.tr("Unsubscribed from offer texts (replied R / 退订)"))
        self.save_button.setText(self.tr("Done (Enter)") if self.is_saved else self.tr("Save (Enter)"))
        super().retranslate()
