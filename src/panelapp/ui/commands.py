"""Undoable edits. Every command calls the store through the session; nothing is written half-way.

``Editor.run(cmd)`` performs the edit once *before* pushing it, so a refused
edit (StoreError, validation) leaves neither the database nor the undo stack
changed and the message can be shown to the user. ``Editor.undo()`` / ``redo()``
do the same for undo and redo: the store is asked first, and the stack moves only
when it agreed (the menu's 撤销/重做 go through them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from panelapp.core.evidence import EVIDENCE_LABELS, ItemOverride, Settings
from panelapp.ui.session import CycleSession

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


class _Cmd(QUndoCommand):
    def __init__(self, session: CycleSession, text: str):
        super().__init__(text)
        self.session = session
        self._done_once = False
        self._reverted_once = False

    def redo(self) -> None:  # Qt calls redo() on push and on redo: skip when the editor already did it
        if self._done_once:
            self._done_once = False
            return
        self.do()

    def undo(self) -> None:  # Qt calls undo(): skip when the editor already did it
        if self._reverted_once:
            self._reverted_once = False
            return
        self.revert()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class Macro(_Cmd):
    """Several edits as one undo step, all or nothing in each direction."""

    def __init__(self, session: CycleSession, text: str, cmds: list[_Cmd]):
        super().__init__(session, text)
        self.cmds = list(cmds)

    def do(self) -> None:
        done: list[_Cmd] = []
        try:
            for cmd in self.cmds:
                cmd.do()
                done.append(cmd)
        except Exception:
            for cmd in reversed(done):
                cmd.revert()
            raise

    def revert(self) -> None:
        undone: list[_Cmd] = []
        try:
            for cmd in reversed(self.cmds):
                cmd.revert()
                undone.append(cmd)
        except Exception:
            for cmd in reversed(undone):
                cmd.do()
            raise


class AddEvidence(_Cmd):
    def __init__(self, session, kind: str, obj, text: str | None = None):
        super().__init__(session, text or translate("UndoCommand", "新增{kind}").format(kind=EVIDENCE_LABELS[kind]))
        self.kind, self.obj, self.record_id = kind, obj, None

    def do(self) -> None:
        new_id = self.session.add(self.kind, self.obj)
        if self.record_id is None:
            self.record_id = new_id
        else:
            self.session.alias(self.kind, self.record_id, new_id)

    def revert(self) -> None:
        self.session.delete(self.kind, self.record_id)


class UpdateEvidence(_Cmd):
    def __init__(self, session, kind: str, record_id: int, old, new, text: str | None = None):
        super().__init__(session, text or translate("UndoCommand", "修改{kind}").format(kind=EVIDENCE_LABELS[kind]))
        self.kind, self.record_id, self.old, self.new = kind, record_id, old, new

    def do(self) -> None:
        self.session.update(self.kind, self.record_id, self.new)

    def revert(self) -> None:
        self.session.update(self.kind, self.record_id, self.old)


class DeleteEvidence(_Cmd):
    def __init__(self, session, kind: str, record_id: int, old, text: str | None = None):
        super().__init__(session, text or translate("UndoCommand", "删除{kind}").format(kind=EVIDENCE_LABELS[kind]))
        self.kind, self.record_id, self.old = kind, record_id, old

    def do(self) -> None:
        self.session.delete(self.kind, self.record_id)

    def revert(self) -> None:
        current = self.session.resolve(self.kind, self.record_id)
        new_id = self.session.add(self.kind, self.old)
        self.session.alias(self.kind, current, new_id)


class SetItemOverride(_Cmd):
    def __init__(self, session, item_id: str, old: ItemOverride | None, new: ItemOverride | None):
        text = translate("UndoCommand", "调整{item}扣分") if new else translate("UndoCommand", "取消{item}扣分调整")
        super().__init__(session, text.format(item=item_id))
        self.item_id, self.old, self.new = item_id, old, new

    def do(self) -> None:
        self.session.set_override(self.item_id, self.new)

    def revert(self) -> None:
        self.session.set_override(self.item_id, self.old)


class SetSettings(_Cmd):
    def __init__(self, session, old: Settings, new: Settings):
        super().__init__(session, translate("UndoCommand", "修改评分设置"))
        self.old, self.new = old, new

    def do(self) -> None:
        self.session.set_settings(self.new)

    def revert(self) -> None:
        self.session.set_settings(self.old)


class AttachFile(_Cmd):
    def __init__(self, session, kind: str, record_id: int, path: Path):
        super().__init__(session, translate("UndoCommand", "添加附件 {name}").format(name=Path(path).name))
        self.kind, self.record_id, self.path, self.sha256 = kind, record_id, Path(path), None

    def do(self) -> None:
        self.sha256 = self.session.attach(self.kind, self.record_id, self.path).sha256

    def revert(self) -> None:
        self.session.detach(self.kind, self.record_id, self.sha256)


class DetachFile(_Cmd):
    """Undo re-links the stored blob: the store keeps blobs content-addressed, so it is exported and re-attached."""

    def __init__(self, session, kind: str, record_id: int, ref, keep_dir: Path):
        super().__init__(session, translate("UndoCommand", "移除附件 {name}").format(name=ref.name))
        self.kind, self.record_id, self.ref = kind, record_id, ref
        self.copy = Path(keep_dir) / ref.name

    def do(self) -> None:
        if not self.copy.exists():
            self.copy.parent.mkdir(parents=True, exist_ok=True)
            self.session.db.attachments.export(self.ref.sha256, self.copy)
        self.session.detach(self.kind, self.record_id, self.ref.sha256)

    def revert(self) -> None:
        self.session.attach(self.kind, self.record_id, self.copy)


class Editor:
    """The undo stack and the one way edits are made.

    ``guard()`` (given by the window) raises a user error while the database must not be
    written from the GUI thread (a worker is importing or attaching files).
    """

    def __init__(self, session: CycleSession, stack: QUndoStack | None = None, guard: Callable[[], None] | None = None):
        self.session = session
        self.stack = stack or QUndoStack()
        self.guard = guard or (lambda: None)

    def run(self, cmd: _Cmd) -> None:
        """Do the edit; raises (StoreError, ValueError…) without touching the stack if refused."""
        self.guard()
        cmd.do()
        cmd._done_once = True
        self.stack.push(cmd)

    def macro(self, text: str, cmds: list[_Cmd]) -> None:
        """Several edits as one undo step; if one fails, those already done are undone."""
        self.run(Macro(self.session, text, cmds))

    def push_done(self, cmds: list[_Cmd], text: str | None = None) -> None:
        """Record edits a worker has already made (attached files) as one undo step."""
        cmd = cmds[0] if len(cmds) == 1 else Macro(self.session, text or cmds[0].text(), cmds)
        cmd._done_once = True
        self.stack.push(cmd)

    def undo(self) -> bool:
        """Undo the last step; raises (stack and database unchanged) if the store refuses."""
        if not self.stack.canUndo():
            return False
        self.guard()
        cmd = self.stack.command(self.stack.index() - 1)
        if isinstance(cmd, _Cmd):  # asked first
            cmd.revert()
            cmd._reverted_once = True
        self.stack.undo()
        return True

    def redo(self) -> bool:
        """Redo the next step; raises (stack and database unchanged) if the store refuses."""
        if not self.stack.canRedo():
            return False
        self.guard()
        cmd = self.stack.command(self.stack.index())
        if isinstance(cmd, _Cmd):
            cmd.do()
            cmd._done_once = True
        self.stack.redo()
        return True


class SetAssessedOn(_Cmd):
    def __init__(self, session, old, new):
        super().__init__(session, translate("UndoCommand", "修改评定日期"))
        self.old, self.new = old, new

    def do(self) -> None:
        self.session.set_assessed_on(self.new)

    def revert(self) -> None:
        self.session.set_assessed_on(self.old)
