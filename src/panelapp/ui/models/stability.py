"""Table models of 系统运行稳定性 (2.1, 2.2) and the fault-response view of 3.1."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from panelapp.core.result import CycleResult
from panelapp.core.text import EFFECT_NAMES, LEVEL_NAMES, SECURITY_KIND_NAMES, duration_text
from panelapp.ui.models.base import EvidenceModel, Index, d, dt, files_text, translate, yes


class FaultModel(EvidenceModel):
    """Faults with the engine's level (computed and, if overridden, the panel's)."""

    KIND = "faults"

    def __init__(self, parent=None, item_ids=("2.1",)):
        super().__init__(parent, item_ids)
        self._assess: dict[int, object] = {}
        self.COLUMNS = (
            (QT_TRANSLATE_NOOP("EvidenceModel", "编号"), lambda r: r.id),
            (QT_TRANSLATE_NOOP("EvidenceModel", "业务"), lambda r: r.business),
            (QT_TRANSLATE_NOOP("EvidenceModel", "影响"), lambda r: EFFECT_NAMES[r.effect]),
            (QT_TRANSLATE_NOOP("EvidenceModel", "开始"), lambda r: dt(r.started_at)),
            (QT_TRANSLATE_NOOP("EvidenceModel", "恢复"), lambda r: dt(r.restored_at)),
            (
                QT_TRANSLATE_NOOP("EvidenceModel", "时长"),
                lambda r: duration_text((r.restored_at - r.started_at).total_seconds()),
            ),
            (QT_TRANSLATE_NOOP("EvidenceModel", "严重影响"), lambda r: yes(r.serious_impact)),
            (QT_TRANSLATE_NOOP("EvidenceModel", "运维原因"), lambda r: yes(r.vendor_caused)),
            (QT_TRANSLATE_NOOP("EvidenceModel", "等级"), self._level),
            (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
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
            (QT_TRANSLATE_NOOP("EvidenceModel", "编号"), lambda r: r.id),
            (QT_TRANSLATE_NOOP("EvidenceModel", "报修"), lambda r: dt(r.reported_at)),
            (
                QT_TRANSLATE_NOOP("EvidenceModel", "响应"),
                lambda r: dt(r.responded_at, translate("EvidenceModel", "未响应")),
            ),
            (
                QT_TRANSLATE_NOOP("EvidenceModel", "到场"),
                lambda r: dt(r.onsite_at, translate("EvidenceModel", "无需到场")),
            ),
            (QT_TRANSLATE_NOOP("EvidenceModel", "恢复"), lambda r: dt(r.restored_at)),
            (
                QT_TRANSLATE_NOOP("EvidenceModel", "报告提交"),
                lambda r: d(r.report_submitted_on, translate("EvidenceModel", "未提交")),
            ),
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
    COLUMNS = (
        (QT_TRANSLATE_NOOP("EvidenceModel", "日期"), lambda r: d(r.date)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "类型"), lambda r: SECURITY_KIND_NAMES[r.kind]),
        (QT_TRANSLATE_NOOP("EvidenceModel", "运维原因"), lambda r: yes(r.vendor_caused)),
        (QT_TRANSLATE_NOOP("EvidenceModel", "说明"), lambda r: r.description),
        (QT_TRANSLATE_NOOP("EvidenceModel", "附件"), lambda r: files_text(r.files)),
    )
