"""签字导出: the score sheet with an optional digital signature, then 打开 / 打印.

The dialog only collects the choice; ``export(out_path, sign_options, done, failed)``
(given by the caller) starts writing the file on a worker and calls back on the GUI
thread. A wrong password or a missing certificate file is shown next to its field and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from panelapp.report.signing import SigningError, SignOptions


class SignExportDialog(QDialog):
    """``export(path, sign, done, failed)`` starts the export (False when it cannot start now) and later
    calls ``done(written_path)`` or ``failed(user_error)``; ``opener(path)`` opens the file."""

    def __init__(self, default_path: Path, export: Callable[..., bool],
                 opener: Callable[[Path], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.export_fn, self.opener = export, opener
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("签字导出评分表"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("导出本周期评分表 PDF。可选数字签名（PAdES）：签名后文件的任何改动都会使签名失效。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.out_edit = QLineEdit(str(default_path), self)
        browse_out = QPushButton(self.tr("浏览…"), self)
        browse_out.clicked.connect(self._choose_out)
        self.out_error = self._error_label()
        form.addRow(self.tr("保存到："), self._column(self._row(self.out_edit, browse_out), self.out_error))

        self.mode_none = QRadioButton(self.tr("不签名"), self)
        self.mode_local = QRadioButton(self.tr("本机考核组证书（本程序为考核组创建的证书，证明文件自签署后未被改动）"), self)
        self.mode_unit = QRadioButton(self.tr("单位证书（.pfx / .p12 文件）"), self)
        self.mode_none.setChecked(True)
        self.modes = QButtonGroup(self)
        for button in (self.mode_none, self.mode_local, self.mode_unit):
            self.modes.addButton(button)
            button.toggled.connect(self._sync)
        form.addRow(self.tr("数字签名："), self._column(self.mode_none, self.mode_local, self.mode_unit))

        self.pfx_edit = QLineEdit(self)
        self.pfx_edit.setPlaceholderText(self.tr("选择单位证书文件"))
        self.pfx_browse = QPushButton(self.tr("浏览…"), self)
        self.pfx_browse.clicked.connect(self._choose_pfx)
        self.pfx_error = self._error_label()
        form.addRow(self.tr("证书文件："), self._column(self._row(self.pfx_edit, self.pfx_browse), self.pfx_error))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = self._error_label()
        form.addRow(self.tr("证书密码："), self._column(self.password_edit, self.password_error))
        layout.addLayout(form)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.export_button = QPushButton(self.tr("导出"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.do_export)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setToolTip(self.tr("在系统的 PDF 阅读器中打开，从那里打印"))
        self.open_button.clicked.connect(self.open_exported)
        self.print_button.clicked.connect(self.open_exported)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        self.buttons = self._row(self.export_button, self.open_button, self.print_button, close, stretch_first=True)
        layout.addWidget(self.buttons)
        self._sync()

    # -- layout helpers -----------------------------------------------------------------------
    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldError")  # red, from ui/style.py
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(self, *widgets: QWidget, stretch_first: bool = False) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        if stretch_first:
            row.addStretch(1)
        for widget in widgets:
            row.addWidget(widget)
        return box

    def _column(self, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in widgets:
            column.addWidget(widget)
        return box

    def _sync(self) -> None:
        unit = self.mode_unit.isChecked()
        for widget in (self.pfx_edit, self.pfx_browse, self.password_edit):
            widget.setEnabled(unit)
        done = self.exported is not None
        for button in (self.open_button, self.print_button):  # offered once there is a file
            button.setEnabled(done)
            button.setVisible(done)

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _choose_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评分表"), self.out_edit.text(), "PDF (*.pdf)")
        if path:
            self.out_edit.setText(path)

    def _choose_pfx(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择单位证书"), self.pfx_edit.text(),
                                              self.tr("证书 (*.pfx *.p12)"))
        if path:
            self.pfx_edit.setText(path)

    # -- the work -----------------------------------------------------------------------------
    def sign_options(self) -> SignOptions | None:
        """The chosen signature; raises ValueError (Chinese) naming the field when it cannot be used."""
        if self.mode_none.isChecked():
            return None
        if self.mode_local.isChecked():
            return SignOptions()
        text = self.pfx_edit.text().strip()
        if not text:
            raise _FieldError("pfx", self.tr("请选择单位证书文件（.pfx / .p12）"))
        pfx = Path(text)
        if not pfx.is_file():
            raise _FieldError("pfx", self.tr("找不到证书文件：{path}").format(path=pfx))
        return SignOptions(pfx=pfx, password=self.password_edit.text().encode("utf-8") or None)

    def do_export(self) -> bool:
        """Check the choice, then start the export; True when it was started (the result shows when done)."""
        for label in (self.out_error, self.pfx_error, self.password_error):
            self._say(label, "")
        self._say(self.status, "")
        out_text = self.out_edit.text().strip()
        if not out_text:
            self._say(self.out_error, self.tr("请填写保存位置"))
            return False
        out = Path(out_text)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            sign = self.sign_options()
        except _FieldError as exc:
            self._say(self.pfx_error, str(exc))
            return False
        started = self.export_fn(out, sign, lambda written: self._exported(written, sign), self._failed)
        if started:
            self.export_button.setEnabled(False)
            self._say(self.status, self.tr("正在导出，请稍候…"))
        return bool(started)

    def _exported(self, written: Path, sign: SignOptions | None) -> None:
        self.export_button.setEnabled(True)
        self.exported = Path(written)
        signed = self.tr("（已数字签名）") if sign is not None else self.tr("（未签名）")
        self._say(self.status, self.tr("已导出{signed}：{path}\n可“打开”查看，或“打印…”在 PDF 阅读器中打印后交考核组签字。").format(
            signed=signed, path=self.exported))
        self._sync()

    def _failed(self, exc: BaseException) -> None:
        from panelapp.ui.errors import message_text

        self.export_button.setEnabled(True)
        self._say(self.status, "")
        if isinstance(exc, SigningError):
            target = self.password_error if self.mode_unit.isChecked() else self.status
            self._say(target, self.tr("未导出：{reason}").format(reason=exc))
        else:
            self._say(self.status, self.tr("未导出：{reason}").format(reason=message_text(exc)))

    def open_exported(self) -> bool:
        return self.exported is not None and bool(self.opener(self.exported))


class _FieldError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field

