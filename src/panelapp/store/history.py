"""The audit trail read back, and the checks of verify-db (``db.audit``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select

from panelapp.store.mapping import check_kind
from panelapp.store.models import AuditLog, Base
from panelapp.store.rows import AuditEntry
from panelapp.store.unit import UnitOfWork
from panelapp.store.verify import Problem, VerifyReport, verify


class AuditTrail:
    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def history(
        self, cycle_id: int | None = None, table: str | None = None, record_id: int | None = None
    ) -> list[AuditEntry]:
        """Audit entries, oldest first, optionally of one cycle, table and record."""
        q = select(AuditLog).order_by(AuditLog.id)
        if cycle_id is not None:
            q = q.where(AuditLog.cycle_id == cycle_id)
        if table is not None:
            q = q.where(AuditLog.table_name == table)
        if record_id is not None:
            q = q.where(AuditLog.record_id == record_id)
        with self._uow.tx() as s:
            return [
                AuditEntry(
                    a.id,
                    dt.datetime.fromisoformat(a.at),
                    a.operator,
                    a.action,
                    a.table_name,
                    a.record_id,
                    json.loads(a.old) if a.old else None,
                    json.loads(a.new) if a.new else None,
                )
                for a in s.scalars(q)
            ]

    def record_history(self, kind: str, record_id: int) -> list[AuditEntry]:
        """The history of one evidence record, its attachment links included, oldest first."""
        check_kind(kind)
        own = self.history(table=kind, record_id=record_id)
        cycle = next((e.new or e.old or {}).get("cycle_id") for e in own) if own else None
        links = (
            [
                e
                for e in self.history(cycle_id=cycle, table="attachments")
                if (e.new or e.old or {}).get("kind") == kind
                and (e.new or e.old or {}).get("record_id") == record_id
            ]
            if cycle is not None
            else []
        )
        return sorted(own + links, key=lambda e: e.id)

    def verify(self, blobs: bool = False) -> VerifyReport:
        """Integrity check, audit chain, rows against the audit trail."""
        with self._uow.tx() as s:
            return verify(s, blobs=blobs)

    def verify_cycle(self, cycle_id: int) -> list[Problem]:
        """The rows a cycle's sheet is made from against the audit trail (store.cycle_audit)."""
        from panelapp.store.cycle_audit import verify_cycle

        with self._uow.tx() as s:
            return verify_cycle(s, cycle_id)

    def verify_cycles(self, cycle_ids: Iterable[int]) -> dict[int, list[Problem]]:
        """verify_cycle of several cycles, by cycle id, each shared scope and the chain's links
        read once (store.cycle_audit.verify_cycles)."""
        from panelapp.store.cycle_audit import verify_cycles

        with self._uow.tx() as s:
            return verify_cycles(s, cycle_ids)

    def witness(self, event: str) -> None:
        """Append the chain head to the witness log in the user's data folder (store.witness)."""
        from panelapp.store import witness
        from panelapp.store.witness_id import ensure_id

        ensure_id(self._uow)
        with self._uow.tx() as s:
            witness.record(s, event, self._uow.path)

    def witness_problems(self) -> list[str]:
        """Heads the witness log saw that are no longer in this file's chain (store.witness)."""
        from panelapp.store import witness

        with self._uow.tx() as s:
            return witness.check(s, Path(self._uow.path)).problems or []

    def chain_head(self) -> str | None:
        """The hash of the audit chain's last entry (None while the trail is empty)."""
        with self._uow.tx() as s:
            return s.scalar(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1))

    def counts(self) -> dict[str, int]:
        """Row count of every table (for tests and diagnostics)."""
        with self._uow.tx() as s:
            return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}
