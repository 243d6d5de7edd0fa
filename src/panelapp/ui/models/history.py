"""The audit trail of the store (who, when, what, old → new) as a table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from panelapp.core.text import EFFECT_NAMES, LEVEL_NAMES, SECURITY_KIND_NAMES
from panelapp.ui.models.base import Index, RowsModel, translate

# table texts: QT_TRANSLATE_NOOP markers here, translated where they are shown
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "操作人"),
    QT_TRANSLATE_NOOP("HistoryModel", "操作"),
    QT_TRANSLATE_NOOP("HistoryModel", "对象"),
    QT_TRANSLATE_NOOP("HistoryModel", "原值 → 新值"),
)
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryModel", "新增"),
    "update": QT_TRANSLATE_NOOP("HistoryModel", "修改"),
    "delete": QT_TRANSLATE_NOOP("HistoryModel", "删除"),
}
# bookkeeping columns the panel does not need to read
HIDDEN = {"cycle_id", "entered_at", "entered_by", "id", "position"}
FIELD_LABELS = {
    "date": QT_TRANSLATE_NOOP("HistoryModel", "日期"),
    "title": QT_TRANSLATE_NOOP("HistoryModel", "标题"),
    "week_of": QT_TRANSLATE_NOOP("HistoryModel", "免报周"),
    "reason": QT_TRANSLATE_NOOP("HistoryModel", "理由"),
    "name": QT_TRANSLATE_NOOP("HistoryModel", "名称"),
    "start": QT_TRANSLATE_NOOP("HistoryModel", "开始"),
    "end": QT_TRANSLATE_NOOP("HistoryModel", "结束"),
    "requested_by": QT_TRANSLATE_NOOP("HistoryModel", "要求单位"),
    "report_date": QT_TRANSLATE_NOOP("HistoryModel", "报告日期"),
    "topic": QT_TRANSLATE_NOOP("HistoryModel", "培训主题"),
    "courseware": QT_TRANSLATE_NOOP("HistoryModel", "培训教材"),
    "sign_in_sheet": QT_TRANSLATE_NOOP("HistoryModel", "签到表"),
    "photos": QT_TRANSLATE_NOOP("HistoryModel", "照片"),
    "code": QT_TRANSLATE_NOOP("HistoryModel", "故障编号"),
    "business": QT_TRANSLATE_NOOP("HistoryModel", "业务"),
    "description": QT_TRANSLATE_NOOP("HistoryModel", "说明"),
    "effect": QT_TRANSLATE_NOOP("HistoryModel", "影响类型"),
    "started_at": QT_TRANSLATE_NOOP("HistoryModel", "开始时间"),
    "restored_at": QT_TRANSLATE_NOOP("HistoryModel", "恢复时间"),
    "serious_impact": QT_TRANSLATE_NOOP("HistoryModel", "严重影响"),
    "vendor_caused": QT_TRANSLATE_NOOP("HistoryModel", "运维原因"),
    "reported_at": QT_TRANSLATE_NOOP("HistoryModel", "报修时间"),
    "responded_at": QT_TRANSLATE_NOOP("HistoryModel", "响应时间"),
    "onsite_at": QT_TRANSLATE_NOOP("HistoryModel", "到场时间"),
    "restore_deadline_at": QT_TRANSLATE_NOOP("HistoryModel", "恢复时限"),
    "report_submitted_on": QT_TRANSLATE_NOOP("HistoryModel", "报告提交"),
    "override_level": QT_TRANSLATE_NOOP("HistoryModel", "改定等级"),
    "override_reason": QT_TRANSLATE_NOOP("HistoryModel", "改定理由"),
    "kind": QT_TRANSLATE_NOOP("HistoryModel", "类型"),
    "person": QT_TRANSLATE_NOOP("HistoryModel", "人员"),
    "excused": QT_TRANSLATE_NOOP("HistoryModel", "有正当理由"),
    "note": QT_TRANSLATE_NOOP("HistoryModel", "备注"),
    "noticed_on": QT_TRANSLATE_NOOP("HistoryModel", "通报日期"),
    "corrected": QT_TRANSLATE_NOOP("HistoryModel", "已改正"),
    "at": QT_TRANSLATE_NOOP("HistoryModel", "时间"),
    "commitment": QT_TRANSLATE_NOOP("HistoryModel", "承诺"),
    "task": QT_TRANSLATE_NOOP("HistoryModel", "任务"),
    "deadline": QT_TRANSLATE_NOOP("HistoryModel", "时限"),
    "deduction": QT_TRANSLATE_NOOP("HistoryModel", "扣分"),
    "item_id": QT_TRANSLATE_NOOP("HistoryModel", "指标"),
    "settings": QT_TRANSLATE_NOOP("HistoryModel", "评分设置"),
    "assessed_on": QT_TRANSLATE_NOOP("HistoryModel", "评定日期"),
    "status": QT_TRANSLATE_NOOP("HistoryModel", "状态"),
    "sha256": "SHA-256",
    "size": QT_TRANSLATE_NOOP("HistoryModel", "大小"),
}
VALUE_NAMES = {**EFFECT_NAMES, **SECURITY_KIND_NAMES, **LEVEL_NAMES}


def _label(key: str) -> str:
    return translate("HistoryModel", FIELD_LABELS[key]) if key in FIELD_LABELS else key


def _fmt(value) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(_fmt(v) for v in value) or translate("HistoryModel", "（空）")
    if isinstance(value, dict):
        return "，".join(f"{k}：{_fmt(v)}" for k, v in value.items())
    if value is None:
        return translate("HistoryModel", "（空）")
    if value is True:
        return translate("HistoryModel", "是")
    if value is False:
        return translate("HistoryModel", "否")
    text = str(value)
    if len(text) >= 16 and text[10:11] == "T" and text[:4].isdigit():  # ISO date-time
        text = text[:16].replace("T", " ")
    return VALUE_NAMES.get(text, text)


def _visible(record: dict) -> dict:
    return {_label(k): v for k, v in record.items() if k not in HIDDEN and (k != "files" or v)}


def change_text(old: dict | None, new: dict | None) -> str:
    """Only the fields that changed: ``字段: 旧 → 新``; whole record for create/delete."""
    if old is None and new is not None:
        return translate("HistoryModel", "新增：{record}").format(record=_fmt(_visible(new)))
    if new is None and old is not None:
        return translate("HistoryModel", "删除：{record}").format(record=_fmt(_visible(old)))
    old, new = old or {}, new or {}
    parts = [
        f"{_label(k)}：{_fmt(old.get(k))} → {_fmt(new.get(k))}"
        for k in sorted(set(old) | set(new))
        if old.get(k) != new.get(k) and k not in HIDDEN
    ]
    return "；".join(parts) or translate("HistoryModel", "（无变化）")


class HistoryModel(RowsModel):
    CONTEXT = "HistoryModel"
    HEADERS = HEADERS

    def __init__(self, entries=(), labels: dict[str, str] | None = None, parent=None):
        super().__init__(parent)
        self._labels = labels or {}
        self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self._rows = [
            (
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.operator,
                translate("HistoryModel", ACTIONS[e.action]) if e.action in ACTIONS else e.action,
                f"{self._labels.get(e.table, e.table)} #{e.record_id}",
                change_text(e.old, e.new),
            )
            for e in sorted(entries, key=lambda e: e.at, reverse=True)
        ]
        self.endResetModel()

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None
