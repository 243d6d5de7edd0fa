"""Payment arithmetic in one place: the money withheld per cycle and the payment-time deductions.

Contract references: 附件2 第五条 (a cycle's tier withholds a percent of the contract total),
五.1/五.2 (payment in two halves), 十一.2 (each unfulfilled bid commitment: a percent of the
total, 3 % by default), 十一.3 (each criticism by a superior: a fixed amount, 10,000.00 by
default). The rates come from the scheme's ``payment`` table.

Every Decimal is built from a string or an integer, never from a float's binary value: a float
that reaches here (a number typed into a spin box, a JSON number) is read by its shortest decimal
form, so 1.005 stays 1.005 and rounds half up to 1.01, not to 1.00. Amounts are rounded half up
to the fen once, at the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

FEN = Decimal("0.01")
COMMITMENT_PERCENT = "3"  # 十一.2, when the scheme does not say
CRITICISM_AMOUNT = "10000.00"  # 十一.3, when the scheme does not say


def exact(value: Decimal | int | str | float) -> Decimal:
    """``value`` as an exact Decimal (a float by its shortest decimal form, never its binary value)."""
    if isinstance(value, bool):
        raise TypeError("金额不能是布尔值")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | str):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"金额应为十进制数，实际为 {type(value).__name__}")


def money(value: Decimal | int | str | float) -> Decimal:
    """``value`` rounded half up to the fen."""
    return exact(value).quantize(FEN, rounding=ROUND_HALF_UP)


def withheld_amount(contract_total: Decimal, percent: int) -> Decimal:
    """The share of the contract total a cycle withholds, exact, rounded half up to the fen at the end."""
    return money(contract_total * Decimal(percent) / Decimal(100))


def halves(contract_total: Decimal) -> tuple[Decimal, Decimal]:
    """The two payments of 五.1 and 五.2: half (to the fen) and the rest."""
    first = money(contract_total * Decimal("0.5"))
    return first, contract_total - first


def deduction_amount(contract_total: Decimal, kind: str, count: int, payment: Mapping[str, Any]) -> Decimal:
    """A payment-time deduction: ``count`` unfulfilled commitments (十一.2) or criticisms (十一.3)."""
    if kind == "commitment":
        rate = exact(payment.get("per_unfulfilled_commitment_percent", COMMITMENT_PERCENT))
        return money(contract_total * rate * count / 100)
    if kind == "criticism":
        return money(exact(payment.get("per_criticism_amount", CRITICISM_AMOUNT)) * count)
    raise ValueError(f"扣减类别只能是 commitment 或 criticism，实际为 {kind!r}")
