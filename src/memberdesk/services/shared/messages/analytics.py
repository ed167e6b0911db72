"""Member analytics' user-facing messages (zh_CN, English), merged into
:data:`memberdesk.services.shared.errors.MESSAGES`."""

from __future__ import annotations

ANALYTICS_MESSAGES: dict[str, tuple[str, str]] = {
    "analytics_future_date": (
        "分析日期 {as_of} 晚于门店今天（{today}）：只能分析今天或以前",
        "The analysis date {as_of} is after the shop's today ({today}): analyse today or "
        "an earlier date",
    ),
}
