"""Member fields (validation, masking) and name search keys: pure functions."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from memberdesk.domain import shoptime
from memberdesk.services.members.fields import (
    check_birthday,
    clean_email,
    clean_name,
    clean_notes,
    clean_tags,
    validate_member,
)
from memberdesk.services.members.profiles import name_search_keys
from memberdesk.services.members.search_keys import name_keys, prefix_upper_bound
from memberdesk.services.shared.errors import MESSAGES, UserError, ValidationError
from memberdesk.services.shared.phones import mask_phone, normalise_phone


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),  # full-width digits from a Chinese IME
        ("19912345678", "19912345678"),
    ],
)
def test_phone_forms_accepted(text: str, phone: str) -> None:
    assert normalise_phone(text) == phone


@pytest.mark.parametrize(
    "text",
    ["", "1381234567", "138123456789", "12812345678", "23812345678", "1381234567a",
     "010-12345678", "13812345678\n1", "☎13812345678"],
)  # fmt: skip
def test_malformed_phones_refused(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_phone(text)
    assert err.value.code == "invalid_phone"
    assert "mainland China mobile" in err.value.message("en")
    assert "手机号" in err.value.message("zh_CN")


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(None) == ""
    assert mask_phone("123") == "****"


@pytest.mark.parametrize(
    "name",
    ["张三", "欧阳娜娜", "小明😀", "👨‍👩‍👧 一家", "𠮷野家", "龘堃", "\ue000王", "Tom Li",
     "=HYPERLINK(\"http://x\")", "+1", "-x", "@SUM(A1)"],
)  # fmt: skip
def test_names_with_emoji_rare_characters_and_formula_text_are_kept(name: str) -> None:
    assert clean_name(name) == name


def test_name_whitespace_is_collapsed() -> None:
    assert clean_name("  张   三 ") == "张 三"


@pytest.mark.parametrize(
    ("name", "code"),
    [("", "field_required"), ("   ", "field_required"), ("张" * 41, "field_text_too_long"),
     ("张\x00三", "field_bad_chars"), ("张\x1b三", "field_bad_chars"), ("张\ud800", "field_bad_chars")],
)  # fmt: skip
def test_bad_names_refused_in_both_languages(name: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_name(name)
    assert err.value.code == code
    assert "姓名" in err.value.message("zh_CN")
    assert "name" in err.value.message("en")
    assert "{" not in err.value.message("zh_CN") + err.value.message("en")


def test_forty_characters_is_the_limit_also_for_astral_characters() -> None:
    assert clean_name("𠮷" * 40) == "𠮷" * 40
    with pytest.raises(ValidationError):
        clean_name("𠮷" * 41)


def test_birthday_range() -> None:
    assert check_birthday(date(1990, 5, 1)) == date(1990, 5, 1)
    assert check_birthday(None) is None
    latest = shoptime.shop_today(shoptime.LATEST_OFFSET_MINUTES)
    for bad in (date(1899, 12, 31), latest + timedelta(days=1)):
        with pytest.raises(ValidationError) as err:
            check_birthday(bad)
        assert err.value.code == "birthday_out_of_range"


def test_email_tags_notes() -> None:
    assert clean_email(" a@b.cn ") == "a@b.cn"
    assert clean_email("") is None
    with pytest.raises(ValidationError):
        clean_email("not-an-email")
    assert clean_tags("VIP，常客;VIP、 洗车 ") == ("VIP", "常客", "洗车")
    assert clean_tags(["VIP", "VIP"]) == ("VIP",)
    with pytest.raises(ValidationError):
        clean_tags(["a,b"])
    with pytest.raises(ValidationError):
        clean_tags(["标签" * 11])
    with pytest.raises(ValidationError):
        clean_tags([f"t{i:02d}xxxxxx" for i in range(30)])
    assert clean_notes(" 第一行\n第二行  \n") == "第一行\n第二行"
    with pytest.raises(ValidationError):
        clean_notes("x" * 2001)


def test_validate_member_reports_the_first_problem() -> None:
    with pytest.raises(ValidationError) as err:
        validate_member(phone="123", name="")
    assert err.value.code == "invalid_phone"


MY_CODES = {
    "field_required": {}, "field_text_too_long": {"max": 1}, "field_bad_chars": {},
    "invalid_email": {"text": "x"}, "birthday_out_of_range": {"text": "x"},
    "field_bad_date": {"text": "x"}, "field_bad_choice": {"text": "x", "choices": "a"},
    "field_bad_count": {"text": "x"}, "field_bad_money": {"text": "x", "problem_zh": "p",
    "problem_en": "p"}, "unknown_tier": {"text": "x"}, "member_no_taken": {"member_no": "M1"},
    "member_anonymised": {"member_no": "M1"}, "anonymise_has_balance": {"member_no": "M1",
    "amount": "¥1.00"}, "card_unknown": {"uid": "AA"}, "card_lost": {"uid": "AA", "member_no": "M"},
    "card_replaced": {"uid": "AA", "member_no": "M"}, "card_void": {"uid": "AA"},
    "card_bad_status": {"uid": "A", "status_zh": "s", "status_en": "s", "action_zh": "a",
    "action_en": "a"}, "lookup_not_found": {"text": "x"}, "import_not_workbook": {"file": "f"},
    "import_missing_columns": {"columns": "c"}, "import_formula_cell": {},
    "duplicate_in_file": {"value": "v", "row": 2}, "opening_over_cap": {"amount": "1", "cap": "2"},
    "import_cancelled": {},
    "sheet_unwritable": {"file": "f", "detail": "d"}, "sheet_unreadable": {"file": "f", "detail": "d"},
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(MY_CODES))
def test_every_member_message_exists_in_both_languages(code: str) -> None:
    """Guards against another module redefining one of these codes with other
    placeholders (MESSAGES is shared)."""
    assert code in MESSAGES
    err = UserError(code, field_zh="姓名", field_en="name", **MY_CODES[code])
    for lang in ("zh_CN", "en"):
        text = err.message(lang)
        assert text and "{" not in text, (code, lang, text)


# -- search keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pinyin", "initials", "some_keys"),
    [
        ("张三", "zhangsan", "zs", {"三", "san"}),
        ("王小明", "wangxiaoming", "wxm", {"小明", "明", "xiaoming", "ming", "xm"}),
        ("单田芳", "shantianfang", "stf", {"dantianfang", "dtf", "田芳", "tianfang"}),
        ("曾小贤", "zengxiaoxian", "zxx", {"cengxiaoxian", "cxx"}),
        ("长孙无忌", "zhangsunwuji", "zswj", {"无忌", "wuji"}),
        ("Tom Li", "tomli", "tl", {"li"}),
        ("小明😀", "xiaoming", "xm", {"明😀", "ming"}),
        ("𠮷野家", "yejia", "yj", {"野家", "jia"}),
    ],
)
def test_name_keys(name: str, pinyin: str, initials: str, some_keys: set[str]) -> None:
    keys = name_keys(name)
    assert (keys.pinyin, keys.initials) == (pinyin, initials)
    assert some_keys <= keys.extra
    assert name_search_keys(name) == (pinyin, initials)
    assert pinyin not in keys.extra and initials not in keys.extra


@given(st.text(min_size=1, max_size=40))
def test_name_keys_never_fail_and_stay_bounded(name: str) -> None:
    keys = name_keys(name)
    assert set(keys.pinyin) <= set(string.ascii_lowercase + string.digits)
    assert len(keys.pinyin) <= 160 and len(keys.initials) <= 40
    assert all(0 < len(k) <= 160 for k in keys.extra)


@given(st.text(min_size=1, max_size=6).filter(lambda t: not all(c == "\U0010ffff" for c in t)))
def test_prefix_upper_bound_bounds_exactly_the_strings_with_the_prefix(prefix: str) -> None:
    bound = prefix_upper_bound(prefix)
    bound.encode("utf-8")  # never a lone surrogate
    as_bytes = prefix.encode("utf-8", "surrogatepass")
    assert as_bytes < bound.encode("utf-8", "surrogatepass")
    for tail in ("", "a", "中", "\U0010ffff"):
        assert (prefix + tail).encode("utf-8", "surrogatepass") < bound.encode(
            "utf-8", "surrogatepass"
        )


def test_prefix_upper_bound_skips_the_surrogates() -> None:
    assert prefix_upper_bound("a\ud7ff") == "a\ue000"
    assert prefix_upper_bound("ab") == "ac"
    assert prefix_upper_bound("a\U0010ffff") == "b"
