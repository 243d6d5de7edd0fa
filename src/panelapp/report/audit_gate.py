"""No sheet from data the audit trail does not vouch for (issue 13 item 1).

Every export of a score sheet or an annual summary, and verify-pdf, first compares the rows
the document is made from with their last audited state (``db.verify_cycle``, store.cycle_audit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from panelapp.report.errors import ReportError


@dataclass
class _Witnessed:
    message: str


def audit_problems(db: Any, cycle_id: int) -> list[Any]:
    """The cycle's rows against the trail, and the witnessed chain heads against the chain."""
    problems = list(db.audit.verify_cycle(cycle_id))
    problems += [_Witnessed(message) for message in db.audit.witness_problems()]
    return problems


def refusal(problems: list[Any], what: str) -> str:
    """The Chinese message of an export refused because of ``problems`` (each names its record)."""
    listed = "\n".join(f"  - {p.message}" for p in problems[:10])
    more = f"\n  …另有 {len(problems) - 10} 处" if len(problems) > 10 else ""
    return (
        f"{what}的数据与审计记录不一致，拒绝导出（数据可能在程序之外被改动）：\n{listed}{more}\n"
        "请运行 panelapp verify-db 检查整个数据库，并从完好的备份恢复"
        "（panelapp restore 备份文件，或窗口中的“恢复备份”；备份在数据库旁的 backups 文件夹）。"
    )


def require_audited(db: Any, cycle_id: int, what: str) -> None:
    """Raise ReportError naming every mismatching record of cycle ``cycle_id``."""
    problems = audit_problems(db, cycle_id)
    if problems:
        raise ReportError(refusal(problems, what))


def require_audited_contract(db: Any, contract_id: int) -> None:
    """Every cycle of a contract (the annual summary reads them all); the refusal names the first
    cycle that fails, with its problems. The cycles of a half-year share their rows, the chain
    and the witness log are the file's: each is checked once (``db.audit.verify_cycles``)."""
    rows = db.cycles.of_contract(contract_id)
    if not rows:
        return
    found = db.audit.verify_cycles([row.id for row in rows])
    witnessed = [_Witnessed(message) for message in db.audit.witness_problems()]
    for row in rows:
        problems = [*found[row.id], *witnessed]
        if problems:
            raise ReportError(refusal(problems, f"第{row.number}考核周期"))
