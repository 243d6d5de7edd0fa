"""The always-visible score bar: total, three subtotals, tier and money, coloured by tier."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from panelapp.core.result import CycleResult
from panelapp.ui.style import tier_colours


def money(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def headline(result: CycleResult) -> str:
    """“88 分 · 扣减 5% · ¥127,250.00” (or 不扣减 at 95 and above); “预评 ” before it when provisional."""
    if result.tier_percent:
        text = QCoreApplication.translate("ScoreBar", "{total} 分 · 扣减 {percent}% · {amount}").format(
            total=result.total, percent=result.tier_percent, amount=money(result.deduction_amount))
    else:
        text = QCoreApplication.translate("ScoreBar", "{total} 分 · 不扣减 · {amount}").format(
            total=result.total, amount=money(result.deduction_amount))
    return provisional_prefix(result) + text


def provisional_prefix(result: CycleResult) -> str:
    """“预评 ” for a cycle assessed before its last day (not yet due items are not deducted)."""
    return QCoreApplication.translate("ScoreBar", "预评 ") if result.provisional else ""


class ScoreBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scoreBar")
        self.result: CycleResult | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.setSpacing(22)
        self.cycle_label = QLabel(self)
        self.total_label = QLabel("—", self)
        self.money_label = QLabel(self)
        self.section_labels = [QLabel(self) for _ in range(3)]
        layout.addWidget(self.cycle_label)
        layout.addStretch(1)
        for label in self.section_labels:
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addWidget(self.total_label)
        layout.addWidget(self.money_label)
        self._apply_fonts()
        self.set_result(None)

    def _apply_fonts(self) -> None:
        app_font = QApplication.font()  # zoom scales the application font
        base = app_font.pointSizeF()
        big = QFont(app_font)
        big.setPointSizeF(base * 1.9)
        big.setBold(True)
        self.total_label.setFont(big)
        mid = QFont(app_font)
        mid.setPointSizeF(base * 1.25)
        mid.setBold(True)
        self.money_label.setFont(mid)
        for label in self.section_labels + [self.cycle_label]:
            label.setFont(QFont(app_font))

    def refit_fonts(self) -> None:
        self._apply_fonts()
        self._fit_width()

    def minimumSizeHint(self):
        """Narrow enough for 1366 px at 150 %: the subtotals give way (they are on the tabs too)."""
        hint = super().minimumSizeHint()
        essential = sum(w.sizeHint().width() for w in (self.cycle_label, self.total_label, self.money_label)) + 80
        return QSize(min(hint.width(), essential), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def _fit_width(self) -> None:
        """Hide the three subtotals when the bar is too narrow to show them with the total."""
        essential = sum(w.sizeHint().width() for w in (self.cycle_label, self.total_label, self.money_label)) + 80
        sections = sum(w.sizeHint().width() + 22 for w in self.section_labels)
        show = self.width() >= essential + sections
        for label in self.section_labels:
            label.setVisible(show and bool(label.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)

    def set_context(self, text: str) -> None:
        self.cycle_label.setText(text)

    def set_result(self, result: CycleResult | None, empty: bool = False) -> None:
        """``empty``: the cycle has nothing entered yet; the bar says so rather than show 100 in a tier colour."""
        self.result = result
        self.empty = empty and result is not None
        if self.empty:
            bg, fg = "#5b6574", "#ffffff"
            self.total_label.setText(self.tr("尚未录入"))
            self.money_label.setText(self.tr("本周期还没有录入材料：录入后显示得分"))
            for label in self.section_labels:
                label.setText("")
        elif result is None:
            bg, fg = "#5b6574", "#ffffff"
            self.total_label.setText(self.tr("— 分"))
            self.money_label.setText(self.tr("请选择考核周期"))
            for label in self.section_labels:
                label.setText("")
        else:
            bg, fg = tier_colours(result.total)
            self.total_label.setText(provisional_prefix(result) + self.tr("{total} 分").format(total=result.total))
            self.total_label.setToolTip(
                self.tr("预评：评定日早于本周期最后一天，尚未到期的事项未扣分；不能定稿") if result.provisional else "")
            if result.tier_percent:
                self.money_label.setText(self.tr("扣减 {percent}% · {amount}").format(
                    percent=result.tier_percent, amount=money(result.deduction_amount)))
            else:
                self.money_label.setText(self.tr("不扣减"))
            for label, section in zip(self.section_labels, result.sections, strict=False):
                label.setText(f"{section.name} <b>{section.score}</b>/{section.points}")
        self.setStyleSheet(f"QFrame#scoreBar {{ background: {bg}; }} QFrame#scoreBar QLabel {{ color: {fg}; }}")
        self.setToolTip(headline(result) if result and not self.empty else "")
        self._fit_width()

    def text(self) -> str:
        return headline(self.result) if self.result else ""
