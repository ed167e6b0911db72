"""The manager-approval box says what is approved in the cashier's words (a blind
trial: giving a coupon asked for approval to "管理营销活动", the permission's name); the
permission's name is said only when the caller names no action."""

from __future__ import annotations

from typing import Any

import pytest

from memberdesk.services.shared.permissions import Permission
from memberdesk.ui.dialogs.approval import ACTIONS, ApprovalDialog
from memberdesk.ui.shell.i18n import Translations
from memberdesk.ui.shell.tasks import TaskRunner

# (action, permission asked, its words in Chinese and in English)
WORDS = [
    ("give_coupon", Permission.MANAGE_PROMOTIONS, "发放优惠券", "Giving a coupon"),
    ("refund", Permission.REFUND, "退款", "A refund"),
    ("discount", Permission.MANUAL_DISCOUNT, "本单优惠", "The discount on this sale"),
    ("price_change", Permission.PRICE_OVERRIDE, "本单改价", "The price change on this sale"),
    ("undo_count_card_use", Permission.ADJUST_BALANCE, "撤销次卡的一次使用",
     "Undoing a use of a count card"),
    ("refund_count_card", Permission.REFUND, "退次卡未用部分", "Refunding a count card"),
]


def box(qtbot: Any, runner: TaskRunner, staff: dict[str, Any], permission: Permission,
        action: str | None = None) -> ApprovalDialog:
    dialog = ApprovalDialog(runner, staff["cashier"], permission, "原因", action=action)
    qtbot.addWidget(dialog)
    return dialog


def in_english(qtbot: Any, i18n: Translations, dialog: ApprovalDialog) -> None:
    i18n.set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Manager approval")  # retranslated


def test_every_action_has_its_words() -> None:
    assert sorted(ACTIONS) == sorted(action for action, *_ in WORDS)


@pytest.mark.parametrize(("action", "permission", "zh", "en"), WORDS)
def test_the_box_names_the_action_in_the_cashiers_words(  # type: ignore[no-untyped-def]
        qtbot, runner: TaskRunner, staff: dict[str, Any], i18n: Translations,
        action: str, permission: Permission, zh: str, en: str) -> None:
    dialog = box(qtbot, runner, staff, permission, action)
    assert dialog.explanation.text() == (
        f"{zh}需要店长或老板授权：请其在此输入用户名和密码，授权仅限本次使用。")
    in_english(qtbot, i18n, dialog)
    assert dialog.explanation.text() == (
        f"{en} needs a manager or the owner. They type their user name and password here; "
        "the approval counts once.")


def test_a_refund_asked_without_words_still_says_refund(qtbot, runner: TaskRunner, staff: dict[str, Any], i18n: Translations) -> None:  # type: ignore[no-untyped-def]
    # the sale's refund dialog names no action: a refund is what REFUND approves there
    assert box(qtbot, runner, staff, Permission.REFUND).explanation.text().startswith(
        "退款需要店长或老板授权")


def test_without_words_the_permission_is_named(qtbot, runner: TaskRunner, staff: dict[str, Any], i18n: Translations) -> None:  # type: ignore[no-untyped-def]
    dialog = box(qtbot, runner, staff, Permission.ADJUST_BALANCE)
    assert dialog.explanation.text().startswith("调整余额或积分需要店长或老板授权")
    in_english(qtbot, i18n, dialog)
    assert dialog.explanation.text().startswith("Adjust a balance or points needs a manager")
