"""What the counter window keeps saying as things change under it: the shop's name
after the owner renames it (Settings → Shop), and a language whose catalogue could
not be loaded or built (:mod:`.i18n`), in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QStatusBar

from memberdesk.ui.shell.i18n import Translations

if TYPE_CHECKING:
    from memberdesk.ui.shell.session import AppController


def follow_language_problem(i18n: Translations, status: QStatusBar) -> None:
    """No Chinese catalogue and none could be built: said, never silent English."""

    def show(text: str) -> None:
        if text:
            status.showMessage(text)
        else:
            status.clearMessage()

    i18n.problem_changed.connect(show)
    show(i18n.problem)


def shop_name_of(db: Any) -> str:
    from memberdesk.services.shop.setup import shop_info

    return shop_info(db).name


def follow_shop_name(controller: AppController, settings_changed: SignalInstance) -> None:
    """After the back office saved settings (the shop's details among them, perhaps):
    the window's title, its status bar and the login screen say the name as it is."""

    def loaded(name: str) -> None:
        controller.shop_name = name
        controller.main.set_shop_name(name)
        controller.login.set_shop(name)

    settings_changed.connect(lambda _values: controller.runner.call(
        shop_name_of, on_done=loaded, on_user_error=lambda _error: None))
