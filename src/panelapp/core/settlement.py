"""The contract year's settlement: what the cycles and the payment-time deductions withhold.

Contract references (contract-full.txt):
- 附件2 五: each cycle below 95 withholds 5 %, 10 % or 20 % of the contract total, "历次累加";
- 五 (last paragraph): those amounts are taken "在每次支付时";
- 五.1 / 五.2: 50 % within a month of signing, the rest after the service year and acceptance;
- 十一.2: per unfulfilled written bid commitment, 3 % of the contract total;
- 十一.3: per criticism by a superior unit (or harm to the bureau's assessment), 10,000.00;
- 十二.2: the vendor's liability never exceeds the contract total;
- 附件2 三: the cycle scores are "折算" into the annual supplier evaluation.
Where the contract is silent the reading is in docs/scoring.md "Settlement". Money is Decimal,
built from strings or integers only, rounded half up to the fen once, at the end of each amount.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from panelapp.core.contract import Contract, add_months
from panelapp.core.payments import deduction_amount, exact, money

ZERO = Decimal("0.00")
DEDUCTION_KINDS = {"commitment": "未完成投标书面承诺（十一.2）", "criticism": "被上级通报批评或影响考核（十一.3）"}
#: Evaluation bands of the annual supplier evaluation: (lowest mean score, label), best first.
EVALUATION_BANDS: tuple[tuple[Decimal | None, str], ...] = (
    (Decimal(95), "优秀"),
    (Decimal(85), "良好"),
    (Decimal(80), "合格"),
    (None, "不合格"),
)


@dataclass(frozen=True)
class PaymentRates:
    """The scheme's ``[payment]`` table: the rates of 十一.2 / 十一.3 (amounts by core.payments) and the
    schedule of 五.1 (first payment's share and when it falls due)."""

    payment: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_scheme(cls, payment: Mapping[str, Any]) -> PaymentRates:
        return cls(dict(payment))

    @property
    def first_payment_percent(self) -> Decimal:
        return exact(self.payment.get("first_payment_percent", "50"))

    @property
    def first_payment_due_months(self) -> int:
        return int(str(self.payment.get("first_payment_due_months", 1)))

    def amount(self, contract_total: Decimal, kind: str, count: int = 1) -> Decimal:
        """十一.2: count × total × 3 %; 十一.3: count × 10,000.00."""
        return deduction_amount(contract_total, kind, count, self.payment)


@dataclass(frozen=True)
class CycleLine:
    """One cycle as the settlement sees it; ``assessed`` False withholds nothing (未考核)."""

    number: int
    start: date
    end: date
    assessed: bool
    final: bool
    version: int
    score: int | None
    tier_percent: int
    withheld: Decimal
    provisional: bool = False

    @property
    def state(self) -> str:
        """已定稿, 预评 (assessed before the cycle's last day) or 未定稿; an unassessed cycle is shown as
        未考核 by the caller."""
        return "已定稿" if self.final else ("预评" if self.provisional else "未定稿")


@dataclass(frozen=True)
class DeductionLine:
    """A payment-time deduction. ``source``: "entered" (typed in the register), "commitment" (a bid
    commitment marked unfulfilled, which also costs points under 3.3①), or the evidence kind of a
    record marked as also a 十一.3 criticism ("security_events", "late_optimizations")."""

    id: str
    kind: str
    occurred_on: date
    description: str
    amount: Decimal
    count: int = 1
    cycle: int | None = None
    source: str = "entered"

    @property
    def label(self) -> str:
        return DEDUCTION_KINDS.get(self.kind, self.kind)


#: The evidence record that carries a deduction marked as also a 十一.3 criticism, by ``DeductionLine.source``.
MARKED_ON = {"security_events": "2.2 安全运行事件", "late_optimizations": "3.3 运维支撑服务（未及时完成优化）"}


def removal_refusal(line: DeductionLine) -> str | None:
    """Why ``line`` cannot be withdrawn as a deduction (Chinese), or None when it can.

    A register entry ("entered") and a commitment marked unfulfilled ("commitment") are withdrawn
    as deductions; a security event or late optimisation marked as also a criticism is withdrawn by
    unticking the mark on its record.
    """
    where = MARKED_ON.get(line.source)
    if where is None:
        return None
    return f"{line.id} 是{where}记录上的“同时构成通报批评”标记；请在该记录中取消勾选（记入操作记录）"


@dataclass(frozen=True)
class PaymentLine:
    label: str
    percent: Decimal
    amount: Decimal
    terms: str
    due: date | None
    absorbed: Decimal

    @property
    def paid(self) -> Decimal:
        """What is paid at this payment after the deductions it absorbs."""
        return self.amount - self.absorbed


@dataclass(frozen=True)
class Evaluation:
    """附件2 三's annual supplier evaluation: the mean of the assessed cycles' scores."""

    mean: Decimal | None
    band: str
    counted: int
    of: int

    @property
    def complete(self) -> bool:
        return self.counted == self.of


@dataclass(frozen=True)
class CommitmentStatus:
    """One written bid commitment of the register (承诺清单) and the cycles that found it unfulfilled."""

    text: str
    unfulfilled_in: tuple[int, ...] = ()

    @property
    def status(self) -> str:
        if not self.unfulfilled_in:
            return "未发现未完成"
        cycles = "、".join(str(n) for n in self.unfulfilled_in)
        return f"未完成（第{cycles}周期认定；十一.2 扣减一次）"


@dataclass(frozen=True)
class Settlement:
    contract: Contract
    cycles: tuple[CycleLine, ...]
    deductions: tuple[DeductionLine, ...]
    payments: tuple[PaymentLine, ...]
    evaluation: Evaluation
    commitments: tuple[CommitmentStatus, ...] = ()

    @property
    def withheld_total(self) -> Decimal:
        """Withheld by the cycle scores (附件2 五)."""
        return sum((c.withheld for c in self.cycles), ZERO)

    @property
    def deductions_total(self) -> Decimal:
        return sum((d.amount for d in self.deductions), ZERO)

    @property
    def liability(self) -> Decimal:
        """Everything withheld or deducted, before the cap of 十二.2."""
        return self.withheld_total + self.deductions_total

    @property
    def cap(self) -> Decimal:
        return self.contract.total_amount

    @property
    def capped(self) -> bool:
        return self.liability > self.cap

    @property
    def effective_total(self) -> Decimal:
        """Withheld and deducted after the cap."""
        return min(self.liability, self.cap)

    @property
    def payable(self) -> Decimal:
        return self.contract.total_amount - self.effective_total

    @property
    def claim_back(self) -> Decimal:
        """What the payments could not absorb: to be claimed back from the vendor."""
        return self.effective_total - sum((p.absorbed for p in self.payments), ZERO)


def evaluate(cycles: Iterable[CycleLine], of: int) -> Evaluation:
    scores = [Decimal(c.score) for c in cycles if c.assessed and c.score is not None]
    if not scores:
        return Evaluation(None, "未评定", 0, of)
    mean = (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    band = next(label for low, label in EVALUATION_BANDS if low is None or mean >= low)
    return Evaluation(mean, band, len(scores), of)


def settle(
    contract: Contract,
    cycles: Iterable[CycleLine],
    deductions: Iterable[DeductionLine],
    rates: PaymentRates | None = None,
    commitments: Iterable[CommitmentStatus] = (),
) -> Settlement:
    """The year's settlement. Payment 1 (五.1) is due a month after signing: it absorbs only the
    deductions dated up to then; everything else is taken from payment 2 (五.2); what exceeds
    payment 2 is to be claimed back."""
    rates = rates or PaymentRates()
    cycles = tuple(sorted(cycles, key=lambda c: c.number))
    deductions = tuple(sorted(deductions, key=lambda d: (d.occurred_on, d.id)))
    total = contract.total_amount
    first = money(total * rates.first_payment_percent / 100)
    first_due = add_months(contract.signed_on, rates.first_payment_due_months)
    liability = sum((c.withheld for c in cycles), ZERO) + sum((d.amount for d in deductions), ZERO)
    owed = min(liability, total)
    early = min(sum((d.amount for d in deductions if d.occurred_on <= first_due), ZERO), owed, first)
    second_scheduled = total - first
    second_absorbed = min(owed - early, second_scheduled)
    payments = (
        PaymentLine("第一期（五.1）", rates.first_payment_percent, first,
                    "合同签订后一个月内，乙方技术人员入驻现场后支付", first_due, early),
        PaymentLine("第二期（五.2）", 100 - rates.first_payment_percent, second_scheduled,
                    "服务期满验收通过、乙方开具发票后15个工作日内支付剩余款项", None, second_absorbed),
    )
    return Settlement(contract, cycles, deductions, payments, evaluate(cycles, contract.cycle_count),
                      tuple(commitments))


def service_period(contract: Contract) -> tuple[date, date]:
    """From the first cycle's start to the last cycle's end."""
    periods = contract.cycles()
    return periods[0].start, periods[-1].end


def outside_service_period(contract: Contract, on: date) -> str | None:
    """The Chinese message when ``on`` is not within the contract's service period (None: it is)."""
    start, end = service_period(contract)
    if start <= on <= end:
        return None
    return f"{on.isoformat()} 不在合同服务期（{start.isoformat()} 至 {end.isoformat()}）内"


def deduction_problems(contract: Contract, kind: str, on: date | None, description: str) -> list[tuple[str, str]]:
    """(field, Chinese message) for every reason a payment-time deduction cannot be entered."""
    problems: list[tuple[str, str]] = []
    if kind not in DEDUCTION_KINDS:
        problems.append(("kind", "扣减类别只能是 commitment（未完成投标书面承诺，十一.2）或 criticism（被上级通报批评，十一.3）"))
    if on is None:
        problems.append(("date", "请填写日期"))
    else:
        outside = outside_service_period(contract, on)
        if outside:
            problems.append(("date", outside))
    if not description.strip():
        problems.append(("description", "说明不能为空"))
    return problems
