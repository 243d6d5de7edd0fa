"""The 汇总 table: the printed form's rows (附件3) from a CycleResult."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QFont

from panelapp.core.result import CycleResult
from panelapp.ui.models.base import DEDUCT, Index, RowsModel

HEADERS = (
    QT_TRANSLATE_NOOP("SummaryModel", "一级指标"), QT_TRANSLATE_NOOP("SummaryModel", "二级指标"),
    QT_TRANSLATE_NOOP("SummaryModel", "分值"), QT_TRANSLATE_NOOP("SummaryModel", "得分"),
    QT_TRANSLATE_NOOP("SummaryModel", "扣分"), QT_TRANSLATE_NOOP("SummaryModel", "扣分说明"),
)


class SummaryModel(RowsModel):
    CONTEXT = "SummaryModel"
    HEADERS = HEADERS

    def set_result(self, result: CycleResult | None, section_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = []
        if result is not None:
            for item in result.items:
                deduction = str(item.deduction)
                if item.overridden:
                    deduction += self.tr("（计算{points}）").format(points=item.computed_deduction)
                self._rows.append(
                    (section_names.get(item.section, item.section), f"{item.id} {item.name}", str(item.max),
                     str(item.score), deduction, item.explanation, item.deduction > 0)
                )
            tier = self.tr("得分档次：扣减合同总价 {percent}%").format(percent=result.tier_percent)
            if result.provisional:
                tier = self.tr("预评（评定日早于本周期最后一天，尚未到期的事项未扣分）；") + tier
            self._rows.append((self.tr("合计"), "", str(result.base), str(result.total), str(result.points_deducted),
                               tier, None))
        self.endResetModel()

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return row[5]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row[6] and index.column() > 0:
            return QBrush(DEDUCT)
        if role == Qt.ItemDataRole.FontRole and row[6] is None:
            font = QFont()
            font.setBold(True)
            return font
        return None
