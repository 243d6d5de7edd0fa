"""The audit trail of the store (who, when, what, old → new) as a table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt

from panelapp.core.text import EFFECT_NAMES, LEVEL_NAMES, SECURITY_KIND_NAMES
from panelapp.ui.models.base import NO_PARENT, Index, tr

HEADERS = ("时间", "操作人", "操作", "对象", "原值 → 新值")
ACTIONS = {"create": "新增", "update": "修改", "delete": "删除"}
#: bookkeeping columns the panel does not need to read
HIDDEN = {"cycle_id", "entered_at", "entered_by", "id", "position"}
FIELD_LABELS = {
    "date": "日期", "title": "标题", "week_of": "免报周", "reason": "理由", "name": "名称", "start": "开始",
    "end": "结束", "requested_by": "要求单位", "report_date": "报告日期", "topic": "培训主题",
    "courseware": "培训教材", "sign_in_sheet": "签到表", "photos": "照片", "code": "故障编号",
    "business": "业务", "description": "说明", "effect": "影响类型", "started_at": "开始时间",
    "restored_at": "恢复时间", "serious_impact": "严重影响", "vendor_caused": "运维原因",
    "reported_at": "报修时间", "responded_at": "响应时间", "onsite_at": "到场时间",
    "restore_deadline_at": "恢复时限", "report_submitted_on": "报告提交", "override_level": "改定等级",
    "override_reason": "改定理由", "kind": "类型", "person": "人员", "excused": "有正当理由", "note": "备注",
    "noticed_on": "通报日期", "corrected": "已改正", "at": "时间", "commitment": "承诺", "task": "任务",
    "deadline": "时限", "deduction": "扣分", "item_id": "指标", "settings": "评分设置", "assessed_on": "评定日期",
    "status": "状态", "sha256": "SHA-256", "size": "大小",
}
VALUE_NAMES = {**EFFECT_NAMES, **SECURITY_KIND_NAMES, **LEVEL_NAMES}


def _label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def _fmt(value) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(_fmt(v) for v in value) or "（空）"
    if isinstance(value, dict):
        return "，".join(f"{k}：{_fmt(v)}" for k, v in value.items())
    if value is None:
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    text = str(value)
    if len(text) >= 16 and text[10:11] == "T" and text[:4].isdigit():  # ISO date-time
        text = text[:16].replace("T", " ")
    return VALUE_NAMES.get(text, text)


def _visible(record: dict) -> dict:
    return {_label(k): v for k, v in record.items() if k not in HIDDEN and (k != "files" or v)}


def change_text(old: dict | None, new: dict | None) -> str:
    """Only the fields that changed: ``字段: 旧 → 新``; whole record for create/delete."""
    if old is None and new is not None:
        return "新增：" + _fmt(_visible(new))
    if new is None and old is not None:
        return "删除：" + _fmt(_visible(old))
    old, new = old or {}, new or {}
    parts = [f"{_label(k)}：{_fmt(old.get(k))} → {_fmt(new.get(k))}" for k in sorted(set(old) | set(new))
             if old.get(k) != new.get(k) and k not in HIDDEN]
    return "；".join(parts) or "（无变化）"


class HistoryModel(QAbstractTableModel):
    def __init__(self, entries=(), labels: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self._labels = labels or {}
        self._rows: list[tuple[str, ...]] = []
        self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self._rows = [
            (
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.operator,
                ACTIONS.get(e.action, e.action),
                f"{self._labels.get(e.table, e.table)} #{e.record_id}",
                change_text(e.old, e.new),
            )
            for e in sorted(entries, key=lambda e: e.at, reverse=True)
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None
