"""Who is operating: the audit trail records this name with every edit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from panelapp.core.evidence import PanelMember


class OperatorDialog(QDialog):
    def __init__(self, members: list[PanelMember], current: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择操作人"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("请选择本次操作的考核组成员，所有修改将以此姓名记入操作记录。"), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        for m in members:
            self.combo.addItem(f"{m.name}（{m.role}）", m.name)
        if current:
            i = self.combo.findData(current)
            if i >= 0:
                self.combo.setCurrentIndex(i)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def name(self) -> str:
        data = self.combo.currentData()
        text = self.combo.currentText().strip()
        if data and text == self.combo.itemText(self.combo.currentIndex()):
            return data
        return text.split("（")[0] or "系统"
