"""The panel (考核组成员) of the open cycle: names and roles, printed for signatures."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from panelapp.core.evidence import PanelMember
from panelapp.ui.errors import message_text, user_errors


class PanelDialog(QDialog):
    def __init__(self, members: list[PanelMember], save, parent=None):
        """``save(members)`` writes them (StoreError is shown in the dialog, which stays open)."""
        super().__init__(parent)
        self.save_fn = save
        self.setWindowTitle(self.tr("考核组成员"))
        self.resize(520, 380)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("本周期考核组成员（姓名不得为空或重复）；评分表按此顺序留签名栏。"), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("职务/角色")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for m in members:
            self.add_row(m.name, m.role)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("添加成员"), self)
        add.clicked.connect(lambda: self.add_row("", QCoreApplication.translate("PanelDialog", "成员")))
        remove = QPushButton(self.tr("删除所选"), self)
        remove.clicked.connect(self.remove_selected)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def add_row(self, name: str, role: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        self.table.setItem(r, 1, QTableWidgetItem(role))

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def members(self) -> list[PanelMember]:
        out = []
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            role = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            out.append(PanelMember(name, role))
        return out

    def accept(self) -> None:
        try:
            self.save_fn(self.members())
        except user_errors() as exc:
            self.error.setText(message_text(exc) + self.tr("；未保存。"))
            self.error.show()
            return
        super().accept()
