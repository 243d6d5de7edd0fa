"""The meeting room: typed dates, no costly defaults, unsaved prompts, words, tables, logs, housekeeping."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from panelapp.ui.selftest import type_into

from .helpers import answer_next_box, save, table_of


def test_typed_date_and_time_are_taken_and_errors_clear_when_fixed(blank_window):
    dlg = table_of(blank_window, "2.1").do_add()
    start = dlg.fields["started_at"]
    type_into(start.edit, "1-15 25:70")
    assert start.value() is None
    save(dlg)
    assert "不存在" in start.error_label.text() and not start.error_label.isHidden()
    type_into(start.edit, "1-15 9:00")
    assert start.value() == datetime(2025, 1, 15, 9, 0) and start.error_label.isHidden()
    type_into(dlg.fields["restored_at"].edit, "10:30")  # a time alone falls on the start day
    assert dlg.fields["restored_at"].value() == datetime(2025, 1, 15, 10, 30)
    answer_next_box("放弃")
    dlg.reject()


def test_nothing_costly_is_preselected(blank_window):
    dlg = table_of(blank_window, "2.2").do_add()
    assert dlg.fields["kind"].value() is None and dlg.fields["vendor_caused"].value() is False
    assert dlg.fields["date"].value() is None
    save(dlg)
    assert "请选择“事件类型”" in dlg.fields["kind"].error_label.text()
    assert "请填写“日期”" in dlg.fields["date"].error_label.text()
    assert blank_window.session.records("security_events") == ()
    fault = table_of(blank_window, "2.1").do_add()
    assert fault.fields["vendor_caused"].value() is False and fault.fields["effect"].value() is None
    assert fault.fields["report_submitted_on"].edit.text() == "" and fault.fields["started_at"].edit.text() == ""
    dlg.reject()
    fault.reject()


def test_escape_on_a_half_filled_form_asks_and_save_saves(blank_window):
    w = blank_window
    dlg = table_of(w, "1.3").do_add()
    type_into(dlg.fields["date"].edit, "0115")
    type_into(dlg.fields["title"].edit, "缺陷分析")
    seen = answer_next_box("保存")
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert seen and "尚未保存" in seen[0]
    assert [r.date for r in w.session.records("defect_reports")] == [date(2025, 1, 15)]


def test_shortcuts_say_what_they_do(window):
    w = window
    w.activateWindow()
    QTest.qWaitForWindowActive(w, 1000)
    QTest.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == 2 and w.tab_actions[2].text() == w.tab_titles[2]
    QTest.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "已自动保存" in w.statusBar().currentMessage()
    w.actions.exempt_week(w.section_tabs[0].week_grid.states[8][0].monday, "机房搬迁")
    w.menu_actions["undo"].trigger()
    assert w.statusBar().currentMessage().startswith("已撤销：")
    w.menu_actions["redo"].trigger()
    assert w.statusBar().currentMessage().startswith("已重做：")


def test_sort_and_filter_keep_the_selected_record(window):
    table = table_of(window, "2.1")
    ids = [table.model.record_id(r) for r in range(table.model.rowCount())]
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    table.view.selectRow(0)
    assert table.current_id() == ids[-1]
    table.filter.setText("电子证照")
    assert table.proxy.rowCount() == 1 and "筛选" in table.count.text()
    table.view.clearSelection()
    table.view.selectRow(0)
    assert window.session.record("faults", table.current_id()).business == "电子证照系统"
    table.filter.clear()
    assert table.proxy.rowCount() == len(ids)


def test_empty_cycle_says_nothing_is_entered(blank_window):
    assert blank_window.score_bar.total_label.text() == "尚未录入"


def test_crash_dialog_and_log(tmp_path, qtbot):
    from panelapp.logsetup import close_logging, record, setup_logging
    from panelapp.ui.crash import CrashDialog

    path = setup_logging(tmp_path / "logs")
    try:
        record("import", file="周期.zip")
        try:
            raise RuntimeError("坏了")
        except RuntimeError as exc:
            from panelapp.logsetup import record_error

            record_error("unexpected error", exc)
            dlg = CrashDialog(exc)
        qtbot.addWidget(dlg)
        from PySide6.QtWidgets import QLabel

        assert any(str(path) in label.text() for label in dlg.findChildren(QLabel))
        assert any("已保存的数据不受影响" in label.text() for label in dlg.findChildren(QLabel))
        dlg.copy_button.click()
        from PySide6.QtGui import QGuiApplication

        assert "RuntimeError: 坏了" in QGuiApplication.clipboard().text()
        logging.getLogger("panelapp").handlers[0].flush()
        content = path.read_text(encoding="utf-8")
        assert "import file=周期.zip" in content and "RuntimeError: 坏了" in content
    finally:
        close_logging()


def test_backup_check_restore_and_open_other(env, qtbot, tmp_path):
    w = env.open(qtbot, demo=True)
    made = w.housekeeping.backup()
    assert made is not None and made.is_file()
    assert w.housekeeping.check() and "数据库完好" in env.notifier.last_info
    before = len(w.session.records("faults"))
    w.actions.delete("faults", [w.session.ids["faults"][0]])
    assert len(w.session.records("faults")) == before - 1
    assert w.housekeeping.restore(str(made))
    env.db = w.db  # the window reopened the restored file
    assert len(w.session.records("faults")) == before
    other = tmp_path / "other.sqlite"
    from panelapp.store import open_database

    open_database(other).close()
    assert w.housekeeping.open_other(str(other))
    env.db = w.db
    assert Path(w.db.path) == other and w.db_label.toolTip() == str(other)


def test_no_display_exits_2_with_a_message(monkeypatch, capsys):
    from panelapp.ui import app

    monkeypatch.setattr(app.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert app.run(type("A", (), {"db": None, "self_test": False, "screenshot": None})()) == 2
    assert "没有可用的图形显示" in capsys.readouterr().err


def test_f1_opens_the_offline_guide(window):
    from panelapp.ui.help import show_help

    dlg = show_help(window)
    assert "使用说明" in dlg.windowTitle() and "第一次启动" in dlg.browser.toPlainText()
    dlg.close()


def test_week_grid_catch_up_form_is_titled_for_what_it_does(window):
    tab = window.section_tabs[0]
    week9 = next(s[0] for s in tab.week_grid.states if s[0].number == 9)
    tab.on_week_clicked(week9, "missing")
    entry = tab._menu.actions()[0]
    assert entry.text() == "补录本周巡检报告…"
    entry.trigger()
    tab._menu.close()
    dlg = window.notifier.last_dialog
    assert dlg.windowTitle().startswith("补录第9周巡检报告") and not dlg.is_dirty()
    dlg.reject()  # unchanged: closes without asking
