"""Slow work on the window's worker: progress shown, the window usable, conflicts refused, errors in Chinese."""

from __future__ import annotations

from datetime import datetime

from panelapp.core.cyclefile import fingerprint

from .helpers import discard, save, set_fault_fields, settle, table_of, total


def add_fault(window):
    dlg = table_of(window, "2.1").do_add()
    set_fault_fields(dlg, fault_id="F-09", start=datetime(2025, 1, 20, 9, 0), minutes=95)
    return dlg


def _big_file(tmp_path, mb: int = 8):
    path = tmp_path / "现场录像.bin"
    with open(path, "wb") as fh:
        for i in range(mb):
            fh.write(bytes([i % 251]) * (1 << 20))
    return path


def test_attaching_runs_on_the_worker_with_progress_and_guards(window, tmp_path):
    w = window
    table = table_of(w, "1.5")
    table.view.selectRow(0)
    rid = table.current_id()
    assert table.attach_files(0, [_big_file(tmp_path)]) == 1
    # while it runs: progress in the status bar, task actions off, a second task refused
    assert w.runner.busy and w.task_bar.isVisibleTo(w) and "正在添加附件" in w.task_label.text()
    assert not w.menu_actions["pdf"].isEnabled() and not w.menu_actions["import"].isEnabled()
    assert not w.sheets.export(tmp_path / "x.pdf")
    # an edit meanwhile is refused in Chinese and the form keeps what was typed
    dlg = add_fault(w)
    save(dlg)
    assert dlg.isVisible() and "请稍候" in dlg.message.text()
    discard(dlg)
    settle(w)
    assert not w.task_bar.isVisibleTo(w) and w.menu_actions["pdf"].isEnabled()
    assert [f.name for f in w.db.attachments.of_record("trainings", rid)] == ["现场录像.bin"]
    assert w.editor.stack.undoText() == "添加附件 现场录像.bin"
    w.undo()
    assert w.db.attachments.of_record("trainings", rid) == []
    w.redo()
    assert [f.name for f in w.db.attachments.of_record("trainings", rid)] == ["现场录像.bin"]


def test_a_refused_attachment_changes_nothing(window, tmp_path):
    w = window
    w.db.signoff.finalise(w.session.cycle_id, fingerprint(w.session.data))
    w.session.reload()
    table = table_of(w, "1.5")
    rid = w.session.ids["trainings"][0]
    assert table.attach_files(0, [_big_file(tmp_path, 1)]) == 1
    settle(w)
    assert "定稿" in w.notifier.last_error
    assert w.db.attachments.of_record("trainings", rid) == [] and w.editor.stack.count() == 0


def test_undo_and_redo_refused_by_the_store_are_shown_and_lose_nothing(window):
    w = window
    before = total(w)
    save(add_fault(w))
    after = total(w)
    assert after < before
    w.db.signoff.finalise(w.session.cycle_id, fingerprint(w.session.data))  # e.g. finalised elsewhere meanwhile
    w.menu_actions["undo"].trigger()  # 编辑 → 撤销 (Ctrl+Z)
    assert "定稿" in w.notifier.last_error
    assert w.editor.stack.index() == 1 and w.editor.stack.canUndo()
    assert len(w.db.cycles.data(w.session.cycle_id)[0].evidence.faults) == 3 and total(w) == after
    w.db.signoff.reopen(w.session.cycle_id, "测试：撤销定稿")
    w.undo()
    assert w.editor.stack.index() == 0 and total(w) == before
    w.db.signoff.finalise(w.session.cycle_id, fingerprint(w.session.data))
    errors = len(w.notifier.errors)
    w.redo()
    assert len(w.notifier.errors) == errors + 1 and "定稿" in w.notifier.last_error
    assert w.editor.stack.index() == 0 and w.editor.stack.canRedo() and total(w) == before


def test_closing_the_window_backs_up_on_the_worker_then_closes(env, qtbot):
    from panelapp.store.backup import backup_dir

    w = env.open(qtbot, demo=True)
    save(add_fault(w))
    w.close()
    assert w.isVisible() and w.runner.busy and "自动备份" in w.task_label.text()
    assert not w.centralWidget().isEnabled()
    settle(w)
    assert env.db.closed and not w.isVisible()
    assert list(backup_dir(env.db_path).glob("*-auto-*"))


def test_closing_waits_for_the_running_task(window, tmp_path):
    w = window
    assert w.sheets.export(tmp_path / "评分表.pdf")
    w.close()
    assert w.isVisible()  # the export finishes first
    settle(w)  # the export, then closing the database
    assert (tmp_path / "评分表.pdf").is_file() and w.db.closed and not w.isVisible()


def test_work_runs_off_the_gui_thread_and_results_and_errors_come_back_to_it(window, qtbot):
    import threading

    w = window
    seen = []

    def work(db):
        return threading.current_thread() is threading.main_thread(), db is w.db, db.cycles.row(w.session.cycle_id).number

    assert w.runner.run("测试…", work, lambda r: seen.append((r, threading.current_thread() is threading.main_thread())),
                        error_title="测试")
    settle(w)
    assert seen == [((False, False, 2), True)]  # on a worker, with its own handle; done on the GUI thread
    assert w.runner.run("测试…", lambda db: db.cycles.row(999_999), error_title="测试")
    settle(w)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in w.notifier.last_error)  # a user error: shown in Chinese
    with qtbot.captureExceptions() as raised:
        assert w.runner.run("测试…", lambda db: 1 / 0, error_title="测试")
        settle(w)
    assert isinstance(raised[0][1], ZeroDivisionError)  # a bug: raised on the GUI thread
    assert not w.runner.busy and w.menu_actions["pdf"].isEnabled() and not w.task_bar.isVisibleTo(w)


def test_opening_a_large_attachment_reads_it_on_the_worker(window, tmp_path, monkeypatch):
    import panelapp.ui.actions as actions_module

    opened = []
    monkeypatch.setattr(actions_module, "open_local_file", lambda path: opened.append(path) or True)
    table = table_of(window, "1.5")
    table.view.selectRow(0)
    big = _big_file(tmp_path)
    table.attach_files(0, [big])
    settle(window)
    strip = table.strip
    strip.list.setCurrentRow(strip.list.count() - 1)
    assert strip.open_current() and "正在读取附件" in window.task_label.text()
    settle(window)
    assert opened[0].name == big.name and opened[0].read_bytes() == big.read_bytes()
    assert strip.open_current() and len(opened) == 2 and not window.runner.busy  # written out once
