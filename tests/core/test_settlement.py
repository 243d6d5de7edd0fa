"""The year's settlement, worked by hand from the contract (附件2 五, 五.1/五.2, 十一.2/十一.3, 十二.2)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelapp.core.contract import Contract
from panelapp.core.payments import money
from panelapp.core.settlement import (
    CycleLine,
    DeductionLine,
    PaymentRates,
    deduction_problems,
    removal_refusal,
    settle,
)

CONTRACT = Contract("HAJCR2401215EGN00", "平顶山市“互联网+政务服务”平台运维项目", "甲", "乙",
                    Decimal("2545000.00"), date(2024, 9, 30))
TIER = {0: Decimal("0.00"), 5: Decimal("127250.00"), 10: Decimal("254500.00"), 20: Decimal("509000.00")}


def cycle(n: int, score: int | None, percent: int = 0, final: bool = True) -> CycleLine:
    period = CONTRACT.cycle(n)
    if score is None:
        return CycleLine(n, period.start, period.end, False, False, 1, None, 0, Decimal("0.00"))
    return CycleLine(n, period.start, period.end, True, final, 1, score, percent, TIER[percent])


def deduction(ref: str, kind: str, on: date, count: int = 1) -> DeductionLine:
    amount = PaymentRates().amount(CONTRACT.total_amount, kind, count)
    return DeductionLine(ref, kind, on, "说明", amount, count)


def test_a_year_worked_by_hand():
    s = settle(CONTRACT, [cycle(1, 87, 5), cycle(2, 82, 10), cycle(3, 96, 0), cycle(4, 70, 20)],
               [deduction("C1", "commitment", date(2025, 3, 29)),
                deduction("D1", "criticism", date(2025, 5, 12)), deduction("D2", "criticism", date(2025, 6, 1))])
    # 127,250 + 254,500 + 0 + 509,000
    assert s.withheld_total == Decimal("890750.00")
    # 76,350.00 (3 % of 2,545,000.00) + 2 x 10,000.00
    assert s.deductions_total == Decimal("96350.00")
    assert s.effective_total == Decimal("987100.00") and not s.capped
    assert s.payable == Decimal("1557900.00")
    first, second = s.payments
    assert (first.amount, first.absorbed, first.paid) == (Decimal("1272500.00"), Decimal("0.00"), Decimal("1272500.00"))
    assert (second.amount, second.absorbed, second.paid) == (
        Decimal("1272500.00"), Decimal("987100.00"), Decimal("285400.00"))
    assert s.claim_back == Decimal("0.00")
    # (87 + 82 + 96 + 70) / 4 = 83.75 -> 83.8, between 80 and 85
    assert s.evaluation.mean == Decimal("83.8") and s.evaluation.band == "合格" and s.evaluation.complete


def test_cap_and_claim_back():
    # four cycles below 80: 4 x 509,000 = 2,036,000; ten commitments: 763,500 -> 2,799,500 > 2,545,000
    s = settle(CONTRACT, [cycle(k, 70, 20) for k in range(1, 5)],
               [deduction("D1", "commitment", date(2025, 9, 29), 10)])
    assert s.liability == Decimal("2799500.00") and s.capped
    assert s.effective_total == Decimal("2545000.00") and s.payable == Decimal("0.00")
    # payment 1 was made a month after signing, before anything was due: payment 2 absorbs
    # 1,272,500.00 and the other 1,272,500.00 is to be claimed back
    assert [p.absorbed for p in s.payments] == [Decimal("0.00"), Decimal("1272500.00")]
    assert s.claim_back == Decimal("1272500.00")
    assert s.evaluation.band == "不合格"


def test_a_criticism_before_the_first_payment_is_taken_from_it():
    # 五.1: due within a month of signing (2024-10-30); a criticism of 2024-10-15 is known by then
    s = settle(CONTRACT, [], [deduction("D1", "criticism", date(2024, 10, 15)),
                              deduction("D2", "criticism", date(2024, 10, 31))])
    assert s.payments[0].due == date(2024, 10, 30)
    assert [p.absorbed for p in s.payments] == [Decimal("10000.00"), Decimal("10000.00")]


def test_evaluation_of_a_partial_year_and_of_none():
    s = settle(CONTRACT, [cycle(1, 95), cycle(2, 96), cycle(3, None), cycle(4, None)], [])
    assert s.evaluation.mean == Decimal("95.5") and s.evaluation.band == "优秀"
    assert (s.evaluation.counted, s.evaluation.of, s.evaluation.complete) == (2, 4, False)
    assert settle(CONTRACT, [cycle(1, None)], []).evaluation.band == "未评定"
    # the bands' edges: 85.0 is 良好, 84.9 is 合格 ((85 + 84.8)/2 = 84.9)
    assert settle(CONTRACT, [cycle(1, 85, 5)], []).evaluation.band == "良好"


def test_money_is_exact():
    assert money("1.005") == Decimal("1.01")  # half up, from the exact decimal
    assert money(2) == Decimal("2.00")


def test_rates_from_the_scheme_strings():
    rates = PaymentRates.from_scheme({"per_unfulfilled_commitment_percent": "3", "per_criticism_amount": "10000.00"})
    assert rates.amount(CONTRACT.total_amount, "commitment") == Decimal("76350.00")
    assert rates.amount(CONTRACT.total_amount, "criticism", 3) == Decimal("30000.00")
    with pytest.raises(ValueError):
        rates.amount(CONTRACT.total_amount, "other")


def test_deduction_problems_name_each_field():
    fields = [f for f, _ in deduction_problems(CONTRACT, "fine", date(2025, 9, 30), " ")]
    assert fields == ["kind", "date", "description"]
    assert deduction_problems(CONTRACT, "criticism", date(2024, 9, 30), "x") == []
    assert deduction_problems(CONTRACT, "commitment", date(2025, 9, 29), "x") == []
    assert [f for f, _ in deduction_problems(CONTRACT, "criticism", date(2024, 9, 29), "x")] == ["date"]


scores = st.lists(st.one_of(st.none(), st.integers(-60, 100)), min_size=4, max_size=4)
counts = st.lists(st.tuples(st.sampled_from(["commitment", "criticism"]), st.integers(1, 40),
                            st.dates(date(2024, 9, 30), date(2025, 9, 29))), max_size=6)


def _tier(score: int) -> int:
    return 0 if score >= 95 else 5 if score >= 85 else 10 if score >= 80 else 20


@given(scores, counts)
def test_settlement_adds_up_and_never_exceeds_the_cap(cycle_scores, items):
    lines = [cycle(k + 1, s, _tier(s) if s is not None else 0) for k, s in enumerate(cycle_scores)]
    deductions = [deduction(f"D{i}", kind, on, n) for i, (kind, n, on) in enumerate(items)]
    s = settle(CONTRACT, lines, deductions)
    assert s.liability == sum((c.withheld for c in lines), Decimal(0)) + sum((d.amount for d in deductions), Decimal(0))
    assert Decimal(0) <= s.effective_total <= s.cap
    assert s.payable + s.effective_total == CONTRACT.total_amount
    assert sum((p.absorbed for p in s.payments), Decimal(0)) + s.claim_back == s.effective_total
    assert all(Decimal(0) <= p.absorbed <= p.amount for p in s.payments)
    assert s.claim_back >= 0
    # one more criticism never lowers what is withheld
    more = settle(CONTRACT, lines, [*deductions, deduction("X", "criticism", date(2025, 9, 1))])
    assert more.effective_total >= s.effective_total and more.payable <= s.payable


def test_the_state_of_a_cycle_line():
    from dataclasses import replace

    assert cycle(2, 87, 5).state == "已定稿"
    assert cycle(2, 87, 5, final=False).state == "未定稿"
    assert replace(cycle(2, 87, 5, final=False), provisional=True).state == "预评"
    assert replace(cycle(2, 87, 5), provisional=True).state == "已定稿"


def test_which_deduction_lines_are_withdrawn_elsewhere():
    on = date(2025, 3, 3)
    amount = Decimal("10000.00")
    assert removal_refusal(DeductionLine("D3", "criticism", on, "x", amount, source="entered")) is None
    assert removal_refusal(DeductionLine("C12", "commitment", on, "x", amount, source="commitment")) is None
    event = removal_refusal(DeductionLine("S4", "criticism", on, "x", amount, source="security_events"))
    late = removal_refusal(DeductionLine("L5", "criticism", on, "x", amount, source="late_optimizations"))
    assert event == "S4 是2.2 安全运行事件记录上的“同时构成通报批评”标记；请在该记录中取消勾选（记入操作记录）"
    assert late is not None and late.startswith("L5 是3.3 运维支撑服务（未及时完成优化）记录上") and "取消勾选" in late
