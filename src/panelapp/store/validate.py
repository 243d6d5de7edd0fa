"""Evidence entered through the store is checked by the core's record validator
(core/validate.py: the cycle file's rules and messages, on the dataclass itself), so whatever
the database holds can always be exported and read back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from panelapp.core.contract import Contract
from panelapp.core.evidence import EVIDENCE_LABELS, Settings
from panelapp.core.validate import record_errors
from panelapp.store.errors import StoreError

CHINA = dt.timezone(dt.timedelta(hours=8))


def minute(value: dt.datetime) -> dt.datetime:
    """Beijing local time to the minute, the cycle file's precision (an offset is converted)."""
    if value.tzinfo is not None:
        value = value.astimezone(CHINA).replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def normalise(values: dict[str, Any]) -> dict[str, Any]:
    return {k: minute(v) if isinstance(v, dt.datetime) else v for k, v in values.items()}


def check_record(
    contract: Contract, cycle: int, assessed_on: dt.date, settings: Settings, kind: str, obj: Any
) -> None:
    """Raise StoreError naming each bad field of ``obj`` (a core evidence dataclass)."""
    errors = [(e.path, e.message) for e in record_errors(contract, cycle, assessed_on, settings, kind, obj)]
    if errors:
        text = "；".join(f"{field}：{message}" for field, message in errors)
        err = StoreError(f"{EVIDENCE_LABELS.get(kind, kind)}未保存：{text}")
        err.errors = errors
        raise err
