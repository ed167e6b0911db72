"""Card UID normalisation: canonical_uid, uid_candidates, uid_from_bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from memberdesk.hardware.uid import (
    InvalidUidError,
    canonical_uid,
    is_canonical_uid,
    uid_candidates,
    uid_from_bytes,
)

uids = st.sampled_from([4, 7, 8, 10]).flatmap(lambda n: st.binary(min_size=n, max_size=n))
four_byte_uids = st.binary(min_size=4, max_size=4)


# -- canonical_uid --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("04A1B2C3", "04A1B2C3"),
        ("04a1b2c3", "04A1B2C3"),
        ("04 A1 B2 C3", "04A1B2C3"),
        ("04:a1:b2:c3", "04A1B2C3"),
        ("04-A1-B2-C3", "04A1B2C3"),
        ("0x04a1b2c3", "04A1B2C3"),
        ("0X04A1B2C3", "04A1B2C3"),
        ("  04A1B2C3\r\n", "04A1B2C3"),
        ("4:a1:b2:c3", "04A1B2C3"),  # a dropped leading zero per byte
        ("０４Ａ１Ｂ２Ｃ３", "04A1B2C3"),  # full-width input from a Chinese IME
        ("04：A1：B2：C3", "04A1B2C3"),  # full-width colons
        ("04A1B2C3D4E5F6", "04A1B2C3D4E5F6"),  # 7 bytes
        ("E004010012345678", "E004010012345678"),  # 8 bytes (ISO 15693)
        ("04A1B2C3D4E5F6A7B8C9", "04A1B2C3D4E5F6A7B8C9"),  # 10 bytes
        ("04 a1-B2:c3", "04A1B2C3"),  # mixed separators
    ],
)
def test_canonical_uid_normalises(raw: str, expected: str) -> None:
    assert canonical_uid(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "0x",
        "04A1B2",  # 3 bytes
        "04A1B2C3D4",  # 5 bytes
        "04A1B2C",  # odd length
        "04A1B2CG",  # not hex
        "zs",
        "张三",
        "04A1B2C3D4E5F6A7B8C9D0",  # 11 bytes
        "04A1 B2C",  # odd groups
        "1" * 200,
    ],
)
def test_canonical_uid_rejects_garbage(raw: str) -> None:
    with pytest.raises(InvalidUidError):
        canonical_uid(raw)


def test_canonical_uid_rejects_non_text() -> None:
    with pytest.raises(InvalidUidError):
        canonical_uid(1234)  # type: ignore[arg-type]


def test_invalid_uid_error_is_a_value_error() -> None:
    assert issubclass(InvalidUidError, ValueError)


@given(uids)
def test_canonical_uid_round_trips_any_notation(uid: bytes) -> None:
    canonical = uid.hex().upper()
    spaced = " ".join(f"{b:02x}" for b in uid)
    coloned = ":".join(f"{b:02X}" for b in uid)
    assert canonical_uid(canonical) == canonical
    assert canonical_uid(uid.hex()) == canonical
    assert canonical_uid(spaced) == canonical
    assert canonical_uid(coloned) == canonical
    assert canonical_uid("0x" + uid.hex()) == canonical
    assert is_canonical_uid(canonical)


@given(st.text(max_size=40))
def test_canonical_uid_only_raises_invalid_uid_error(text: str) -> None:
    try:
        result = canonical_uid(text)
    except InvalidUidError:
        return
    assert is_canonical_uid(result)


# -- uid_from_bytes -------------------------------------------------------------------


def test_uid_from_bytes() -> None:
    assert uid_from_bytes(bytes.fromhex("04a1b2c3")) == "04A1B2C3"
    assert uid_from_bytes([0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6]) == "04A1B2C3D4E5F6"
    with pytest.raises(InvalidUidError):
        uid_from_bytes(b"")
    with pytest.raises(InvalidUidError):
        uid_from_bytes(b"\x01\x02\x03")


def test_is_canonical_uid() -> None:
    assert is_canonical_uid("04A1B2C3")
    assert not is_canonical_uid("04a1b2c3")
    assert not is_canonical_uid("04:A1:B2:C3")
    assert not is_canonical_uid("04A1B2")
    assert not is_canonical_uid("")


# -- uid_candidates -------------------------------------------------------------------


def test_candidates_of_hex_uid_are_itself_then_reversed() -> None:
    assert uid_candidates("04a1b2c3") == ["04A1B2C3", "C3B2A104"]
    assert uid_candidates("04:A1:B2:C3:D4:E5:F6") == ["04A1B2C3D4E5F6", "F6E5D4C3B2A104"]


def test_candidates_of_ten_digit_decimal() -> None:
    # 0x04A1B2C3 == 77705923; little-endian bytes C3 B2 A1 04 == 3283263748
    assert uid_candidates("0077705923") == ["04A1B2C3", "C3B2A104"]
    assert uid_candidates("3283263748") == ["C3B2A104", "04A1B2C3"]


def test_candidates_of_eight_digits_try_hex_first() -> None:
    # "12345678" is valid 4-byte hex and also a decimal number (0x00BC614E)
    assert uid_candidates("12345678") == ["12345678", "00BC614E", "4E61BC00", "78563412"]


def test_candidates_of_nine_digit_decimal() -> None:
    # 9 digits cannot be hex (odd length): decimal only
    assert uid_candidates("123456789") == ["075BCD15", "15CD5B07"]


def test_decimal_beyond_32_bits_is_not_a_uid() -> None:
    assert uid_candidates("4294967296") == []  # 2**32
    assert uid_candidates("9999999999") == []
    assert uid_candidates("4294967295") == ["FFFFFFFF"]  # palindrome deduplicated


def test_candidates_are_deduplicated() -> None:
    assert uid_candidates("AABBBBAA") == ["AABBBBAA"]
    result = uid_candidates("11111111")
    assert len(result) == len(set(result))
    assert result[0] == "11111111"


def test_candidates_tolerate_wedge_line_endings_and_full_width() -> None:
    assert uid_candidates("0077705923\r\n") == ["04A1B2C3", "C3B2A104"]
    assert uid_candidates("００７７７０５９２３") == ["04A1B2C3", "C3B2A104"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "张三",
        "zs",
        "1234",  # last four digits of a phone
        "13812345678",  # a mobile number: 11 digits, not a UID
        "1234567",  # 7 digits
        "04A1B2",
        "04A1B2C3D4",
        "-12345678",
        "12 345 678",
        "x" * 1000,
        "\x00\x00",
    ],
)
def test_garbage_gives_no_candidates(text: str) -> None:
    assert uid_candidates(text) == []


def test_non_text_gives_no_candidates() -> None:
    assert uid_candidates(None) == []  # type: ignore[arg-type]


@given(four_byte_uids)
def test_decimal_forms_of_any_four_byte_uid_find_it(uid: bytes) -> None:
    canonical = uid.hex().upper()
    big_endian = str(int.from_bytes(uid, "big")).zfill(10)
    little_endian = str(int.from_bytes(uid, "little")).zfill(10)
    assert canonical in uid_candidates(big_endian)
    assert canonical in uid_candidates(little_endian)
    # the reading a wedge reader most likely meant comes first
    assert uid_candidates(big_endian)[0] == canonical
    assert uid_candidates(little_endian)[0] == uid[::-1].hex().upper()


@given(four_byte_uids)
def test_unpadded_decimal_forms_find_the_uid(uid: bytes) -> None:
    for value in (int.from_bytes(uid, "big"), int.from_bytes(uid, "little")):
        text = str(value)
        if 8 <= len(text) <= 10:
            assert uid.hex().upper() in uid_candidates(text)


@given(uids)
def test_hex_forms_of_any_uid_find_it_first(uid: bytes) -> None:
    canonical = uid.hex().upper()
    for text in (uid.hex(), canonical, "-".join(f"{b:02x}" for b in uid)):
        candidates = uid_candidates(text)
        assert candidates[0] == canonical
        assert uid[::-1].hex().upper() in candidates


@given(st.text(max_size=60))
def test_candidates_never_raise_and_are_canonical(text: str) -> None:
    candidates = uid_candidates(text)
    assert len(candidates) == len(set(candidates))
    assert all(is_canonical_uid(c) for c in candidates)
    assert len(candidates) <= 4
