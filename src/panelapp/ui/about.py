"""帮助 → 关于: the version, and every bundled component with its licence text.

The list comes from resources/licenses/index.toml (written by packaging/collect_licenses.py);
selecting a component shows its licence text, read from the same folder.
"""

from __future__ import annotations

import tomllib

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
)

from panelapp import __version__
from panelapp.paths import resource


def components() -> list[dict]:
    """The bundled components: name, version, license, file (relative to resources/licenses)."""
    index = resource("licenses", "index.toml")
    return tomllib.loads(index.read_text("utf-8"))["component"]


class AboutDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)

        title = QLabel(self.tr("考核组评分台 panelapp {version}").format(version=__version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "按合同附件2、附件3的考核办法评分。\n"
                "本程序包含以下开源组件，各自按其许可证提供；选择一项即可查看许可证全文。\n"
                "Qt 库（PySide6、shiboken6）按 LGPL-3.0 提供：它们是安装目录 _internal 下单独的 DLL 文件，"
                "可以换成您自己编译或修改的兼容版本。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # licence texts break their own lines
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([330, 530])
        layout.addWidget(split, 1)

        for entry in components():
            label = f"{entry['name']} {entry['version']}".strip() + f"\n    {entry['license']}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry["file"])
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        path = resource("licenses").joinpath(item.data(Qt.ItemDataRole.UserRole))
        try:
            self.text.setPlainText(path.read_text("utf-8"))
        except OSError as exc:
            self.text.setPlainText(self.tr("无法读取许可证文件 {path}：{error}").format(path=path, error=exc))


def show_about(parent) -> None:
    dialog = AboutDialog(parent)
    dialog.exec()
    dialog.deleteLater()
