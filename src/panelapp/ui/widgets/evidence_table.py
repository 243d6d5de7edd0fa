"""One evidence table: toolbar (新增/编辑/删除/复制), the view, drop files on a row, its attachments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.do_edit()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        row = self.indexAt(event.position().toPoint()).row()
        if urls and row >= 0:
            self.owner.attach_files(row, [Path(u) for u in urls])
            event.acceptProposedAction()
        else:
            event.ignore()


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
        layout.addLayout(bar)
        self.view = DropTable(self)
        self.view.setModel(model)
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
        super().changeEvent(event)

    # -- state --------------------------------------------------------------------------------
    def _after_reset(self) -> None:
        self._fit()
        self.update_strip()

    def _fit(self) -> None:
        n = self.model.rowCount()
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

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(r) for r in self.selected_rows()]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, record_id: int) -> None:
        if record_id in self.model._ids:
            self.view.selectRow(self.model.row_of(record_id))

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
            self.view.selectRow(self.model.rowCount() - 1)

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
