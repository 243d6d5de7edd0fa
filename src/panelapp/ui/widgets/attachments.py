"""The selected record's attachments: sizes, image preview, open with the system viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from panelapp.core.evidence import FileRef

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class ImagePreview(QDialog):
    def __init__(self, path: Path, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览：{name}").format(name=title))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        area = QScrollArea(self)
        label = QLabel(self)
        pix = QPixmap(str(path))
        if pix.isNull():
            label.setText(self.tr("无法显示该图片"))
        else:
            label.setPixmap(pix.scaled(860, 620, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area.setWidget(label)
        area.setWidgetResizable(True)
        layout.addWidget(area)


class AttachmentStrip(QWidget):
    def __init__(self, table):
        super().__init__(table)
        self.table = table
        self.target: tuple[str, int] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("附件："), self)
        self.label.setObjectName("muted")
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        self.list = QListWidget(self)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setMaximumHeight(self.fontMetrics().height() * 2 + 16)
        self.list.itemDoubleClicked.connect(lambda _i: self.open_current())
        layout.addWidget(self.list, 1)
        self.buttons = {}
        for key, text in (("add", self.tr("添加附件…")), ("open", self.tr("打开/预览")), ("remove", self.tr("移除"))):
            b = QPushButton(text, self)
            b.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            b.clicked.connect(getattr(self, f"do_{key}"))
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons[key] = b
        self.setToolTip(self.tr("可将文件拖放到表格中的某一行上作为附件"))

    def show_files(self, target: tuple[str, int] | None, files: list[FileRef]) -> None:
        self.target = target
        self.list.clear()
        for ref in files:
            item = QListWidgetItem(f"{ref.name}（{size_text(ref.size)}）")
            item.setData(Qt.ItemDataRole.UserRole, ref)
            item.setToolTip(f"SHA-256 {ref.sha256}")
            self.list.addItem(item)
        if target is None:
            self.label.setText(self.tr("附件：请选择一行（或把文件拖到行上）"))
        else:
            self.label.setText(self.tr("附件（{n}）：").format(n=len(files)) if files else self.tr("附件：无，可拖放文件到该行"))
        self.buttons["add"].setEnabled(target is not None)
        self.buttons["open"].setEnabled(bool(files))
        self.buttons["remove"].setEnabled(bool(files))
        self.list.setVisible(bool(files))
        self.setVisible(target is not None)

    def current_ref(self) -> FileRef | None:
        item = self.list.currentItem() or (self.list.item(0) if self.list.count() else None)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def do_add(self) -> None:
        if self.target is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择附件"))
        if paths:
            row = self.table.model.row_of(self.target[1])
            self.table.attach_files(row, [Path(p) for p in paths])

    def do_open(self) -> None:
        self.open_current()

    def open_current(self):
        ref = self.current_ref()
        if ref is None:
            return None
        actions = self.table.actions
        if Path(ref.name).suffix.lower() in IMAGE_SUFFIXES:
            path = actions.export_file(ref)
            if path:
                dlg = ImagePreview(path, ref.name, self)
                dlg.open()
                return dlg
            return None
        return actions.open_file(ref)

    def do_remove(self) -> None:
        ref = self.current_ref()
        if ref is not None and self.target is not None:
            kind, rid = self.target
            self.table.actions.detach(kind, rid, ref)
            self.table.select_id(self.table.actions.session.resolve(kind, rid))
            self.table.update_strip()
