"""The daily jobs' user-facing messages (zh_CN, English), merged into
:data:`memberdesk.services.shared.errors.MESSAGES`."""

from __future__ import annotations

JOBS_MESSAGES: dict[str, tuple[str, str]] = {
    "jobs_future_date": (
        "{until} 晚于门店今天（{today}）：提前运行每日任务会让真实会员的积分提前过期。"
        "只在演示或测试副本上这样做，并加 --bring-forward 由店长/老板确认（会记入审计日志）",
        "{until} is after the shop's today ({today}): running the daily jobs ahead would "
        "expire real members' points early. Do it only on a demo or test copy, with "
        "--bring-forward and a manager's or owner's login (it is audited)",
    ),
}
