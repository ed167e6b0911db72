"""营销 → 分群: build a member filter (:mod:`.member_filters`, every field, folded behind
its button beside the count so the list keeps eight rows at 1024x768), see how
many members it matches (live, as the filter is applied) and the first of them (the
member list's lazy keyset pages), save it under a name, load or delete a saved one,
and export its members (Excel, phones masked as the role requires) to the shop's
exports folder on the long-job worker, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from memberdesk.services.campaigns.segments import (
    SegmentRow,
    count_members,
    delete_segment,
    export_segment,
    list_segments,
    save_segment,
)
from memberdesk.services.loyalty.tiers import list_tiers
from memberdesk.services.members.filter import MemberFilter
from memberdesk.ui.common import fmt
from memberdesk.ui.common.widgets import PickerBox
from memberdesk.ui.shell.i18n import Retranslating

from ..dialogs.base import ERROR, OK, current_language, push_button
from .jobs import business_today
from .long_jobs import JobBar, LongJobs, Progress
from .member_list_panel import MemberListPanel


def _step(progress: Progress, done: int, total: int) -> None:
    progress.step(done, total)


def export_job(db: Any, actor: Any, name: str, lang: str, progress: Progress) -> Any:
    """Worker side: the segment's members to the shop's exports folder."""
    folder = db.paths.exports
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() else "_" for ch in name)
    path = folder / f"{safe}_{fmt.date_text(business_today(db))}.xlsx"
    return export_segment(db, actor, name, path, progress=lambda d, t: _step(progress, d, t),
                          cancel=lambda: progress.cancelled, lang=lang)


class SegmentsTab(Retranslating, QWidget):
    def __init__(self, page: Any, long_jobs: LongJobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.long_jobs = long_jobs
        self.segments: list[SegmentRow] = []
        self.count: int | None = None
        self.progress: Progress | None = None
        self.saved = PickerBox()
        self.saved.setObjectName("segmentPicker")
        self.saved.setMinimumContentsLength(10)
        self.saved.activated.connect(self._load)
        self.name = QLineEdit()
        self.name.setObjectName("segmentName")
        self.name.setMaxLength(40)
        self.save_button = push_button(self.save, primary=True)
        self.delete_button = push_button(self.delete)
        self.export_button = push_button(self.export)
        self.cancel_button = push_button(self.cancel)
        self.bar = JobBar()
        self.bar.setMaximumWidth(160)
        self.bar.hide()
        self.cancel_button.hide()
        self.picker_label, self.name_label = QLabel(), QLabel()
        self.picker_label.setBuddy(self.saved)
        self.name_label.setBuddy(self.name)
        self.count_label = QLabel()
        self.count_label.setObjectName("segmentCount")
        self.list = MemberListPanel(page.runner, page.actor, say_error=self._error,
                                    open_member=lambda _no: None, segment_fields=True)
        self.list.applied.connect(self._count)
        top = QHBoxLayout()
        top.addWidget(self.picker_label)
        top.addWidget(self.saved, 3)  # a saved name whole (近30天到店会员)
        top.addWidget(self.name_label)
        top.addWidget(self.name, 2)
        for w in (self.save_button, self.delete_button, self.export_button, self.bar,
                  self.cancel_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.list.top_row.insertWidget(0, self.count_label, 1)  # the live count, said once:
        self.list.count_label.hide()  # not also the preview's rows ("33 members match  33 …")
        self.retranslate()

    # -- loading ---------------------------------------------------------------------------
    def activated(self) -> None:
        self.page.fetch(list_tiers, on_done=self.list.show_tiers)
        self.reload()
        self.list.apply_now()

    def reload(self, select: str = "") -> None:
        self.page.fetch(list_segments, self.page.actor,
                        on_done=lambda rows: self._show_segments(rows, select))

    def _show_segments(self, rows: list[SegmentRow], select: str) -> None:
        self.segments = rows
        self.saved.clear()
        self.saved.addItem(self.tr("(new)"), "")
        for r in rows:
            self.saved.addItem(r.name, r.name)
        self.saved.setCurrentIndex(max(0, self.saved.findData(select)))

    def _load(self, _index: int) -> None:
        name = self.saved.currentData()
        found = next((r for r in self.segments if r.name == name), None)
        self.name.setText(found.name if found else "")
        self.list.filter_box.set_filters(found.filters if found else MemberFilter())
        self.list.apply_now()

    def _count(self, filters: MemberFilter) -> None:
        self.count = None
        self._render_count()
        self.page.fetch(count_members, self.page.actor, filters, on_done=self._counted)

    def _counted(self, n: int) -> None:
        self.count = n
        self._render_count()

    def _error(self, text: str) -> None:
        self.page.say(lambda: text, ERROR)

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        filters = self.list.filters()
        if filters is None:
            return
        name = self.name.text()
        self.page.call(save_segment, self.page.actor, name, filters,
                       on_done=lambda row: self._saved(row.name))

    def _saved(self, name: str) -> None:
        self.reload(select=name)
        self.page.say(lambda: self.tr("Segment “{name}” saved.").format(name=name), OK)

    def delete(self) -> None:
        name = self.saved.currentData()
        if name:
            self.page.call(delete_segment, self.page.actor, name,
                           on_done=lambda _r: self._deleted(name))

    def _deleted(self, name: str) -> None:
        self.reload()
        self.name.clear()
        self.page.say(lambda: self.tr("Segment “{name}” deleted.").format(name=name), OK)

    def export(self) -> None:
        name = self.saved.currentData()
        if not name:
            self.page.say(lambda: self.tr("Save the segment first, then export it."), ERROR)
            return
        self.export_button.setEnabled(False)
        self.page.say(lambda: self.tr("Exporting “{name}”…").format(name=name))
        self.progress = self.long_jobs.call_with_progress(
            export_job, self.page.actor, name, current_language(), on_done=self._exported,
            on_user_error=self.page.show_error, on_finally=self._export_over)
        self.bar.follow(self.progress)
        self.bar.show()
        self.cancel_button.show()

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()

    def _exported(self, res: Any) -> None:
        path: Path = res.path
        self.page.say(lambda: self.tr("%n member(s) written to {path}", "", res.rows).format(
            path=path), OK)

    def _export_over(self) -> None:
        self.progress = None
        self.bar.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)

    # -- texts -----------------------------------------------------------------------------
    def _render_count(self) -> None:
        self.count_label.setText(self.tr("Counting…") if self.count is None else
                                 self.tr("%Ln member(s) match", "", self.count))

    def retranslate(self) -> None:
        self.picker_label.setText(self.tr("Se&gment"))  # Alt+S: 此后未到店
        self.name_label.setText(self.tr("&Name"))
        self.save_button.setText(self.tr("Save"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.saved.count():
            self.saved.setItemText(0, self.tr("(new)"))
        self._render_count()
