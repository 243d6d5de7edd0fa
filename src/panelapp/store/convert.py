"""Core evidence dataclasses <-> row dicts of the evidence tables."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, select

from panelapp.core.contract import Contract
from panelapp.core.evidence import EVIDENCE_KINDS, EVIDENCE_TYPES, FileRef, LevelOverride
from panelapp.store.errors import StoreError
from panelapp.store.models import EVIDENCE_MODELS

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


def contract_of(m: Any) -> Contract:
    """The core Contract of a ContractModel row."""
    return Contract(
        m.number,
        m.project,
        m.purchaser,
        m.vendor,
        m.total_amount,
        m.signed_on,
        m.service_months,
        m.scheme,
        m.cycle_months,
    )


def check_kind(kind: str) -> None:
    if kind not in EVIDENCE_MODELS:
        raise StoreError(f"未知的证据类别：{kind}")


def to_columns(kind: str, obj: Any) -> dict[str, Any]:
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


def from_row(kind: str, row: Any, files: tuple[FileRef, ...] = ()) -> Any:
    """One evidence dataclass from a row (a Row or mapping with COLUMNS)."""
    cls = EVIDENCE_TYPES[kind]
    m = row._mapping if hasattr(row, "_mapping") else row
    if kind == "faults":
        values = {f: m[f] for f in FIELDS[kind] if f not in ("id", "level_override")}
        values["id"] = m["code"]
        level = m["override_level"]
        values["level_override"] = LevelOverride(level, m["override_reason"] or "") if level else None
    else:
        values = {f: m[f] for f in FIELDS[kind]}
    return cls(**values, files=files) if "files" in cls.__dataclass_fields__ else cls(**values)


def _builder(kind: str) -> Callable[[tuple, tuple[FileRef, ...]], Any]:
    """A fast positional constructor for rows laid out as COLUMNS[kind] (files last in every class)."""
    cls = EVIDENCE_TYPES[kind]
    files = has_files(kind)
    if kind == "faults":
        n = len(COLUMNS[kind]) - 2

        def fault(row: tuple, refs: tuple[FileRef, ...]) -> Any:
            level = row[n]
            return cls(*row[:n], LevelOverride(level, row[n + 1] or "") if level else None, refs)

        return fault
    if files:
        return lambda row, refs: cls(*row, refs)
    return lambda row, refs: cls(*row)


def has_files(kind: str) -> bool:
    return "files" in EVIDENCE_TYPES[kind].__dataclass_fields__


#: per kind, the positional row -> dataclass constructor used by Database.cycle_data
BUILDERS: dict[str, Callable[[tuple, tuple[FileRef, ...]], Any]] = {k: _builder(k) for k in EVIDENCE_KINDS}
#: per kind, the precompiled select of (id, cycle_id, *COLUMNS) for a set of cycles (:cids, expanding)
SELECTS = {
    kind: select(m.__table__.c.id, m.__table__.c.cycle_id, *[m.__table__.c[c] for c in COLUMNS[kind]]).where(
        m.__table__.c.cycle_id.in_(bindparam("cids", expanding=True))
    )
    for kind, m in EVIDENCE_MODELS.items()
}

assert set(EVIDENCE_KINDS) == set(EVIDENCE_MODELS), "every evidence kind needs a table"
