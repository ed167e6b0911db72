"""What the counter window keeps saying as things change under it: the shop's name
after the owner renames it (Settings → Shop), times in the shop's time zone after the
owner changes it (Settings), and a language whose catalogue could
not be loaded or built (:mod:`.i18n`), in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QStatusBar

from memberdesk.ui.common import fmt
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


TIME_ZONE_KEY = "shop.timezone_offset_minutes"


def follow_time_zone(settings_changed: SignalInstance) -> None:
    """After the back office saved settings: the window's times and "today" in the
    shop's time zone as it is now, as the receipts printed from then on (they kept the
    zone of the log-in until the next one)."""

    def changed(values: dict[str, Any]) -> None:
        if values.get(TIME_ZONE_KEY) is not None:
            fmt.set_shop_offset(int(values[TIME_ZONE_KEY]))

    settings_changed.connect(changed)
