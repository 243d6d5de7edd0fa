"""``panelapp --self-test [--screenshot PNG]``: the real window on a temporary database.

Loads the demo cycle, adds a fault through the fault form's widgets, checks the
score bar against the engine on what the store re-reads, undoes and redoes,
exports the score sheet if the PDF exporter exists, saves a screenshot and a
result file next to it (a windowed exe has no console). Exit 0 or 1.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from panelapp.ui.bootstrap import ensure_platform, make_application
from panelapp.ui.notify import Notifier

translate = QCoreApplication.translate  # lupdate extracts translate("SelfTest", "…")


def type_into(edit, text: str) -> None:
    """Select all, type ``text`` key by key (Chinese as an input method commits it), then Tab away."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    QTest.keyClick(edit, Qt.Key.Key_Tab)


def typed(value: datetime) -> str:
    """How people type a time: month-day without the year, hour without a leading zero."""
    return f"{value.month}-{value.day} {value.hour}:{value.minute:02d}"


def set_fault_fields(dlg, *, fault_id: str, start: datetime, minutes: int, effect="interruption",
                     serious=True, vendor=True, responded_after=5, report_on=None) -> None:
    """Type a fault into the form's widgets as a user would."""
    from datetime import timedelta

    f = dlg.fields
    type_into(f["id"].edit, fault_id)
    type_into(f["business"].edit, "统一受理平台")
    type_into(f["description"].edit, "自检：数据库连接池耗尽")
    f["effect"].combo.setCurrentIndex(f["effect"].combo.findData(effect))
    type_into(f["started_at"].edit, typed(start))
    type_into(f["restored_at"].edit, typed(start + timedelta(minutes=minutes)))
    f["serious_impact"].box.setChecked(serious)
    f["vendor_caused"].box.setChecked(vendor)
    type_into(f["reported_at"].edit, typed(start))
    f["responded_at"].none_box.setChecked(False)
    type_into(f["responded_at"].edit, typed(start + timedelta(minutes=responded_after)))
    f["onsite_at"].none_box.setChecked(True)
    f["restore_deadline_at"].none_box.setChecked(True)
    day = report_on or (start + timedelta(minutes=minutes)).date()
    f["report_submitted_on"].none_box.setChecked(False)
    type_into(f["report_submitted_on"].edit, f"{day.month}-{day.day}")


class RecordingNotifier(Notifier):
    """Says nothing and waits for no one: records messages, answers from queues, opens dialogs
    without blocking (the self-test, and the tests, drive them through their widgets)."""

    def __init__(self):
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.answers: list[bool] = []  # for ask(); yes when empty
        self.texts: list[str | None] = []  # for text(); cancel when empty
        self.dialogs: list = []

    @property
    def last_error(self) -> str | None:
        return self.errors[-1] if self.errors else None

    @property
    def last_info(self) -> str | None:
        return self.infos[-1] if self.infos else None

    @property
    def last_dialog(self):
        return self.dialogs[-1] if self.dialogs else None

    def error(self, parent, title: str, text: str) -> None:
        self.errors.append(text)

    def info(self, parent, title: str, text: str) -> None:
        self.infos.append(text)

    def ask(self, parent, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answers.pop(0) if self.answers else True

    def text(self, parent, title: str, label: str) -> str | None:
        self.questions.append(label)
        return self.texts.pop(0) if self.texts else None

    def run(self, dialog):
        self.dialogs.append(dialog)
        dialog.open()
        return dialog


class Check:
    def __init__(self):
        self.failures: list[str] = []
        self.notes: list[str] = []

    def __call__(self, ok: bool, what: str) -> bool:
        (self.notes if ok else self.failures).append(what)
        return ok


def _engine_total(db, cycle_id: int) -> int:
    from panelapp.core.engine import score_cycle

    return score_cycle(db.cycles.data(cycle_id)[0]).total


def run_checks(window, check: Check, out_dir: Path) -> None:
    app = QApplication.instance()
    notes = window.notifier
    loaded = window.files.load_demo() and window.runner.settle() and not notes.errors
    check(loaded, translate("SelfTest", "载入演示数据（{detail}）").format(detail=notes.last_error or "OK"))
    cycle_id = window.session.cycle_id
    app.processEvents()
    before = window.score_bar.result.total
    check(before == _engine_total(window.db, cycle_id), translate("SelfTest", "演示周期得分 {total} 与引擎一致").format(total=before))
    window.show_item("2.1")
    tab = window.section_tabs[1]
    table = tab.panels["2.1"].tables[0]
    dlg = table.do_add()
    period = window.session.data.contract.cycle(window.session.data.cycle)
    start = datetime.combine(period.start + timedelta(days=30), time(9, 0))
    set_fault_fields(dlg, fault_id="F-99", start=start, minutes=95)
    app.processEvents()
    check("二级较大故障" in dlg.live.text(), translate("SelfTest", "故障表单实时显示二级：{text}").format(text=dlg.live.text()[:40]))
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    app.processEvents()
    after = window.score_bar.result.total
    check(after == before - 15, translate("SelfTest", "新增二级故障后得分 {before} → {after}（应减15）").format(before=before, after=after))
    check(after == _engine_total(window.db, cycle_id), translate("SelfTest", "得分条与引擎（重新读库）一致"))
    window.editor.undo()
    check(window.score_bar.result.total == before == _engine_total(window.db, cycle_id), translate("SelfTest", "撤销后恢复"))
    window.editor.redo()
    check(window.score_bar.result.total == after == _engine_total(window.db, cycle_id), translate("SelfTest", "重做后再次扣分"))
    written: list[Path] = []
    window.sheets.export(out_dir / "selftest-score-sheet.pdf", done=written.append)
    window.runner.settle()
    pdf = written[0] if written else None
    check(pdf is not None and pdf.is_file() and pdf.stat().st_size > 1000,
          translate("SelfTest", "导出评分表 PDF（{detail}）").format(detail=notes.last_error or pdf))
    if pdf is not None:  # 核验 on the open database (pyHanko and pypdf are loaded: a packaging check too)
        shown = len(notes.dialogs)
        window.sheets.verify(pdf)
        window.runner.settle()
        dlg = notes.dialogs[-1] if len(notes.dialogs) > shown else None
        check(dlg is not None and dlg.result.ok, translate("SelfTest", "核验刚导出的评分表（{detail}）").format(
            detail=notes.last_error or (dlg.texts()[-1] if dlg else "")))
        if dlg is not None:
            dlg.close()


def _click_on_next_box(button_text: str, seen: list[str]) -> None:
    """Answer the next modal message box by clicking ``button_text`` with the mouse."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog, QMessageBox

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, (QMessageBox, QDialog)) or box.objectName() not in ("unsavedPrompt", "crashDialog"):
            QTimer.singleShot(20, click)
            return
        seen.append(box.objectName())
        if box.objectName() == "crashDialog":
            QTest.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
        button = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    from PySide6.QtWidgets import QPushButton

    QTimer.singleShot(0, click)


def _when_modal(test, fn) -> None:
    """Run ``fn(widget)`` once a modal widget satisfying ``test`` is up (inside its event loop)."""
    from PySide6.QtCore import QTimer

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not test(widget):
            QTimer.singleShot(20, poll)
            return
        fn(widget)

    QTimer.singleShot(0, poll)


def _press(window, key, modifier=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(QApplication.focusWidget() or window, key, modifier or Qt.KeyboardModifier.NoModifier)


def room_checks(window, check: Check, log_file: Path) -> None:
    """The meeting room's traps, driven with keys and the mouse (QTest), not by calling handlers."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    app = QApplication.instance()
    ctrl = Qt.KeyboardModifier.ControlModifier
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    window.show_item("1.3")
    window.section_tabs[0].panels["1.3"].tables[0].view.setFocus()
    period = window.session.data.contract.cycle(window.session.data.cycle)
    target = period.start + timedelta(days=16)
    typed_text = f"{target.month}-{target.day}"
    before = len(window.session.records("defect_reports"))
    seen: list[str] = []
    result: dict[str, object] = {}

    def in_form(dlg) -> None:
        type_into(dlg.fields["date"].edit, typed_text)  # no year: it comes from the cycle
        result["typed"] = dlg.fields["date"].value() == target and not dlg.fields["date"].check()
        _click_on_next_box(translate("Unsaved", "取消"), seen)  # 未保存: Escape asks; 取消 keeps the form and what was typed
        QTest.keyClick(dlg, Qt.Key.Key_Escape)
        result["kept"] = dlg.isVisible() and dlg.fields["date"].value() == target
        _click_on_next_box(translate("Unsaved", "放弃"), seen)
        QTest.keyClick(dlg, Qt.Key.Key_Escape)

    _when_modal(lambda w: hasattr(w, "fields"), in_form)
    _press(window, Qt.Key.Key_N, ctrl)  # Ctrl+N opens the form (modal until it closes)
    app.processEvents()
    check(bool(result.get("typed")), translate("SelfTest", "键盘输入日期：“{typed}”读作 {day}").format(
        typed=typed_text, day=target.isoformat()))
    check(seen == ["unsavedPrompt", "unsavedPrompt"] and bool(result.get("kept"))
          and len(window.session.records("defect_reports")) == before,
          translate("SelfTest", "未保存：Esc 关闭填了一半的表单先询问（保存/放弃/取消）；取消后内容仍在，放弃后未写入"))

    # 150%: Ctrl+= three times; the fault form opened with Ctrl+N fits 1366×768 with 保存 visible
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    for _ in range(3):
        _press(window, Qt.Key.Key_Equal, ctrl)
    app.processEvents()
    window.show_item("2.1")
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 1000)
    window.section_tabs[1].panels["2.1"].tables[0].view.setFocus()
    size: dict[str, object] = {}

    def in_fault_form(form) -> None:
        app.processEvents()
        frame = form.frameGeometry()
        save = form.buttons.button(form.buttons.StandardButton.Ok)
        corner = save.mapTo(form, save.rect().bottomRight())
        size["wh"] = (frame.width(), frame.height())
        size["fits"] = (frame.width() <= 1366 and frame.height() <= 768 and form.rect().contains(corner)
                        and save.isVisible())
        form.reject()  # untouched: closes without asking

    _when_modal(lambda w: hasattr(w, "live"), in_fault_form)
    _press(window, Qt.Key.Key_N, ctrl)
    app.processEvents()
    w, h = size.get("wh", (0, 0))
    win = window.minimumSizeHint()
    check(bool(size.get("fits")) and abs(window.zoom_factor - 1.5) < 0.01 and win.width() <= 1366 and win.height() <= 768,
          translate("SelfTest", "150%：故障表单 {w}×{h}、主窗口最小 {mw}×{mh} 都在 1366×768 内，保存按钮可见").format(
              w=w, h=h, mw=win.width(), mh=win.height()))
    _press(window, Qt.Key.Key_0, ctrl)

    # 日志: an exception escaping a slot (a button clicked with the mouse) reaches the dialog and the log
    from panelapp.ui import crash

    crash.install()
    button = QPushButton("selftest", window)

    def boom() -> None:
        raise RuntimeError("自检：模拟的意外错误")

    button.clicked.connect(boom)
    button.show()
    seen.clear()
    _click_on_next_box(translate("CrashDialog", "关闭"), seen)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    app.processEvents()
    crash.uninstall()
    button.deleteLater()
    logged = log_file.is_file() and "自检：模拟的意外错误" in log_file.read_text(encoding="utf-8")
    copied = "RuntimeError" in (QApplication.clipboard().text() or "")
    check(seen == ["crashDialog"] and logged and copied,
          translate("SelfTest", "日志：意外错误弹出中文对话框（可复制详情）并写入日志 {path}").format(path=log_file))


def self_test(screenshot: str | None = None) -> int:
    ensure_platform()
    make_application()
    check = Check()
    result_path = Path(screenshot + ".txt") if screenshot else None
    window = db = None
    with tempfile.TemporaryDirectory(prefix="panelapp-selftest-") as tmp:
        tmp_dir = Path(tmp)
        try:
            from panelapp.store import open_database
            from panelapp.ui.main_window import MainWindow

            db = open_database(tmp_dir / "selftest.sqlite")
            settings = QSettings(str(tmp_dir / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(db, settings, RecordingNotifier())
            members = window.people.members()
            window.set_operator(members[0].name if members else "自检")
            window.start()
            window.resize(1366, 768)
            window.show()
            QApplication.processEvents()
            run_checks(window, check, tmp_dir if not screenshot else Path(screenshot).resolve().parent)
            from panelapp.logsetup import close_logging, setup_logging

            log_file = setup_logging(tmp_dir / "log")
            try:
                room_checks(window, check, log_file)
            finally:
                close_logging()
            window.show_item("2.1")
            QApplication.processEvents()
            if screenshot:
                Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
                check(window.grab().save(str(screenshot)), translate("SelfTest", "截图 {path}").format(path=screenshot))
        except Exception:
            check.failures.append(translate("SelfTest", "异常：") + traceback.format_exc())
        finally:
            if window is not None:
                window.close()  # closes the database on a worker
                window.runner.settle()
            if db is not None:
                db.close()
    for note in check.notes:
        print("OK  ", note)
    for failure in check.failures:
        print("FAIL", failure, file=sys.stderr)
    status = "OK" if not check.failures else "FAIL: " + "；".join(check.failures)
    if result_path is not None:
        result_path.parent.mkdir(parents=True, exist_ok=True)
        result_path.write_text(status + "\n" + "\n".join(check.notes) + "\n", encoding="utf-8")
    print(status.splitlines()[0])
    return 0 if not check.failures else 1
