"""文件 and 帮助 menu work: import/export cycle files and the demo cycle, on the task runner (ui/ops.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from panelapp.logsetup import record
from panelapp.paths import resource
from panelapp.ui.notify import notifier_of
from panelapp.ui.ops import TaskRunner
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
    db.transfer.import_file(path, cycle_id)
    return cycle_id


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
    def __init__(self, session: CycleSession, window: QWidget, runner: TaskRunner, after_import):
        self.session, self.window, self.runner, self.after_import = session, window, runner, after_import

    def import_cycle(self, path: str | None = None) -> bool:
        """Import on a worker (the file names its contract and cycle; the store finds or creates them)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, translate("FileOps", "导入周期文件"), "",
                                                  translate("FileOps", "周期文件 (*.json *.zip)"))
            if not path:
                return False

        def work(db):
            report = db.transfer.import_file(Path(path), None)
            return report, db.cycles.row(report.cycle_id).number

        def finished(result) -> None:
            report, number = result
            record("import", file=path, cycle_id=report.cycle_id)
            self.after_import(report.cycle_id)
            self._info(translate("FileOps", "导入完成"),
                       translate("FileOps", "已导入第{n}考核周期。").format(n=number) + report_text(report)
                       + translate("FileOps", "\n（导入不可撤销；如需撤回请删除相应记录。）"))

        return self.runner.run(translate("FileOps", "正在导入周期文件…"), work, finished,
                               error_title=translate("FileOps", "无法导入周期文件"), writes=True)

    def export_cycle(self, path: str | None = None) -> bool:
        if self.session.cycle_id is None:
            return False
        if path is None:
            n = self.session.data.cycle
            default = translate("FileOps", "{contract}-第{n}周期.zip").format(contract=self.session.data.contract.number, n=n)
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("FileOps", "导出周期文件"), default,
                translate("FileOps", "含附件的周期文件 (*.zip);;仅数据 (*.json)"))
            if not path:
                return False
        cycle_id = self.session.cycle_id

        def exported(out) -> None:
            record("export-cycle", cycle_id=cycle_id, file=out)
            self._info(translate("FileOps", "导出完成"), translate("FileOps", "已导出到：\n{path}").format(path=out))

        return self.runner.run(
            translate("FileOps", "正在导出周期文件…"), lambda db: db.transfer.export(cycle_id, Path(path)), exported,
            error_title=translate("FileOps", "无法导出周期文件"))

    def load_demo(self) -> bool:
        return self.runner.run(translate("FileOps", "正在载入演示数据…"), load_demo, self.after_import,
                               error_title=translate("FileOps", "无法载入演示数据"), writes=True)

    def _info(self, title: str, text: str) -> None:
        notifier_of(self.window).info(self.window, title, text)
