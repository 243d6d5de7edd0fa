"""Contracts and their cycles (period, status, score); choosing a cycle opens it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from panelapp.ui.style import tier_colours

STATUS = {"open": QT_TRANSLATE_NOOP("Navigator", "进行中"), "final": QT_TRANSLATE_NOOP("Navigator", "已定稿")}  # translated where shown


class Navigator(QTreeWidget):
    cycleChosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setHeaderLabels([self.tr("合同 / 考核周期"), self.tr("状态"), self.tr("得分")])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._cycle_items: dict[int, QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current)

    def load(self, contracts: list[tuple[object, list]]) -> None:
        """``contracts``: (ContractRow, [CycleRow]) pairs."""
        self.blockSignals(True)
        self.clear()
        self._cycle_items = {}
        for crow, cycles in contracts:
            c = crow.contract
            top = QTreeWidgetItem(self, [c.number, "", ""])
            top.setToolTip(0, f"{c.project}\n{c.vendor}")
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for row in cycles:
                p = row.period
                status = self.tr(STATUS[row.status]) if row.status in STATUS else row.status
                item = QTreeWidgetItem(top, [self.tr("第{n}周期\n{start}–{end}").format(
                    n=row.number, start=f"{p.start:%Y.%m.%d}", end=f"{p.end:%m.%d}"), status, "…"])
                item.setData(0, Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(0, self.tr("第{n}考核周期：{start} 至 {end}").format(n=row.number, start=p.start, end=p.end))
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
                self._cycle_items[row.id] = item
            top.setExpanded(True)
        self.blockSignals(False)

    def set_score(self, cycle_id: int, total: int | None, status: str | None = None, empty: bool = False) -> None:
        """``empty``: nothing entered yet — says so instead of a tier-coloured score that looks like a result."""
        item = self._cycle_items.get(cycle_id)
        if item is None:
            return
        item.setText(2, self.tr("未录入") if empty else "—" if total is None else str(total))
        item.setToolTip(2, self.tr("尚未录入任何材料") if empty else "")
        if empty:
            item.setForeground(2, QBrush(QColor("#7a828e")))
        elif total is not None:
            bg, _fg = tier_colours(total)
            item.setForeground(2, QBrush(QColor(bg).darker(115)))
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
        if status is not None:
            item.setText(1, STATUS.get(status, status))

    def select_cycle(self, cycle_id: int) -> None:
        item = self._cycle_items.get(cycle_id)
        if item is not None:
            self.setCurrentItem(item)

    def cycle_ids(self) -> list[int]:
        return list(self._cycle_items)

    def _on_current(self, current, _previous) -> None:
        if current is None:
            return
        cycle_id = current.data(0, Qt.ItemDataRole.UserRole)
        if cycle_id is not None:
            self.cycleChosen.emit(int(cycle_id))
