"""Core values -> column values of the ORM rows (reading back is store.columns / store.reader)."""

from __future__ import annotations

from typing import Any

from panelapp.core.contract import Contract
from panelapp.core.evidence import EVIDENCE_KINDS, EVIDENCE_TYPES
from panelapp.store.columns import CONTRACT_FIELDS, FIELDS, check_kind
from panelapp.store.errors import StoreError
from panelapp.store.models import EVIDENCE_MODELS


def contract_of(m: Any) -> Contract:
    """The core Contract of a ContractModel row."""
    return Contract(*(getattr(m, f) for f in CONTRACT_FIELDS))


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


__all__ = ["check_kind", "contract_of", "to_columns"]

assert set(EVIDENCE_KINDS) == set(EVIDENCE_MODELS), "every evidence kind needs a table"
