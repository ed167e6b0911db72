"""The outbox's pure rules: placeholders, the unsubscribe text, promotional hours, the
retry backoff."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from memberdesk.domain import notify


@pytest.mark.parametrize(("text", "problem"), [
    ("{name}您好，余额 {balance}", None),
    ("{name} {points} {amount} {balance} {date} {tier} {shop}", None),
    ("{name}您好 {money}", "{money}"),
    ("余额 {balance", "{"),
    ("{0}", "{0}"),
])
def test_a_template_with_an_unknown_placeholder_is_named(text: str, problem: str | None) -> None:
    assert notify.template_problem(text) == problem


def test_render_fills_values_and_adds_the_unsubscribe_text_only_to_promotions() -> None:
    text = "{name}，{shop}祝您生日快乐！"
    values = {"name": "张三", "shop": "小店"}
    assert notify.render(text, values, promotional=False) == "张三，小店祝您生日快乐！"
    assert notify.render(text, values, promotional=True) == "张三，小店祝您生日快乐！拒收请回复R"
    assert notify.placeholders_in("{b}{a}{b}") == ["b", "a"]


@pytest.mark.parametrize(("hour", "minute", "allowed", "next_start"), [
    (7, 59, False, (0, 8)), (8, 0, True, (0, 8)), (20, 59, True, (1, 8)),
    (21, 0, False, (1, 8)), (23, 30, False, (1, 8)),
])
def test_promotions_only_from_eight_to_nine(hour: int, minute: int, allowed: bool,
                                            next_start: tuple[int, int]) -> None:
    local = datetime(2026, 3, 10, hour, minute)
    assert notify.promo_allowed(local) is allowed
    days, at = next_start
    assert notify.next_promo_start(local) == datetime(2026, 3, 10 + days, at)


def test_backoff_doubles_up_to_six_hours() -> None:
    assert [notify.retry_delay(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert notify.retry_delay(30) == timedelta(hours=6)
