"""panelapp.store: the SQLite file as the record (SQLAlchemy 2, no Qt).

See docs/storage.md. Entry point: ``open_database(path=None, operator="系统")``, whose
``Database`` holds the repositories (``db.cycles``, ``db.evidence``, …).
"""

from __future__ import annotations

from panelapp.store.backup import newest_good_backup, restore
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
