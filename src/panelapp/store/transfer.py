"""Cycle files in and out: atomic, merging import; lossless export (.json or .zip).

``db.transfer``. Import runs in one transaction: any error (a refused file,
a final cycle, a broken attachment) leaves the database exactly as it was.
Merging into a cycle that already holds evidence skips records equal to one
already there (all fields but the attachments, whose lists are united) and
reports them; each existing record absorbs at most one incoming duplicate, so
two genuinely identical entries in one file stay two.
"""

from __future__ import annotations

import contextlib
import dataclasses
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from panelapp.core.evidence import EVIDENCE_KINDS, CycleData, PanelMember
from panelapp.core.payments import deduction_amount
from panelapp.core.scheme import load_scheme
from panelapp.store import lookup
from panelapp.store.blobs import Attachments, link, store_stream, stored_in
from panelapp.store.cycles import Cycles, cycle_data
from panelapp.store.errors import StoreError
from panelapp.store.mapping import Record, to_columns
from panelapp.store.models import (
    EVIDENCE_MODELS,
    ContractModel,
    CycleModel,
    ItemOverrideModel,
    PaymentDeductionModel,
)
from panelapp.store.rows import ImportReport
from panelapp.store.standing import ensure_commitment, replace_panel
from panelapp.store.unit import UnitOfWork
from panelapp.store.validate import normalise

if TYPE_CHECKING:
    from panelapp.core.cyclefile import LoadedCycle

CHUNK = 1 << 20


def _bare(kind: str, obj: Record) -> tuple[object, ...]:
    """The record's values without its attachments, for duplicate detection."""
    return tuple(to_columns(kind, obj).values())


class Transfer:
    """Cycle files in and out (``db.transfer``)."""

    def __init__(self, uow: UnitOfWork, cycles: Cycles, attachments: Attachments):
        self._uow = uow
        self._cycles = cycles
        self._attachments = attachments

    def import_file(self, path: Path, cycle_id: int | None = None) -> ImportReport:
        """Import a cycle .json/.zip. Raises the core's CycleFileError (field paths) when the file
        is refused, StoreError when the database refuses it; in both cases nothing is written."""
        from panelapp.core.cyclefile import read_cycle_file

        loaded = read_cycle_file(Path(path))
        with self._uow.tx() as s:
            c, created = self._target_cycle(s, loaded.data, cycle_id)
            report = ImportReport(c.id, new_contract=loaded.data.contract.number if created else None)
            self._merge(s, c, loaded, report)
            return report

    def _target_cycle(self, s: Session, data: CycleData, cycle_id: int | None) -> tuple[CycleModel, bool]:
        """The cycle the file goes into, and whether its contract was added to the database."""
        contract = data.contract
        m = s.scalar(select(ContractModel).where(ContractModel.number == contract.number))
        created = m is None
        if m is None:
            if cycle_id is not None:
                raise StoreError(f"文件属于合同 {contract.number}，与所选考核周期的合同不同，未导入")
            m = lookup.contract_model(s, self._cycles.create_contract(contract, panel=()))
        else:
            mine = {f.name: getattr(m, f.name) for f in dataclasses.fields(contract)}
            theirs = dataclasses.asdict(contract)
            theirs.pop("cycle_months", None), mine.pop("cycle_months", None)
            diff = [k for k in theirs if theirs[k] != mine[k]]
            if diff:
                raise StoreError(
                    f"文件中的合同 {contract.number} 与数据库中的同编号合同不一致（"
                    + "、".join(diff)
                    + "），未导入"
                )
        c = s.scalar(
            select(CycleModel).where(CycleModel.contract_id == m.id, CycleModel.number == data.cycle)
        )
        if c is None:
            raise StoreError(f"数据库中没有合同 {contract.number} 的第{data.cycle}考核周期")
        if cycle_id is not None and c.id != cycle_id:
            raise StoreError(f"文件是第{data.cycle}考核周期的数据，与所选周期不同，未导入")
        return lookup.writable(s, c.id), created

    def _merge(self, s: Session, c: CycleModel, loaded: LoadedCycle, report: ImportReport) -> None:
        data: CycleData = loaded.data
        current, ids = cycle_data(s, c.id)
        empty = current.is_empty
        self._merge_header(s, c, data, current, empty, report)
        open_cycles = {cid for (cid,) in s.execute(select(CycleModel.id).where(CycleModel.status == "open"))}
        fault_codes = {f.id: f for f in current.evidence.faults}
        for kind in EVIDENCE_KINDS:
            pool: dict[tuple[object, ...], list[int]] = defaultdict(list)
            for obj, rid in zip(getattr(current.evidence, kind), ids[kind], strict=True):
                pool[_bare(kind, obj)].append(rid)
            model = EVIDENCE_MODELS[kind]
            for index, obj in enumerate(getattr(data.evidence, kind)):
                match = pool.get(_bare(kind, obj))
                if match:
                    rid = match.pop(0)
                    report.duplicates.append((kind, index, rid))
                    twin = s.get(model, rid)
                    if twin is not None and twin.cycle_id in open_cycles:
                        for ref in getattr(obj, "files", ()):
                            link(s, kind, rid, twin.cycle_id, ref)
                    continue
                if kind == "faults" and obj.id in fault_codes:
                    report.conflicts.append(
                        f"故障编号 {obj.id} 已存在且内容不同，文件中的这条故障未导入，请人工核对"
                    )
                    continue
                row = model(cycle_id=c.id, entered_by=self._uow.operator, **normalise(to_columns(kind, obj)))
                s.add(row)
                s.flush()
                for ref in getattr(obj, "files", ()):
                    link(s, kind, row.id, c.id, ref)
                if kind == "unfulfilled_commitments":
                    ensure_commitment(s, c.id, obj.commitment)
                report.added.setdefault(kind, []).append(row.id)
        report.register_added = self._merge_register(s, c, data, current)
        from panelapp.core.cyclefile import file_refs

        for digest, ref in file_refs(data).items():
            if digest in loaded.blobs:
                with loaded.open_blob(digest) as stream:
                    if store_stream(s, digest, ref.size, stream):
                        report.files_stored += 1
            elif not stored_in(s, digest):
                report.files_missing += 1
        s.flush()

    def _merge_register(self, s: Session, c: CycleModel, data: CycleData, current: CycleData) -> int:
        """The file's register entries (十一.2 / 十一.3) join the contract's register; an entry already
        there (same kind, date, description and count) is not entered twice."""
        have = list(current.payment_deductions)
        rates = load_scheme(data.contract.scheme).payment
        total = lookup.contract_model(s, c.contract_id).total_amount
        added = 0
        for entry in data.payment_deductions:
            if entry in have:
                have.remove(entry)
                continue
            s.add(PaymentDeductionModel(
                contract_id=c.contract_id, kind=entry.kind, count=entry.count, occurred_on=entry.date,
                cycle_number=c.number, note=entry.description,
                amount=deduction_amount(total, entry.kind, entry.count, rates)))
            added += 1
        s.flush()
        return added

    def _merge_header(
        self,
        s: Session,
        c: CycleModel,
        data: CycleData,
        current: CycleData,
        empty: bool,
        report: ImportReport,
    ) -> None:
        settings = dataclasses.asdict(data.settings)
        if empty:
            if c.assessed_on != data.assessed_on:
                c.assessed_on = data.assessed_on
            if c.settings != settings:
                c.settings = settings
            replace_panel(s, c.id, list(data.panel))
        else:
            if data.assessed_on != current.assessed_on:
                report.conflicts.append(f"评定日期（文件 {data.assessed_on}，数据库 {current.assessed_on}）")
            if data.settings != current.settings:
                report.conflicts.append("评分设置")
            names = {m.name for m in current.panel}
            extra = [m for m in data.panel if m.name not in names]
            if extra:
                replace_panel(
                    s, c.id, list(current.panel) + [PanelMember(m.name, m.role) for m in extra]
                )
        for item_id, override in sorted(data.item_overrides.items()):
            have = current.item_overrides.get(item_id)
            if have is None:
                s.add(
                    ItemOverrideModel(
                        cycle_id=c.id, item_id=item_id, deduction=override.deduction, reason=override.reason
                    )
                )
            elif have != override:
                report.conflicts.append(f"指标 {item_id} 的扣分调整")
        s.flush()

    def export(self, cycle_id: int, path: Path) -> Path:
        """Write the cycle as cycle-file JSON, or a .zip with files/<sha256> for every stored attachment."""
        from panelapp.core.cyclefile import file_refs, write_cycle_file

        path = Path(path)
        data, _ids = self._cycles.data(cycle_id)
        if path.suffix.lower() != ".zip":
            return write_cycle_file(data, path)
        tmp = path.with_name(path.name + ".tmp.zip")
        try:
            write_cycle_file(data, tmp)
            with zipfile.ZipFile(tmp, "a", compression=zipfile.ZIP_DEFLATED) as zf:
                for digest in file_refs(data):
                    if not self._attachments.stored(digest):
                        continue
                    with zf.open(f"files/{digest}", "w", force_zip64=True) as dst:
                        for chunk in self._attachments.iter(digest):
                            dst.write(chunk)
            tmp.replace(path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return path
