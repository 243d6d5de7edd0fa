from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.core.money import amount_in_words, integer_words

CASES = [
    ("2545000.00", "贰佰伍拾肆万伍仟元整"),
    ("127250.00", "壹拾贰万柒仟贰佰伍拾元整"),
    ("254500.00", "贰拾伍万肆仟伍佰元整"),
    ("509000.00", "伍拾万玖仟元整"),
    ("76350.00", "柒万陆仟叁佰伍拾元整"),
    ("10000.00", "壹万元整"),
    ("100000.01", "壹拾万元零壹分"),
    ("1000000000.10", "壹拾亿元零壹角"),
    ("0.05", "伍分"),
    ("0.50", "伍角"),
    ("0.32", "叁角贰分"),
    ("10.50", "壹拾元零伍角"),
    ("1001.00", "壹仟零壹元整"),
    ("100010000.00", "壹亿零壹万元整"),
    ("100000001.00", "壹亿零壹元整"),
    ("100001000.00", "壹亿零壹仟元整"),
    ("110000000.00", "壹亿壹仟万元整"),
    ("0.00", "零元整"),
    ("0", "零元整"),
    ("1.00", "壹元整"),
    ("10.00", "壹拾元整"),
    ("15.00", "壹拾伍元整"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("10010.00", "壹万零壹拾元整"),
    ("1000100.00", "壹佰万零壹佰元整"),
    ("20000000.00", "贰仟万元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize("amount,words", CASES)
def test_hard_cases(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_int_accepted():
    assert amount_in_words(2545000) == "贰佰伍拾肆万伍仟元整"


@pytest.mark.parametrize("bad", [Decimal("-0.01"), Decimal("-127250")])
def test_negative_refused(bad):
    with pytest.raises(ValueError, match="负数"):
        amount_in_words(bad)


def test_float_refused():
    with pytest.raises(TypeError):
        amount_in_words(127250.0)


def test_sub_fen_refused():
    with pytest.raises(ValueError, match="精确到分"):
        amount_in_words(Decimal("0.005"))


def test_too_large_refused():
    with pytest.raises(ValueError, match="超出"):
        amount_in_words(Decimal("1000000000000"))


def test_nan_refused():
    with pytest.raises(ValueError):
        amount_in_words(Decimal("NaN"))


UNIT = {"拾": 10, "佰": 100, "仟": 1000}
NUM = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}


def _parse_integer(words: str) -> int:
    """Independent reader of the yuan part, to check round trips."""
    total = section = digit = 0
    for ch in words:
        if ch in NUM:
            digit = NUM[ch]
        elif ch in UNIT:
            section += digit * UNIT[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100000000
            section = digit = 0
    return total + section + digit


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_integer_round_trip(value):
    words = integer_words(value)
    assert _parse_integer(words) == value
    assert "零零" not in words
    assert not words.endswith("零")
    assert not words.startswith("零")
