"""A JSON Schema (draft 2020-12) of the cycle file, derived from the evidence declarations (core/evidence.py).

docs/cycle-file.schema.json is this output; a test keeps the two equal. The schema
describes shape and types; the reader also checks dates against the cycle.
"""

from __future__ import annotations

from typing import Any

from panelapp.core.cyclefile import FORMAT, VERSION
from panelapp.core.declare import Declared
from panelapp.core.evidence import EVIDENCE_KINDS, KIND, LEVELS, Settings

DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(\+08:00)?$"}
TEXT = {"type": "string"}
NTEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
FILES = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "sha256", "size"],
        "properties": {
            "name": NTEXT,
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "size": {"type": "integer", "minimum": 0},
        },
    },
}
TYPES: dict[str, dict[str, Any]] = {
    "date": DATE,
    "datetime": DATETIME,
    "bool": {"type": "boolean"},
    "override": {
        "type": "object",
        "additionalProperties": False,
        "required": ["level", "reason"],
        "properties": {"level": {"enum": list(LEVELS)}, "reason": NTEXT},
    },
    "files": FILES,
}


def _type(f: Declared) -> dict[str, Any]:
    if f.format == "text":
        return NTEXT if f.spec.required else TEXT
    if f.format == "choice":
        return {"enum": list(f.choices)}
    return TYPES[f.format]


def _record(kind: str) -> dict[str, Any]:
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in KIND[kind].fields:
        schema = _type(f)
        props[f.key] = {"anyOf": [schema, {"type": "null"}]} if f.mode == "null" else schema
        if f.spec.since > 1:  # required from that version on; older files lack it
            props[f.key] = {"description": f"version {f.spec.since} on (required there)", **props[f.key]}
        elif f.mode != "opt":
            required.append(f.key)
    return {"type": "object", "additionalProperties": False, "required": required, "properties": props}


def json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "panelapp-cycle.schema.json",
        "title": f"panelapp cycle file (versions 1 to {VERSION})",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "contract", "cycle", "assessed_on", "evidence"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": VERSION},
            "contract": {
                "type": "object",
                "additionalProperties": False,
                "required": ["number", "project", "purchaser", "vendor", "total_amount", "signed_on",
                             "service_months", "scheme"],
                "properties": {
                    "number": NTEXT, "project": NTEXT, "purchaser": NTEXT, "vendor": NTEXT,
                    "total_amount": {"type": "string", "pattern": r"^\d{1,15}(\.\d{1,2})?$"},
                    "signed_on": DATE,
                    "service_months": {"type": "integer", "minimum": 3, "maximum": 120, "multipleOf": 3},
                    "scheme": NTEXT,
                },
            },
            "cycle": {"type": "integer", "minimum": 1},
            "assessed_on": DATE,
            "settings": {
                "type": "object",
                "additionalProperties": False,
                "properties": {key: {"type": "integer"} for key in Settings.__dataclass_fields__},
            },
            "panel": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": False, "required": ["name", "role"],
                          "properties": {"name": NTEXT, "role": TEXT}},
            },
            "evidence": {
                "type": "object",
                "additionalProperties": False,
                "properties": {kind: {"type": "array", "items": _record(kind)} for kind in EVIDENCE_KINDS},
            },
            "item_overrides": {
                "description": "version 2 only",
                "type": "object",
                "additionalProperties": {
                    "type": "object", "additionalProperties": False, "required": ["deduction", "reason"],
                    "properties": {"deduction": {"type": "integer", "minimum": 0}, "reason": NTEXT},
                },
            },
            "payment_deductions": {
                "description": "version 3 on: the register's payment-time deductions of this cycle (十一.2 / 十一.3)",
                "type": "array",
                "items": {
                    "type": "object", "additionalProperties": False, "required": ["kind", "date", "description"],
                    "properties": {"kind": {"enum": ["criticism", "commitment"]}, "date": DATE,
                                   "description": NTEXT, "count": {"type": "integer", "minimum": 1, "maximum": 1000}},
                },
            },
        },
    }
