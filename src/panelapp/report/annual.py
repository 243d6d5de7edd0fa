"""The contract year in one summary: four cycles, money withheld, payments, payment-time deductions, cap.

Money is Decimal throughout. Contract references:
- 五.1/五.2: payment in two halves (50% after signing, the rest after the service year and acceptance);
  cycle deductions (附件2 第五条) are taken "在每次支付时";
- 十一.2: each unfulfilled bid commitment: 3% of the contract total (76,350.00 here);
- 十一.3: each criticism from a superior caused by the vendor: 10,000.00;
- 十二.2: the vendor's liability never exceeds the contract total (the cap).
A cycle counts as assessed when it is 定稿 or has evidence of its own; others show as 未考核 and withhold nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from panelapp.core.contract import Contract
from panelapp.core.engine import score_cycle
from panelapp.core.scheme import load_scheme

FEN = Decimal("0.01")
KIND_LABELS = {"commitment": "未完成投标承诺（十一.2）", "criticism": "被上级通报批评（十一.3）"}


@dataclass(frozen=True)
class CycleLine:
    number: int
    start: date
    end: date
    assessed: bool
    status: str
    version: int
    total: int | None
    tier_percent: int
    withheld: Decimal


@dataclass(frozen=True)
class PaymentLine:
    label: str
    percent: Decimal
    amount: Decimal
    terms: str


@dataclass(frozen=True)
class DeductionLine:
    kind: str
    label: str
    count: int
    occurred_on: date
    note: str
    amount: Decimal


@dataclass(frozen=True)
class AnnualSummary:
    contract: Contract
    cycles: tuple[CycleLine, ...]
    payments: tuple[PaymentLine, ...]
    deductions: tuple[DeductionLine, ...]

    @property
    def withheld_total(self) -> Decimal:
        return sum((c.withheld for c in self.cycles), Decimal("0.00"))

    @property
    def deductions_total(self) -> Decimal:
        return sum((d.amount for d in self.deductions), Decimal("0.00"))

    @property
    def liability(self) -> Decimal:
        """Everything withheld or deducted before the cap."""
        return self.withheld_total + self.deductions_total

    @property
    def cap(self) -> Decimal:
        return self.contract.total_amount

    @property
    def capped(self) -> bool:
        return self.liability > self.cap

    @property
    def effective_total(self) -> Decimal:
        """Total withheld and deducted after the cap of 十二.2."""
        return min(self.liability, self.cap)

    @property
    def payable(self) -> Decimal:
        return self.contract.total_amount - self.effective_total


def _money(value) -> Decimal:
    return Decimal(str(value)).quantize(FEN, rounding=ROUND_HALF_UP)


def payment_schedule(contract: Contract) -> tuple[PaymentLine, ...]:
    first = _money(contract.total_amount * Decimal("0.5"))
    return (
        PaymentLine("第一期（五.1）", Decimal(50), first, "合同签订后一个月内，乙方技术人员入驻现场后支付"),
        PaymentLine("第二期（五.2）", Decimal(50), contract.total_amount - first,
                    "服务期满验收通过、乙方开具发票后15个工作日内支付剩余款项"),
    )


def deduction_amount(contract: Contract, kind: str, count: int, scheme_payment: dict) -> Decimal:
    if kind == "commitment":
        rate = Decimal(str(scheme_payment.get("per_unfulfilled_commitment_percent", "3")))
        return _money(contract.total_amount * rate * count / 100)
    return _money(Decimal(str(scheme_payment.get("per_criticism_amount", "10000.00"))) * count)


def annual_summary(db, contract_id: int) -> AnnualSummary:
    contract = db.cycles.contract(contract_id)
    scheme = load_scheme(contract.scheme)
    lines = []
    for row in db.cycles.of_contract(contract_id):
        data, _ids = db.cycles.data(row.id)
        # drills/trainings may be the earlier cycle's (half-year items), so they do not count here
        own = [k for k in data.evidence.__dataclass_fields__
               if k not in ("drills", "trainings") and getattr(data.evidence, k)]
        assessed = row.status == "final" or bool(own)
        if assessed:
            result = score_cycle(data, scheme)
            lines.append(CycleLine(row.number, row.period.start, row.period.end, True, row.status, row.version,
                                   result.total, result.tier_percent, result.deduction_amount))
        else:
            lines.append(CycleLine(row.number, row.period.start, row.period.end, False, row.status, row.version,
                                   None, 0, Decimal("0.00")))
    deductions = []
    for item in db.standing.payment_deductions(contract_id):
        amount = getattr(item, "amount", None)
        amount = _money(amount) if amount is not None else deduction_amount(
            contract, item.kind, item.count, scheme.payment)
        deductions.append(DeductionLine(item.kind, KIND_LABELS.get(item.kind, item.kind), item.count,
                                        item.occurred_on, item.note, amount))
    return AnnualSummary(contract, tuple(lines), payment_schedule(contract), tuple(deductions))
