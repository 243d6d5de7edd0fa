"""The evidence forms and tables show what core declares (docs/evidence.md), with no window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from panelapp.core.cyclefile import read_cycle_file
from panelapp.core.evidence import KIND, KINDS
from panelapp.paths import resource
from panelapp.ui.forms.fields import BoolField, DateField
from panelapp.ui.forms.specs import Bounds, fields_for
from panelapp.ui.models import MODEL_FOR_KIND

DATA = read_cycle_file(resource("samples", "demo-cycle.json")).data
BOUNDS = Bounds(DATA.contract.cycle(DATA.cycle), DATA.contract.half_year(DATA.cycle))
FORM_KINDS = list(KINDS)  # the fault form too: its fields are these, plus the level override


@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.key)
def test_form_fields_are_the_declared_fields(app, kind):
    fields = fields_for(kind.key, BOUNDS)
    declared = [f for f in kind.fields if f.format not in ("files", "override")]
    assert [w.key for w in fields] == [f.key for f in declared]
    assert [w.label for w in fields] == [f.spec.label for f in declared]
    for widget, f in zip(fields, declared, strict=True):
        assert widget.toolTip() == f.spec.help
        if isinstance(widget, BoolField):
            assert widget.box.text() == f.spec.check and widget.value() is f.spec.initial
        if isinstance(widget, DateField):
            assert (widget.none_box is not None) == f.nullable
        widget.deleteLater()


def test_form_date_spans():
    weekly = fields_for("weekly_reports", BOUNDS)[0]
    assert (weekly.lo, weekly.hi) == BOUNDS.cycle.week_span()
    drill = fields_for("drills", BOUNDS)[0]
    assert (drill.lo, drill.hi, drill.default) == (BOUNDS.half.start, BOUNDS.cycle.end, BOUNDS.cycle.start)
    end = fields_for("special_periods", BOUNDS)[2]
    assert (end.lo, end.hi) == (BOUNDS.cycle.start, BOUNDS.after)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.key not in ("faults", "trainings")], ids=lambda k: k.key)
def test_table_headers_and_cells_come_from_the_declaration(app, kind):
    model = MODEL_FOR_KIND[kind.key]()
    shown = [f for f in kind.fields if f.spec.table]
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == [f.spec.header for f in shown]
    records = getattr(DATA.evidence, kind.key)
    if records:
        model.set_rows(records, list(range(len(records))))
        for col, f in enumerate(shown):
            cell = model.data(model.index(0, col))
            value = getattr(records[0], f.key)
            if f.format == "text":
                assert cell == value
            elif f.format == "bool" and value is None:  # a nullable yes/no not recorded (older data)
                assert cell == f.spec.empty
            elif f.format == "bool":
                assert cell == f.spec.words[0 if value else 1]
            elif f.format == "choice":
                assert cell == f.spec.names[value]


def test_training_table_keeps_its_archive_column(app):
    model = MODEL_FOR_KIND["trainings"]()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["日期", "培训主题", "培训教材", "签到表", "照片", "归档", "附件"]
    assert KIND["trainings"].field("photos").spec.header == "照片"
