"""The owner's confirmation of a restore (备份与恢复 → restore): before the password,
plainly what the restore does — which backup (made when, shop time, and how long
ago), what the live data recorded since then that is lost (sales and their total,
refunds, recharges, shifts, sealed day closes with their dates; members registered,
products added, stock movements: from ``services.backup.loss.restore_loss``), which
members, products and settings merely differ (they become the backup's version: which
side is newer is not known, an undo of a restore brings newer ones back), and that the current data is saved first
(where, and how to get it back). Then the password, as for any confirmation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from memberdesk.services.backup.loss import RestoreLoss
from memberdesk.services.shared.permissions import Permission
from memberdesk.ui.common import fmt
from memberdesk.ui.shell.tasks import TaskRunner

from ..dialogs.approval import ApprovalDialog
from ..dialogs.base import ERROR, OK, restyle


def _joined(parts: list[str], mark: str) -> str:
    """``a, b`` / ``a；b``: the language's own comma or semicolon (as fmt.sentences)."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return ({",": "，", ";": "；"}[mark] if chinese else mark + " ").join(parts)


class RestoreConfirm(ApprovalDialog):
    """The owner's password, below what the restore of ``loss.source`` takes back."""

    def __init__(self, runner: TaskRunner, actor: Any, loss: RestoreLoss,
                 parent: QWidget | None = None) -> None:
        self.loss = loss
        super().__init__(runner, actor, Permission.RESTORE,
                         QCoreApplication.translate("RestoreConfirm", "Restore {file}").format(
                             file=loss.source.name), parent,
                         approver=actor.username)
        self.setObjectName("restoreConfirm")
        self.made_label, self.loss_label, self.keep_label = QLabel(), QLabel(), QLabel()
        self.made_label.setObjectName("restoreMade")
        self.loss_label.setObjectName("restoreLoss")
        self.keep_label.setObjectName("restoreKeep")
        for i, label in enumerate((self.made_label, self.loss_label, self.keep_label)):
            label.setWordWrap(True)
            label.setMargin(8 if label is self.loss_label else 0)
            self.body.insertWidget(i, label)
        # the reason is given ("Restore <file>"): its row would only push the password
        # down on a 768-pixel-high screen
        self.reason.hide()
        self.reason_label.hide()
        self.setMinimumWidth(640)
        self.resize(900, self.height())  # fewer wrapped lines: it fits 768 pixels
        self.retranslate()

    # -- size -----------------------------------------------------------------------------
    def _fit_labels(self) -> None:
        """Each wrapped text as tall as its lines at the dialog's width (a top-level
        layout does not ask a wrapping label for its height at a width), then the
        dialog grows to hold them, within the screen."""
        width = self.width() - 56  # the dialog's side margins
        for label in (self.made_label, self.loss_label, self.keep_label):
            label.setMinimumHeight(label.heightForWidth(width))
        self.grow_to_fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "keep_label"):
            self._fit_labels()

    # -- texts ----------------------------------------------------------------------------
    def age_text(self, age: timedelta) -> str:
        """``3 hours ago``, ``2 days ago`` (a backup's age by the shop clock)."""
        minutes = max(0, int(age.total_seconds() // 60))
        hours, days = minutes // 60, minutes // (24 * 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 60:
            return self.tr("%n minute(s) ago", "", minutes)
        if hours < 48:
            return self.tr("%n hour(s) ago", "", hours)
        return self.tr("%n day(s) ago", "", days)

    def made_text(self) -> str:
        """Which backup, when it was made (shop time) and how long ago."""
        loss = self.loss
        made = (self.tr("Made {when} (shop time), {age}.") if loss.from_manifest
                else self.tr("Made {when} (shop time, the file's own time: it has no "
                             "manifest), {age}."))
        return loss.source.name + "\n" + made.format(when=fmt.datetime_text(loss.made_at),
                                                      age=self.age_text(loss.age))

    def loss_lines(self) -> list[str]:
        """A line per kind of record made here since the backup and lost by the restore."""
        loss, lines = self.loss, []
        sales, refunds, recharges, shifts = loss.sales, loss.refunds, loss.recharges, loss.shifts
        closes = len(loss.closes)
        if sales:
            lines.append(self.tr("%n sale(s), {total}", "", sales).format(
                total=fmt.money(loss.sales_total)))
        if refunds:
            lines.append(self.tr("%n refund(s), {total}", "", refunds).format(
                total=fmt.money(loss.refunds_total)))
        if recharges:
            lines.append(self.tr("%n recharge(s), {total}", "", recharges).format(
                total=fmt.money(loss.recharges_total)))
        if shifts:
            lines.append(self.tr("%n shift(s)", "", shifts))
        if closes:
            one = self.tr("{date} (No. {number})")
            dates = ", ".join(one.format(date=fmt.date_text(c.business_date), number=c.close_no)
                              for c in loss.closes)
            lines.append(self.tr("%n sealed day close(s): {dates}", "", closes).format(
                dates=dates))
        return lines + self.record_lines()

    def record_lines(self) -> list[str]:
        """Members, products and stock movements added here, in one line (it wraps): the
        confirmation must still fit a 768-pixel-high screen. Rows that merely differ are
        :meth:`differ_text`'s (which file is newer is not known)."""
        r = self.loss.records
        parts = []
        if r.members_new:
            parts.append(self.tr("members: {counts}").format(
                counts=self.tr("{count} registered").format(count=r.members_new)))
        if r.products_new:
            parts.append(self.tr("products: {counts}").format(
                counts=self.tr("{count} added").format(count=r.products_new)))
        if r.stock_moves:
            parts.append(self.tr("%n stock movement(s) (received, counted, transferred)", "",
                                 r.stock_moves))
        return [_joined(parts, ";")] if parts else []

    def differ_text(self) -> str:
        """Members, products and settings that differ in the backup: direction-blind (an
        undo of a restore brings the newer ones back), so not called lost."""
        r = self.loss.records
        parts = []
        if r.products_changed:
            parts.append(self.tr("%n product(s)", "", r.products_changed))
        if r.members_changed:
            parts.append(self.tr("%n member(s)", "", r.members_changed))
        if r.settings_changed:
            parts.append(self.tr("%n setting(s)", "", r.settings_changed))
        if not parts:
            return ""
        return self.tr("Different in the backup, will become the backup's version: "
                       "{counts}").format(counts=_joined(parts, ","))

    def loss_text(self) -> str:
        if self.loss.nothing_lost:
            return self.tr("Nothing is lost: no sales, refunds, recharges, shifts, day closes, "
                           "members, products, stock movements or settings were recorded or "
                           "changed here since this backup.")
        lines = self.loss_lines()
        text = [self.tr("Recorded here since this backup and lost by the restore:"),
                *("• " + line for line in lines)] if lines else []
        differ = self.differ_text()
        return "\n".join(text + ([differ] if differ else []))

    def keep_text(self) -> str:
        # (what else goes back is counted above: one sentence less on a 768-pixel screen)
        return self.tr("First the current data is saved as a new backup (\"before a restore\") "
                       "in {folder}: to undo the restore, restore that file.").format(
            folder=self.loss.keep_folder)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "keep_label"):  # ApprovalDialog.__init__'s first call
            return
        self.setWindowTitle(self.tr("Restore this backup?"))
        self.heading.setText(self.tr("Restore this backup?"))
        self.made_label.setText(self.made_text())
        self.loss_label.setText(self.loss_text())
        self.loss_label.setProperty("tone", OK if self.loss.nothing_lost else ERROR)
        restyle(self.loss_label)
        self.keep_label.setText(self.keep_text())
        self._fit_labels()
        self.explanation.setText(self.tr("To restore it, type your password again."))
        self.approve_button.setText(self.tr("Restore (Enter)"))
