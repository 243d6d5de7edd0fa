"""The real window driven through its widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from .helpers import discard, engine_total, export_sheet, save, set_fault_fields, settle, table_of, total


def add_fault(window, minutes=95, fault_id="F-09", **kw):
    table = table_of(window, "2.1")
    dlg = table.do_add()
    set_fault_fields(dlg, fault_id=fault_id, start=datetime(2025, 1, 20, 9, 0), minutes=minutes, **kw)
    return dlg


def test_fault_1h35_full_interruption_serious_is_level_ii_and_costs_15(blank_window, qtbot):
    w = blank_window
    before = total(w)
    dlg = add_fault(w)
    assert "1小时35分" in dlg.live.text() and "二级较大故障" in dlg.live.text()
    save(dlg)
    assert not dlg.isVisible()
    assert total(w) == before - 15 == engine_total(w)
    assert w.session.result.item("2.1").deduction == 15
    model = table_of(w, "2.1").model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 8)) == "二级较大故障"
    assert w.score_bar.text().startswith(f"{before - 15} 分")


def test_fault_form_level_changes_live_as_you_type(blank_window):
    dlg = add_fault(blank_window, minutes=20)
    assert "四级其它故障" in dlg.live.text()  # exactly 20 min is not "超过"
    restored = dlg.fields["restored_at"]
    restored.set_value(restored.value() + timedelta(minutes=1))
    assert "三级一般故障" in dlg.live.text()
    dlg.fields["serious_impact"].box.setChecked(False)
    assert "四级其它故障" in dlg.live.text()
    discard(dlg)


def test_mark_week_exempt_with_reason_recovers_1_1(window):
    w = window
    assert w.session.result.item("1.1").score == 4  # week 9 missing in the demo
    before = total(w)
    tab = w.section_tabs[0]
    week9 = next(s for s in tab.week_grid.states if s[0].number == 9)
    assert week9[1] == "missing"
    # blank reason: refused with a message, nothing saved
    w.notifier.texts = ["  "]  # what the reason prompt is answered with
    tab.ask_exempt(week9[0])
    assert "理由" in (w.notifier.last_error or "")
    assert w.session.result.item("1.1").score == 4 and len(w.db.cycles.data(w.session.cycle_id)[0].evidence.exempt_weeks) == 1
    w.notifier.texts = ["机房搬迁停机"]
    tab.week_grid.buttons[8].click()  # opens the week's menu
    tab._menu.actions()[1].trigger()  # 标记为免报周…
    assert w.session.result.item("1.1").score == 5
    assert total(w) == before + 1 == engine_total(w)
    assert tab.week_grid.states[8][1] == "exempt" and "机房搬迁" in tab.week_grid.states[8][2]
    # un-exempt again from the grid, then undo that
    tab.on_week_clicked(tab.week_grid.states[8][0], "exempt")
    tab._menu.actions()[0].trigger()
    assert w.session.result.item("1.1").score == 4
    w.editor.stack.undo()
    assert w.session.result.item("1.1").score == 5


def test_item_override_needs_a_reason_and_shows_both_values(window, qtbot):
    w = window
    before = total(w)
    dlg = w.actions.override_item("1.2")
    dlg.points.setValue(0)
    dlg.ok.click()
    assert dlg.isVisible() and dlg.error.isVisible() and "理由" in dlg.error.text()
    assert w.session.result.item("1.2").deduction == 2 and not w.db.cycles.data(w.session.cycle_id)[0].item_overrides
    dlg.reason.setPlainText("特巡报告已纸质提交，经核实有效")
    dlg.ok.click()
    assert not dlg.isVisible()
    item = w.session.result.item("1.2")
    assert (item.deduction, item.computed_deduction) == (0, 2)
    panel = w.section_tabs[0].panel("1.2")
    assert panel.override_note.isVisibleTo(panel) and "计算扣 <b>2</b>" in panel.override_note.text()
    assert "改为扣0分" in panel.explanation.text()
    assert total(w) == before + 2 == engine_total(w)
    w.editor.stack.undo()
    assert total(w) == before and not w.db.cycles.data(w.session.cycle_id)[0].item_overrides


def test_fault_level_override_needs_a_reason(blank_window):
    w = blank_window
    dlg = add_fault(w)
    f = dlg.fields["level_override"]
    f.combo.setCurrentIndex(f.combo.findData("IV"))
    save(dlg)
    assert dlg.isVisible() and "理由" in f.error_label.text() and f.error_label.isVisibleTo(dlg)
    assert w.session.records("faults") == ()
    f.reason.setText("经核实仅影响内部查询")
    assert "改定为" in dlg.live.text()
    save(dlg)
    assert not dlg.isVisible()
    fa = w.session.result.faults[0]
    assert (fa.computed_level, fa.level) == ("II", "IV")
    assert w.session.result.item("2.1").deduction == 5
    model = table_of(w, "2.1").model
    assert model.data(model.index(0, 8)) == "四级其它故障（计算：二级较大故障）"


def test_undo_redo_add_edit_delete(window, qtbot):
    w = window
    before = total(w)
    dlg = add_fault(w)
    save(dlg)
    assert total(w) == before - 15
    table = table_of(w, "2.1")
    table.view.selectRow(table.model.rowCount() - 1)
    edit = table.do_edit()
    edit.fields["serious_impact"].box.setChecked(False)  # now level IV: -5
    save(edit)
    assert total(w) == before - 5 == engine_total(w)
    table.view.selectRow(table.model.rowCount() - 1)
    table.view.setFocus()
    w.menu_actions["delete"].trigger()
    assert total(w) == before == engine_total(w)
    undo, redo = w.menu_actions["undo"], w.menu_actions["redo"]
    undo.trigger()
    assert total(w) == before - 5 == engine_total(w)
    undo.trigger()
    assert total(w) == before - 15 == engine_total(w)
    undo.trigger()
    assert total(w) == before == engine_total(w)
    redo.trigger()
    redo.trigger()
    redo.trigger()
    assert total(w) == before == engine_total(w)
    undo.trigger()  # the re-created record is deleted again under its new id
    assert total(w) == before - 5 == engine_total(w)


@pytest.mark.parametrize("case", ["special_end_before_start", "fault_restored_before_start"])
def test_invalid_date_refused_with_message(blank_window, case):
    w = blank_window
    if case == "special_end_before_start":
        dlg = table_of(w, "1.2").do_add()
        dlg.fields["name"].edit.setText("两会特巡")
        dlg.fields["requested_by"].edit.setText("办公室")
        dlg.fields["start"].set_value(date(2025, 3, 10))
        dlg.fields["end"].set_value(date(2025, 3, 4))
        dlg.fields["report_date"].set_value(None)
        field, kind = dlg.fields["end"], "special_periods"
    else:
        dlg = add_fault(w)
        dlg.fields["restored_at"].set_value(dlg.fields["started_at"].value() - timedelta(hours=1))
        field, kind = dlg.fields["restored_at"], "faults"
        assert "时间有误" in dlg.live.text()
    save(dlg)
    assert dlg.isVisible()
    assert field.error_label.isVisibleTo(dlg) and "不得早于" in field.error_label.text()
    assert "未保存" in dlg.message.text()
    assert w.session.records(kind) == () and w.db.cycles.data(w.session.cycle_id)[0].evidence.count() == 0
    discard(dlg)


def test_date_pickers_are_bounded_to_the_cycle_and_half_year(blank_window):
    w = blank_window
    dlg = table_of(w, "1.3").do_add()
    field = dlg.fields["date"]
    assert (field.lo, field.hi) == (date(2024, 12, 30), date(2025, 3, 29))
    field.edit.setText("3-30")  # the year comes from the cycle: 2025-03-30, a day after its end
    assert "须在 2024-12-30 至 2025-03-29 之间（填写的是 2025-03-30）" in field.check()
    discard(dlg)
    dlg = table_of(w, "1.4").do_add()
    assert dlg.fields["date"].lo == date(2024, 9, 30)  # half-year H1
    discard(dlg)


def test_required_text_refused_next_to_field(blank_window):
    dlg = table_of(blank_window, "3.3", "unfulfilled_commitments").do_add()
    save(dlg)
    assert "请填写" in dlg.fields["commitment"].error_label.text()
    assert dlg.isVisible() and blank_window.session.records("unfulfilled_commitments") == ()
    discard(dlg)


def test_close_and_reopen_keeps_everything(env, qtbot):
    w = env.open(qtbot, demo=True)
    save(add_fault(w))
    w.actions.exempt_week(w.section_tabs[0].week_grid.states[8][0].monday, "机房搬迁停机")
    dlg = w.actions.override_item("3.2")
    dlg.reason.setPlainText("驻场人员当日经批准外出")
    dlg.points.setValue(0)
    dlg.ok.click()
    w.tabs.setCurrentIndex(1)
    score, cycle_id = total(w), w.session.cycle_id
    env.close()
    w = env.open(qtbot)
    assert w.session.cycle_id == cycle_id and w.tabs.currentIndex() == 1
    assert total(w) == score == engine_total(w)
    assert [f.id for f in w.session.records("faults")][-1] == "F-09"
    assert any(e.reason == "机房搬迁停机" for e in w.session.records("exempt_weeks"))
    assert w.session.result.item("3.2").override_reason == "驻场人员当日经批准外出"


def test_drop_file_on_row_attaches_it(window, qtbot, tmp_path):
    w = window
    table = table_of(w, "1.3")
    pdf = tmp_path / "缺陷分析.pdf"
    pdf.write_bytes(b"%PDF-1.4 test" * 200)
    rid = table.model.record_id(0)
    existing = w.db.attachments.of_record("defect_reports", rid)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    pos = table.view.visualRect(table.proxy.index(0, 0)).center()
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    table.view.dropEvent(event)
    assert "正在添加附件" in w.task_label.text()  # stored on the worker
    settle(w)
    refs = w.db.attachments.of_record("defect_reports", rid)
    assert refs[: len(existing)] == existing
    new = refs[-1]
    assert new.name == "缺陷分析.pdf" and new.size == 2600 and len(refs) == len(existing) + 1
    texts = [table.strip.list.item(i).text() for i in range(table.strip.list.count())]
    assert "缺陷分析.pdf（2.5 KB）" in texts
    assert w.session.record("defect_reports", rid).files == tuple(refs)
    exported = w.actions.export_file(new)
    assert exported.read_bytes() == pdf.read_bytes()
    w.editor.stack.undo()
    assert w.db.attachments.of_record("defect_reports", rid) == existing


def test_history_shows_who_changed_what(window):
    w = window
    save(add_fault(w))
    dlg = w.ctx.show_history("2.1")
    model = dlg.model
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert any(r[1] == "组员甲" and r[2] == "新增" and "F-09" in r[4] for r in rows)
    discard(dlg)


def test_shortcuts_and_zoom(window, qtbot):
    w = window
    keys = {name: a.shortcut().toString() for name, a in w.menu_actions.items()}
    assert keys["add"] == "Ctrl+N" and keys["duplicate"] == "Ctrl+D" and keys["delete"] == "Del"
    assert keys["undo"] == "Ctrl+Z" and keys["redo"] == "Ctrl+Y" and keys["export"] == "Ctrl+Shift+S"
    assert keys["save"] == "Ctrl+S" and keys["help"] == "F1" and keys["tab3"] == "Ctrl+4"
    size = QApplication.font().pointSizeF()
    table = table_of(w, "2.1")
    panel = w.section_tabs[1].panel("2.1")
    sizes = (table.view.font().pointSizeF(), w.score_bar.total_label.font().pointSizeF(),
             panel.title.font().pointSizeF(), table.view.verticalHeader().defaultSectionSize())
    w.menu_actions["zoom_in"].trigger()
    w.menu_actions["zoom_in"].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(size * 1.3)
    zoomed = (table.view.font().pointSizeF(), w.score_bar.total_label.font().pointSizeF(),
              panel.title.font().pointSizeF(), table.view.verticalHeader().defaultSectionSize())
    assert all(after > before for before, after in zip(sizes, zoomed, strict=True)), (sizes, zoomed)
    assert w.settings.value("zoom") in (4, "4")
    w.menu_actions["zoom_reset"].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(size)
    assert table.view.font().pointSizeF() == pytest.approx(sizes[0])


def test_duplicate_gives_a_fresh_fault_id(window):
    w = window
    table = table_of(w, "2.1")
    table.view.selectRow(0)
    dlg = table.do_duplicate()
    assert dlg.fields["id"].value() not in {f.id for f in w.session.records("faults")}
    save(dlg)
    assert len(w.session.records("faults")) == 3


def test_self_test_command_exits_0_and_writes_result(tmp_path):
    import os
    import subprocess
    import sys

    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "panelapp", "--self-test", "--screenshot", str(shot)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert shot.stat().st_size > 10_000
    assert (tmp_path / "shot.png.txt").read_text(encoding="utf-8").startswith("OK")


def test_export_then_import_cycle_file_through_the_file_menu(window, env, tmp_path):
    w = window
    out = tmp_path / "c2.zip"
    assert w.files.export_cycle(str(out))
    settle(w)
    assert out.is_file() and str(out) in w.notifier.last_info
    before = total(w)
    # re-importing into the same cycle adds nothing: every record is flagged as an exact duplicate
    assert w.files.import_cycle(str(out))
    settle(w)
    assert "跳过" in (w.notifier.last_info or "") and total(w) == before == engine_total(w)


def test_import_of_a_bad_file_is_refused_in_chinese(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "panelapp-cycle", "version": 1}', encoding="utf-8")
    before = window.db.cycles.data(window.session.cycle_id)[0]
    assert window.files.import_cycle(str(bad))  # started; refused on the worker
    settle(window)
    assert window.notifier.last_error and any("\u4e00" <= ch <= "\u9fff" for ch in window.notifier.last_error)
    assert window.db.cycles.data(window.session.cycle_id)[0] == before


def test_image_attachment_previews(window, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from panelapp.ui.widgets.attachments import ImagePreview

    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("#336699"))
    png = tmp_path / "现场照片.png"
    img.save(str(png))
    table = table_of(window, "1.5")
    table.view.selectRow(0)
    assert table.attach_files(0, [png]) == 1
    settle(window)
    strip = table.strip
    row = [i for i in range(strip.list.count()) if "现场照片.png" in strip.list.item(i).text()][0]
    strip.list.setCurrentRow(row)
    dlg = strip.open_current()
    assert isinstance(dlg, ImagePreview)
    discard(dlg)


def test_final_cycle_refuses_edits_with_the_store_message(window):
    w = window
    from panelapp.core.cyclefile import fingerprint

    w.db.signoff.finalise(w.session.cycle_id, fingerprint(w.session.data))
    w.session.reload()
    dlg = add_fault(w)
    save(dlg)
    assert dlg.isVisible() and "定稿" in dlg.message.text()
    assert len(w.db.cycles.data(w.session.cycle_id)[0].evidence.faults) == 2
    assert w.editor.stack.count() == 0
    discard(dlg)
    assert "定稿" in w.score_bar.cycle_label.text()


def test_import_opens_the_files_cycle(env, qtbot):
    from panelapp.ui.file_ops import demo_path

    w = env.open(qtbot, demo=False, cycle=1)
    assert w.session.data.cycle == 1
    assert w.files.import_cycle(str(demo_path()))
    settle(w)
    assert w.session.data.cycle == 2 and "第2考核周期" in w.notifier.last_info
    assert total(w) == 87 == engine_total(w)
    assert w.navigator.currentItem().data(0, Qt.ItemDataRole.UserRole) == w.session.cycle_id


def test_delete_key_acts_only_on_the_focused_table(window, qtbot):
    w = window
    table = table_of(w, "2.1")
    table.view.selectRow(0)
    w.navigator.setFocus()
    w.menu_actions["delete"].trigger()
    assert len(w.session.records("faults")) == 2  # focus elsewhere: nothing deleted
    table.view.setFocus()
    w.menu_actions["delete"].trigger()
    assert len(w.session.records("faults")) == 1


def test_switching_on_a_time_starts_from_the_report_time(blank_window):
    dlg = add_fault(blank_window)
    onsite = dlg.fields["onsite_at"]
    onsite.none_box.setChecked(False)
    assert onsite.raw() == dlg.fields["reported_at"].raw()
    deadline = dlg.fields["restore_deadline_at"]
    deadline.none_box.setChecked(False)
    assert (deadline.raw() - dlg.fields["reported_at"].raw()).total_seconds() == 8 * 3600
    discard(dlg)


def test_window_state_is_remembered(env, qtbot):
    w = env.open(qtbot, demo=True)
    w.menu_actions["zoom_in"].trigger()
    env.close()
    for key in ("geometry", "window_state", "splitter", "zoom", "cycle_id", "tab"):
        assert env.settings.value(key) is not None, key
    w = env.open(qtbot)
    assert w.zoom_factor > 1.0
    w.zoom(0)


def test_undo_delete_brings_back_the_attachments(window):
    w = window
    table = table_of(w, "1.1", "weekly_reports")
    row = next(r for r in range(table.model.rowCount()) if table.model.record(r).files)
    files = table.model.record(row).files
    table.view.selectRow(row)
    assert table.do_delete()
    w.editor.stack.undo()
    kind = "weekly_reports"
    restored = [obj for obj in w.db.cycles.data(w.session.cycle_id)[0].evidence.weekly_reports if obj.files]
    assert any(obj.files == files for obj in restored)
    new_id = w.session.ids[kind][-1]
    assert w.db.attachments.of_record(kind, new_id) == list(files)


def test_panel_members_edited_with_refusal_in_the_dialog(window):
    w = window
    dlg = w.edit_panel()
    dlg.add_row("", "成员")
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert dlg.isVisible() and "姓名不能为空" in dlg.error.text()
    dlg.table.item(dlg.table.rowCount() - 1, 0).setText("组员丙")
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert not dlg.isVisible()
    assert "组员丙" in [m.name for m in w.db.standing.panel_members(w.people.contract_id, w.session.cycle_id)]
    assert "组员丙" in [m.name for m in w.session.data.panel]


def test_finalise_then_reopen_only_with_a_reason(window):
    w = window
    save(add_fault(w))
    assert w.signoff.finalise()  # the recording notifier answers 是
    assert "定稿后本周期不能再修改" in w.notifier.questions[-1]
    assert w.session.is_final and w.db.cycles.row(w.session.cycle_id).status == "final"
    assert w.editor.stack.count() == 0
    assert "已定稿" in w.navigator.currentItem().text(1)
    assert not w.signoff.reopen()  # cancelled
    w.notifier.texts = ["   "]
    assert not w.signoff.reopen()
    assert "理由" in w.notifier.last_error and w.session.is_final
    w.notifier.texts = ["评分表打印后发现故障F-09时间录错"]
    assert w.signoff.reopen()
    row = w.db.cycles.row(w.session.cycle_id)
    assert row.status == "open" and row.version == 2 and not w.session.is_final


def test_keyboard_ctrl_n_types_and_saves_a_record(window, qtbot):
    """Real key events: Ctrl+N opens the (modal) form, typing fills it, Enter saves."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    w = window
    table = table_of(w, "3.3", "unfulfilled_commitments")
    table.view.setFocus()
    seen = {}

    def type_into_form():
        dlg = QApplication.activeModalWidget()
        seen["title"] = dlg.windowTitle()
        qtbot.keyClicks(dlg.fields["commitment"].edit, "monthly report")  # QTest types Latin-1 only
        QTest.keyClick(dlg, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_into_form)
    qtbot.keyClick(table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "title" in seen, timeout=2000)
    assert seen["title"] == "新增未完成投标承诺"
    assert [c.commitment for c in w.session.records("unfulfilled_commitments")] == ["monthly report"]
    assert w.session.result.item("3.3").deduction == 2
    assert total(w) == engine_total(w)
    w.activateWindow()  # offscreen: the window is not re-activated by itself after the modal form
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    qtbot.keyClick(table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.records("unfulfilled_commitments") == ()


def test_store_refusal_naming_a_field_is_shown_next_to_it(blank_window, monkeypatch):
    from panelapp.store import StoreError

    w = blank_window

    def refuse(cycle_id, kind, obj):
        err = StoreError("缺陷分析报告未保存：title：标题与已有报告重复")
        err.errors = [("title", "标题与已有报告重复")]
        raise err

    monkeypatch.setattr(w.db.evidence, "add", refuse)
    dlg = table_of(w, "1.3").do_add()
    dlg.fields["date"].set_value(date(2025, 1, 15))
    dlg.fields["title"].edit.setText("第一季度缺陷分析")
    save(dlg)
    assert dlg.isVisible() and "未保存" in dlg.message.text()
    assert dlg.fields["title"].error_label.text() == "标题与已有报告重复"
    assert w.session.records("defect_reports") == () and w.editor.stack.count() == 0
    discard(dlg)


def test_export_score_sheet_pdf_from_the_window(window, tmp_path):
    import hashlib

    pytest.importorskip("panelapp.report.export")
    out = export_sheet(window, tmp_path / "评分表.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert window.db.signoff.find_export(hashlib.sha256(data).hexdigest()) is not None
