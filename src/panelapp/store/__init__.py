"""panelapp.store: the SQLite file as the record (SQLAlchemy 2, no Qt).

See docs/storage.md. Entry point: ``open_database(path=None, operator="系统")``, whose
``Database`` holds the repositories (``db.cycles``, ``db.evidence``, …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from panelapp.store.backup import newest_good_backup
from panelapp.store.database import Database, open_database
from panelapp.store.errors import LockedError, StoreError
from panelapp.store.fileinfo import default_db_path
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
    from panelapp.store.restore_check import restore


def __getattr__(name: str) -> Any:
    if name == "restore":  # checks the backup with SQLAlchemy first (store.restore_check)
        from panelapp.store import restore_check

        return restore_check.restore
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
    "StoreError",
    "default_db_path",
    "newest_good_backup",
    "open_database",
    "restore",
]
