"""Start-up pieces: fonts, corrupt database recovery, operator choice."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox

from panelapp.store import open_database
from panelapp.ui.app import open_db
from panelapp.ui.forms.operator import OperatorDialog


def test_bundled_cjk_font_is_the_application_font(app):
    assert "Noto Sans SC" in QFontDatabase.families()
    assert QFontInfo(QApplication.font()).family() == "Noto Sans SC"
    assert QApplication.font().pointSizeF() >= 10


def test_corrupt_database_offers_the_newest_good_backup(app, tmp_path, monkeypatch):
    path = tmp_path / "panel.sqlite"
    db = open_database(path)
    db.header.set_assessed_on(db.cycles.of_contract(db.cycles.contracts()[0].id)[1].id, db.cycles.of_contract(db.cycles.contracts()[0].id)[1].period.end)
    db.close()  # makes the automatic backup
    path.write_bytes(b"not a database" * 500)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    db = open_db(str(path))
    try:
        assert asked and "备份" in asked[0]
        # what the backup holds and what it replaces are shown before anything is written
        assert "合同 HAJCR2401215EGN00" in asked[0] and "将被替换的当前文件" in asked[0]
        assert db is not None and db.cycles.contracts()
    finally:
        db.close()


def test_corrupt_database_declined_opens_nothing(app, tmp_path, monkeypatch):
    path = tmp_path / "panel.sqlite"
    open_database(path).close()
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert open_db(str(path)) is None
    assert path.read_bytes() == b"x" * 5000  # untouched


def test_operator_dialog_lists_panel_members(app, tmp_path):
    db = open_database(tmp_path / "p.sqlite")
    try:
        members = db.standing.panel_members(db.cycles.contracts()[0].id)
        dlg = OperatorDialog(members, None)
        assert dlg.combo.count() == len(members) >= 2
        dlg.combo.setCurrentIndex(1)
        assert dlg.name() == members[1].name
    finally:
        db.close()


def test_a_record_changed_outside_the_app_is_reported_by_name_in_the_window(env, qtbot):
    """A stored value that no longer reads (edited with another tool) stops the cycle from
    opening with a message naming the record and field; the window stays usable."""
    import sqlite3

    window = env.open(qtbot, demo=True)
    cycle2 = window.session.cycle_id
    rid = window.session.ids["weekly_reports"][0]
    env.close()
    with sqlite3.connect(env.db_path) as conn:
        conn.execute("UPDATE weekly_reports SET date = '上周四' WHERE id = ?", (rid,))
    env.settings.setValue("cycle_id", cycle2)
    window = env.open(qtbot, demo=False)
    assert window.session.cycle_id != cycle2, "the damaged cycle was not opened"
    assert f"编号 {rid}" in window.notifier.last_error and "date" in window.notifier.last_error
    assert "日常巡检报告" in window.notifier.last_error and "恢复备份" in window.notifier.last_error
    window.open_cycle(env.db.cycles.find(1).id)  # another cycle still opens
    assert window.session.row.number == 1


def test_the_window_starts_without_the_report_libraries(tmp_path):
    """ReportLab, openpyxl and pyHanko (≈ 0.3 s of imports) load when a document is made, not at start."""
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from panelapp.ui.bootstrap import make_application\n"
        "app = make_application()\n"
        "from panelapp.store import open_database\n"
        "from panelapp.ui.file_ops import load_demo\n"
        "from panelapp.ui.main_window import MainWindow\n"
        f"db = open_database({str(tmp_path / 'a.db')!r})\n"
        "cycle = load_demo(db)\n"
        f"w = MainWindow(db, QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "w.start(cycle); w.show(); app.processEvents()\n"
        "assert w.session.result.total == 87, w.session.result.total\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl', 'pyhanko', 'pypdf'})\n"
        "w.close(); w.runner.settle(); db.close()\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_qt_calls_keep_none_alive(app):
    """Every call into Qt must leave None's reference count as it was: PySide6 6.12.0 on
    Python 3.11 drops one per void call, and a long session then aborts ("none_dealloc")."""
    import gc
    import sys

    from PySide6.QtCore import QObject

    obj = QObject()
    gc.collect()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        obj.setObjectName("x")
        obj.blockSignals(False)
        app.processEvents()
    gc.collect()
    assert (sys.getrefcount(None), sys.getrefcount(True)) == before


def test_a_backup_that_fails_its_checks_is_not_offered_as_sound(app, tmp_path, monkeypatch):
    import sqlite3

    from panelapp.store.backup import newest_good_backup

    path = tmp_path / "panel.sqlite"
    db = open_database(path)
    db.header.set_assessed_on(db.cycles.of_contract(db.cycles.contracts()[0].id)[1].id, db.cycles.of_contract(db.cycles.contracts()[0].id)[1].period.end)
    db.close()
    backup = newest_good_backup(path)
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE cycles SET version = 7")  # edited outside the app
    conn.commit()
    conn.close()
    path.write_bytes(b"not a database" * 500)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert open_db(str(path)) is None
    assert shown and "拒绝恢复" in shown[0] and "表 cycles" in shown[0]
    assert path.read_bytes() == b"not a database" * 500
