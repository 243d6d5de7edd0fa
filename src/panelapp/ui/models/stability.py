"""Table models of 系统运行稳定性 (2.1, 2.2) and the fault-response view of 3.1."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from panelapp.core.result import CycleResult
from panelapp.core.text import LEVEL_NAMES
from panelapp.ui.models.base import EvidenceModel, Index, columns, translate


class FaultModel(EvidenceModel):
    """Faults with the engine's level (computed and, if overridden, the panel's)."""

    KIND = "faults"

    def __init__(self, parent=None, item_ids=("2.1",)):
        super().__init__(parent, item_ids)
        self._assess: dict[int, object] = {}
        self.COLUMNS = (
            *columns("faults", "id", "business", "effect", "started_at", "restored_at"),
            (QT_TRANSLATE_NOOP("EvidenceModel", "时长"), lambda r: r.duration_text),
            *columns("faults", "serious_impact", "vendor_caused"),
            (QT_TRANSLATE_NOOP("EvidenceModel", "等级"), self._level),
            *columns("faults", "files"),
        )

    def _level_at(self, row: int) -> str:
        fa = self._assess.get(row)
        if fa is None:
            return "—"
        if fa.level != fa.computed_level:
            return translate("EvidenceModel", "{level}（计算：{computed}）").format(
                level=LEVEL_NAMES[fa.level], computed=LEVEL_NAMES[fa.computed_level]
            )
        return LEVEL_NAMES[fa.level]

    def _level(self, r) -> str:  # replaced per row in data()
        return ""

    def _lines_from(self, result: CycleResult | None):
        self._assess = {fa.index: fa for fa in result.faults} if result is not None else {}
        return super()._lines_from(result)

    def set_result(self, result: CycleResult | None) -> None:
        self._assess = {fa.index: fa for fa in result.faults} if result is not None else {}
        super().set_result(result)
        if self._rows:
            col = 8
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 8 and role == Qt.ItemDataRole.DisplayRole:
            return self._level_at(index.row())
        return super().data(index, role)


class FaultResponseModel(FaultModel):
    """3.1: the same faults seen for response, restoration and report timeliness."""

    def __init__(self, parent=None, item_ids=("3.1",)):
        super().__init__(parent, item_ids)
        self.COLUMNS = (
            *columns("faults", "id", "reported_at", "responded_at", "onsite_at", "restored_at",
                     "report_submitted_on"),
            (QT_TRANSLATE_NOOP("EvidenceModel", "判定"), self._level),
        )

    def _verdict(self, row: int) -> str:
        fa = self._assess.get(row)
        if fa is None:
            return "—"
        parts = []
        if fa.late_response:
            parts.append(translate("EvidenceModel", "响应/到场超时"))
        if fa.late_restoration:
            parts.append(translate("EvidenceModel", "恢复超时"))
        if fa.report_missing and fa.overdue_days:
            parts.append(
                translate("EvidenceModel", "报告未提交（逾期{days}天）").format(days=fa.overdue_days)
            )
        elif fa.report_missing:
            parts.append(translate("EvidenceModel", "报告未提交"))
        elif fa.overdue_days:
            parts.append(translate("EvidenceModel", "报告逾期{days}天").format(days=fa.overdue_days))
        return "；".join(parts) or translate("EvidenceModel", "及时")

    def set_result(self, result: CycleResult | None) -> None:
        self._assess = {fa.index: fa for fa in result.faults} if result is not None else {}
        EvidenceModel.set_result(self, result)
        if self._rows:
            col = len(self.COLUMNS) - 1
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if (
            index.isValid()
            and index.column() == len(self.COLUMNS) - 1
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self._verdict(index.row())
        return EvidenceModel.data(self, index, role)


class SecurityEventModel(EvidenceModel):
    KIND = "security_events"
    COLUMNS = columns(KIND)
