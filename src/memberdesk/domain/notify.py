"""Message rules of the notification outbox (短信通知): the events, their templates and
placeholders, the hours promotional messages may go out, the unsubscribe text, and
the retry backoff. Plain Python: the services and the back office share them.

A template is the owner's text with placeholders in braces: ``{name}``, ``{points}``,
``{amount}``, ``{balance}``, ``{date}``, ``{tier}``, ``{shop}``, ``{card}`` (a count
card), ``{uses}`` (its uses left), ``{coupon}`` (a coupon's name). Any other name in
braces is refused when the template is saved (:func:`template_problem`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime, time, timedelta

PLACEHOLDERS: tuple[str, ...] = ("name", "points", "amount", "balance", "date", "tier", "shop",
                                  "card", "uses", "coupon")

# Required by the providers (and the rules on marketing SMS) at the end of every
# promotional message.
UNSUBSCRIBE = "拒收请回复R"
# A reply (the provider's reply report) that unsubscribes: R, TD or 退订, any case.
UNSUBSCRIBE_REPLIES = frozenset({"r", "td", "退订"})

# Promotional messages go out only between these hours of the shop's day.
PROMO_FROM, PROMO_UNTIL = time(8, 0), time(21, 0)

MAX_ATTEMPTS = 6  # sends tried before a message fails for good
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
KEEP_WAITING = timedelta(days=3)  # a message not sent by then is dropped as stale


@dataclass(frozen=True)
class Event:
    key: str
    promotional: bool
    label: tuple[str, str]  # (zh, en)
    default: tuple[str, str]  # the template when the owner has written none (zh, en)


EVENTS: dict[str, Event] = {
    "balance": Event(
        "balance", False, ("储值变动", "Balance change"),
        ("{name}您好，您在{shop}的储值变动 {amount}，当前余额 {balance}。",
         "Dear {name}, your stored value at {shop} changed by {amount}; balance {balance}.")),
    "tier": Event(
        "tier", False, ("等级变更", "Tier change"),
        ("{name}您好，您在{shop}的会员等级已变更为{tier}。",
         "Dear {name}, your member tier at {shop} is now {tier}.")),
    "birthday": Event(
        "birthday", True, ("生日祝福", "Birthday greeting"),
        ("{name}，{shop}祝您生日快乐！生日礼已放入您的会员账户。",
         "Happy birthday, {name}! {shop} has put a birthday gift in your member account.")),
    "expiry": Event(
        "expiry", False, ("积分到期提醒", "Points expiring"),
        ("{name}您好，您在{shop}有 {points} 积分将于 {date} 到期，请及时使用。",
         "Dear {name}, {points} of your points at {shop} expire on {date}: use them soon.")),
    "card_low": Event(
        "card_low", False, ("计次卡余次不足", "Count card low"),
        ("{name}您好，您在{shop}的{card}仅剩 {uses} 次。",
         "Dear {name}, your {card} at {shop} has {uses} uses left.")),
    "card_expiry": Event(
        "card_expiry", False, ("计次卡到期提醒", "Count card expiring"),
        ("{name}您好，您在{shop}的{card}还有 {uses} 次，将于 {date} 到期，请及时使用。",
         "Dear {name}, your {card} at {shop} with {uses} uses left expires on {date}.")),
    "dormant": Event(
        "dormant", True, ("休眠唤醒", "Dormant wake-up"),
        ("{name}，好久不见！{shop}想念您，欢迎回来看看。",
         "{name}, we miss you at {shop}: come and see us again.")),
    "campaign": Event(
        "campaign", True, ("活动赠券", "Campaign coupon"),
        ("{name}您好，{shop}送您一张{coupon}，{date}前有效。",
         "Dear {name}, {shop} has given you a coupon: {coupon}, valid until {date}.")),
}


def placeholders_in(text: str) -> list[str]:
    """The placeholder names of ``text`` in order of first appearance (raises
    ``ValueError`` for a lone brace)."""
    names: list[str] = []
    for _literal, field, _spec, _conv in string.Formatter().parse(text):
        if field is not None and field not in names:
            names.append(field)
    return names


def template_problem(text: str) -> str | None:
    """What is wrong with a template: the first unknown placeholder (``{foo}``), a
    lone brace (``{``), or None when it is fine."""
    try:
        names = placeholders_in(text)
    except ValueError:
        return "{"
    for name in names:
        if name not in PLACEHOLDERS:
            return "{" + name + "}"
    return None


def default_template(event: str, lang: str) -> str:
    zh, en = EVENTS[event].default
    return en if lang.startswith("en") else zh


def render(text: str, params: dict[str, str], *, promotional: bool) -> str:
    """The message: ``text`` with its placeholders filled (a missing value is empty)
    and, for a promotional message, the unsubscribe text at the end."""
    body = text.format_map({n: params.get(n, "") for n in placeholders_in(text)})
    return f"{body}{UNSUBSCRIBE}" if promotional and UNSUBSCRIBE not in body else body


def unsubscribes(reply: str) -> bool:
    """Whether a member's reply (R, r, TD, 退订, spaces around) asks for no more
    promotional messages."""
    return reply.strip().lower() in UNSUBSCRIBE_REPLIES


def promo_allowed(local: datetime) -> bool:
    """Whether a promotional message may go out at the shop's wall-clock ``local``."""
    return PROMO_FROM <= local.time() < PROMO_UNTIL


def next_promo_start(local: datetime) -> datetime:
    """The shop's next 08:00 at or after ``local`` (a wall-clock time)."""
    start = datetime.combine(local.date(), PROMO_FROM)
    return start if local <= start else start + timedelta(days=1)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try: 1, 2, 4, 8 … minutes,
    at most six hours."""
    delay: timedelta = FIRST_RETRY * (2 ** max(0, min(attempts - 1, 20)))
    return min(delay, LONGEST_RETRY)
