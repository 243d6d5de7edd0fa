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
    db.set_assessed_on(db.cycles(db.contracts()[0].id)[1].id, db.cycles(db.contracts()[0].id)[1].period.end)
    db.close()  # makes the automatic backup
    path.write_bytes(b"not a database" * 500)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    db = open_db(str(path))
    try:
        assert asked and "备份" in asked[0]
        assert db is not None and db.contracts()
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
        members = db.panel_members(db.contracts()[0].id)
        dlg = OperatorDialog(members, None)
        assert dlg.combo.count() == len(members) >= 2
        dlg.combo.setCurrentIndex(1)
        assert dlg.name() == members[1].name
    finally:
        db.close()
