"""签字导出 / 打印 / 核验 PDF / 年度汇总 from the window (the CLI cannot open the database the window holds)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from panelapp.report.annual import annual_summary
from panelapp.report.export import export_score_sheet
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.signing import SignOptions
from panelapp.report.verify import verify_pdf
from panelapp.ui.actions import open_local_file
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.forms.sign_export import SignExportDialog
from panelapp.ui.forms.verify_view import VerifyDialog
from panelapp.ui.session import CycleSession

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a sheet is laid out, signed or checked (0.3–1 s)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SheetOps:
    def __init__(self, session: CycleSession, window: QWidget):
        self.session, self.window = session, window
        self.opener = open_local_file  # tests replace it; the system PDF viewer prints
        self.last_export: tuple[int, Path, str] | None = None  # (cycle_id, file, fingerprint it shows)
        self.last_dialog = None
        self._tmp: Path | None = None

    def _quiet(self) -> bool:
        return getattr(self.window, "quiet_errors", False)

    def _show(self, dlg, modal: bool):
        self.last_dialog = dlg
        if modal and not self._quiet():
            dlg.exec()
        else:
            dlg.show()
        return dlg

    def default_name(self) -> str:
        return translate("SheetOps", "{contract}-第{n}周期评分表.pdf").format(
            contract=self.session.data.contract.number, n=self.session.data.cycle)

    # -- export -------------------------------------------------------------------------------
    def export(self, out: Path, sign: SignOptions | None = None) -> Path:
        """Write the open cycle's sheet (recorded by the report in the database); remember it for 打印."""
        cycle_id = self.session.cycle_id
        with busy():
            written = export_score_sheet(self.session.db, cycle_id, Path(out), sign=sign)
            fingerprint = cycle_fingerprint(self.session.db.cycles.data(cycle_id)[0])
        self.last_export = (cycle_id, Path(written), fingerprint)
        self.window.statusBar().showMessage(translate("SheetOps", "已导出评分表：{path}").format(path=written), 8000)
        return Path(written)

    def sign_export(self, default_dir: Path | None = None, modal: bool = True) -> SignExportDialog | None:
        if self.session.cycle_id is None:
            return None
        if default_dir is None:  # next to the previous export of this session, else the home folder
            default_dir = self.last_export[1].parent if self.last_export and not self._is_temp(self.last_export[1]) else Path.home()
        default = default_dir / self.default_name()
        return self._show(SignExportDialog(default, self.export, self.opener, self.window), modal)

    def _is_temp(self, path: Path) -> bool:
        return self._tmp is not None and path.parent == self._tmp

    # -- print --------------------------------------------------------------------------------
    def current_export(self) -> Path | None:
        """The sheet exported in this session for the open cycle, if it still shows the data held now."""
        if self.last_export is None:
            return None
        cycle_id, path, fingerprint = self.last_export
        if cycle_id != self.session.cycle_id or not path.is_file():
            return None
        if cycle_fingerprint(self.session.db.cycles.data(cycle_id)[0]) != fingerprint:
            return None  # edited since: print a fresh sheet, never a stale one
        return path

    def print_sheet(self) -> Path | None:
        """Open the exported sheet in the system PDF viewer to print it (exporting to a temp file first if needed)."""
        if self.session.cycle_id is None:
            return None
        path = self.current_export()
        if path is None:
            if self._tmp is None:
                self._tmp = Path(tempfile.mkdtemp(prefix="panelapp-print-"))
            try:
                path = self.export(self._tmp / self.default_name())
            except user_errors() as exc:
                show_error(self.window, translate("SheetOps", "无法打印评分表"), exc)
                return None
        if not self.opener(path):
            show_error(self.window, translate("SheetOps", "无法打印评分表"),
                       translate("SheetOps", "系统中没有可打开 PDF 的程序。评分表已保存在：\n{path}").format(path=path))
            return None
        return path

    # -- verify -------------------------------------------------------------------------------
    def verify(self, path: str | Path | None = None, modal: bool = True) -> VerifyDialog | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("SheetOps", "核验评分表 PDF"), "", "PDF (*.pdf)")
            if not path:
                return None
        path = Path(path)
        if not path.is_file():
            show_error(self.window, translate("SheetOps", "无法核验"), translate("SheetOps", "找不到文件：{path}").format(path=path))
            return None
        try:
            with busy():
                result = verify_pdf(path, self.session.db)
        except user_errors() as exc:
            show_error(self.window, translate("SheetOps", "无法核验"), exc)
            return None
        return self._show(VerifyDialog(result, self.window), modal)

    # -- annual summary -----------------------------------------------------------------------
    def contract_id(self) -> int | None:
        row = self.session.row
        if row is not None:
            return row.contract_id
        contracts = self.session.db.cycles.contracts()
        return contracts[0].id if contracts else None

    def export_annual(self, path: str | Path | None = None) -> tuple[Path, Path] | None:
        """年度汇总: ``stem.pdf`` and ``stem.xlsx`` side by side for the open cycle's contract."""
        contract_id = self.contract_id()
        if contract_id is None:
            return None
        if path is None:
            contract = self.session.db.cycles.contracts()[0].contract if self.session.data is None else self.session.data.contract
            default = translate("SheetOps", "{contract}-年度汇总.pdf").format(contract=contract.number)
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("SheetOps", "导出年度汇总（同时生成同名 Excel 文件）"), default, "PDF (*.pdf)")
            if not path:
                return None
        pdf_path = Path(path).with_suffix(".pdf")
        xlsx_path = pdf_path.with_suffix(".xlsx")
        # ReportLab's charts and openpyxl cost ≈ 0.2 s to import: only when the summary is made
        from panelapp.report.annual_pdf import write_annual_pdf
        from panelapp.report.annual_xlsx import write_annual_xlsx

        try:
            with busy():
                summary = annual_summary(self.session.db, contract_id)
                pdf = write_annual_pdf(summary, pdf_path)
                xlsx = write_annual_xlsx(summary, xlsx_path)
        except user_errors() as exc:
            show_error(self.window, translate("SheetOps", "无法导出年度汇总"), exc)
            return None
        text = translate("SheetOps", "已导出年度汇总：\n{pdf}\n{xlsx}").format(pdf=pdf, xlsx=xlsx)
        if self._quiet():
            self.window.last_info = text
        else:
            QMessageBox.information(self.window, translate("SheetOps", "导出完成"), text)
        return Path(pdf), Path(xlsx)
