"""The 营销 page's correction of a campaign before it starts (issue 14): 修改 loads the
picked campaign's values into the form below (its kind fixed), 创建 becomes 保存修改,
and saving sends the whole form to :func:`memberdesk.services.campaigns.edit.edit_campaign`
(the service refuses a campaign that has started: end it with 立即结束). Picking
another row leaves the correction unsaved. The page is
:mod:`memberdesk.ui.backoffice.campaigns`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from memberdesk.services.campaigns.coupon_campaigns import CampaignRequest, CampaignRow
from memberdesk.services.campaigns.edit import edit_campaign, request_of

from ..dialogs.base import OK

MEMBERS = "\x00members"  # the who box's "members only" (a segment name is never this)


class CampaignEditing:
    """Mixed into the page: its form, picker and buttons are the page's."""

    editing: Any = None  # the request the campaign being corrected was loaded as

    def edit(self: Any) -> None:
        row = self.picked()
        if row is None or row.state != "pending" or self.progress is not None:
            return
        self.fetch(request_of, self.actor, row.name, on_done=self._fill)

    def _fill(self: Any, r: Any) -> None:
        kind = {"CampaignRequest": "coupon", "MemberDayRequest": "member_day",
                "SpecialRequest": "special", "GiftRequest": "gift"}[type(r).__name__]
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.name.setText(r.name)
        self.holdout.setText(f"{r.holdout_permille / 10:g}")
        if isinstance(r, CampaignRequest):
            self.segment.setCurrentIndex(max(0, self.segment.findData(r.segment)))
            self.template.setCurrentIndex(max(0, self.template.findData(r.template)))
            self.days.setText(str(r.days))
        else:
            who = r.segment or (MEMBERS if getattr(r, "members_only", False) else "")
            self.promo_segment.setCurrentIndex(max(0, self.promo_segment.findData(who)))
            self.promos[kind][0].fill(r)
        self.editing = r
        self.kind.setEnabled(False)
        self.edit_state()
        self.name.setFocus()

    def edited_request(self: Any, request: Any) -> Any:
        """The form's request as a correction keeps it: a member day's or coupon
        campaign's first day as loaded (the form types only its days)."""
        if hasattr(request, "first_day") and getattr(request, "on_day", None) is None:
            request = replace(request, first_day=self.editing.first_day)
        return request

    def save_edit(self: Any, request: Any) -> None:
        name = self.editing.name
        self.call(edit_campaign, self.actor, name, self.edited_request(request),
                  on_done=self._edited)

    def _edited(self: Any, row: CampaignRow) -> None:
        self.stop_edit()
        self.say(lambda: QCoreApplication.translate("CampaignsPage", "“{name}” saved.").format(
            name=row.name), OK)
        self.reload()

    def stop_edit(self: Any) -> None:
        if self.editing is None:
            return
        self.editing = None
        self.kind.setEnabled(True)
        self.name.clear()
        self.promo_segment.setCurrentIndex(0)
        self.edit_state()

    def edit_state(self: Any) -> None:
        """The form's heading and button as creating or correcting."""
        if self.editing is None:
            self.form_heading.setText(QCoreApplication.translate("CampaignsPage",
                                                                 "New campaign"))
            self.create_button.setText(QCoreApplication.translate("CampaignsPage", "Create"))
        else:
            self.form_heading.setText(QCoreApplication.translate(
                "CampaignsPage", "Change “{name}” (before it starts)").format(
                    name=self.editing.name))
            self.create_button.setText(QCoreApplication.translate("CampaignsPage",
                                                                  "Save changes"))
