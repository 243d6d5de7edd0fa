"""Sign-off: 定稿 / 重新打开 a cycle, and the register of exported files (``db.signoff``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from panelapp.core.engine import finalise_problem
from panelapp.core.limits import text_problem
from panelapp.store import lookup
from panelapp.store.errors import StoreError
from panelapp.store.mapping import contract_of
from panelapp.store.models import ExportModel, now
from panelapp.store.rows import ExportRow
from panelapp.store.unit import UnitOfWork


def _row(m: ExportModel) -> ExportRow:
    return ExportRow(m.cycle_id, m.version, m.fingerprint, m.at, m.operator, m.kind, m.sha256, m.path)


class SignOff:
    """Finalising and reopening cycles; exported files and the fingerprints they carry."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def finalise(self, cycle_id: int, fingerprint: str) -> None:
        """定稿; refused before the cycle's last day and while the assessment is 预评 (core)."""
        with self._uow.tx() as s:
            c = lookup.writable(s, cycle_id)
            contract = contract_of(lookup.contract_model(s, c.contract_id))
            problem = finalise_problem(contract, c.number, c.assessed_on, dt.date.today())
            if problem:
                raise StoreError(problem)
            c.status, c.fingerprint = "final", fingerprint
            c.finalised_by, c.finalised_at = self._uow.operator, now()

    def reopen(self, cycle_id: int, reason: str) -> None:
        if not (reason or "").strip():
            raise StoreError("撤销定稿必须填写理由")
        if problem := text_problem(reason):
            raise StoreError(f"撤销定稿的理由：{problem}")
        with self._uow.tx() as s:
            c = lookup.cycle(s, cycle_id)
            if c.status != "final":
                raise StoreError("本周期尚未定稿，无需撤销")
            c.status, c.version, c.reopen_reason = "open", c.version + 1, reason.strip()
            c.fingerprint = c.finalised_by = c.finalised_at = None

    def record_export(self, cycle_id: int, sha256: str, fingerprint: str, kind: str, path: str) -> None:
        """Register an exported file (its SHA-256 and the cycle's fingerprint), audited."""
        with self._uow.tx() as s:
            version = lookup.cycle(s, cycle_id).version
            s.add(
                ExportModel(
                    cycle_id=cycle_id, version=version, sha256=sha256.lower(), fingerprint=fingerprint,
                    kind=kind, path=str(path), at=now(), operator=self._uow.operator,
                )
            )  # fmt: skip
            s.flush()

    def find_export(self, sha256: str) -> ExportRow | None:
        """The newest export of a file with this SHA-256, or None."""
        with self._uow.tx() as s:
            m = s.scalar(
                select(ExportModel).where(ExportModel.sha256 == sha256.lower()).order_by(ExportModel.id.desc()).limit(1)
            )
            return None if m is None else _row(m)

    def exports(self, cycle_id: int) -> list[ExportRow]:
        with self._uow.tx() as s:
            q = select(ExportModel).where(ExportModel.cycle_id == cycle_id).order_by(ExportModel.id)
            return [_row(m) for m in s.scalars(q)]
