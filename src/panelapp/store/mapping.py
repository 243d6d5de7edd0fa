"""The one mapping between ORM rows and the core's values (Contract, evidence dataclasses).

Evidence tables are named after the cycle-file kinds and their columns after the core dataclass
fields, with two exceptions: a fault's ``id`` is the column ``code``, and its ``level_override``
is the pair ``override_level`` + ``override_reason``. SQLAlchemy's column types decode the stored
text (dates, booleans, decimal money, JSON); a value that does not decode is named by
``store.damage``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from sqlalchemy import RowMapping

from panelapp.core.contract import Contract
from panelapp.core.evidence import (
    EVIDENCE_TYPES,
    Absence,
    DefectReport,
    Drill,
    ExemptWeek,
    Fault,
    FileRef,
    LateOptimization,
    Level,
    LevelOverride,
    OffhoursMiss,
    SecurityEvent,
    Settings,
    SpecialPeriod,
    Training,
    UnfulfilledCommitment,
    Violation,
    WeeklyReport,
)
from panelapp.store.errors import StoreError
from panelapp.store.models import ContractModel

#: one evidence record, of any kind (the values of EVIDENCE_TYPES)
Record = (
    WeeklyReport | ExemptWeek | SpecialPeriod | DefectReport | Drill | Training | Fault | SecurityEvent
    | Absence | Violation | OffhoursMiss | UnfulfilledCommitment | LateOptimization
)

#: per kind, the dataclass fields stored as columns (everything but ``files``)
FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(f.name for f in dataclasses.fields(cls) if f.name != "files")
    for kind, cls in EVIDENCE_TYPES.items()
}
#: the kinds whose dataclass carries attachments (a ``files`` field)
_WITH_FILES = frozenset(
    kind for kind, cls in EVIDENCE_TYPES.items() if any(f.name == "files" for f in dataclasses.fields(cls))
)
#: the contracts columns, in the order of core Contract's fields
CONTRACT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Contract))
_SETTINGS = frozenset(f.name for f in dataclasses.fields(Settings))


def check_kind(kind: str) -> None:
    if kind not in EVIDENCE_TYPES:
        raise StoreError(f"未知的证据类别：{kind}")


def settings_of(stored: dict[str, Any] | None) -> Settings:
    """A cycle's Settings from its stored JSON object (keys the scheme no longer has are ignored)."""
    return Settings(**{k: v for k, v in (stored or {}).items() if k in _SETTINGS})


def contract_of(m: ContractModel) -> Contract:
    """The core Contract of a contracts row."""
    return Contract(*(getattr(m, f) for f in CONTRACT_FIELDS))


def contract_columns(contract: Contract) -> dict[str, Any]:
    return {f: getattr(contract, f) for f in CONTRACT_FIELDS}


def to_columns(kind: str, obj: Record) -> dict[str, Any]:
    """The column values of one evidence dataclass (files excluded)."""
    check_kind(kind)
    cls = EVIDENCE_TYPES[kind]
    if not isinstance(obj, cls):
        raise StoreError(f"证据类别 {kind} 需要 {cls.__name__}，收到 {type(obj).__name__}")
    values = {f: getattr(obj, f) for f in FIELDS[kind]}
    if kind == "faults":
        values["code"] = values.pop("id")
        override = values.pop("level_override")
        if override is not None and not (override.reason or "").strip():
            raise StoreError("故障定级调整必须填写理由（level_override.reason）")
        values["override_level"] = override.level if override else None
        values["override_reason"] = override.reason if override else None
    return values


def evidence_of(kind: str, row: RowMapping, files: tuple[FileRef, ...] = ()) -> Record:
    """The core evidence dataclass of one evidence row (its columns by name; ``files``: its
    attachments)."""
    cls = EVIDENCE_TYPES[kind]
    values: dict[str, Any] = {}
    for f in FIELDS[kind]:
        if kind == "faults" and f == "id":
            values[f] = row["code"]
        elif kind == "faults" and f == "level_override":
            level = row["override_level"]
            # written only after the core's check of the record (store.validate)
            values[f] = LevelOverride(cast(Level, level), row["override_reason"] or "") if level else None
        else:
            values[f] = row[f]
    if kind in _WITH_FILES:
        values["files"] = files
    record: Record = cls(**values)
    return record
