"""The contract year in one summary: the settlement of core.settlement, assembled from the database.

A cycle counts as assessed when it is 定稿 or has evidence of its own; others show as 未考核 and
withhold nothing. Payment-time deductions come from three places and are entered once each:
the register of criticisms (十一.3, ``payment_deductions``); security events and late optimisations
marked as also a criticism (十一.3, on the record itself); and the bid commitments marked unfulfilled
in a cycle (3.3①), each of which counts once for 十一.2, in the first cycle it was found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from panelapp.core.engine import score_cycle
from panelapp.core.evidence import HALF_YEAR_KINDS
from panelapp.core.payments import money
from panelapp.core.scheme import load_scheme
from panelapp.core.settlement import (
    CommitmentStatus,
    CycleLine,
    DeductionLine,
    PaymentRates,
    Settlement,
    settle,
)
from panelapp.report.audit_gate import require_audited_contract

#: The annual summary is the settlement (kept as a name for the report writers).
AnnualSummary = Settlement

#: A writer of the annual summary (annual_pdf.write_annual_pdf, annual_xlsx.write_annual_xlsx).
AnnualWriter = Callable[[Settlement, Path | str], Path]


def annual_summary(db: Any, contract_id: int) -> Settlement:
    contract = db.cycles.contract(contract_id)
    scheme = load_scheme(contract.scheme)
    rates = PaymentRates.from_scheme(scheme.payment)
    lines: list[CycleLine] = []
    deductions: list[DeductionLine] = []
    seen: set[str] = set()
    found: dict[str, list[int]] = {}
    for row in db.cycles.of_contract(contract_id):
        data, ids = db.cycles.data(row.id)
        # drills/trainings may be the earlier cycle's (half-year items), so they do not count here
        own = [k for k in data.evidence.__dataclass_fields__
               if k not in HALF_YEAR_KINDS and getattr(data.evidence, k)]
        final = row.status == "final"
        if final or own:
            result = score_cycle(data, scheme)
            lines.append(CycleLine(row.number, row.period.start, row.period.end, True, final, row.version,
                                   result.total, result.tier_percent, result.deduction_amount,
                                   result.provisional))
        else:
            lines.append(CycleLine(row.number, row.period.start, row.period.end, False, final, row.version,
                                   None, 0, money(0)))
        for item, rid in zip(data.evidence.unfulfilled_commitments, ids.get("unfulfilled_commitments", []),
                             strict=False):
            found.setdefault(item.commitment, []).append(row.number)
            if item.commitment in seen:
                continue  # still unfulfilled in a later cycle: 十一.2 counts each commitment once
            seen.add(item.commitment)
            deductions.append(DeductionLine(
                f"C{rid}", "commitment", row.period.end, item.commitment,
                rates.amount(contract.total_amount, "commitment"), 1, row.number, "commitment"))
        deductions += _marked_criticisms(data, ids, row.number, rates.amount(contract.total_amount, "criticism"))
    for item in db.standing.payment_deductions(contract_id):
        # the store always keeps the amount, rounded to the fen, when the entry is made
        deductions.append(DeductionLine(f"D{item.id}", item.kind, item.occurred_on, item.note, item.amount,
                                        item.count, item.cycle, "entered"))
    register = db.standing.bid_commitments(contract_id)
    commitments = [CommitmentStatus(text, tuple(found.get(text, ()))) for text in register]
    commitments += [CommitmentStatus(text, tuple(cycles)) for text, cycles in found.items() if text not in register]
    return settle(contract, lines, deductions, rates, commitments)


def export_annual_summary(db: Any, contract_id: int, writes: Iterable[tuple[AnnualWriter, Path | str]]) -> list[Path]:
    """Write the contract year's summary with each (writer, path), in order; the written paths.

    Every cycle of the contract is first checked against the audit trail (report.audit_gate:
    ReportError, nothing written, when one does not match); the summary is built once for all the
    files, and once they are written the chain head goes to the witness log (store.witness).
    """
    require_audited_contract(db, contract_id)
    summary = annual_summary(db, contract_id)
    paths = [Path(write(summary, path)) for write, path in writes]
    db.audit.witness("export")
    return paths


#: evidence kinds whose records can be marked as also a criticism of 十一.3, with their id prefix
CRITICISM_KINDS = {"security_events": "S", "late_optimizations": "L"}


def _marked_criticisms(data: Any, ids: dict[str, list[int]], cycle: int, amount: Any) -> list[DeductionLine]:
    """The security events and late optimisations of a cycle marked as also a 十一.3 criticism."""
    lines = []
    for kind, prefix in CRITICISM_KINDS.items():
        for record, rid in zip(getattr(data.evidence, kind), ids.get(kind, []), strict=False):
            if record.criticism:
                on = record.date if kind == "security_events" else record.deadline
                text = record.description if kind == "security_events" else record.task
                lines.append(DeductionLine(f"{prefix}{rid}", "criticism", on, text, amount, 1, cycle, kind))
    return lines


def evaluation_text(summary: Settlement) -> str:
    """附件2 三's annual supplier evaluation in one Chinese sentence (docs/scoring.md "Settlement")."""
    ev = summary.evaluation
    if ev.mean is None:
        return "尚无已考核的周期，年度供应商评价未评定。"
    text = f"已考核{ev.counted}个周期（共{ev.of}个），得分平均 {ev.mean} 分，评价等级：{ev.band}"
    if not ev.complete:
        text += "（尚有周期未考核，为暂定结果）"
    return text + "。评价等级按平均分：95分及以上优秀，85分及以上良好，80分及以上合格，不足80分不合格。"
