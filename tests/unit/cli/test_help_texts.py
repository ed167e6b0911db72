"""Every command that reads a password says in its ``--help`` that it comes from
standard input (a new shop owner could not find how to give ``init`` its password)."""

from __future__ import annotations

import argparse

import pytest

from memberdesk.cli import build_parser


def _leaf(*names: str) -> argparse.ArgumentParser:
    parser = build_parser()
    for name in names:
        [subs] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        parser = subs.choices[name]
    return parser


@pytest.mark.parametrize("command", [
    ("init",), ("restore",), ("server", "init"), ("staff", "add"), ("staff", "passwd"),
    ("backup",), ("settings", "set"), ("report", "day"),
])
def test_a_command_that_reads_a_password_says_it_comes_from_standard_input(
        command: tuple[str, ...]) -> None:
    text = " ".join(_leaf(*command).format_help().split())
    assert "standard input" in text or "password on stdin" in text, command


def test_init_help_says_how_to_give_the_password() -> None:
    text = " ".join(_leaf("init").format_help().split())
    assert "Password: read from standard input" in text
    assert "printf" in text  # an example a shop owner can copy
    top = " ".join(build_parser().format_help().split())
    assert "its owner account (its password on standard input)" in top


def test_staff_add_names_the_two_passwords_in_order() -> None:
    text = " ".join(_leaf("staff", "add").format_help().split())
    assert "one line each: the --user's password then the new account's password" in text
