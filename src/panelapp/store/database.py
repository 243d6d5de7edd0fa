"""The Database: one open SQLite file, its contracts, cycles and evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    CycleData,
    Evidence,
    FileRef,
    ItemOverride,
    PanelMember,
    Settings,
)
from panelapp.core.scheme import load_scheme
from panelapp.store import audit, backup, blobs, standing, transfer
from panelapp.store.connect import open_engine
from panelapp.store.convert import BUILDERS, COLUMNS, SELECTS, check_kind, from_row, to_columns
from panelapp.store.errors import FINAL_MESSAGE, StoreError
from panelapp.store.lock import FileLock
from panelapp.store.models import (
    EVIDENCE_MODELS,
    AppSetting,
    AttachmentModel,
    AuditLog,
    ContractModel,
    CycleModel,
    ItemOverrideModel,
    PanelMemberModel,
    now,
)
from panelapp.store.rows import AuditEntry, ContractRow, CycleRow
from panelapp.store.seed import DEFAULT_CONTRACT, DEFAULT_PANEL
from panelapp.store.validate import check_record, normalise

HALF_YEAR_KINDS = ("drills", "trainings")


def default_db_path() -> Path:
    """``$PANELAPP_DB`` or panelapp.db in the user's data folder (platformdirs)."""
    override = os.environ.get("PANELAPP_DB")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("panelapp", appauthor=False)) / "panelapp.db"


def _contract(m: ContractModel) -> Contract:
    return Contract(
        m.number,
        m.project,
        m.purchaser,
        m.vendor,
        m.total_amount,
        m.signed_on,
        m.service_months,
        m.scheme,
        m.cycle_months,
    )


class Database(standing.StandingLists, blobs.Attachments, transfer.Transfer):
    def __init__(self, path: Path, engine: Any, lock: FileLock, operator: str = "系统"):
        self.path = path
        self._engine = engine
        self._lock = lock
        self._session = Session(engine, expire_on_commit=False, autoflush=False)
        audit.install(self._session)
        self._depth = 0
        self.operator = operator
        self.closed = False
        #: Chinese message when the automatic backup on close failed (the data itself is safe)
        self.backup_error: str | None = None

    # -- plumbing ----------------------------------------------------------------------------
    @property
    def operator(self) -> str:
        return self._session.info["operator"]

    @operator.setter
    def operator(self, name: str) -> None:
        self._session.info["operator"] = (name or "").strip() or "系统"

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back entirely on any error."""
        if self.closed:
            raise StoreError("数据库已关闭。")
        if self._depth:
            self._depth += 1
            try:
                yield self._session
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            yield self._session
            self._session.commit()
        except StoreError:
            self._session.rollback()
            raise
        except SQLAlchemyError as exc:
            self._session.rollback()
            raise StoreError(
                f"数据库操作失败：{getattr(exc, 'orig', None) or exc}", path=str(self.path)
            ) from exc
        except BaseException:
            self._session.rollback()
            raise
        finally:
            self._depth = 0

    def close(self, backup_on_close: bool = True) -> Path | None:
        """Close; when anything was written, make the rotating automatic backup first."""
        if self.closed:
            return None
        made = None
        try:
            wrote = self._session.info.get("wrote", False)
            keep = self.backup_keep() if backup_on_close and wrote else 0
            self._session.close()
            if keep:
                try:
                    made = backup.rotate(self.path, keep)
                except (StoreError, OSError) as exc:  # closing must not fail because a backup did
                    self.backup_error = f"自动备份失败：{exc}"
        finally:
            self._session.close()
            self._engine.dispose()
            self._lock.release()
            self.closed = True
        return made

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup(self, dest: Path) -> Path:
        return backup.copy_database(self.path, Path(dest))

    def backup_keep(self) -> int:
        with self._tx() as s:
            value = s.scalar(select(AppSetting).where(AppSetting.key == "backup_keep"))
        return int(value.value) if value else backup.DEFAULT_KEEP

    def set_backup_keep(self, keep: int) -> None:
        if keep < 1:
            raise StoreError("保留的自动备份份数至少为 1")
        with self._tx() as s:
            row = s.scalar(select(AppSetting).where(AppSetting.key == "backup_keep"))
            if row is None:
                s.add(AppSetting(key="backup_keep", value=str(keep)))
            else:
                row.value = str(keep)

    # -- contracts and cycles --------------------------------------------------------------
    def contracts(self) -> list[ContractRow]:
        with self._tx() as s:
            return [
                ContractRow(m.id, _contract(m))
                for m in s.scalars(select(ContractModel).order_by(ContractModel.id))
            ]

    def contract(self, contract_id: int) -> Contract:
        with self._tx() as s:
            return _contract(self._contract_model(s, contract_id))

    def _contract_model(self, s: Session, contract_id: int) -> ContractModel:
        m = s.get(ContractModel, contract_id)
        if m is None:
            raise StoreError(f"合同不存在（编号 {contract_id}）")
        return m

    def create_contract(self, contract: Contract, panel: tuple[PanelMember, ...] = DEFAULT_PANEL) -> int:
        """A contract with all its cycles (open, scheme default settings) and a panel per cycle."""
        scheme = load_scheme(contract.scheme)
        with self._tx() as s:
            if s.scalar(select(ContractModel.id).where(ContractModel.number == contract.number)):
                raise StoreError(f"合同编号 {contract.number} 已存在")
            m = ContractModel(**{f.name: getattr(contract, f.name) for f in dataclasses.fields(contract)})
            s.add(m)
            s.flush()
            for period in contract.cycles():
                c = CycleModel(
                    contract_id=m.id,
                    number=period.number,
                    assessed_on=period.end + dt.timedelta(days=1),
                    settings=dataclasses.asdict(scheme.default_settings()),
                    status="open",
                    version=1,
                )
                s.add(c)
                s.flush()
                for pos, member in enumerate(panel):
                    s.add(PanelMemberModel(cycle_id=c.id, position=pos, name=member.name, role=member.role))
            return m.id

    def _cycle_row(self, s: Session, c: CycleModel) -> CycleRow:
        contract = _contract(self._contract_model(s, c.contract_id))
        return CycleRow(
            c.id,
            c.contract_id,
            c.number,
            contract.cycle(c.number),
            c.assessed_on,
            c.status,
            c.version,
            c.finalised_by,
            c.finalised_at,
            c.fingerprint,
            c.reopen_reason,
        )

    def cycles(self, contract_id: int) -> list[CycleRow]:
        with self._tx() as s:
            rows = s.scalars(
                select(CycleModel).where(CycleModel.contract_id == contract_id).order_by(CycleModel.number)
            )
            return [self._cycle_row(s, c) for c in rows]

    def cycle_row(self, cycle_id: int) -> CycleRow:
        with self._tx() as s:
            return self._cycle_row(s, self._cycle(s, cycle_id))

    def find_cycle(self, number: int, contract_id: int | None = None) -> CycleRow:
        """Cycle ``number`` of ``contract_id`` (default: the first contract)."""
        with self._tx() as s:
            if contract_id is None:
                contract_id = s.scalar(select(func.min(ContractModel.id)))
            c = s.scalar(
                select(CycleModel).where(CycleModel.contract_id == contract_id, CycleModel.number == number)
            )
            if c is None:
                raise StoreError(f"没有第{number}考核周期")
            return self._cycle_row(s, c)

    def _cycle(self, s: Session, cycle_id: int) -> CycleModel:
        c = s.get(CycleModel, cycle_id)
        if c is None:
            raise StoreError(f"考核周期不存在（编号 {cycle_id}）")
        return c

    def _writable(self, s: Session, cycle_id: int) -> CycleModel:
        c = self._cycle(s, cycle_id)
        if c.status == "final":
            raise StoreError(FINAL_MESSAGE)
        return c

    def _half_year_cycles(self, s: Session, c: CycleModel) -> list[int]:
        """This cycle and the earlier cycles of its half-year, earliest first."""
        contract = _contract(self._contract_model(s, c.contract_id))
        first = contract.half_year(c.number).first_cycle
        rows = s.execute(
            select(CycleModel.id)
            .where(
                CycleModel.contract_id == c.contract_id,
                CycleModel.number >= first,
                CycleModel.number <= c.number,
            )
            .order_by(CycleModel.number)
        )
        return [r[0] for r in rows]

    # -- the cycle as the core sees it -----------------------------------------------------
    def cycle_data(self, cycle_id: int) -> tuple[CycleData, dict[str, list[int]]]:
        with self._tx() as s:
            c = self._cycle(s, cycle_id)
            contract = _contract(self._contract_model(s, c.contract_id))
            half = self._half_year_cycles(s, c)
            rank = {cid: i for i, cid in enumerate(half)}
            files = self._files_by_record(s, half)
            evidence: dict[str, tuple] = {}
            ids: dict[str, list[int]] = {}
            conn = s.connection()
            for kind in EVIDENCE_KINDS:
                cycles = half if kind in HALF_YEAR_KINDS else [cycle_id]
                rows = conn.execute(SELECTS[kind], {"cids": cycles}).all()
                if len(cycles) > 1:
                    rows.sort(key=lambda r: (rank.get(r[1], 0), r[0]))
                else:
                    rows.sort(key=lambda r: r[0])
                build = BUILDERS[kind]
                evidence[kind] = tuple(build(tuple(r[2:]), files.get((kind, r[0]), ())) for r in rows)
                ids[kind] = [r[0] for r in rows]
            panel = tuple(
                PanelMember(r.name, r.role)
                for r in s.execute(
                    select(PanelMemberModel.name, PanelMemberModel.role)
                    .where(PanelMemberModel.cycle_id == cycle_id)
                    .order_by(PanelMemberModel.position)
                )
            )
            overrides = {
                r.item_id: ItemOverride(r.deduction, r.reason)
                for r in s.execute(
                    select(ItemOverrideModel.item_id, ItemOverrideModel.deduction, ItemOverrideModel.reason)
                    .where(ItemOverrideModel.cycle_id == cycle_id)
                    .order_by(ItemOverrideModel.item_id)
                )
            }
            known = {f.name for f in dataclasses.fields(Settings)}
            settings = Settings(**{k: v for k, v in (c.settings or {}).items() if k in known})
            data = CycleData(
                contract, c.number, c.assessed_on, settings, panel, Evidence(**evidence), overrides
            )
            return data, ids

    def _files_by_record(
        self, s: Session, cycle_ids: list[int]
    ) -> dict[tuple[str, int], tuple[FileRef, ...]]:
        out: dict[tuple[str, int], list[FileRef]] = {}
        q = (
            select(
                AttachmentModel.kind,
                AttachmentModel.record_id,
                AttachmentModel.name,
                AttachmentModel.sha256,
                AttachmentModel.size,
            )
            .where(AttachmentModel.cycle_id.in_(cycle_ids))
            .order_by(AttachmentModel.position, AttachmentModel.id)
        )
        for r in s.execute(q):
            out.setdefault((r.kind, r.record_id), []).append(FileRef(r.name, r.sha256, r.size))
        return {k: tuple(v) for k, v in out.items()}

    # -- evidence --------------------------------------------------------------------------
    def _check(self, s: Session, c: CycleModel, kind: str, obj: Any, record_id: int | None = None) -> None:
        contract = _contract(self._contract_model(s, c.contract_id))
        known = {f.name for f in dataclasses.fields(Settings)}
        settings = Settings(**{k: v for k, v in (c.settings or {}).items() if k in known})
        check_record(contract, c.number, c.assessed_on, settings, kind, obj)
        if kind == "faults":
            t = EVIDENCE_MODELS["faults"].__table__
            clash = s.scalar(
                select(t.c.id).where(t.c.cycle_id == c.id, t.c.code == obj.id, t.c.id != (record_id or 0))
            )
            if clash:
                err = StoreError(f"系统运行故障未保存：id：故障编号 {obj.id} 在本周期已存在")
                err.errors = [("id", f"故障编号 {obj.id} 在本周期已存在")]
                raise err

    def add_evidence(self, cycle_id: int, kind: str, obj: Any) -> int:
        values = normalise(to_columns(kind, obj))
        with self._tx() as s:
            c = self._writable(s, cycle_id)
            self._check(s, c, kind, obj)
            row = EVIDENCE_MODELS[kind](
                cycle_id=cycle_id, entered_at=now(), entered_by=self.operator, **values
            )
            s.add(row)
            s.flush()
            for ref in getattr(obj, "files", ()):
                self._link(s, kind, row.id, cycle_id, ref)
            if kind == "unfulfilled_commitments":
                self._ensure_commitment(s, cycle_id, obj.commitment)
            s.flush()
            return row.id

    def _evidence_row(self, s: Session, kind: str, record_id: int) -> Any:
        check_kind(kind)
        row = s.get(EVIDENCE_MODELS[kind], record_id)
        if row is None:
            raise StoreError(f"记录不存在：{kind} #{record_id}")
        return row

    def update_evidence(self, kind: str, record_id: int, obj: Any) -> None:
        """Replace the record's fields with ``obj``'s; attachments are kept (see attach_file)."""
        values = normalise(to_columns(kind, obj))
        with self._tx() as s:
            row = self._evidence_row(s, kind, record_id)
            c = self._writable(s, row.cycle_id)
            self._check(s, c, kind, obj, record_id)
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            if kind == "unfulfilled_commitments":
                self._ensure_commitment(s, row.cycle_id, obj.commitment)
            s.flush()

    def delete_evidence(self, kind: str, record_id: int) -> None:
        with self._tx() as s:
            row = self._evidence_row(s, kind, record_id)
            self._writable(s, row.cycle_id)
            for att in s.scalars(
                select(AttachmentModel).where(
                    AttachmentModel.kind == kind, AttachmentModel.record_id == record_id
                )
            ):
                s.delete(att)
            s.delete(row)
            s.flush()

    def evidence(self, kind: str, record_id: int) -> Any:
        with self._tx() as s:
            row = self._evidence_row(s, kind, record_id)
            cycle = s.get(CycleModel, row.cycle_id)
            files = self._files_by_record(s, [cycle.id]).get((kind, record_id), ())
            return from_row(kind, {c: getattr(row, c) for c in COLUMNS[kind]}, files)

    def evidence_cycle(self, kind: str, record_id: int) -> int:
        with self._tx() as s:
            return self._evidence_row(s, kind, record_id).cycle_id

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
            start = _contract(self._contract_model(s, c.contract_id)).cycle(c.number).start
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
            if not (override.reason or "").strip():
                raise StoreError(f"调整指标 {item_id}（{item.name}）的扣分必须填写理由")
            hi = None if item.floor is None else item.max - item.floor
            if (
                not isinstance(override.deduction, int)
                or isinstance(override.deduction, bool)
                or override.deduction < 0
                or (hi is not None and override.deduction > hi)
            ):
                limit = f"0 到 {hi}" if hi is not None else "不小于 0"
                raise StoreError(f"指标 {item_id}（{item.name}）的扣分必须是{limit}的整数")
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
        import json

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

    def counts(self) -> dict[str, int]:
        """Row count of every table (for tests and diagnostics)."""
        from panelapp.store.models import Base

        with self._tx() as s:
            return {
                t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
            }

    def _delete_all(self, s: Session, model: Any, *where: Any) -> None:
        for obj in s.scalars(select(model).where(*where)):
            s.delete(obj)


def open_database(path: Path | str | None = None, operator: str = "系统", seed: bool = True) -> Database:
    """Open (creating, migrating and seeding when new) the database at ``path`` or the default one."""
    path = Path(path).expanduser().absolute() if path is not None else default_db_path()
    engine, lock, created = open_engine(path)
    db = Database(path, engine, lock, operator)
    try:
        if seed and not db.contracts():
            db.operator = "系统"
            db.create_contract(DEFAULT_CONTRACT)
            db.operator = operator
    except BaseException:
        db.close(backup_on_close=False)
        raise
    return db


__all__ = ["Database", "open_database", "default_db_path"]
