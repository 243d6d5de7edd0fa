"""The audit trail: every ORM create/update/delete becomes a hash-chained entry.

Entry hash = sha256(prev_hash + canonical entry), where the canonical entry is the
JSON array [at, operator, action, table, record_id, old, new] (old/new as stored
text). ``new`` holds the complete row after the change, so ``verify`` can compare
every current row with its last audited state and find edits made outside the app.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from panelapp.store.models import UNAUDITED, AuditLog, CycleModel

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


def row_state(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: jsonable(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _old_state(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    old = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        value = hist.deleted[0] if hist.deleted else getattr(obj, attr.key)
        old[attr.key] = jsonable(value)
    return old


def _cycle_of(obj: Any) -> int | None:
    if isinstance(obj, CycleModel):
        return obj.id
    return getattr(obj, "cycle_id", None)


def _audited(obj: Any) -> bool:
    return getattr(obj, "__tablename__", None) not in UNAUDITED


def _pk(obj: Any) -> int:
    ident = inspect(obj).identity
    value = ident[0] if ident else getattr(obj, "id", 0)
    return value if isinstance(value, int) else 0


def _after_flush(session: Session, _context: Any) -> None:
    changes: list[tuple[str, Any, dict | None, dict | None]] = []
    for obj in session.new:
        if _audited(obj):
            changes.append(("create", obj, None, row_state(obj)))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            old, new = _old_state(obj), row_state(obj)
            if old != new:
                changes.append(("update", obj, old, new))
    for obj in session.deleted:
        if _audited(obj):
            changes.append(("delete", obj, _old_state(obj), None))
    if not changes:
        return
    order = {"create": 0, "update": 1, "delete": 2}
    changes.sort(key=lambda c: (order[c[0]], c[1].__tablename__, _pk(c[1])))
    conn = session.connection()
    prev = conn.execute(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).scalar() or GENESIS
    operator = session.info.get("operator") or "系统"
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rows = []
    for action, obj, old, new in changes:
        table, record_id = obj.__tablename__, _pk(obj)
        old_text, new_text = dumps(old), dumps(new)
        digest = entry_hash(prev, at, operator, action, table, record_id, old_text, new_text)
        rows.append(
            {
                "at": at,
                "operator": operator,
                "action": action,
                "table_name": table,
                "record_id": record_id,
                "old": old_text,
                "new": new_text,
                "prev_hash": prev,
                "hash": digest,
                "cycle_id": _cycle_of(obj),
            }
        )
        prev = digest
    conn.execute(insert(AuditLog.__table__), rows)
    session.info["wrote"] = True


def install(session: Session) -> None:
    event.listen(session, "after_flush", _after_flush)
