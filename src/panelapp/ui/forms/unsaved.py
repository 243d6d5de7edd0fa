"""Closing a half-filled form asks first: 保存 / 放弃 / 取消."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget

translate = QCoreApplication.translate  # lupdate extracts translate("Unsaved", "…")


def snapshot(root: QWidget) -> tuple:
    """What the user can change in ``root``: line-edit texts, check boxes, combo choices."""
    state: list = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QComboBox):
            state.append(widget.text())
        elif isinstance(widget, QCheckBox):
            state.append(widget.isChecked())
        elif isinstance(widget, QComboBox):
            state.append(widget.currentIndex())
    return tuple(state)


def ask_unsaved(parent: QWidget, what: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Unsaved", "未保存的输入"),
                      translate("Unsaved", "“{what}”中已填写的内容尚未保存。\n保存、放弃，还是回到表单继续填写？").format(what=what),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("unsavedPrompt")
    save = box.addButton(translate("Unsaved", "保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Unsaved", "放弃"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(translate("Unsaved", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"
