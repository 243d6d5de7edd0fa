"""Every evidence kind can be added, duplicated and deleted through its table and form."""

from __future__ import annotations

import pytest

from panelapp.core.evidence import EVIDENCE_KINDS
from panelapp.ui.context import RULE_EVIDENCE
from panelapp.ui.forms.fields import ChoiceField, DateField, DateTimeField, TextField

from .helpers import engine_total, save, table_of, total


def item_of(window, kind: str) -> str:
    """The item whose panel enters ``kind`` (faults: the item they are entered on, not the response view)."""
    return next(i.id for i in window.session.scheme.items
                if kind in RULE_EVIDENCE[i.rule] and i.rule != "fault_response")


@pytest.mark.parametrize("kind", EVIDENCE_KINDS)
def test_add_duplicate_delete(blank_window, kind):
    w = blank_window
    table = table_of(w, item_of(w, kind), kind)
    dlg = table.do_add()
    for field in dlg.fields.values():
        if isinstance(field, TextField) and not field.value():
            field.edit.setText(f"测试{field.label}")
        elif isinstance(field, DateTimeField):  # typed as people do; 22:00, as 3.2③ needs off-hours
            field.edit.setText(f"{field.lo.month}-{field.lo.day} 22:00")
        elif isinstance(field, DateField):
            field.edit.setText(f"{field.lo.month}-{field.lo.day}")
        elif isinstance(field, ChoiceField) and field.value() is None:  # （请选择）: e.g. the drill's report
            field.combo.setCurrentIndex(1)
    save(dlg)
    assert not dlg.isVisible(), dlg.message.text()
    stored = w.db.cycles.data(w.session.cycle_id)[0]
    assert len(getattr(stored.evidence, kind)) == 1
    assert table.model.rowCount() == 1 and table.selected_rows() == [0]
    assert total(w) == engine_total(w)
    dup = table.do_duplicate()
    save(dup)
    assert not dup.isVisible(), dup.message.text()
    assert table.model.rowCount() == 2
    table.view.selectAll()
    assert table.do_delete()
    assert table.model.rowCount() == 0
    assert len(getattr(w.db.cycles.data(w.session.cycle_id)[0].evidence, kind)) == 0
    w.editor.stack.undo()  # the two deletions are one step
    assert len(getattr(w.db.cycles.data(w.session.cycle_id)[0].evidence, kind)) == 2


def test_settings_change_rescores_and_rewrites_the_description(window):
    w = window
    w.tabs.setCurrentIndex(3)
    summary = w.summary_tab
    combo = summary.setting_widgets["violation_points"]
    combo.setCurrentIndex(combo.findData(2))
    assert w.session.data.settings.violation_points == 2
    assert w.db.cycles.data(w.session.cycle_id)[0].settings.violation_points == 2
    panel = w.section_tabs[2].panel("3.2")
    assert "每发生一次，扣2分" in panel.description.text()
    w.editor.stack.undo()
    assert w.db.cycles.data(w.session.cycle_id)[0].settings.violation_points == 1
    assert combo.currentData() == 1


def test_assessed_on_moves_report_lateness(window):
    from datetime import timedelta

    from panelapp.ui.forms.fields import to_qdate

    w = window
    w.tabs.setCurrentIndex(3)
    before = w.session.result.item("3.1").deduction
    day = w.session.data.assessed_on
    # a fault without a submitted report is overdue up to the assessment date
    table = table_of(w, "2.1")
    table.view.selectRow(0)
    edit = table.do_edit()
    edit.fields["report_submitted_on"].none_box.setChecked(True)
    save(edit)
    mid = w.session.result.item("3.1").deduction
    assert mid > before
    w.tabs.setCurrentIndex(3)
    w.summary_tab.assessed.setDate(to_qdate(day + timedelta(days=5)))
    assert w.session.result.item("3.1").deduction == min(15, mid + 5)
    assert total(w) == engine_total(w)


def test_refused_setting_is_reverted_on_screen(window):
    from panelapp.core.cyclefile import fingerprint

    w = window
    w.db.signoff.finalise(w.session.cycle_id, fingerprint(w.session.data))
    w.session.reload()
    w.tabs.setCurrentIndex(3)
    spin = w.summary_tab.setting_widgets["response_minutes"]
    spin.setValue(30)
    assert "定稿" in (w.notifier.last_error or "")
    assert spin.value() == 10 and w.db.cycles.data(w.session.cycle_id)[0].settings.response_minutes == 10
