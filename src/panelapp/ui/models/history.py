"""The audit trail of the store (who, when, what, old → new) as a table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt

from panelapp.ui.models.base import NO_PARENT, Index, tr

HEADERS = ("时间", "操作人", "操作", "对象", "原值 → 新值")
ACTIONS = {"create": "新增", "update": "修改", "delete": "删除"}


def _fmt(value) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(_fmt(v) for v in value) or "（空）"
    if isinstance(value, dict):
        return "，".join(f"{k}={_fmt(v)}" for k, v in value.items())
    if value is None:
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


def change_text(old: dict | None, new: dict | None) -> str:
    """Only the fields that changed: ``字段: 旧 → 新``; whole record for create/delete."""
    if old is None and new is not None:
        return "新增：" + _fmt({k: v for k, v in new.items() if k != "files" or v})
    if new is None and old is not None:
        return "删除：" + _fmt({k: v for k, v in old.items() if k != "files" or v})
    old, new = old or {}, new or {}
    parts = [f"{k}：{_fmt(old.get(k))} → {_fmt(new.get(k))}" for k in sorted(set(old) | set(new))
             if old.get(k) != new.get(k)]
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
