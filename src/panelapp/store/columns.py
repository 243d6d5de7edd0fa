"""How evidence dataclasses lie in the evidence tables, and how SQLite's stored text decodes.

No SQLAlchemy here: the plain-SQL reader (store.reader) and the ORM side (store.convert)
share these layouts. Stored formats are SQLAlchemy's SQLite ones, which the ORM writes:
DATE "2024-07-01", DATETIME "2024-07-01 09:30:00.000000", BOOLEAN 0/1, JSON text, and
money (DecimalText) as a decimal string.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    EVIDENCE_LABELS,
    EVIDENCE_TYPES,
    FileRef,
    LevelOverride,
    Settings,
)
from panelapp.store.errors import StoreError

#: per kind, the dataclass fields stored as columns (everything but ``files``)
FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(f.name for f in dataclasses.fields(cls) if f.name != "files")
    for kind, cls in EVIDENCE_TYPES.items()
}
#: per kind, the table columns read back (same order as FIELDS, renamed)
COLUMNS: dict[str, tuple[str, ...]] = {}
for _kind, _fields in FIELDS.items():
    cols: list[str] = []
    for _f in _fields:
        if _kind == "faults" and _f == "id":
            cols.append("code")
        elif _kind == "faults" and _f == "level_override":
            cols += ["override_level", "override_reason"]
        else:
            cols.append(_f)
    COLUMNS[_kind] = tuple(cols)


#: the contracts columns, in the order of core Contract's fields
CONTRACT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Contract))


def check_kind(kind: str) -> None:
    if kind not in EVIDENCE_TYPES:
        raise StoreError(f"未知的证据类别：{kind}")


def has_files(kind: str) -> bool:
    return "files" in EVIDENCE_TYPES[kind].__dataclass_fields__


#: Chinese names of the other tables, for messages
TABLE_LABELS = {
    "contracts": "合同",
    "cycles": "考核周期",
    "panel_members": "考核组成员",
    "bid_commitments": "投标承诺",
    "onsite_staff": "驻场人员",
    "item_overrides": "指标调整",
    "blobs": "附件内容",
    "attachments": "附件",
    "exports": "导出记录",
    "payment_deductions": "支付扣减",
    "app_settings": "程序设置",
}


def table_label(table: str) -> str:
    return EVIDENCE_LABELS.get(table) or TABLE_LABELS.get(table) or table


class UnreadableValue(ValueError):
    """A stored value that does not decode (the file was changed outside the app, or damaged)."""

    def __init__(self, index: int, value: Any):
        super().__init__(f"column {index}: {value!r}")
        self.index = index
        self.value = value


# -- stored text -> Python values ------------------------------------------------------------
def to_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def to_datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


def to_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def to_decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def now() -> dt.datetime:
    """Now, to the second: when a record was entered or a file exported."""
    return dt.datetime.now().replace(microsecond=0)


def to_json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


_SETTINGS = frozenset(f.name for f in dataclasses.fields(Settings))


def settings_of(stored: dict | None) -> Settings:
    """A cycle's Settings from its stored JSON object (keys the scheme no longer has are ignored)."""
    return Settings(**{k: v for k, v in (stored or {}).items() if k in _SETTINGS})


def datetime_text(value: dt.datetime) -> str:
    """A naive datetime as SQLAlchemy's SQLite DATETIME stores it."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _decoder(annotation: Any) -> Callable[[Any], Any] | None:
    """The decoder for a dataclass field of type ``annotation`` (None: stored as is)."""
    types = set(typing.get_args(annotation)) or {annotation}
    if dt.datetime in types:
        return to_datetime
    if dt.date in types:
        return to_date
    if bool in types:
        return to_bool
    if Decimal in types:
        return to_decimal
    return None


def decoders(cls: type, fields: tuple[str, ...]) -> tuple[Callable[[Any], Any] | None, ...]:
    """Per field of dataclass ``cls``, how its stored value decodes (None: as SQLite returns it)."""
    hints = typing.get_type_hints(cls)
    return tuple(_decoder(hints[f]) for f in fields)


def decode(row: tuple, decoders: tuple[Callable[[Any], Any] | None, ...]) -> list:
    """The row's values decoded; UnreadableValue names the first column that does not decode."""
    out = list(row)
    for i, fn in enumerate(decoders):
        if fn is not None:
            try:
                out[i] = fn(out[i])
            except (ValueError, TypeError, ArithmeticError) as exc:
                raise UnreadableValue(i, out[i]) from exc
    return out


def _decoders(kind: str) -> tuple[Callable[[Any], Any] | None, ...]:
    """Per column of COLUMNS[kind], how its stored value decodes."""
    out: list[Callable[[Any], Any] | None] = []
    for f, fn in zip(FIELDS[kind], decoders(EVIDENCE_TYPES[kind], FIELDS[kind]), strict=True):
        out += [None, None] if kind == "faults" and f == "level_override" else [fn]
    return tuple(out)


def _builder(kind: str) -> Callable[[tuple, tuple[FileRef, ...]], Any]:
    """A positional constructor for stored rows laid out as COLUMNS[kind] (files last in every class)."""
    cls = EVIDENCE_TYPES[kind]
    column_decoders = _decoders(kind)

    def values(row: tuple) -> list:
        return decode(row, column_decoders)

    if kind == "faults":
        n = len(COLUMNS[kind]) - 2

        def fault(row: tuple, refs: tuple[FileRef, ...]) -> Any:
            v = values(row)
            level = v[n]
            return cls(*v[:n], LevelOverride(level, v[n + 1] or "") if level else None, refs)

        return fault
    if has_files(kind):
        return lambda row, refs: cls(*values(row), refs)
    return lambda row, refs: cls(*values(row))


#: per kind, stored row (COLUMNS[kind] order, as SQLite returns it) -> evidence dataclass
BUILDERS: dict[str, Callable[[tuple, tuple[FileRef, ...]], Any]] = {k: _builder(k) for k in EVIDENCE_KINDS}
