"""帮助 → 关于 lists every bundled component and shows its licence text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from panelapp.ui.about import AboutDialog, components


def test_about_lists_every_component_with_its_licence(app, qtbot, tmp_path):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    entries = components()
    assert dialog.list.count() == len(entries) >= 40
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    qt_row = next(i for i, label in enumerate(labels) if label.startswith("PySide6"))
    dialog.list.setCurrentRow(qt_row)
    assert "LGPL-3.0" in labels[qt_row]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    font_row = next(i for i, label in enumerate(labels) if "Noto" in label)
    dialog.list.setCurrentRow(font_row)
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.text.toPlainText()
    dialog.show()
    dialog.grab().save(str(tmp_path / "about.png"))
    assert (tmp_path / "about.png").stat().st_size > 1000


def test_help_menu_opens_the_about_dialog(window, qtbot):
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window.menu_actions["about"].trigger()
    assert isinstance(seen[0], AboutDialog)
    seen[0].deleteLater()
