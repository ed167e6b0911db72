"""Relatives of the amount parser: every field read as digits takes ASCII and
full-width digits and refuses other scripts' digits with a clear message (never a
bare ValueError, never a "phone" of Arabic-Indic digits)."""

from __future__ import annotations

import pytest

from memberdesk.services.members.sheet import read_count, read_date
from memberdesk.services.shared.errors import ValidationError
from memberdesk.services.shared.phones import normalise_phone


def test_a_phone_in_full_width_digits_is_read_one_in_arabic_indic_is_refused() -> None:
    assert normalise_phone("１３８００１３８０００") == "13800138000"
    with pytest.raises(ValidationError) as err:
        normalise_phone("1٣٨٠٠١٣٨٠٠٠")  # a leading ASCII 1 passed the old check
    assert err.value.code == "invalid_phone"


@pytest.mark.parametrize("text", ["²", "٣", "①", "1²"])
def test_a_count_in_other_digits_is_a_field_error(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        read_count(text, "opening_points")
    assert err.value.code == "field_bad_count"


def test_a_count_and_a_date_in_full_width_digits_are_read() -> None:
    assert read_count("１２", "opening_points") == 12
    assert read_date("２０２０年１月２日", "birthday").isoformat() == "2020-01-02"  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        read_date("٢٠٢٠-٠١-٠٢", "birthday")
