"""Evidence entered through the store is checked by the core's cycle-file reader, so whatever
the database holds can always be exported and read back (same rules, same messages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from panelapp.core.contract import Contract
from panelapp.core.evidence import EVIDENCE_LABELS, CycleData, Evidence, Settings
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
    from panelapp.core.cyclefile import CycleFileError, dump_cycle, parse_cycle

    label = EVIDENCE_LABELS.get(kind, kind)
    data = CycleData(contract, cycle, assessed_on, settings, (), Evidence(**{kind: (obj,)}))
    try:
        doc = dump_cycle(data)
    except Exception as exc:  # a value the writer cannot even represent
        raise StoreError(f"{label}：数据无效（{exc}）") from exc
    try:
        parse_cycle(doc)
    except CycleFileError as exc:
        prefix = f"evidence.{kind}[0]."
        errors = [(e.path.removeprefix(prefix), e.message) for e in exc.errors]
        text = "；".join(f"{field}：{message}" for field, message in errors)
        err = StoreError(f"{label}未保存：{text}")
        err.errors = errors
        raise err from None
