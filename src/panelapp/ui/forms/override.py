"""The panel's own deduction for an item: only with a written reason; computed value stays visible."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from panelapp.core.evidence import ItemOverride
from panelapp.core.result import ItemResult


class OverrideDialog(QDialog):
    """After ``exec``: ``choice`` is an ItemOverride, or None to remove the override."""

    def __init__(self, item: ItemResult, parent=None):
        super().__init__(parent)
        self.item = item
        self.choice: ItemOverride | None = None
        self.setWindowTitle(self.tr("调整扣分：{id} {name}").format(id=item.id, name=item.name))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        info = QLabel(self.tr("按证据计算应扣 <b>{computed}</b> 分（满分 {max} 分）。"
                              "调整后两个数值都会显示并打印在评分表上。").format(
                                  computed=item.computed_deduction, max=item.max), self)
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.points = QSpinBox(self)
        low_score = item.floor if item.floor is not None else -100
        self.points.setRange(0, item.max - low_score)
        self.points.setSuffix(self.tr(" 分"))
        self.points.setValue(item.deduction)
        form.addRow(self.tr("调整为扣"), self.points)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("写明调整理由（必填），例如：经核实该周报告已纸质提交"))
        self.reason.setFixedHeight(90)
        if item.override_reason:
            self.reason.setPlainText(item.override_reason)
        form.addRow(self.tr("理由"), self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.hide()
        form.addRow("", self.error)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("保存调整"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.remove = buttons.addButton(self.tr("取消调整，按计算"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove.setEnabled(item.overridden)
        cancel = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.save)
        self.remove.clicked.connect(self.clear)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("调整扣分必须写明理由，未保存。"))
            self.error.show()
            self.reason.setFocus()
            return
        self.choice = ItemOverride(self.points.value(), reason)
        self.accept()

    def clear(self) -> None:
        self.choice = None
        self.accept()
