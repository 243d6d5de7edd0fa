"""F1: the short Chinese user guide shipped in resources/help (offline), in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from panelapp.paths import resource

GUIDE = ("help", "guide.md")


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("使用说明"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = resource(*GUIDE)
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(self.tr("找不到使用说明文件：{path}").format(path=path))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = (900, 680) if screen is None else (min(900, screen.width() - 40), min(680, screen.height() - 60))
        self.resize(width, height)


def show_help(window: QWidget) -> HelpDialog:
    """Non-modal, one at a time: the guide stays open beside the window."""
    dlg = getattr(window, "_help_dialog", None)
    if dlg is None:
        dlg = HelpDialog(window)
        window._help_dialog = dlg
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    return dlg
