"""The message catalogue (issue 10): every code raised in the code has its words, and
every code in the catalogue is used somewhere, in one section only."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from memberdesk.services.shared import errors
from memberdesk.services.shared.messages import MESSAGES, SECTIONS, merged

SRC = Path(__file__).resolve().parents[2] / "src" / "memberdesk"
CATALOGUE = SRC / "services" / "shared" / "messages"
ERROR_CLASSES = {
    name for name, obj in vars(errors).items()
    if isinstance(obj, type) and issubclass(obj, errors.UserError)
}


@cache
def _trees() -> list[tuple[Path, ast.AST]]:
    return [
        (p, ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(SRC.rglob("*.py"))
        if CATALOGUE not in p.parents
    ]


def _raised_codes() -> dict[str, str]:
    """The literal codes given to an error class: ``ValidationError("code", ...)``."""
    codes: dict[str, str] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name in ERROR_CLASSES and isinstance(first, ast.Constant) and isinstance(first.value, str):
                codes.setdefault(first.value, f"{path.relative_to(SRC)}:{node.lineno}")
    return codes


def _string_literals() -> set[str]:
    return {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_code_raised_has_its_words() -> None:
    missing = {code: where for code, where in _raised_codes().items() if code not in MESSAGES}
    assert missing == {}


def test_every_code_in_the_catalogue_is_used() -> None:
    """A code nobody raises is dead text (codes chosen at run time, e.g. from a table
    of problems, still appear as string literals somewhere in src/)."""
    used = _string_literals()
    assert sorted(code for code in MESSAGES if code not in used) == []


def test_each_code_lives_in_one_section() -> None:
    with pytest.raises(ValueError, match="defined twice"):
        merged({"a": {"x": ("甲", "a")}, "b": {"x": ("乙", "b")}})
    assert sum(len(s) for s in SECTIONS.values()) == len(MESSAGES)


def test_every_message_has_both_languages() -> None:
    bad = [code for code, (zh, en) in MESSAGES.items() if not zh.strip() or not en.strip()]
    assert bad == []
