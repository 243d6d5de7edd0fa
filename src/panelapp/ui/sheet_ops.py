"""签字导出 / 打印 / 核验 PDF / 年度汇总 from the window (the CLI cannot open the database the window holds).

The slow part of each (laying out, signing, checking a PDF) runs on the task runner
(ui/ops.py) with its own database handle; results come back to the GUI thread.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from panelapp.logsetup import record
from panelapp.report.annual import export_annual_summary
from panelapp.report.export import export_score_sheet
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.signing import SignOptions
from panelapp.report.verify import verify_pdf
from panelapp.ui.actions import open_local_file
from panelapp.ui.errors import show_error
from panelapp.ui.forms.sign_export import SignExportDialog
from panelapp.ui.forms.verify_view import VerifyDialog
from panelapp.ui.notify import notifier_of
from panelapp.ui.ops import TaskRunner
from panelapp.ui.session import CycleSession

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


class SheetOps:
    def __init__(self, session: CycleSession, window: QWidget, runner: TaskRunner):
        self.session, self.window, self.runner = session, window, runner
        self.opener = open_local_file  # the system PDF viewer prints; tests replace it
        self.last_export: tuple[int, Path, str] | None = None  # (cycle_id, file, fingerprint it shows)
        self._tmp: Path | None = None

    def default_name(self) -> str:
        return translate("SheetOps", "{contract}-第{n}周期评分表.pdf").format(
            contract=self.session.data.contract.number, n=self.session.data.cycle)

    # -- export -------------------------------------------------------------------------------
    def export(self, out: Path, sign: SignOptions | None = None, done: Callable[[Path], None] | None = None,
               failed: Callable[[BaseException], None] | None = None) -> bool:
        """Write the open cycle's sheet on a worker (recorded by the report in the database); remember it for 打印.

        ``done(path)`` on the GUI thread when written; a user error goes to ``failed`` (else a message box).
        """
        cycle_id = self.session.cycle_id
        if cycle_id is None:
            return False

        def work(db) -> tuple[Path, str]:
            written = export_score_sheet(db, cycle_id, Path(out), sign=sign)
            return Path(written), db.signoff.exports(cycle_id)[-1].fingerprint  # what the export recorded

        def finished(result: tuple[Path, str]) -> None:
            written, fingerprint = result
            self.last_export = (cycle_id, written, fingerprint)
            record("export-pdf", cycle_id=cycle_id, file=written, signed=bool(sign))
            self.window.statusBar().showMessage(translate("SheetOps", "已导出评分表：{path}").format(path=written), 8000)
            if done is not None:
                done(written)

        label = translate("SheetOps", "正在签名并导出评分表…") if sign else translate("SheetOps", "正在导出评分表…")
        return self.runner.run(label, work, finished, error_title=translate("FileOps", "无法导出评分表"), failed=failed)

    def sign_export(self, default_dir: Path | None = None) -> SignExportDialog | None:
        if self.session.cycle_id is None:
            return None
        if default_dir is None:  # next to the previous export of this session, else the home folder
            default_dir = self.last_export[1].parent if self.last_export and not self._is_temp(self.last_export[1]) else Path.home()
        default = default_dir / self.default_name()
        return notifier_of(self.window).run(SignExportDialog(default, self.export, self.opener, self.window))

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
        if self.session.data is None or cycle_fingerprint(self.session.data) != fingerprint:
            return None  # edited since: print a fresh sheet, never a stale one
        return path

    def print_sheet(self) -> bool:
        """Open the exported sheet in the system PDF viewer to print it (exporting to a temp file first if needed)."""
        if self.session.cycle_id is None:
            return False
        path = self.current_export()
        if path is not None:
            return self._open_to_print(path)
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="panelapp-print-"))
        return self.export(self._tmp / self.default_name(), done=self._open_to_print,
                           failed=lambda exc: show_error(self.window, translate("SheetOps", "无法打印评分表"), exc))

    def _open_to_print(self, path: Path) -> bool:
        if not self.opener(path):
            show_error(self.window, translate("SheetOps", "无法打印评分表"),
                       translate("SheetOps", "系统中没有可打开 PDF 的程序。评分表已保存在：\n{path}").format(path=path))
            return False
        return True

    # -- verify -------------------------------------------------------------------------------
    def verify(self, path: str | Path | None = None) -> bool:
        """Check a PDF on a worker; the result dialog opens when done. False when nothing was started."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("SheetOps", "核验评分表 PDF"), "", "PDF (*.pdf)")
            if not path:
                return False
        path = Path(path)
        if not path.is_file():
            show_error(self.window, translate("SheetOps", "无法核验"), translate("SheetOps", "找不到文件：{path}").format(path=path))
            return False
        return self.runner.run(translate("SheetOps", "正在核验评分表…"), lambda db: verify_pdf(path, db),
                               lambda result: notifier_of(self.window).run(VerifyDialog(result, self.window)),
                               error_title=translate("SheetOps", "无法核验"))

    # -- annual summary -----------------------------------------------------------------------
    def contract_id(self) -> int | None:
        row = self.session.row
        if row is not None:
            return row.contract_id
        contracts = self.session.db.cycles.contracts()
        return contracts[0].id if contracts else None

    def export_annual(self, path: str | Path | None = None) -> bool:
        """年度汇总: ``stem.pdf`` and ``stem.xlsx`` side by side for the open cycle's contract (on a worker)."""
        contract_id = self.contract_id()
        if contract_id is None:
            return False
        if path is None:
            contract = self.session.db.cycles.contracts()[0].contract if self.session.data is None else self.session.data.contract
            default = translate("SheetOps", "{contract}-年度汇总.pdf").format(contract=contract.number)
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("SheetOps", "导出年度汇总（同时生成同名 Excel 文件）"), default, "PDF (*.pdf)")
            if not path:
                return False
        pdf_path = Path(path).with_suffix(".pdf")
        xlsx_path = pdf_path.with_suffix(".xlsx")
        # ReportLab's charts and openpyxl cost ≈ 0.2 s to import: only when the summary is made
        from panelapp.report.annual_pdf import write_annual_pdf
        from panelapp.report.annual_xlsx import write_annual_xlsx

        def work(db) -> tuple[Path, Path]:
            pdf, xlsx = export_annual_summary(db, contract_id, [(write_annual_pdf, pdf_path), (write_annual_xlsx, xlsx_path)])
            return pdf, xlsx

        def finished(paths: tuple[Path, Path]) -> None:
            record("export-annual", contract_id=contract_id, pdf=paths[0], xlsx=paths[1])
            text = translate("SheetOps", "已导出年度汇总：\n{pdf}\n{xlsx}").format(pdf=paths[0], xlsx=paths[1])
            notifier_of(self.window).info(self.window, translate("SheetOps", "导出完成"), text)

        return self.runner.run(translate("SheetOps", "正在导出年度汇总…"), work, finished,
                               error_title=translate("SheetOps", "无法导出年度汇总"))
