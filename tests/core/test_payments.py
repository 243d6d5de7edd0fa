"""Payment arithmetic (core/payments.py): exact Decimals, half up to the fen, never a float's binary value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.core.payments import deduction_amount, exact, halves, money, withheld_amount

TOTAL = Decimal("2545000.00")


def test_a_float_is_read_by_its_decimal_form_not_its_binary_value():
    assert Decimal(1.005).quantize(Decimal("0.01")) == Decimal("1.00")  # the trap: 1.00499999…
    assert money(1.005) == Decimal("1.01")
    assert money(2.675) == Decimal("2.68")
    assert money("1.005") == Decimal("1.01") and money(Decimal("0.125")) == Decimal("0.13")
    assert str(money(7)) == "7.00"


def test_non_numbers_are_refused():
    for bad in (True, None, [1]):
        with pytest.raises(TypeError):
            exact(bad)


def test_contract_rates():
    assert deduction_amount(TOTAL, "commitment", 1, {}) == Decimal("76350.00")  # 十一.2: 3 %
    assert deduction_amount(TOTAL, "commitment", 2, {}) == Decimal("152700.00")
    assert deduction_amount(TOTAL, "criticism", 2, {}) == Decimal("20000.00")  # 十一.3
    assert deduction_amount(TOTAL, "criticism", 1, {"per_criticism_amount": 12345.675}) == Decimal("12345.68")
    assert deduction_amount(TOTAL, "commitment", 1, {"per_unfulfilled_commitment_percent": "2.5"}) == Decimal(
        "63625.00")
    with pytest.raises(ValueError, match="commitment"):
        deduction_amount(TOTAL, "other", 1, {})


@given(st.integers(0, 10**13).map(lambda fen: Decimal(fen) / 100))
def test_halves_add_up_to_the_total(total):
    first, second = halves(total)
    assert first + second == total and abs(first - second) <= Decimal("0.01")


def test_withheld_is_the_tier_percent_rounded_once():
    assert withheld_amount(TOTAL, 5) == Decimal("127250.00")
    assert withheld_amount(Decimal("1234.57"), 5) == Decimal("61.73")  # 61.7285 half up
