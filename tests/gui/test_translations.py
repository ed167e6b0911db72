"""The .ts catalogues are complete and up to date with the code.

To fix a failure here, run (then translate what is new, then ``make translations``)::

    .venv/bin/pyside6-lupdate $(find src/memberdesk/ui -name '*.py' | sort) \
        -locations none -no-obsolete \
        -ts resources/i18n/memberdesk_zh_CN.ts resources/i18n/memberdesk_en.ts
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import I18N_DIR, ROOT, qt_tool

LANGUAGES = ("zh_CN", "en")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
CJK = re.compile(r"[\u4e00-\u9fff]")

Message = tuple[str, str]  # (context, source)


def catalogue(path: Path) -> dict[Message, ET.Element]:
    messages: dict[Message, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"memberdesk_{lang}.ts"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Message]:
    """What lupdate finds in the code right now."""
    out = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "memberdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(qt_tool("lupdate")), "-silent", "-locations", "none", *sources, "-ts", str(out)],
        check=True,
    )
    found = set(catalogue(out))
    assert len(found) > 40, "lupdate found suspiciously few strings"
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_matches_the_code(lang: str, extracted: set[Message]) -> None:
    committed = set(catalogue(ts_path(lang)))
    missing = sorted(extracted - committed)
    stale = sorted(committed - extracted)
    assert not missing, f"strings in the code but not in {ts_path(lang).name}: {missing}"
    assert not stale, f"strings in {ts_path(lang).name} no longer in the code: {stale}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_finished(lang: str) -> None:
    problems = []
    for (context, source), message in catalogue(ts_path(lang)).items():
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if message.get("numerus") == "yes":
            problems += numerus_problems(lang, context, source, translation)
            continue
        if translation.get("type") is not None:
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        elif not text.strip():
            problems.append(f"{context}: {source!r} has no translation")
        elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
        elif lang == "zh_CN" and not CJK.search(text):
            problems.append(f"{context}: {source!r} -> {text!r} is not Chinese")
        elif lang == "en" and text != source:
            problems.append(f"{context}: {source!r} -> {text!r} differs from the source")
        if "&" in source and "&" not in text:
            problems.append(f"{context}: {source!r} -> {text!r} loses its shortcut key")
    assert not problems, "\n".join(problems)


COUNT = re.compile(r"%L?n")
FORMS = {"zh_CN": 1, "en": 2}  # Chinese has one form; English one and many


def numerus_problems(lang: str, context: str, source: str, translation: ET.Element) -> list[str]:
    """A count's message (``tr("%n product(s)", "", n)``): a form per plural of the
    language, each with the count and the source's placeholders."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    where = f"{context}: {source!r}"
    if translation.get("type") is not None:
        return [f"{where} is {translation.get('type')}"]
    if len(forms) != FORMS[lang] or not all(f.strip() for f in forms):
        return [f"{where} needs {FORMS[lang]} plural form(s) in {lang}, has {forms}"]
    problems = []
    for form in forms:
        if COUNT.findall(form) != COUNT.findall(source):
            problems.append(f"{where} -> {form!r} loses the count")
        if set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(source)):
            problems.append(f"{where} -> {form!r} changes the placeholders")
        if lang == "zh_CN" and not CJK.search(form):
            problems.append(f"{where} -> {form!r} is not Chinese")
        if "(s)" in form:
            problems.append(f"{where} -> {form!r}: pick the singular or the plural")
    if lang == "en" and forms[0] == forms[1]:
        problems.append(f"{where}: the singular and the plural are the same")
    return problems


def test_a_count_reads_one_product_two_products_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "memberdesk_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        def tr(context: str, text: str, n: int) -> str:
            return QCoreApplication.translate(context, text, "", n)

        assert tr("ProductsPage", "%n product(s)", 1) == "1 product"
        assert tr("ProductsPage", "%n product(s)", 2) == "2 products"
        assert tr("MemberListPanel", "%n member(s)", 1) == "1 member"
        assert tr("ShiftChecks", "%n closed shift(s) wait for a check.", 1) == (
            "1 closed shift waits for a check.")
        assert tr("Plurals", "%n day(s) from issue", 30) == "30 days from issue"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_catalogues_declare_their_languages() -> None:
    for lang in LANGUAGES:
        root = ET.parse(ts_path(lang)).getroot()
        assert root.get("language") == lang
        assert root.get("sourcelanguage") == "en"
