"""A record checked as a dataclass, by the rules a cycle file's record is read with.

The store calls :func:`record_errors` before it writes a record, so whatever the database
holds can be exported and read back: the same declared fields (core/evidence.py), the same
field rules (core/fields.py), the same date checks (cyclefile.check_dates) and the same
Chinese messages, each naming its field by key ("title", "level_override.reason").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from panelapp.core import fields as F
from panelapp.core import limits
from panelapp.core.contract import Contract
from panelapp.core.cyclefile import check_dates, read_field
from panelapp.core.declare import Declared
from panelapp.core.evidence import KIND, LEVELS, CycleData, Evidence, FileRef, LevelOverride, Settings
from panelapp.core.fields import Errors, FieldError


def _file_text(value: Any) -> Any:
    """A value that is not of its field's type, in the form the cycle file would carry it."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _files(errors: Errors, path: str, value: Any) -> None:
    if not isinstance(value, tuple | list):
        errors.add(path, f"应为列表，实际为{F.type_name(value)}")
        return
    for i, ref in enumerate(value):
        p = f"{path}[{i}]"
        if not isinstance(ref, FileRef):
            errors.add(p, f"应为对象，实际为{F.type_name(ref)}")
            continue
        F.text(errors, f"{p}.name", ref.name, required=True)
        F.sha256(errors, f"{p}.sha256", ref.sha256)
        F.integer(errors, f"{p}.size", ref.size, 0, limits.MAX_ATTACHMENT)  # as the cycle file's reader


def _override(errors: Errors, path: str, value: Any) -> None:
    if not isinstance(value, LevelOverride):
        errors.add(path, f"应为对象，实际为{F.type_name(value)}")
        return
    F.choice(errors, f"{path}.level", value.level, LEVELS)
    F.text(errors, f"{path}.reason", value.reason, required=True)


def check_field(errors: Errors, path: str, f: Declared, value: Any) -> None:
    """Record an error for ``value`` if it breaks field ``f``'s declared type or constraints."""
    if value is None and f.nullable:
        return
    if f.format == "date":
        if not isinstance(value, date) or isinstance(value, datetime):
            F.day(errors, path, _file_text(value))
    elif f.format == "datetime":
        if not isinstance(value, datetime):
            F.moment(errors, path, _file_text(value))
    elif f.format in ("text", "bool", "choice"):  # already of their type in the file's form
        read_field(errors, path, f, value)
    elif f.format == "override":
        _override(errors, path, value)
    elif f.format == "files":
        _files(errors, path, value)


def record_errors(
    contract: Contract, cycle: int, assessed_on: date, settings: Settings, kind: str, record: Any
) -> list[FieldError]:
    """Every problem of one evidence record of ``kind``, each naming its field (empty: valid)."""
    spec = KIND[kind]
    if not isinstance(record, spec.type):
        return [FieldError("(记录)", f"应为{spec.label}记录，实际为{type(record).__name__}")]
    errors = Errors()
    for f in spec.fields:
        check_field(errors, f.key, f, getattr(record, f.key))
    if not errors:
        lists: dict[str, Any] = {kind: (record,)}
        data = CycleData(contract, cycle, assessed_on, settings, (), Evidence(**lists))
        dated = Errors()
        check_dates(dated, data)
        prefix = f"evidence.{kind}[0]."
        errors.extend(FieldError(e.path.removeprefix(prefix), e.message) for e in dated)
    return list(errors)
