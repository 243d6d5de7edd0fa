"""One evidence table: toolbar (新增/编辑/删除/复制), the view, drop files on a row, its attachments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from panelapp.core.evidence import EVIDENCE_LABELS
from panelapp.ui.errors import user_errors
from panelapp.ui.models.base import EvidenceModel
from panelapp.ui.notify import notifier_of
from panelapp.ui.widgets.attachments import AttachmentStrip


class DropTable(QTableView):
    """A table view that accepts files dropped on a row."""

    def __init__(self, owner: EvidenceTable):
        super().__init__(owner)
        self.owner = owner
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            row = self.indexAt(event.position().toPoint()).row()
            if row >= 0:
                self.selectRow(row)
                event.acceptProposedAction()
                return
            event.ignore()
        else:
            super().dragMoveEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.owner.fit_columns()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.do_edit()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        row = self.indexAt(event.position().toPoint()).row()
        if urls and row >= 0:
            self.owner.attach_files(self.owner.source_row(row), [Path(u) for u in urls])
            event.acceptProposedAction()
        else:
            event.ignore()


class TableProxy(QSortFilterProxyModel):
    """Sort and filter; a cell without its own tooltip shows its full text (columns may be elided)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        value = super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and not value:
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return value


class EvidenceTable(QWidget):
    def __init__(self, kind: str, model: EvidenceModel, actions, title: str | None = None,
                 read_only: bool = False, parent=None):
        super().__init__(parent)
        self.kind, self.model, self.actions = kind, model, actions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        self.title = QLabel(f"<b>{title or EVIDENCE_LABELS[kind]}</b>", self)
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        bar.addWidget(self.title)
        bar.addWidget(self.count)
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        specs = (("add", self.tr("新增"), "Ctrl+N"), ("edit", self.tr("编辑"), self.tr("Enter / 双击")),
                 ("duplicate", self.tr("复制"), "Ctrl+D"), ("delete", self.tr("删除"), "Delete"))
        for key, text, keys in specs:
            if read_only and key != "edit":
                continue
            b = QPushButton(text, self)
            b.setToolTip(f"{text}（{keys}）")
            b.clicked.connect(getattr(self, f"do_{key}"))
            bar.addWidget(b)
            self.buttons[key] = b
        self.filter = QLineEdit(self)
        self.filter.setObjectName("tableFilter")
        self.filter.setPlaceholderText(self.tr("筛选（Ctrl+F）"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(200)
        bar.insertWidget(3, self.filter)
        layout.addLayout(bar)
        # sort by any column (click its header; a third click restores the entry order) and filter
        self.proxy = TableProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.filter.textChanged.connect(self._filter)
        self.view = DropTable(self)
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorClearable(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(40)  # size columns from the first rows, not thousands
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.do_edit())
        layout.addWidget(self.view)
        self.strip = AttachmentStrip(self)
        layout.addWidget(self.strip)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_strip())
        model.modelReset.connect(self._after_reset)
        self._after_reset()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # zoom: taller rows, re-fit the view
            self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
            self._fit()
            self.fit_columns()
        super().changeEvent(event)

    # -- state --------------------------------------------------------------------------------
    def _after_reset(self) -> None:
        self._fit()
        self.fit_columns()
        self.update_strip()

    def fit_columns(self) -> None:
        """Every column visible without scrolling sideways: when the contents are wider than the view,
        the widest columns are narrowed to a common cap (elided, full text in the tooltip) — never below
        their header, so 等级 and 附件 stay on screen at 1366×768."""
        header, view = self.view.horizontalHeader(), self.view
        n = self.proxy.columnCount()
        avail = view.viewport().width() - 2
        if n == 0 or avail <= 0:
            return
        floor = [header.sectionSizeHint(c) for c in range(n)]
        want = [max(view.sizeHintForColumn(c), floor[c]) for c in range(n)]
        if sum(want) <= avail:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            return

        def total(cap: int) -> int:
            return sum(min(w, max(cap, f)) for w, f in zip(want, floor, strict=True))

        lo, hi = 0, max(want)
        while lo < hi:  # the largest cap that fits
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if total(mid) <= avail else (lo, mid - 1)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for c in range(n):
            header.resizeSection(c, min(want[c], max(lo, floor[c])))

    def _fit(self) -> None:
        n, shown = self.model.rowCount(), self.proxy.rowCount()
        if n and shown < n:
            self.count.setText(self.tr("（筛选：{shown} / {n} 条）").format(shown=shown, n=n))
        else:
            self.count.setText(self.tr("（{n} 条）　可把文件拖到某一行上作为附件").format(n=n) if n else self.tr("（无记录）"))
        rows = max(1, min(n, 10))
        h = self.view.verticalHeader().defaultSectionSize()
        height = h * rows + self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth() + 8
        height += self.view.horizontalScrollBar().sizeHint().height()  # room for it when columns overflow
        self.view.setMinimumHeight(min(height, h * 4 + 40))
        self.view.setMaximumHeight(height if n <= 10 else 16777215)
        grow = QSizePolicy.Policy.Expanding if n > 10 else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, grow)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, grow)
        self.updateGeometry()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._fit()

    def source_row(self, view_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()

    def view_row(self, source_row: int) -> int:
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def select_source_row(self, source_row: int) -> None:
        row = self.view_row(source_row)
        if row >= 0:
            self.view.selectRow(row)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def selected_rows(self) -> list[int]:
        """Selected rows of the model (whatever the sort and filter shown)."""
        return sorted({self.source_row(i.row()) for i in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(r) for r in self.selected_rows()]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, record_id: int) -> None:
        if record_id in self.model._ids:
            self.select_source_row(self.model.row_of(record_id))

    def update_strip(self) -> None:
        rid = self.current_id()
        if rid is None:
            self.strip.show_files(None, [])
        else:
            try:
                files = self.actions.session.attachments(self.kind, rid)
            except user_errors():
                files = []
            self.strip.show_files((self.kind, rid), files)

    # -- actions (buttons and shortcuts) --------------------------------------------------------
    def do_add(self):
        dlg = self.actions.add_form(self.kind)
        dlg.finished.connect(lambda _code: self._select_new(dlg))
        return notifier_of(self).run(dlg)

    def _select_new(self, dlg) -> None:
        if dlg.result_obj is not None and self.model.rowCount():
            self.select_source_row(self.model.rowCount() - 1)

    def do_edit(self):
        rid = self.current_id()
        return self.actions.edit(self.kind, rid) if rid is not None else None

    def do_duplicate(self):
        rid = self.current_id()
        return self.actions.duplicate(self.kind, rid) if rid is not None else None

    def do_delete(self) -> bool:
        return self.actions.delete(self.kind, self.selected_ids())

    def attach_files(self, row: int, paths: list[Path]) -> int:
        """Attach on a worker; the row is re-selected and its files shown once they are stored."""
        rid = self.model.record_id(row)

        def done() -> None:
            self.select_id(self.actions.session.resolve(self.kind, rid))
            self.update_strip()

        return self.actions.attach(self.kind, rid, paths, done)
