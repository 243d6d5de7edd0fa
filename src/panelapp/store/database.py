"""The Database: one open SQLite file and its repositories around one unit of work.

``db.cycles`` (contracts, cycles, CycleData), ``db.header`` (settings, assessment date, item
overrides), ``db.evidence``, ``db.attachments``, ``db.standing`` (panel, commitments, roster,
payment deductions), ``db.signoff`` (finalise, reopen, exported files), ``db.transfer`` (cycle
files in and out), ``db.audit`` (history, verify-db). Every call is one SQLite transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from panelapp.store import backup
from panelapp.store.blobs import Attachments
from panelapp.store.connect import open_engine
from panelapp.store.cycles import Cycles
from panelapp.store.errors import StoreError
from panelapp.store.evidence import EvidenceRecords
from panelapp.store.fileinfo import default_db_path
from panelapp.store.header import CycleHeader
from panelapp.store.history import AuditTrail
from panelapp.store.lock import FileLock
from panelapp.store.models import AppSetting
from panelapp.store.seed import DEFAULT_CONTRACT
from panelapp.store.signoff import SignOff
from panelapp.store.standing import Standing
from panelapp.store.transfer import Transfer
from panelapp.store.unit import UnitOfWork


class Database:
    """The file opened for the window and every command (``open_database``)."""

    def __init__(self, path: Path, uow: UnitOfWork, lock: FileLock):
        self.path = path
        #: the unit of work every repository shares (one session, one transaction per call)
        self.unit = uow
        #: the exclusive lock on the file, held until ``close``
        self.lock = lock
        #: Chinese message when the automatic backup on close failed (the data itself is safe)
        self.backup_error: str | None = None
        self.cycles = Cycles(uow)
        self.header = CycleHeader(uow)
        self.evidence = EvidenceRecords(uow)
        self.attachments = Attachments(uow)
        self.standing = Standing(uow, self.evidence)
        self.signoff = SignOff(uow)
        self.transfer = Transfer(uow, self.cycles, self.attachments)
        self.audit = AuditTrail(uow)

    @property
    def operator(self) -> str:
        """Who is working: every write is audited with this name."""
        return self.unit.operator

    @operator.setter
    def operator(self, name: str) -> None:
        self.unit.operator = name

    @property
    def closed(self) -> bool:
        return self.unit.closed

    # -- backups -------------------------------------------------------------------------------
    def backup(self, dest: Path) -> Path:
        return backup.copy_database(self.path, Path(dest))

    def backup_keep(self) -> int:
        """How many automatic backups are kept."""
        with self.unit.tx() as s:
            value = s.scalar(select(AppSetting.value).where(AppSetting.key == "backup_keep"))
        return int(value) if value else backup.DEFAULT_KEEP

    def set_backup_keep(self, keep: int) -> None:
        if keep < 1:
            raise StoreError("保留的自动备份份数至少为 1")
        with self.unit.tx() as s:
            row = s.scalar(select(AppSetting).where(AppSetting.key == "backup_keep"))
            if row is None:
                s.add(AppSetting(key="backup_keep", value=str(keep)))
            else:
                row.value = str(keep)

    # -- closing -------------------------------------------------------------------------------
    def close(self, backup_on_close: bool = True) -> Path | None:
        """Close; when anything was written, witness the chain head and make the rotating automatic
        backup first. A clean close leaves no -wal, -shm or .lock file next to the database."""
        if self.closed:
            return None
        if self.unit.written:
            try:  # the chain head goes to the witness log (store.witness)
                self.audit.witness("close")
            except StoreError:
                pass  # closing must not fail because the witness could not be written
        made = None
        try:
            keep = self.backup_keep() if backup_on_close and self.unit.written else 0
            # no more calls from here on (``closed`` is true for other threads that look); the
            # engine's connection stays open during the copy, so that closing it last lets SQLite
            # remove the -wal and -shm files
            self.unit.close(dispose=False)
            if keep:
                try:
                    made = backup.rotate(self.path, keep)
                # closing must not fail because a backup did
                except (StoreError, OSError, sqlite3.Error) as exc:
                    self.backup_error = f"自动备份失败：{exc}"
        finally:
            self.unit.close()
            self.lock.release()
        return made

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path | str | None = None, operator: str = "系统", seed: bool = True, create: bool = True
) -> Database:
    """Open (creating, migrating and seeding when new) the database at ``path`` or the default one.

    ``create=False`` refuses a path that does not exist (for commands that only read)."""
    path = Path(path).expanduser().absolute() if path is not None else default_db_path()
    if not create and not path.exists():
        raise StoreError(f"数据库文件不存在：{path}", path=str(path))
    engine, lock = open_engine(path)
    db = Database(path, UnitOfWork(engine, str(path), operator), lock)
    try:
        if seed and not db.cycles.contracts():
            db.operator = "系统"
            db.cycles.create_contract(DEFAULT_CONTRACT)
            db.operator = operator
    except BaseException:
        db.close(backup_on_close=False)
        raise
    return db
