"""A QAbstractTableModel over one tuple of core evidence dataclasses.

Subclasses declare COLUMNS: (header, function(obj) -> str); the columns of declared fields come
from core (``columns(kind)``: header and words from the field's FieldSpec), computed ones are
QT_TRANSLATE_NOOP("EvidenceModel", …) markers; headers are translated in headerData. Rows that cost
points (the engine's DeductionLine refs) are tinted and carry the line's text
as a tooltip, so every deduction points at its evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from panelapp.core.declare import Declared
from panelapp.core.evidence import KIND, FileRef
from panelapp.core.result import CycleResult

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
Column = tuple[str, Callable[[object], str]]

DEDUCT = QColor("#fdecea")
NOTE = QColor("#eef3f9")


translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


def d(value: date | None, empty: str = "—") -> str:
    return value.isoformat() if value else empty


def dt(value: datetime | None, empty: str = "—") -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else empty


def files_text(files: tuple[FileRef, ...]) -> str:
    return translate("EvidenceModel", "{n} 个").format(n=len(files)) if files else "—"


def _cell(f: Declared) -> Callable[[Any], str]:
    """How a table shows field ``f``: its value in the words its declaration gives."""
    spec, key = f.spec, f.key
    if f.format == "date":
        return lambda r: d(getattr(r, key), spec.empty)
    if f.format == "datetime":
        return lambda r: dt(getattr(r, key), spec.empty)
    if f.format == "bool":  # None (a nullable yes/no not recorded): the declared empty text
        return lambda r: spec.empty if getattr(r, key) is None else spec.words[0] if getattr(r, key) else spec.words[1]
    if f.format == "choice":
        names = dict(spec.names or {})
        return lambda r: names.get(getattr(r, key), getattr(r, key))
    if f.format == "files":
        return lambda r: files_text(getattr(r, key))
    return lambda r: str(getattr(r, key))


def columns(kind: str, *keys: str) -> tuple[Column, ...]:
    """Table columns of ``kind``'s fields ``keys`` (none: every field declared for tables), as
    declared in core: the header is the field's column name, the cell its value in words."""
    fields = KIND[kind].fields
    chosen = [f for f in fields if f.spec.table] if not keys else [KIND[kind].field(k) for k in keys]
    return tuple((f.spec.header, _cell(f)) for f in chosen)


class RowsModel(QAbstractTableModel):
    """A read-only table of prepared rows; HEADERS are QT_TRANSLATE_NOOP markers in CONTEXT."""

    CONTEXT = ""
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate(self.CONTEXT, self.HEADERS[section])
        return None


class EvidenceModel(QAbstractTableModel):
    KIND = ""
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None, item_ids: tuple[str, ...] | None = None):
        super().__init__(parent)
        self.item_ids = item_ids  # deductions of these items mark rows (None: every item)
        self._rows: tuple = ()
        self._ids: list[int] = []
        self._lines: dict[int, list[tuple[int, str]]] = {}

    # -- data in ------------------------------------------------------------------------------
    def set_rows(self, rows: tuple, ids: list[int], result: CycleResult | None = None) -> None:
        self.beginResetModel()
        self._rows, self._ids = tuple(rows), list(ids)
        self._lines = self._lines_from(result)
        self.endResetModel()

    def set_result(self, result: CycleResult | None) -> None:
        lines = self._lines_from(result)
        if lines != self._lines:
            self._lines = lines
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _lines_from(self, result: CycleResult | None) -> dict[int, list[tuple[int, str]]]:
        lines: dict[int, list[tuple[int, str]]] = {}
        if result is None:
            return lines
        for item in result.items:
            if self.item_ids is not None and item.id not in self.item_ids:
                continue
            for line in item.lines:
                for ref in line.refs:
                    if ref.kind == self.KIND:
                        lines.setdefault(ref.index, []).append((line.points, f"{item.id} {line.text}"))
        return lines

    # -- lookups ------------------------------------------------------------------------------
    def record(self, row: int):
        return self._rows[row]

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int:
        return self._ids.index(record_id)

    def deduction_at(self, row: int) -> int:
        return sum(points for points, _ in self._lines.get(row, ()))

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return translate("EvidenceModel", self.COLUMNS[section][0])
        return str(section + 1)

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[col][1](self._rows[row])
        if role == Qt.ItemDataRole.BackgroundRole and row in self._lines:
            return QBrush(DEDUCT if self.deduction_at(row) else NOTE)
        if role == Qt.ItemDataRole.ToolTipRole and row in self._lines:
            return "\n".join(text for _, text in self._lines[row])
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[row]
        return None
