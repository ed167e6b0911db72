"""``memberdesk settings list|set``: the shop settings without the window.

``list`` shows every setting (key, value as a person reads it, default, label);
``set KEY VALUE --user NAME`` changes one as the owner (password from the terminal
or stdin), amounts in yuan. The service checks the value and the permission and
writes the audit log; a refusal is one line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import add_command, lang, opened_db, read_password, user_errors


def _pad(text: str, width: int) -> str:
    from memberdesk.services.receipts.text import text_width

    return text + " " * max(0, width - text_width(text))


def _t(zh: str, en: str) -> str:
    return zh if lang() == "zh_CN" else en


@user_errors
def cmd_list(args: argparse.Namespace) -> int:
    from memberdesk.services.receipts.text import text_width
    from memberdesk.services.shared.setting_text import display
    from memberdesk.services.shared.settings import list_settings

    with opened_db(args) as db:
        sheet = list_settings(db, None)
    language = lang()
    head = [_t("设置项", "key"), _t("当前值", "value"), _t("默认值", "default"),
            _t("说明", "setting")]  # fmt: skip
    rows = [[i.key, display(i.spec, i.value, language), display(i.spec, i.default, language),
             i.spec.label_in(language)] for i in sheet.items]  # fmt: skip
    widths = [max(text_width(r[c]) for r in [head, *rows]) for c in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


@user_errors
def cmd_set(args: argparse.Namespace) -> int:
    from memberdesk.services.shared.setting_text import display, parse
    from memberdesk.services.shared.settings import change_settings, list_settings
    from memberdesk.services.staff.accounts import login

    value = parse(args.key, args.value)  # a typo is refused before the password is asked
    with opened_db(args) as db:
        actor = login(db, args.user, read_password(f"{args.user} 的密码 / password: "))
        before = list_settings(db, actor).item(args.key)
        change_settings(db, actor, {args.key: value})
    language = lang()
    old, new = display(before.spec, before.value, language), display(before.spec, value, language)
    if before.value == value:
        print(_t(f"{args.key} 未改变：{new}", f"{args.key} unchanged: {new}"))
    else:
        print(f"{args.key}: {old} -> {new}")
    return 0


def register(sub: Any) -> None:
    settings = sub.add_parser("settings", help="shop settings: list, set")
    ssub = settings.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    add_command(ssub, "list", "list every setting with its value and default", cmd_list)
    p = add_command(ssub, "set", "change one setting (the owner; amounts in yuan)", cmd_set)
    p.add_argument("key", metavar="KEY", help="the setting, e.g. checkout.plain_amount_confirm_fen")
    p.add_argument("value", metavar="VALUE", help="the new value, e.g. 300 (yuan), 30, yes, "
                   "drop_jiao; \"\" to empty a text")
    p.add_argument("--user", required=True, metavar="NAME",
                   help="act as this staff member (password on stdin)")
