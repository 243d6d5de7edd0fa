"""Evidence records: add, update, delete, read one (``db.evidence``).

A record is checked by the core's rules (store.validate) before it is written; fault ids are
unique within a cycle. ``update`` does not touch attachments (``db.attachments`` does).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.core.evidence import Fault, UnfulfilledCommitment
from panelapp.store import lookup
from panelapp.store.blobs import link
from panelapp.store.cycles import evidence_rows, files_by_record
from panelapp.store.errors import StoreError
from panelapp.store.mapping import Record, check_kind, contract_of, evidence_of, settings_of, to_columns
from panelapp.store.models import EVIDENCE_MODELS, AttachmentModel, CycleModel, FaultModel, now
from panelapp.store.standing import ensure_commitment
from panelapp.store.unit import UnitOfWork
from panelapp.store.validate import check_record, normalise


def check(s: Session, c: CycleModel, kind: str, obj: Record, record_id: int | None = None) -> None:
    """Refuse ``obj`` (StoreError with ``errors``) unless it is a valid record of cycle ``c``."""
    contract = contract_of(lookup.contract_model(s, c.contract_id))
    check_record(contract, c.number, c.assessed_on, settings_of(c.settings), kind, obj)
    if isinstance(obj, Fault):
        clash = s.scalar(
            select(FaultModel.id).where(
                FaultModel.cycle_id == c.id, FaultModel.code == obj.id, FaultModel.id != (record_id or 0)
            )
        )
        if clash:
            err = StoreError(f"系统运行故障未保存：id：故障编号 {obj.id} 在本周期已存在")
            err.errors = [("id", f"故障编号 {obj.id} 在本周期已存在")]
            raise err


class EvidenceRecords:
    """The evidence records of the cycles (``db.evidence``)."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def add(self, cycle_id: int, kind: str, obj: Record) -> int:
        """Add ``obj`` (a core evidence dataclass of ``kind``) with its attachments; the record id."""
        values = normalise(to_columns(kind, obj))
        with self._uow.tx() as s:
            c = lookup.writable(s, cycle_id, kind)
            check(s, c, kind, obj)
            row = EVIDENCE_MODELS[kind](cycle_id=cycle_id, entered_at=now(), entered_by=self._uow.operator, **values)
            s.add(row)
            s.flush()
            for ref in getattr(obj, "files", ()):
                link(s, kind, row.id, cycle_id, ref)
            if isinstance(obj, UnfulfilledCommitment):
                ensure_commitment(s, cycle_id, obj.commitment)
            s.flush()
            return row.id

    def update(self, kind: str, record_id: int, obj: Record) -> None:
        """Replace the record's fields with ``obj``'s; attachments are kept."""
        values = normalise(to_columns(kind, obj))
        with self._uow.tx() as s:
            row = lookup.evidence_row(s, kind, record_id)
            c = lookup.writable(s, row.cycle_id, kind)
            check(s, c, kind, obj, record_id)
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            if isinstance(obj, UnfulfilledCommitment):
                ensure_commitment(s, row.cycle_id, obj.commitment)
            s.flush()

    def delete(self, kind: str, record_id: int) -> None:
        """Delete the record and its attachment links (the blobs stay)."""
        with self._uow.tx() as s:
            row = lookup.evidence_row(s, kind, record_id)
            lookup.writable(s, row.cycle_id, kind)
            for att in s.scalars(
                select(AttachmentModel).where(AttachmentModel.kind == kind, AttachmentModel.record_id == record_id)
            ):
                s.delete(att)
            s.delete(row)
            s.flush()

    def get(self, kind: str, record_id: int) -> Record:
        """One record as its core dataclass, attachments included."""
        check_kind(kind)
        with self._uow.tx() as s:
            found = evidence_rows(s, kind, EVIDENCE_MODELS[kind].id == record_id)
            if not found:
                raise StoreError(f"记录不存在：{kind} #{record_id}")
            row = found[0]
            return evidence_of(kind, row, files_by_record(s, [row["cycle_id"]]).get((kind, record_id), ()))

    def cycle_of(self, kind: str, record_id: int) -> int:
        """The id of the cycle the record was entered in."""
        with self._uow.tx() as s:
            return lookup.evidence_row(s, kind, record_id).cycle_id
