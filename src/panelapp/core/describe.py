"""The sheet's one-line description of an evidence record, derived from its kind's declaration.

Each KindSpec (core/evidence.py KINDS) names the field whose date is printed and a summary
template; each ``{key}`` of the template is the field in its sheet form (FieldSpec.sheet,
choice names, dates as YYYY-MM-DD) or a text property of the record (Training.archive_text).
"""

from __future__ import annotations

from datetime import date, datetime
from string import Formatter
from typing import Any

from panelapp.core.declare import Declared
from panelapp.core.evidence import KIND
from panelapp.core.text import day_text, time_text


def sheet_value(f: Declared, value: Any) -> str:
    """One field as the sheet words it."""
    present, absent = f.spec.sheet
    if f.format == "bool":
        return present if value else absent
    if value is None or value == "":
        return absent
    if isinstance(value, datetime):
        text = time_text(value)
    elif isinstance(value, date):
        text = day_text(value)
    elif f.format == "choice" and f.spec.names is not None:
        text = f.spec.names.get(value, value)
    else:
        text = str(value)
    return present.format(text)


def describe(kind: str, record: Any) -> tuple[str, str]:
    """(date text, description) of one evidence record, in Chinese."""
    spec = KIND[kind]
    fields = {f.key: f for f in spec.fields}
    values: dict[str, str] = {}
    for _, name, _, _ in Formatter().parse(spec.summary):
        if name:
            value = getattr(record, name)
            values[name] = sheet_value(fields[name], value) if name in fields else str(value)
    when = "—"
    if spec.when is not None:
        moment = getattr(record, spec.when)
        when = time_text(moment) if isinstance(moment, datetime) else day_text(moment)
    return when, spec.summary.format(**values)
