"""How an evidence field is declared once: a FieldSpec in the dataclass field's metadata.

Each evidence dataclass (core/evidence.py) declares its fields with ``field(metadata=meta(...))``.
Everything else reads the declaration through :func:`declared_fields`: the cycle-file reader and
its JSON Schema, the record validator, the window's form fields and table columns, and the
sheet's evidence descriptions. The Python type gives the format (date, datetime, text, bool,
choice, files, level override) and whether null is allowed; the FieldSpec adds the words.
See docs/evidence.md.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

#: Which dates a field may carry: the cycle's 13 inspection weeks, the cycle, the half-year up to
#: the cycle's end, or a follow-up date (the cycle's start up to 60 days after its end).
Span = Literal["weeks", "cycle", "half", "follow_up"]
#: The format a field's Python type maps to.
Format = Literal["date", "datetime", "text", "bool", "choice", "files", "override"]

SPEC = "panelapp"  # the metadata key


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """The words and constraints of one evidence field (Chinese, shown to users).

    ``label``: the form's label; ``column``: the table's header (default: the label);
    ``help``: a tooltip and the field's line in docs/evidence.md; ``required``: text must not be
    blank in a file or the store; ``form_required``: the form also refuses a blank; ``span``: the dates allowed; ``names``: Chinese names of a choice's values;
    ``check``: a check box's text in the form; ``initial``: the check box's initial state;
    ``words``: a yes/no field's (true, false) words in tables; ``empty``: the table's text for
    no value; ``unset``: the form's text for no value; ``sheet``: the sheet's
    (present, absent) forms, ``{}`` standing for the value (bool: (true, false) words);
    ``table``: shown as a table column; ``since``: the first cycle-file version with this key
    (older files lack it and read as the field's default, None; the writer leaves it out until
    a record needs it, so older data keeps its version and fingerprint).
    """

    label: str
    column: str = ""
    help: str = ""
    required: bool = True
    form_required: bool = True
    span: Span | None = None
    names: Mapping[str, str] | None = None
    check: str = ""
    initial: bool = False
    words: tuple[str, str] = ("是", "否")
    empty: str = "—"
    unset: str = ""
    sheet: tuple[str, str] = ("{}", "")
    table: bool = True
    since: int = 1

    @property
    def header(self) -> str:
        return self.column or self.label


def meta(label: str, **kw: Any) -> dict[str, FieldSpec]:
    """The metadata of ``dataclasses.field(metadata=meta("标题", ...))``."""
    return {SPEC: FieldSpec(label, **kw)}


@dataclass(frozen=True, slots=True)
class Declared:
    """One field as every consumer sees it: key, format, nullability, choices, presence."""

    key: str
    format: Format
    nullable: bool
    optional: bool  # the key may be absent from a cycle file (it has a non-null default)
    choices: tuple[str, ...]
    spec: FieldSpec
    default: Any = None  # the dataclass default (None when there is none, or a factory)

    @property
    def mode(self) -> str:
        """The cycle file's presence rule: "req", "null" (present, may be null), "opt" (may be absent)."""
        return "null" if self.nullable else "opt" if self.optional else "req"


def _format(tp: Any) -> tuple[Format, tuple[str, ...]]:
    if typing.get_origin(tp) is Literal:
        return "choice", tuple(typing.get_args(tp))
    if tp is datetime:
        return "datetime", ()
    if tp is date:
        return "date", ()
    if tp is bool:
        return "bool", ()
    if tp is str:
        return "text", ()
    if typing.get_origin(tp) is tuple:
        return "files", ()
    if isinstance(tp, type) and tp.__name__ == "LevelOverride":
        return "override", ()
    raise TypeError(f"no format for evidence field type {tp!r}")


def _strip_none(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(tp)):
            return args[0], True
    return tp, False


@functools.cache
def declared_fields(cls: type) -> tuple[Declared, ...]:
    """The declared fields of an evidence dataclass, in declaration order (worked out once per class)."""
    module = vars(sys.modules[cls.__module__])
    hints = typing.get_type_hints(cls, globalns=module, localns=module)
    out = []
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(SPEC)
        if not isinstance(spec, FieldSpec):
            raise TypeError(f"{cls.__name__}.{f.name} has no FieldSpec")
        tp, nullable = _strip_none(hints[f.name])
        fmt, choices = _format(tp)
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        default = None if f.default is dataclasses.MISSING else f.default
        out.append(Declared(f.name, fmt, nullable, has_default and not nullable, choices, spec, default))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One evidence kind: its cycle-file key, dataclass, Chinese label and sheet description.

    ``when``: the field whose date the sheet prints (None: "—"); ``summary``: the sheet's
    description, ``{key}`` standing for a field in its sheet form or for a text property.
    """

    key: str
    type: type
    label: str
    when: str | None
    summary: str

    @property
    def fields(self) -> tuple[Declared, ...]:
        return declared_fields(self.type)

    def field(self, key: str) -> Declared:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.key} has no field {key!r}")
