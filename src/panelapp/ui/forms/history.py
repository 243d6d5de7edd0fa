"""Per item: the store's audit trail — who, when, old → new."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from panelapp.core.evidence import EVIDENCE_LABELS
from panelapp.ui.models.history import HistoryModel


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作记录：{subject}").format(subject=title))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("共 {n} 条记录，最新的在最上面。").format(n=len(entries)), self)
        note.setObjectName("muted")
        layout.addWidget(note)
        labels = {**EVIDENCE_LABELS, "item_overrides": self.tr("扣分调整"), "settings": self.tr("评分设置"),
                  "cycles": self.tr("考核周期")}
        self.model = HistoryModel(entries, labels, self)
        view = QTableView(self)
        view.setModel(self.model)
        view.setWordWrap(True)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        header = view.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
