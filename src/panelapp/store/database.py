"""The Database: one open SQLite file, its contracts, cycles and evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
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
from panelapp.store import audit, backup, blobs, header, standing, transfer
from panelapp.store.connect import open_engine
from panelapp.store.convert import (
    BUILDERS,
    COLUMNS,
    SELECTS,
    check_kind,
    from_row,
    to_columns,
)
from panelapp.store.convert import (
    contract_of as _contract,
)
from panelapp.store.errors import FINAL_MESSAGE, StoreError
from panelapp.store.lock import FileLock
from panelapp.store.models import (
    EVIDENCE_MODELS,
    AppSetting,
    AttachmentModel,
    ContractModel,
    CycleModel,
    ItemOverrideModel,
    PanelMemberModel,
    now,
)
from panelapp.store.rows import ContractRow, CycleRow
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


#: SQLite's words -> what the panel needs to know; nothing of the failed operation was saved
SQLITE_MESSAGES = (
    ("readonly", "数据库文件已变为只读，本次修改未保存。请检查文件属性或磁盘后重新打开。"),
    ("disk is full", "磁盘已满，本次修改未保存。请清理磁盘空间后重试。"),
    ("disk i/o error", "读写磁盘出错，本次修改未保存。请检查磁盘或 U 盘是否被拔出。"),
    ("locked", "数据库正忙（被其他程序占用），本次修改未保存，请稍后重试。"),
    ("malformed", "数据库文件已损坏，本次修改未保存。请关闭程序，用“恢复备份”恢复。"),
    ("constraint", "数据不符合数据库约束，本次修改未保存"),
)


def sqlite_message(exc: Exception) -> str:
    detail = str(getattr(exc, "orig", None) or exc)
    for needle, message in SQLITE_MESSAGES:
        if needle in detail.lower():
            return f"{message}（{detail}）"
    return f"数据库操作失败，本次修改未保存（{detail}）"


class Database(header.CycleHeader, standing.StandingLists, blobs.Attachments, transfer.Transfer):
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
            raise StoreError(sqlite_message(exc), path=str(self.path)) from exc
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
                except (
                    StoreError,
                    OSError,
                    sqlite3.Error,
                ) as exc:  # closing must not fail because a backup did
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

    def _writable(self, s: Session, cycle_id: int, kind: str | None = None) -> CycleModel:
        """The cycle, if it may change; a drill or training also counts for the cycle that
        closes its half-year, so that cycle must not be final either."""
        c = self._cycle(s, cycle_id)
        if c.status == "final":
            raise StoreError(FINAL_MESSAGE)
        if kind in HALF_YEAR_KINDS:
            contract = _contract(self._contract_model(s, c.contract_id))
            closing = contract.half_year(c.number).closing_cycle
            if closing != c.number:
                status = s.execute(
                    select(CycleModel.status).where(
                        CycleModel.contract_id == c.contract_id, CycleModel.number == closing
                    )
                ).scalar()
                if status == "final":
                    raise StoreError(
                        f"该记录计入第{closing}考核周期的半年度评定，而第{closing}考核周期已定稿；"
                        f"如需修改，请先重新打开第{closing}考核周期。"
                    )
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
            c = self._writable(s, cycle_id, kind)
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
            c = self._writable(s, row.cycle_id, kind)
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
            self._writable(s, row.cycle_id, kind)
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


def open_database(
    path: Path | str | None = None, operator: str = "系统", seed: bool = True, create: bool = True
) -> Database:
    """Open (creating, migrating and seeding when new) the database at ``path`` or the default one.

    ``create=False`` refuses a path that does not exist (for commands that only read)."""
    path = Path(path).expanduser().absolute() if path is not None else default_db_path()
    if not create and not path.exists():
        raise StoreError(f"数据库文件不存在：{path}", path=str(path))
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
