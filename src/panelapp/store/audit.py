"""The audit trail: every ORM create/update/delete becomes a hash-chained entry, appended by the
session's after-flush hook in the same transaction as the change (the one way an entry is made).

``new`` holds the complete row after the change, so ``verify`` can compare every current
row with its last audited state and find edits made outside the app.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from panelapp.store.chain import GENESIS, dumps, entry_hash, jsonable
from panelapp.store.models import UNAUDITED, AuditLog, CycleModel

#: one change: (action, table, record_id, old row state, new row state, cycle_id)
Change = tuple[str, str, int, "dict[str, Any] | None", "dict[str, Any] | None", "int | None"]


def row_state(obj: object) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: jsonable(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _old_state(obj: object) -> dict[str, Any]:
    state = inspect(obj)
    old = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        value = hist.deleted[0] if hist.deleted else getattr(obj, attr.key)
        old[attr.key] = jsonable(value)
    return old


def _cycle_of(obj: object) -> int | None:
    if isinstance(obj, CycleModel):
        return obj.id
    value = getattr(obj, "cycle_id", None)
    return value if isinstance(value, int) else None


def _table(obj: object) -> str:
    return str(getattr(obj, "__tablename__", ""))


def _pk(obj: object) -> int:
    ident = inspect(obj).identity
    value = ident[0] if ident else getattr(obj, "id", 0)
    return value if isinstance(value, int) else 0


def append(session: Session, operator: str, changes: list[Change]) -> None:
    """Append ``changes`` to the chain, inside the session's current transaction."""
    conn = session.connection()
    last = conn.execute(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rows = []
    for action, table, record_id, old, new, cycle_id in changes:
        old_text, new_text = dumps(old), dumps(new)
        digest = entry_hash(prev, at, operator, action, table, record_id, old_text, new_text)
        rows.append(
            {"at": at, "operator": operator, "action": action, "table_name": table, "record_id": record_id,
             "old": old_text, "new": new_text, "prev_hash": prev, "hash": digest, "cycle_id": cycle_id}
        )  # fmt: skip
        prev = digest
    conn.execute(insert(AuditLog), rows)


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    changes: list[tuple[str, object, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        if _table(obj) not in UNAUDITED:
            changes.append(("create", obj, None, row_state(obj)))
    for obj in session.dirty:
        if _table(obj) not in UNAUDITED and session.is_modified(obj, include_collections=False):
            old, new = _old_state(obj), row_state(obj)
            if old != new:
                changes.append(("update", obj, old, new))
    for obj in session.deleted:
        if _table(obj) not in UNAUDITED:
            changes.append(("delete", obj, _old_state(obj), None))
    if not changes:
        return
    order = {"create": 0, "update": 1, "delete": 2}
    changes.sort(key=lambda c: (order[c[0]], _table(c[1]), _pk(c[1])))
    entries: list[Change] = [
        (action, _table(obj), _pk(obj), old, new, _cycle_of(obj)) for action, obj, old, new in changes
    ]
    append(session, str(session.info.get("operator") or "系统"), entries)
    session.info["wrote"] = True


def raw_connection(session: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection inside its current transaction, for the witness log
    (store.witness), which reads and writes the same way in backups and read-only files."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn


def install(session: Session) -> None:
    event.listen(session, "after_flush", _after_flush)
