"""The Database: one open SQLite file, its contracts, cycles and evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from panelapp.core.contract import Contract
from panelapp.core.evidence import PanelMember
from panelapp.core.scheme import load_scheme
from panelapp.store import audit, blobs, header, reader, standing, transfer
from panelapp.store.backup import copy_database
from panelapp.store.columns import now, settings_of
from panelapp.store.connect import open_engine
from panelapp.store.convert import check_kind, to_columns
from panelapp.store.convert import contract_of as _contract
from panelapp.store.errors import FINAL_MESSAGE, StoreError, sqlite_message
from panelapp.store.fileinfo import default_db_path
from panelapp.store.lock import FileLock
from panelapp.store.models import (
    EVIDENCE_MODELS,
    AppSetting,
    AttachmentModel,
    ContractModel,
    CycleModel,
    PanelMemberModel,
)
from panelapp.store.reader import HALF_YEAR_KINDS, Reader
from panelapp.store.rows import CycleRow
from panelapp.store.seed import DEFAULT_CONTRACT, DEFAULT_PANEL
from panelapp.store.validate import check_record, normalise


class Database(Reader, header.CycleHeader, standing.StandingLists, blobs.Attachments, transfer.Transfer):
    """The file opened for the window and every command that writes: writes go through the ORM
    (and its audit hook), reads through ``Reader``'s plain SQL on the session's connection."""

    def __init__(self, path: Path, engine: Any, lock: FileLock, operator: str = "系统"):
        self.path = path
        self._engine = engine
        self._lock = lock
        self._session = Session(engine, expire_on_commit=False, autoflush=False)
        audit.install(self._session)
        self._depth = 0
        self.operator = operator
        self.closed = False

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
        except (SQLAlchemyError, sqlite3.Error) as exc:
            self._session.rollback()
            raise StoreError(sqlite_message(exc), path=str(self.path)) from exc
        except BaseException:
            self._session.rollback()
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _sql(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        with self._tx() as s:
            yield audit.raw_connection(s)

    def _written(self) -> bool:
        return bool(self._session.info.get("wrote", False))

    def _mark_written(self) -> None:
        self._session.info["wrote"] = True

    def _disconnect(self) -> None:
        self._session.close()
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def close(self, backup_on_close: bool = True) -> Path | None:
        """Witness the chain head when anything was written (store.witness), then close."""
        if not self.closed and self._written():
            try:
                self.witness("close")
            except StoreError:
                pass  # closing must not fail because the witness could not be written
        return super().close(backup_on_close)

    def backup(self, dest: Path) -> Path:
        return copy_database(self.path, Path(dest))

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
        s.flush()
        return reader.cycle_row(audit.raw_connection(s), c.id)

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

    # -- evidence --------------------------------------------------------------------------
    def _check(self, s: Session, c: CycleModel, kind: str, obj: Any, record_id: int | None = None) -> None:
        contract = _contract(self._contract_model(s, c.contract_id))
        settings = settings_of(c.settings)
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
