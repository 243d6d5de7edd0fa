"""核验 PDF result: the report's own ✔ / ✘ sentences, one per line, and the verdict on top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QVBoxLayout, QWidget

GOOD, BAD, PLAIN = "#1b6e20", "#b3261e", "#333333"


def line_colour(line: str) -> str:
    if line.startswith("✔"):
        return GOOD
    if line.startswith("✘"):
        return BAD
    return PLAIN


class VerifyDialog(QDialog):
    """``result`` is a panelapp.report.verify.Verification."""

    def __init__(self, result, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("核验评分表 PDF"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        verdict = self.tr("✔ 核验通过：本文件由本程序导出，与数据库当前数据一致") if result.ok else \
            self.tr("✘ 核验未通过（原因见下方标 ✘ 的各行）")
        self.verdict = QLabel(verdict, self)
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.verdict.setFont(font)
        self.verdict.setStyleSheet(f"color: {GOOD if result.ok else BAD};")
        layout.addWidget(self.verdict)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(rule)
        self.lines: list[QLabel] = []
        for line in result.messages:
            label = QLabel(line, self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(f"color: {line_colour(line)};")
            layout.addWidget(label)
            self.lines.append(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def texts(self) -> list[str]:
        return [label.text() for label in self.lines]
