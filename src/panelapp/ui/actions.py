"""What the panel can do to evidence: dialogs in, undoable store edits out, errors as Chinese messages."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from panelapp.core.evidence import EVIDENCE_LABELS, ExemptWeek, FileRef, WeeklyReport
from panelapp.ui.commands import (
    AddEvidence,
    AttachFile,
    DeleteEvidence,
    DetachFile,
    Editor,
    SetItemOverride,
    UpdateEvidence,
)
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.forms.evidence_form import EvidenceDialog
from panelapp.ui.forms.fault_form import FaultContext, FaultDialog
from panelapp.ui.forms.override import OverrideDialog
from panelapp.ui.forms.specs import Bounds
from panelapp.ui.forms.unsaved import snapshot
from panelapp.ui.notify import notifier_of
from panelapp.ui.ops import TaskRunner
from panelapp.ui.session import CycleSession


def open_local_file(path: Path) -> bool:
    """Open a file with the system's viewer (attachments; the score sheet, to print it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class EvidenceActions(QObject):
    def __init__(self, session: CycleSession, editor: Editor, parent: QWidget, runner: TaskRunner):
        super().__init__(parent)
        self.session, self.editor, self.parent_widget, self.runner = session, editor, parent, runner
        self._tmp = Path(tempfile.mkdtemp(prefix="panelapp-"))

    # -- helpers ------------------------------------------------------------------------------
    def bounds(self) -> Bounds:
        contract, k = self.session.data.contract, self.session.data.cycle
        return Bounds(contract.cycle(k), contract.half_year(k), self.session.scheme.working_hours)

    def fault_context(self) -> FaultContext:
        scheme, data = self.session.scheme, self.session.data
        params = next(i.params for i in scheme.items if i.rule == "faults")
        return FaultContext(data.settings, params, data.assessed_on, frozenset(f.id for f in data.evidence.faults))

    def next_fault_id(self) -> str:
        taken = {f.id for f in self.session.data.evidence.faults}
        n = len(taken) + 1
        while f"F-{n:02d}" in taken:
            n += 1
        return f"F-{n:02d}"

    def run(self, cmd, title: str | None = None) -> bool:
        try:
            self.editor.run(cmd)
        except user_errors() as exc:
            show_error(self.parent_widget, title or self.tr("无法保存"), exc)
            return False
        return True

    def dialog(self, kind: str, obj=None, submit=None) -> EvidenceDialog:
        if kind == "faults":
            dlg = FaultDialog(self.bounds(), self.fault_context(), obj, self.parent_widget, submit,
                              next_id=self.next_fault_id())
        else:
            dlg = EvidenceDialog(kind, self.bounds(), obj, self.parent_widget, submit)
        return dlg

    def _open(self, dlg: QDialog) -> QDialog:
        return notifier_of(self.parent_widget).run(dlg)

    # -- evidence -----------------------------------------------------------------------------
    def add(self, kind: str, template=None, title: str | None = None) -> QDialog:
        """Open the form; on 保存 the record is added (one undo step). ``title`` says what it is for."""
        return self._open(self.add_form(kind, template, title))

    def add_form(self, kind: str, template=None, title: str | None = None) -> QDialog:
        """The form ``add`` opens, not shown yet."""
        def submit(obj):
            self.editor.run(AddEvidence(self.session, kind, obj))

        dlg = self.dialog(kind, template, submit)
        if template is not None:
            dlg.setWindowTitle(title or self.tr("复制{kind}").format(kind=EVIDENCE_LABELS[kind]))
            dlg.original = None
            dlg.pristine = snapshot(dlg)  # the template is what it starts from, not an edit to ask about
        return dlg

    def edit(self, kind: str, record_id: int) -> QDialog:
        old = self.session.record(kind, record_id)

        def submit(obj):
            if obj != old:
                self.editor.run(UpdateEvidence(self.session, kind, record_id, old, obj))

        return self._open(self.dialog(kind, old, submit))

    def duplicate(self, kind: str, record_id: int) -> QDialog:
        obj = self.session.record(kind, record_id)
        if kind == "faults":
            obj = dataclasses.replace(obj, id=self.next_fault_id())
        return self.add(kind, obj)

    def delete(self, kind: str, record_ids: list[int]) -> bool:
        cmds = [DeleteEvidence(self.session, kind, rid, self.session.record(kind, rid)) for rid in record_ids]
        if not cmds:
            return False
        try:
            if len(cmds) == 1:
                self.editor.run(cmds[0])
            else:
                self.editor.macro(self.tr("删除{n}条{kind}").format(n=len(cmds), kind=EVIDENCE_LABELS[kind]), cmds)
        except user_errors() as exc:
            show_error(self.parent_widget, self.tr("无法删除"), exc)
            return False
        return True

    # -- weeks (1.1) --------------------------------------------------------------------------
    def exempt_week(self, monday, reason: str) -> bool:
        reason = reason.strip()
        if not reason:
            show_error(self.parent_widget, self.tr("未保存"), self.tr("标记免报周必须写明理由。"))
            return False
        return self.run(AddEvidence(self.session, "exempt_weeks", ExemptWeek(monday, reason), self.tr("标记免报周")))

    def unexempt_week(self, monday) -> bool:
        kind = "exempt_weeks"
        for obj, rid in zip(self.session.records(kind), self.session.ids[kind], strict=True):
            if obj.week_of - timedelta(days=obj.week_of.weekday()) == monday:
                return self.run(DeleteEvidence(self.session, kind, rid, obj, self.tr("取消免报周")))
        return False

    def report_template(self, week) -> WeeklyReport:
        return WeeklyReport(week.monday, self.tr("第{n}周巡检报告").format(n=week.number))

    # -- overrides ----------------------------------------------------------------------------
    def override_item(self, item_id: str) -> QDialog:
        item = self.session.result.item(item_id)
        dlg = OverrideDialog(item, self.parent_widget)

        def done(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                return
            old = self.session.data.item_overrides.get(item_id)
            if dlg.choice != old:
                self.run(SetItemOverride(self.session, item_id, old, dlg.choice))

        dlg.finished.connect(done)
        return self._open(dlg)

    # -- attachments --------------------------------------------------------------------------
    def attach(self, kind: str, record_id: int, paths: list[Path], done=None) -> int:
        """Store the files on a worker (hashing and writing 50 MB takes a while), then one undo step.

        Returns how many files are being attached (0 when none, or while another task runs);
        ``done()`` is called on the GUI thread once they are attached.
        """
        paths = [Path(p) for p in paths if Path(p).is_file()]
        if not paths:
            return 0
        record_id = self.session.resolve(kind, record_id)

        def work(db) -> list[FileRef]:
            refs: list[FileRef] = []
            try:
                for path in paths:
                    refs.append(db.attachments.attach(kind, record_id, path))
            except Exception:
                for ref in refs:  # all or nothing, as one undo step
                    db.attachments.detach(kind, record_id, ref.sha256)
                raise
            return refs

        def finished(refs: list[FileRef]) -> None:
            cmds = []
            for path, ref in zip(paths, refs, strict=True):
                cmd = AttachFile(self.session, kind, record_id, path)
                cmd.sha256 = ref.sha256
                cmds.append(cmd)
            self.session.files_changed(kind, record_id)
            self.editor.push_done(cmds, self.tr("添加{n}个附件").format(n=len(cmds)))
            if done is not None:
                done()

        label = self.tr("正在添加附件 {name}…").format(name=paths[0].name) if len(paths) == 1 else \
            self.tr("正在添加{n}个附件…").format(n=len(paths))
        started = self.runner.run(label, work, finished, error_title=self.tr("无法添加附件"), writes=True)
        return len(paths) if started else 0

    def detach(self, kind: str, record_id: int, ref: FileRef) -> bool:
        return self.run(DetachFile(self.session, kind, record_id, ref, self._tmp / "removed" / ref.sha256))

    def _export_path(self, ref: FileRef) -> Path:
        return self._tmp / ref.sha256[:16] / ref.name

    def export_file(self, ref: FileRef) -> Path | None:
        """The attachment as a file now (image previews: small); ``open_file`` uses the worker."""
        dest = self._export_path(ref)
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.session.db.attachments.export(ref.sha256, dest)
            except user_errors() as exc:
                show_error(self.parent_widget, self.tr("无法读取附件"), exc)
                return None
        return dest

    def open_file(self, ref: FileRef) -> bool:
        """Open with the system's viewer; a file not yet written out is read from the store on the worker."""
        dest = self._export_path(ref)
        if dest.exists():
            return open_local_file(dest)

        def work(db) -> Path:
            dest.parent.mkdir(parents=True, exist_ok=True)
            return db.attachments.export(ref.sha256, dest)

        return self.runner.run(self.tr("正在读取附件 {name}…").format(name=ref.name), work, open_local_file,
                               error_title=self.tr("无法读取附件"))
