"""One scorecard item: name, points, 指标说明, its evidence, the deduction and the 扣分说明."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from panelapp.core.result import ItemResult
from panelapp.ui.widgets.scaled import ScaledFonts


class ItemPanel(ScaledFonts, QWidget):
    overrideRequested = Signal(str)
    historyRequested = Signal(str)

    def __init__(self, item_id: str, name: str, points: int, parent=None):
        super().__init__(parent)
        self.item_id = item_id
        self.tables = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("{id}　{name}　<span style='font-weight:normal'>（{points} 分）</span>").format(
            id=item_id, name=name, points=points), self)
        self.title.setObjectName("itemTitle")
        self.scale(self.title, 1.3, bold=True)
        head.addWidget(self.title)
        head.addStretch(1)
        self.score = QLabel(self)
        self.scale(self.score, 1.3, bold=True)
        head.addWidget(self.score)
        self.override_button = QPushButton(self.tr("调整扣分…"), self)
        self.override_button.clicked.connect(lambda: self.overrideRequested.emit(self.item_id))
        self.history_button = QPushButton(self.tr("操作记录…"), self)
        self.history_button.clicked.connect(lambda: self.historyRequested.emit(self.item_id))
        head.addWidget(self.override_button)
        head.addWidget(self.history_button)
        layout.addLayout(head)
        desc_row = QHBoxLayout()
        self.description = QLabel(self)
        self.description.setObjectName("muted")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        desc_row.addWidget(self.description, 1)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("展开"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(self.tr("展开 / 收起指标说明全文"))
        self.toggle.toggled.connect(self._fold)
        desc_row.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(desc_row)
        # the full text shows whenever it leaves the evidence room (nobody hunts for 展开); on a small
        # or zoomed screen it starts folded to two lines; once 展开/收起 is clicked, that choice holds
        self._chosen = False
        self.toggle.clicked.connect(self._choose)
        self.toggle.setChecked(True)
        self._fold(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("explanation")
        layout.addWidget(self.explanation)
        self.override_note = QLabel(self)
        self.override_note.setWordWrap(True)
        self.override_note.hide()
        layout.addWidget(self.override_note)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5d9e0;")
        layout.addWidget(line)
        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        layout.addLayout(self.body, 1)

    def changeEvent(self, event) -> None:
        self.font_changed(event)
        super().changeEvent(event)

    def _fold(self, expanded: bool) -> None:
        """指标说明 in full, or two lines when folded (the full text is also its tooltip)."""
        self.toggle.setText(self.tr("收起") if expanded else self.tr("展开"))
        lines = 2
        height = self.description.fontMetrics().lineSpacing() * lines + 4
        self.description.setMaximumHeight(16777215 if expanded else height)

    def on_font_change(self) -> None:
        self._fold(self.toggle.isChecked())
        self._auto_fold()

    def _choose(self) -> None:
        self._chosen = True

    def _auto_fold(self) -> None:
        """Unless the user chose: the full 指标说明 when it takes at most a third of the panel's height."""
        width = self.description.width()
        if self._chosen or width <= 0 or self.height() <= 0:
            return
        full = self.description.heightForWidth(width)
        self.toggle.setChecked(full <= self.height() / 3)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._auto_fold()

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.body.addWidget(widget, stretch)

    def set_description(self, text: str) -> None:
        # 附件2 (the method the engine applies, with the settings filled in); the sheet prints 附件3
        self.description.setText(self.tr("考核办法（附件2）：{text}").format(text=text))
        self.description.setToolTip(text)

    def set_result(self, item: ItemResult) -> None:
        colour = "#b3261e" if item.deduction > 0 else "#2e7d32"
        cost = self.tr("　扣 {points} 分").format(points=item.deduction) if item.deduction else self.tr("　不扣分")
        score = f"<span style='color:{colour}'>{item.score}</span>"
        self.score.setText(self.tr("{score} / {max} 分").format(score=score, max=item.max)
                           + f"<span style='font-weight:normal; font-size:small'>{cost}</span>")
        if item.pending:
            self.score.setText(self.tr("{score} / {max} 分（待半年度末判定）").format(score=item.score, max=item.max))
        name = "explanationDeduct" if item.deduction > 0 else "explanation"
        if self.explanation.objectName() != name:
            self.explanation.setObjectName(name)
            self.explanation.style().unpolish(self.explanation)
            self.explanation.style().polish(self.explanation)
        self.explanation.setText(self.tr("扣分说明：{text}").format(text=item.explanation))
        if item.overridden:
            self.override_note.setText(
                "<span style='color:#8a5a00'>"
                + self.tr("考核组已调整：按证据计算扣 <b>{computed}</b> 分，调整为扣 <b>{points}</b> 分。理由：{reason}").format(
                    computed=item.computed_deduction, points=item.deduction, reason=item.override_reason)
                + "</span>"
            )
            self.override_note.show()
        else:
            self.override_note.hide()
