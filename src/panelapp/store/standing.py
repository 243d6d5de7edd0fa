"""Standing lists (panel, bid commitments, on-site roster) and payment deductions (``db.standing``).

The panel is kept per cycle (it signs that cycle's sheet, so a
final cycle's panel never changes); bid commitments and the on-site roster are
kept per contract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from panelapp.core.evidence import PanelMember, UnfulfilledCommitment
from panelapp.core.payments import deduction_amount, money
from panelapp.core.scheme import load_scheme
from panelapp.core.settlement import DEDUCTION_KINDS
from panelapp.store import lookup
from panelapp.store.errors import StoreError
from panelapp.store.models import (
    BidCommitmentModel,
    CycleModel,
    OnsiteStaffModel,
    PanelMemberModel,
    PaymentDeductionModel,
    UnfulfilledCommitmentModel,
)
from panelapp.store.rows import OnsiteStaff, PaymentDeduction
from panelapp.store.unit import UnitOfWork

if TYPE_CHECKING:
    from panelapp.store.evidence import EvidenceRecords


def replace_panel(s: Session, cycle_id: int, members: list[PanelMember]) -> None:
    rows = list(
        s.scalars(
            select(PanelMemberModel).where(PanelMemberModel.cycle_id == cycle_id).order_by(PanelMemberModel.position)
        )
    )
    if [(r.name, r.role) for r in rows] == [(m.name, m.role) for m in members]:
        return
    for pos, member in enumerate(members):
        if pos < len(rows):
            row = rows[pos]
            if (row.name, row.role) != (member.name, member.role):
                row.name, row.role = member.name, member.role
        else:
            s.add(PanelMemberModel(cycle_id=cycle_id, position=pos, name=member.name, role=member.role))
    for row in rows[len(members) :]:
        s.delete(row)
    s.flush()


def ensure_commitment(s: Session, cycle_id: int, text: str) -> None:
    """Add ``text`` to the standing bid commitments of the cycle's contract unless it is there."""
    contract_id = lookup.cycle(s, cycle_id).contract_id
    exists = s.scalar(
        select(BidCommitmentModel.id).where(
            BidCommitmentModel.contract_id == contract_id, BidCommitmentModel.text == text
        )
    )
    if not exists:
        last = s.scalar(
            select(func.max(BidCommitmentModel.position)).where(BidCommitmentModel.contract_id == contract_id)
        )
        s.add(BidCommitmentModel(contract_id=contract_id, position=(last or 0) + 1, text=text))


class Standing:
    """Panel, bid commitments, on-site roster, payment deductions (``db.standing``)."""

    def __init__(self, uow: UnitOfWork, evidence: EvidenceRecords):
        self._uow = uow
        self._evidence = evidence

    # -- panel -----------------------------------------------------------------------------
    def _current_cycle(self, s: Session, contract_id: int) -> CycleModel:
        cycles = list(
            s.scalars(
                select(CycleModel).where(CycleModel.contract_id == contract_id).order_by(CycleModel.number)
            )
        )
        if not cycles:
            raise StoreError(f"合同不存在或没有考核周期（编号 {contract_id}）")
        return next((c for c in cycles if c.status == "open"), cycles[-1])

    def panel_members(self, contract_id: int, cycle_id: int | None = None) -> list[PanelMember]:
        """The panel of ``cycle_id``, or of the contract's first open cycle."""
        with self._uow.tx() as s:
            cid = cycle_id if cycle_id is not None else self._current_cycle(s, contract_id).id
            q = (
                select(PanelMemberModel)
                .where(PanelMemberModel.cycle_id == cid)
                .order_by(PanelMemberModel.position)
            )
            return [PanelMember(m.name, m.role) for m in s.scalars(q)]

    def set_panel_members(
        self, contract_id: int, members: list[PanelMember], cycle_id: int | None = None
    ) -> None:
        """Set the panel of ``cycle_id``, or of every open cycle of the contract."""
        members = [PanelMember(m.name.strip(), m.role.strip()) for m in members]
        for i, m in enumerate(members):
            if not m.name:
                raise StoreError(f"考核组成员第{i + 1}行：姓名不能为空")
        names = [m.name for m in members]
        if len(set(names)) != len(names):
            raise StoreError("考核组成员姓名重复")
        with self._uow.tx() as s:
            if cycle_id is not None:
                targets = [lookup.writable(s, cycle_id)]
            else:
                targets = list(
                    s.scalars(
                        select(CycleModel).where(
                            CycleModel.contract_id == contract_id, CycleModel.status == "open"
                        )
                    )
                )
            for c in targets:
                replace_panel(s, c.id, members)

    # -- bid commitments and on-site roster (per contract) ---------------------------------
    def bid_commitments(self, contract_id: int) -> list[str]:
        with self._uow.tx() as s:
            q = select(BidCommitmentModel.text).where(BidCommitmentModel.contract_id == contract_id)
            return list(s.scalars(q.order_by(BidCommitmentModel.position, BidCommitmentModel.id)))

    def set_bid_commitments(self, contract_id: int, texts: list[str]) -> None:
        texts = [t.strip() for t in texts]
        if any(not t for t in texts):
            raise StoreError("投标承诺内容不能为空")
        if len(set(texts)) != len(texts):
            raise StoreError("投标承诺有重复项")
        with self._uow.tx() as s:
            lookup.contract_model(s, contract_id)
            rows = {
                r.text: r
                for r in s.scalars(
                    select(BidCommitmentModel).where(BidCommitmentModel.contract_id == contract_id)
                )
            }
            for pos, text in enumerate(texts):
                row = rows.pop(text, None)
                if row is None:
                    s.add(BidCommitmentModel(contract_id=contract_id, position=pos, text=text))
                elif row.position != pos:
                    row.position = pos
            for row in rows.values():
                s.delete(row)

    def unfulfilled_commitments(self, cycle_id: int) -> dict[str, int]:
        """The commitments marked unfulfilled in this cycle: text -> evidence record id."""
        with self._uow.tx() as s:
            t = UnfulfilledCommitmentModel
            rows = s.execute(select(t.commitment, t.id).where(t.cycle_id == cycle_id).order_by(t.id))
            return {text: rid for text, rid in rows}

    def mark_commitment(
        self, cycle_id: int, commitment: str, unfulfilled: bool, note: str = ""
    ) -> int | None:
        """Tick (or untick) a bid commitment as unfulfilled in this cycle; returns the record id.
        A commitment not yet in the contract's register (承诺清单) joins it, in the same transaction."""
        with self._uow.tx():
            have = self.unfulfilled_commitments(cycle_id).get(commitment)
            if unfulfilled and have is None:
                return self._evidence.add(
                    cycle_id, "unfulfilled_commitments", UnfulfilledCommitment(commitment, note)
                )
            if not unfulfilled and have is not None:
                self._evidence.delete("unfulfilled_commitments", have)
                return None
            return have

    def onsite_roster(self, contract_id: int) -> list[OnsiteStaff]:
        with self._uow.tx() as s:
            q = select(OnsiteStaffModel).where(OnsiteStaffModel.contract_id == contract_id)
            return [OnsiteStaff(m.name, m.post) for m in s.scalars(q.order_by(OnsiteStaffModel.position))]

    def set_onsite_roster(self, contract_id: int, staff: list[OnsiteStaff]) -> None:
        if any(not p.name.strip() for p in staff):
            raise StoreError("驻场人员姓名不能为空")
        with self._uow.tx() as s:
            lookup.contract_model(s, contract_id)
            rows = list(
                s.scalars(
                    select(OnsiteStaffModel)
                    .where(OnsiteStaffModel.contract_id == contract_id)
                    .order_by(OnsiteStaffModel.position)
                )
            )
            for pos, person in enumerate(staff):
                if pos < len(rows):
                    if (rows[pos].name, rows[pos].post) != (person.name, person.post):
                        rows[pos].name, rows[pos].post = person.name, person.post
                else:
                    s.add(
                        OnsiteStaffModel(
                            contract_id=contract_id, position=pos, name=person.name, post=person.post
                        )
                    )
            for row in rows[len(staff) :]:
                s.delete(row)

    # -- payment deductions (contract 十一.2 / 十一.3) ------------------------------------------
    def payment_deductions(self, contract_id: int) -> list[PaymentDeduction]:
        with self._uow.tx() as s:
            q = select(PaymentDeductionModel).where(PaymentDeductionModel.contract_id == contract_id)
            return [
                PaymentDeduction(m.kind, m.count, m.occurred_on, m.note, m.cycle_number, m.amount, m.id)
                for m in s.scalars(q.order_by(PaymentDeductionModel.occurred_on, PaymentDeductionModel.id))
            ]

    def add_payment_deduction(self, contract_id: int, item: PaymentDeduction) -> int:
        if item.kind not in DEDUCTION_KINDS:
            raise StoreError("扣减类别只能是 commitment（未完成投标承诺）或 criticism（通报批评）")
        if not isinstance(item.count, int) or item.count < 1:
            raise StoreError("扣减次数必须是正整数")
        with self._uow.tx() as s:
            m = lookup.contract_model(s, contract_id)
            payment = load_scheme(m.scheme).payment
            if item.amount is not None:
                amount = money(item.amount)
            else:
                amount = deduction_amount(m.total_amount, item.kind, item.count, payment)
            row = PaymentDeductionModel(
                contract_id=contract_id,
                kind=item.kind,
                count=item.count,
                amount=amount,
                occurred_on=item.occurred_on,
                cycle_number=item.cycle,
                note=item.note,
            )
            s.add(row)
            s.flush()
            return row.id

    def delete_payment_deduction(self, deduction_id: int, reason: str | None = None) -> None:
        """Remove an entered deduction; a ``reason`` is first written into its note, so the audit
        trail keeps why (an update entry, then the delete entry, in one transaction)."""
        if reason is not None and not reason.strip():
            raise StoreError("--reason：撤销理由不能为空")
        with self._uow.tx() as s:
            row = s.get(PaymentDeductionModel, deduction_id)
            if row is None:
                raise StoreError(f"扣减记录不存在（编号 D{deduction_id}）")
            if reason is not None:
                row.note = _withdrawn(row.note, reason)
                s.flush()
            s.delete(row)

    def withdraw_commitment(self, record_id: int, reason: str) -> None:
        """Un-mark a bid commitment found unfulfilled in a cycle (3.3① and 十一.2 together),
        keeping the reason in the audit trail as ``delete_payment_deduction`` does."""
        if not reason.strip():
            raise StoreError("--reason：撤销理由不能为空")
        with self._uow.tx():
            try:
                item = self._evidence.get("unfulfilled_commitments", record_id)
            except StoreError:
                raise StoreError(f"扣减记录不存在（编号 C{record_id}）") from None
            assert isinstance(item, UnfulfilledCommitment)
            self._evidence.update("unfulfilled_commitments", record_id,
                                  UnfulfilledCommitment(item.commitment, _withdrawn(item.note, reason)))
            self._evidence.delete("unfulfilled_commitments", record_id)


def _withdrawn(note: str, reason: str) -> str:
    return f"{note}［撤销理由：{reason.strip()}］" if note else f"［撤销理由：{reason.strip()}］"
