"""The evidence forms' fields, derived from the kinds' declarations in core, and cross-field checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from panelapp.core.contract import HalfYear, Period
from panelapp.core.declare import Declared
from panelapp.core.evidence import KIND
from panelapp.core.workdays import DEFAULT_WORKING_HOURS, Span, offhours_problem
from panelapp.ui.forms.fields import BoolField, ChoiceField, DateField, DateTimeField, Field, TextField

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


@dataclass(frozen=True)
class Bounds:
    """Dates a record may carry: the cycle, or the half-year for drills and trainings."""

    cycle: Period
    half: HalfYear
    #: the scheme's working hours (3.2③): an off-hours miss must lie outside them on a working day
    working_hours: tuple[Span, ...] = DEFAULT_WORKING_HOURS

    @property
    def after(self) -> date:
        """Follow-up dates (restoration, reports) may fall a little after the cycle."""
        return self.cycle.end + timedelta(days=60)


def _dates(span: str | None, b: Bounds) -> tuple[date, date, date | None]:
    """(first, last, initial) date a field of ``span`` may take (core/declare.py Span)."""
    c = b.cycle
    if span == "weeks":  # its 13 weeks and its own days (a day in a neighbour's week is explained)
        lo, hi = c.report_span()
        return lo, hi, None
    if span == "half":
        return b.half.start, c.end, c.start
    if span == "follow_up":
        return c.start, b.after, None
    return c.start, c.end, None


def _field(f: Declared, b: Bounds) -> Field:
    spec = f.spec
    if f.format in ("date", "datetime"):
        lo, hi, initial = _dates(spec.span, b)
        cls = DateTimeField if f.format == "datetime" else DateField
        if f.nullable:
            return cls(f.key, spec.label, lo, hi, optional=True, none_text=spec.unset)
        return cls(f.key, spec.label, lo, hi, default=initial)
    if f.format == "bool" and f.nullable:
        # a yes/no that older data left unrecorded (a drill's report): chosen, no default either way
        return ChoiceField(f.key, spec.label, {True: spec.words[0], False: spec.words[1]},
                           placeholder=translate("FieldSpecs", "（请选择）"))
    if f.format == "bool":
        return BoolField(f.key, spec.label, spec.check, default=spec.initial)
    if f.format == "choice":
        # nothing that costs points is preselected: a choice starts on （请选择） and must be made
        return ChoiceField(f.key, spec.label, dict(spec.names or {v: v for v in f.choices}),
                           placeholder=translate("FieldSpecs", "（请选择）"))
    return TextField(f.key, spec.label, required=spec.form_required)


def fields_for(kind: str, b: Bounds) -> list[Field]:
    """The form's fields of ``kind``, as declared in core (labels, spans, check-box texts, help)."""
    if kind not in KIND:
        raise KeyError(kind)
    fields = []
    for f in KIND[kind].fields:
        if f.format in ("files", "override"):
            continue  # attachments have their own panel; a fault's level override its own field
        field = _field(f, b)
        if f.spec.help:
            field.setToolTip(f.spec.help)
        fields.append(field)
    return fields


def cross_check(kind: str, values: dict, bounds: Bounds | None = None) -> dict[str, str]:
    """Errors between fields, keyed by the field to show them under (fields not filled in yet are skipped)."""
    errors: dict[str, str] = {}
    if kind == "offhours_misses" and values.get("at") is not None:
        problem = offhours_problem(values["at"], bounds.working_hours if bounds else DEFAULT_WORKING_HOURS)
        if problem:
            errors["at"] = problem
    if kind == "special_periods":
        start, end, report = values.get("start"), values.get("end"), values.get("report_date")
        if start is not None and end is not None and end < start:
            errors["end"] = translate("FieldSpecs", "结束日期不得早于开始日期")
        if start is not None and report is not None and report < start:
            errors["report_date"] = translate("FieldSpecs", "报告日期不得早于特殊时期开始日期")
    return errors
