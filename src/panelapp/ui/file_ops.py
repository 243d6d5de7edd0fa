"""文件 and 帮助 menu work: import/export cycle files, the demo cycle, the PDF score sheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from panelapp.paths import resource
from panelapp.report.export import export_score_sheet
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.session import CycleSession

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


def demo_path() -> Path:
    zipped = resource("samples", "demo-cycle.zip")
    return zipped if zipped.is_file() else resource("samples", "demo-cycle.json")


def demo_cycle_number(path: Path) -> int:
    from panelapp.core.cyclefile import read_cycle_file

    return read_cycle_file(path).data.cycle


def cycle_id_for(db, number: int, contract_id: int | None = None) -> int | None:
    contracts = db.cycles.contracts()
    for crow in contracts:
        if contract_id is not None and crow.id != contract_id:
            continue
        for row in db.cycles.of_contract(crow.id):
            if row.number == number:
                return row.id
    return None


def load_demo(db) -> int:
    """Import the bundled demo cycle into its cycle of the first contract; returns that cycle id."""
    path = demo_path()
    cycle_id = cycle_id_for(db, demo_cycle_number(path))
    if hasattr(db, "transfer"):
        db.transfer.import_file(path, cycle_id)
    else:  # older store without the importer: the same through the public evidence API
        _import_via_api(db, path, cycle_id)
    return cycle_id


def _import_via_api(db, path: Path, cycle_id: int) -> None:
    from panelapp.core.cyclefile import read_cycle_file
    from panelapp.core.evidence import EVIDENCE_KINDS

    data = read_cycle_file(path).data
    db.header.set_settings(cycle_id, data.settings)
    db.header.set_assessed_on(cycle_id, data.assessed_on)
    for kind in EVIDENCE_KINDS:
        for obj in getattr(data.evidence, kind):
            if hasattr(obj, "files"):
                obj = type(obj)(**{**{f: getattr(obj, f) for f in obj.__dataclass_fields__}, "files": ()})
            db.evidence.add(cycle_id, kind, obj)
    for item_id, override in data.item_overrides.items():
        db.header.set_item_override(cycle_id, item_id, override)


def report_text(report) -> str:
    """ImportReport in one Chinese paragraph."""
    if report is None:
        return translate("FileOps", "已导入。")
    lines = [translate("FileOps", "新增记录 {n} 条").format(n=report.added_count)]
    if report.duplicates:
        lines.append(translate("FileOps", "与库中完全相同而跳过 {n} 条").format(n=len(report.duplicates)))
    if report.files_stored or report.files_missing:
        lines.append(translate("FileOps", "附件存入 {stored} 个，缺少 {missing} 个").format(
            stored=report.files_stored, missing=report.files_missing))
    text = "，".join(lines) + "。"
    if report.conflicts:
        text += "\n" + "\n".join(report.conflicts)
    return text


class FileOps:
    def __init__(self, session: CycleSession, window: QWidget, after_import):
        self.session, self.window, self.after_import = session, window, after_import

    def import_cycle(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("FileOps", "导入周期文件"), "",
                                                  translate("FileOps", "周期文件 (*.json *.zip)"))
            if not path:
                return False
        try:  # the file names its contract and cycle; the store finds (or creates) them
            report = self.session.db.transfer.import_file(Path(path), None)
        except user_errors() as exc:
            show_error(self.window, translate("FileOps", "无法导入周期文件"), exc)
            return False
        self.after_import(report.cycle_id)
        row = self.session.db.cycles.row(report.cycle_id)
        self._info(translate("FileOps", "导入完成"),
                   translate("FileOps", "已导入第{n}考核周期。").format(n=row.number) + report_text(report)
                   + translate("FileOps", "\n（导入不可撤销；如需撤回请删除相应记录。）"))
        return True

    def export_cycle(self, path: str | None = None) -> Path | None:
        if self.session.cycle_id is None:
            return None
        if path is None:
            n = self.session.data.cycle
            default = translate("FileOps", "{contract}-第{n}周期.zip").format(contract=self.session.data.contract.number, n=n)
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("FileOps", "导出周期文件"), default,
                translate("FileOps", "含附件的周期文件 (*.zip);;仅数据 (*.json)"))
            if not path:
                return None
        try:
            out = self.session.db.transfer.export(self.session.cycle_id, Path(path))
        except user_errors() as exc:
            show_error(self.window, translate("FileOps", "无法导出周期文件"), exc)
            return None
        self._info(translate("FileOps", "导出完成"), translate("FileOps", "已导出到：\n{path}").format(path=out))
        return out

    def load_demo(self) -> bool:
        try:
            cycle_id = load_demo(self.session.db)
        except user_errors() as exc:
            show_error(self.window, translate("FileOps", "无法载入演示数据"), exc)
            return False
        self.after_import(cycle_id)
        return True

    def export_pdf(self, path: str | None = None) -> Path | None:
        """Unsigned score sheet to ``path`` (asked for when None); the 签字导出 dialog offers signing."""
        if path is None:
            default = translate("FileOps", "{contract}-第{n}周期评分表.pdf").format(
                contract=self.session.data.contract.number, n=self.session.data.cycle)
            path, _ = QFileDialog.getSaveFileName(self.window, translate("FileOps", "导出评分表"), default,
                                                  "PDF (*.pdf)")
            if not path:
                return None
        try:
            out = export_score_sheet(self.session.db, self.session.cycle_id, Path(path))
        except user_errors() as exc:
            show_error(self.window, translate("FileOps", "无法导出评分表"), exc)
            return None
        return Path(out)

    def _info(self, title: str, text: str) -> None:
        if getattr(self.window, "quiet_errors", False):
            self.window.last_info = text
            return
        QMessageBox.information(self.window, title, text)
