"""Row lookups the repositories share, inside the caller's transaction (a Session)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.core.evidence import HALF_YEAR_KINDS
from panelapp.store.damage import reading
from panelapp.store.errors import FINAL_MESSAGE, StoreError
from panelapp.store.mapping import check_kind, contract_of
from panelapp.store.models import EVIDENCE_MODELS, ContractModel, CycleModel, EvidenceBase, table_of
from panelapp.store.rows import CycleRow


def contract_model(s: Session, contract_id: int) -> ContractModel:
    m = reading(s, (table_of(ContractModel),), lambda: s.get(ContractModel, contract_id))
    if m is None:
        raise StoreError(f"合同不存在（编号 {contract_id}）")
    return m


def cycle(s: Session, cycle_id: int) -> CycleModel:
    c = reading(s, (table_of(CycleModel),), lambda: s.get(CycleModel, cycle_id))
    if c is None:
        raise StoreError(f"考核周期不存在（编号 {cycle_id}）")
    return c


def cycle_row(s: Session, c: CycleModel) -> CycleRow:
    """The plain CycleRow of a cycles row (its period from the contract's calendar)."""
    period = contract_of(contract_model(s, c.contract_id)).cycle(c.number)
    return CycleRow(
        c.id, c.contract_id, c.number, period, c.assessed_on, c.status, c.version,
        c.finalised_by, c.finalised_at, c.fingerprint, c.reopen_reason,
    )  # fmt: skip


def writable(s: Session, cycle_id: int, kind: str | None = None) -> CycleModel:
    """The cycle, if it may change; a drill or training also counts for the cycle that
    closes its half-year, so that cycle must not be final either."""
    c = cycle(s, cycle_id)
    if c.status == "final":
        raise StoreError(FINAL_MESSAGE)
    if kind in HALF_YEAR_KINDS:
        contract = contract_of(contract_model(s, c.contract_id))
        closing = contract.half_year(c.number).closing_cycle
        if closing != c.number:
            status = s.scalar(
                select(CycleModel.status).where(
                    CycleModel.contract_id == c.contract_id, CycleModel.number == closing
                )
            )
            if status == "final":
                raise StoreError(
                    f"该记录计入第{closing}考核周期的半年度评定，而第{closing}考核周期已定稿；"
                    f"如需修改，请先重新打开第{closing}考核周期。"
                )
    return c


def evidence_row(s: Session, kind: str, record_id: int) -> EvidenceBase:
    check_kind(kind)
    model = EVIDENCE_MODELS[kind]
    row = reading(s, (table_of(model),), lambda: s.get(model, record_id))
    if row is None:
        raise StoreError(f"记录不存在：{kind} #{record_id}")
    return row
