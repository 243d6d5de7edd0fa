"""Who is operating: the audit trail records this name with every edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from panelapp.core.evidence import PanelMember
from panelapp.store.seed import DEFAULT_PANEL

PLACEHOLDER_NAMES = {m.name for m in DEFAULT_PANEL}  # the store's seeded sample panel


class OperatorDialog(QDialog):
    """Choose the operator from the contract's panel; ``edit_panel()`` (optional) edits it and returns the new list."""

    def __init__(self, members: list[PanelMember], current: str | None = None, parent=None, edit_panel=None):
        super().__init__(parent)
        self.edit_panel = edit_panel
        self.setWindowTitle(self.tr("选择操作人"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("请选择本次操作的考核组成员，所有修改将以此姓名记入操作记录。"), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.placeholder_note = QLabel(self.tr("考核组成员还是示例名（组员甲、组员乙）：请点“编辑考核组成员…”填写本组的姓名和职务。"), self)
        self.placeholder_note.setObjectName("fieldError")
        self.placeholder_note.setWordWrap(True)
        layout.addWidget(self.placeholder_note)
        row = QHBoxLayout()
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        row.addWidget(self.combo, 1)
        self.edit_button = QPushButton(self.tr("编辑考核组成员…"), self)
        self.edit_button.setVisible(edit_panel is not None)
        self.edit_button.clicked.connect(self._edit)
        row.addWidget(self.edit_button)
        layout.addLayout(row)
        self.fill(members, current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def fill(self, members: list[PanelMember], current: str | None = None) -> None:
        self.combo.clear()
        for m in members:
            self.combo.addItem(f"{m.name}（{m.role}）", m.name)
        if current:
            i = self.combo.findData(current)
            if i >= 0:
                self.combo.setCurrentIndex(i)
        self.placeholder_note.setVisible(any(m.name in PLACEHOLDER_NAMES for m in members))

    def _edit(self) -> None:
        members = self.edit_panel()
        if members is not None:
            self.fill(members, self.combo.currentData())

    def name(self) -> str:
        data = self.combo.currentData()
        text = self.combo.currentText().strip()
        if data and text == self.combo.itemText(self.combo.currentIndex()):
            return data
        return text.split("（")[0] or "系统"
