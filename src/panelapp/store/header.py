"""Cycle header (settings, assessment date, item overrides), sign-off, history and checks.

A mixin of Database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select

from panelapp.core.evidence import ItemOverride, Settings
from panelapp.core.overrides import override_problem
from panelapp.core.scheme import load_scheme
from panelapp.store.audit import raw_connection as audit_raw
from panelapp.store.columns import now
from panelapp.store.convert import check_kind, contract_of
from panelapp.store.errors import StoreError
from panelapp.store.models import AuditLog, Base, ItemOverrideModel
from panelapp.store.rows import AuditEntry


class CycleHeader:
    _tx: Any
    _cycle: Any
    _writable: Any
    _contract_model: Any
    operator: str

    # -- cycle header ----------------------------------------------------------------------
    def set_settings(self, cycle_id: int, settings: Settings) -> None:
        with self._tx() as s:
            c = self._writable(s, cycle_id)
            scheme = load_scheme(self._contract_model(s, c.contract_id).scheme)
            values = dataclasses.asdict(settings)
            for key, spec in scheme.settings.items():
                value = values.get(key)
                if not isinstance(value, int) or isinstance(value, bool):
                    raise StoreError(f"设置“{spec.label}”必须是整数")
                if spec.choices and value not in spec.choices:
                    raise StoreError(f"设置“{spec.label}”只能取 {'、'.join(map(str, spec.choices))}")
                if spec.min is not None and value < spec.min or spec.max is not None and value > spec.max:
                    raise StoreError(f"设置“{spec.label}”超出允许范围")
            if c.settings != values:
                c.settings = values

    def set_assessed_on(self, cycle_id: int, day: dt.date) -> None:
        with self._tx() as s:
            c = self._writable(s, cycle_id)
            start = contract_of(self._contract_model(s, c.contract_id)).cycle(c.number).start
            if day < start:
                raise StoreError(f"评定日期 {day} 早于本考核周期开始（{start}）")
            if c.assessed_on != day:
                c.assessed_on = day

    def set_item_override(self, cycle_id: int, item_id: str, override: ItemOverride | None) -> None:
        with self._tx() as s:
            c = self._writable(s, cycle_id)
            scheme = load_scheme(self._contract_model(s, c.contract_id).scheme)
            try:
                item = scheme.item(item_id)
            except KeyError:
                raise StoreError(f"评分方案中没有指标 {item_id}") from None
            row = s.scalar(
                select(ItemOverrideModel).where(
                    ItemOverrideModel.cycle_id == cycle_id, ItemOverrideModel.item_id == item_id
                )
            )
            if override is None:
                if row is not None:
                    s.delete(row)
                return
            problem = override_problem(item, override.deduction, override.reason)
            if problem is not None:
                raise StoreError(problem)
            from panelapp.core.limits import text_problem

            if problem := text_problem(override.reason or ""):
                raise StoreError(f"调整指标 {item_id}（{item.name}）的理由：{problem}")
            if row is None:
                s.add(
                    ItemOverrideModel(
                        cycle_id=cycle_id,
                        item_id=item_id,
                        deduction=override.deduction,
                        reason=override.reason,
                    )
                )
            else:
                row.deduction, row.reason = override.deduction, override.reason

    # -- sign-off --------------------------------------------------------------------------
    def finalise(self, cycle_id: int, fingerprint: str) -> None:
        with self._tx() as s:
            c = self._writable(s, cycle_id)
            c.status, c.fingerprint = "final", fingerprint
            c.finalised_by, c.finalised_at = self.operator, now()

    def reopen(self, cycle_id: int, reason: str) -> None:
        if not (reason or "").strip():
            raise StoreError("撤销定稿必须填写理由")
        from panelapp.core.limits import text_problem

        if problem := text_problem(reason):
            raise StoreError(f"撤销定稿的理由：{problem}")
        with self._tx() as s:
            c = self._cycle(s, cycle_id)
            if c.status != "final":
                raise StoreError("本周期尚未定稿，无需撤销")
            c.status, c.version, c.reopen_reason = "open", c.version + 1, reason.strip()
            c.fingerprint = c.finalised_by = c.finalised_at = None

    # -- history ---------------------------------------------------------------------------
    def history(
        self, cycle_id: int | None = None, table: str | None = None, record_id: int | None = None
    ) -> list[AuditEntry]:
        q = select(AuditLog).order_by(AuditLog.id)
        if cycle_id is not None:
            q = q.where(AuditLog.cycle_id == cycle_id)
        if table is not None:
            q = q.where(AuditLog.table_name == table)
        if record_id is not None:
            q = q.where(AuditLog.record_id == record_id)
        with self._tx() as s:
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

    def verify(self, blobs: bool = False) -> Any:
        """Integrity check, audit chain, rows against the audit trail (a verify.VerifyReport)."""
        from panelapp.store.verify import verify

        with self._tx() as s:
            return verify(s, blobs=blobs)

    def verify_cycle(self, cycle_id: int) -> list[Any]:
        """The rows a cycle's sheet is made from against the audit trail (store.cycle_audit)."""
        from panelapp.store.cycle_audit import verify_cycle

        with self._tx() as s:
            return verify_cycle(s, cycle_id)

    def witness(self, event: str) -> None:
        """Append the chain head to the witness log in the user's data folder (store.witness)."""
        from panelapp.store import witness
        from panelapp.store.witness_id import ensure_id

        ensure_id(self)
        with self._tx() as s:
            witness.record(audit_raw(s), event, self.path)

    def witness_problems(self) -> list[str]:
        """Heads the witness log saw that are no longer in this file's chain (store.witness)."""
        from panelapp.store import witness

        with self._tx() as s:
            return witness.check(audit_raw(s), self.path).problems or []

    def chain_head(self) -> str | None:
        """The hash of the audit chain's last entry (None while the trail is empty)."""
        with self._tx() as s:
            return s.scalar(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1))

    def counts(self) -> dict[str, int]:
        """Row count of every table (for tests and diagnostics)."""
        with self._tx() as s:
            return {
                t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
            }
