"""The audit hash chain, in plain sqlite3 (no SQLAlchemy): encoding entries and appending them.

Entry hash = sha256(prev_hash + canonical entry), where the canonical entry is the
JSON array [at, operator, action, table, record_id, old, new] (old/new as stored
text). Both the ORM's flush hook (store.audit) and plain-SQL writes (store.reader)
append through ``append``, so there is one way an entry is made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from decimal import Decimal
from typing import Any

GENESIS = "0" * 64


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str, float)):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return str(value)


def dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(
    prev: str,
    at: str,
    operator: str,
    action: str,
    table: str,
    record_id: int,
    old: str | None,
    new: str | None,
) -> str:
    canonical = json.dumps(
        [at, operator, action, table, record_id, old, new], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256((prev + canonical).encode("utf-8")).hexdigest()


#: one change: (action, table, record_id, old row state, new row state, cycle_id)
Change = tuple[str, str, int, "dict[str, Any] | None", "dict[str, Any] | None", "int | None"]


def append(conn: sqlite3.Connection, operator: str, changes: list[Change]) -> None:
    """Append ``changes`` to the chain, inside the caller's transaction on ``conn``."""
    if not changes:
        return
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row and row[0] else GENESIS
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rows = []
    for action, table, record_id, old, new, cycle_id in changes:
        old_text, new_text = dumps(old), dumps(new)
        digest = entry_hash(prev, at, operator, action, table, record_id, old_text, new_text)
        rows.append((at, operator, action, table, record_id, old_text, new_text, prev, digest, cycle_id))
        prev = digest
    conn.executemany(
        "INSERT INTO audit_log (at, operator, action, table_name, record_id, old, new, prev_hash, hash, cycle_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
