"""The audit trail: every ORM create/update/delete becomes a hash-chained entry (store.chain).

``new`` holds the complete row after the change, so ``verify`` can compare every current
row with its last audited state and find edits made outside the app.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from panelapp.store import chain
from panelapp.store.chain import jsonable
from panelapp.store.models import UNAUDITED, CycleModel


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
    entries = [
        (action, obj.__tablename__, _pk(obj), old, new, _cycle_of(obj)) for action, obj, old, new in changes
    ]
    chain.append(raw_connection(session), session.info.get("operator") or "系统", entries)
    session.info["wrote"] = True


def raw_connection(session: Session) -> Any:
    """The session's sqlite3 connection, inside its current transaction."""
    return session.connection().connection.driver_connection


def install(session: Session) -> None:
    event.listen(session, "after_flush", _after_flush)
