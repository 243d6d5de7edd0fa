"""panelapp.store: the SQLite file as the record (SQLAlchemy 2, no Qt).

See docs/storage.md. Entry point: ``open_database(path=None, operator="系统")``; one headless
command that only reads a current file and records an export can use ``open_quick``.

``Database`` and ``open_database`` load SQLAlchemy (≈0.3 s), so they are imported on first
use (PEP 562): ``import panelapp.store.reader`` or ``open_quick`` alone never load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from panelapp.store.backup import newest_good_backup
from panelapp.store.errors import LockedError, StoreError
from panelapp.store.fileinfo import default_db_path
from panelapp.store.quick import QuickStore, open_quick
from panelapp.store.rows import (
    AuditEntry,
    ContractRow,
    CycleRow,
    ExportRow,
    ImportReport,
    OnsiteStaff,
    PaymentDeduction,
)

if TYPE_CHECKING:
    from panelapp.store.database import Database, open_database
    from panelapp.store.restore_check import restore

_LAZY = {"Database", "open_database"}


def __getattr__(name: str) -> Any:
    if name == "restore":  # checks the backup with SQLAlchemy first (store.restore_check)
        from panelapp.store import restore_check

        return restore_check.restore
    if name in _LAZY:
        from panelapp.store import database

        return getattr(database, name)
    raise AttributeError(f"module 'panelapp.store' has no attribute {name!r}")


__all__ = [
    "AuditEntry",
    "ContractRow",
    "CycleRow",
    "Database",
    "ExportRow",
    "ImportReport",
    "LockedError",
    "OnsiteStaff",
    "PaymentDeduction",
    "QuickStore",
    "StoreError",
    "default_db_path",
    "newest_good_backup",
    "open_database",
    "open_quick",
    "restore",
]
