"""Issue 11 part 5 in the window: 预评 on the score bar and summary, 定稿 refused while provisional,
the drill's report chosen in its form, an off-hours miss in working hours refused by the form."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from panelapp.ui.forms.fields import to_qdate

from .helpers import save, table_of


def test_provisional_is_shown_and_cannot_be_finalised(window, qtbot):
    w = window
    assert not w.session.result.provisional
    assert not w.score_bar.total_label.text().startswith("预评")
    w.tabs.setCurrentIndex(3)
    w.summary_tab.assessed.setDate(to_qdate(date(2025, 3, 5)))  # cycle 2 ends 2025-03-29
    assert w.session.result.provisional
    assert w.score_bar.total_label.text().startswith("预评")
    assert "预评" in w.score_bar.text()
    model = w.summary_tab.model
    total_row = model.rowCount() - 1
    assert "预评" in model.index(total_row, 5).data()
    assert not w.signoff.finalise()  # the recording notifier answers 是; the store refuses
    assert "预评" in w.notifier.last_error
    assert w.db.cycles.row(w.session.cycle_id).status == "open"


def test_a_new_drill_needs_its_report_stated(blank_window):
    w = blank_window
    table = table_of(w, "1.4", "drills")
    dlg = table.do_add()
    dlg.fields["date"].set_value(date(2025, 1, 20))
    dlg.fields["title"].edit.setText("数据库切换演练")
    save(dlg)
    assert dlg.isVisible()  # no default either way
    assert "请选择“演练报告”" in dlg.fields["reported"].error_label.text()
    dlg.fields["reported"].set_value(False)
    save(dlg)
    assert not dlg.isVisible(), dlg.message.text()
    [drill] = w.db.cycles.data(w.session.cycle_id)[0].evidence.drills
    assert drill.reported is False
    assert w.session.result.item("1.4").deduction == 5  # held but not reported: H1 has no drill
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    column = headers.index("演练报告")
    assert table.model.index(0, column).data() == "未出具（不计入）"


def test_the_form_refuses_an_off_hours_miss_in_working_hours(blank_window):
    w = blank_window
    table = table_of(w, "3.2", "offhours_misses")
    dlg = table.do_add()
    dlg.fields["description"].edit.setText("值班电话未接通")
    dlg.fields["at"].set_raw(datetime(2025, 2, 11, 10, 0))  # an ordinary Tuesday
    save(dlg)
    assert dlg.isVisible()
    assert "不属于非工作时间" in dlg.fields["at"].error_label.text()
    assert w.db.cycles.data(w.session.cycle_id)[0].evidence.offhours_misses == ()
    dlg.fields["at"].set_raw(datetime(2025, 2, 11, 21, 30))
    save(dlg)
    assert not dlg.isVisible(), dlg.message.text()


def test_the_week_grid_shows_weeks_not_yet_over_as_not_due(blank_window):
    w = blank_window
    w.tabs.setCurrentIndex(3)
    w.summary_tab.assessed.setDate(to_qdate(date(2025, 3, 5)))  # week 9 ended 03-02, week 10 ends 03-09
    table_of(w, "1.1")
    grid = w.section_tabs[0].week_grid
    states = [state for _week, state, _detail in grid.states]
    assert states == ["missing"] * 9 + ["open"] * 4
    assert w.session.result.item("1.1").deduction == 5  # 9 missing, floored at 5
    assert "未到期" in grid.buttons[9].text()
