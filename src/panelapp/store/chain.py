"""The audit hash chain's encoding: entry hashes and the canonical JSON of row states.

Entry hash = sha256(prev_hash + canonical entry), where the canonical entry is the
JSON array [at, operator, action, table, record_id, old, new] (old/new as stored
text). Entries are appended by one hook, the ORM's after-flush (store.audit); ``verify``
recomputes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
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
