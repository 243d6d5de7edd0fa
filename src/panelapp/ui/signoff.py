"""定稿 / 撤销定稿 from the window: freeze the cycle with its fingerprint, or reopen it with a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from panelapp.report.export import finalise_cycle, reopen_cycle
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.notify import notifier_of
from panelapp.ui.session import CycleSession

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


class SignOff:
    def __init__(self, session: CycleSession, window: QWidget, editor):
        self.session, self.window, self.editor = session, window, editor

    def finalise(self) -> bool:
        if self.session.cycle_id is None or self.session.is_final:
            return False
        if not notifier_of(self.window).ask(
                self.window, translate("MainWindow", "定稿"),
                translate("MainWindow", "定稿后本周期不能再修改（如需修改须撤销定稿并写明理由）。确定定稿？")):
            return False
        try:
            value = finalise_cycle(self.session.db, self.session.cycle_id)
        except user_errors() as exc:
            show_error(self.window, translate("MainWindow", "无法定稿"), exc)
            return False
        self.editor.stack.clear()  # edits of a frozen cycle cannot be undone
        self.session.reload()
        self.window.statusBar().showMessage(translate("MainWindow", "已定稿，数据指纹 {fingerprint}…").format(fingerprint=value[:16]), 8000)
        return True

    def reopen(self) -> bool:
        if self.session.cycle_id is None or not self.session.is_final:
            return False
        reason = notifier_of(self.window).text(self.window, translate("MainWindow", "撤销定稿"),
                                               translate("MainWindow", "撤销定稿的理由（必填，记入操作记录）："))
        if reason is None:
            return False
        if not reason.strip():
            show_error(self.window, translate("MainWindow", "未撤销定稿"), translate("MainWindow", "撤销定稿必须写明理由。"))
            return False
        try:
            reopen_cycle(self.session.db, self.session.cycle_id, reason)
        except user_errors() as exc:
            show_error(self.window, translate("MainWindow", "无法撤销定稿"), exc)
            return False
        self.session.reload()
        version = self.session.row.version
        self.window.statusBar().showMessage(translate("MainWindow", "已撤销定稿，现为第{version}版").format(version=version), 8000)
        return True
