"""One small task runner for the window's slow work, in the spirit of Anki's ``CollectionOp``.

The GUI thread prepares the inputs (paths, options, the cycle id) and calls
``runner.run(label, work, done)``. ``work(db)`` runs on a QThreadPool thread with
its own handle on the database (``store.worker.worker_handle``: its own Session
and SQLite connection; the window's session is never touched off the GUI thread).
The result comes back to the GUI thread through a queued signal and is passed to
``done``; a user error (StoreError, ReportError, ValueError, OSError…) is shown as
a Chinese message under ``error_title``; any other exception is re-raised on the
GUI thread, where it is a bug like any other.

One task runs at a time: ``run`` refuses a second one (status-bar message) and the
window disables the actions that start tasks while one runs (``busyChanged``).
While a task that writes runs, ``check_can_write`` refuses the window's own edits
(an edit would otherwise wait on SQLite's write lock and freeze the window).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from panelapp.ui.errors import show_error, user_errors

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


class BusyError(ValueError):
    """Refused because a slow task is still running (shown like any other user error)."""


@dataclass
class _Task:
    label: str
    work: Callable[[Any], Any]
    done: Callable[[Any], None] | None
    error_title: str | None
    failed: Callable[[BaseException], None] | None
    writes: bool
    use_handle: bool


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, task: _Task):
        super().__init__()
        self.runner, self.task_id, self.task = runner, task_id, task
        self.setAutoDelete(True)

    def run(self) -> None:  # on a pool thread
        from panelapp.store.worker import worker_handle

        try:
            if not self.task.use_handle:
                result: Any = self.task.work(self.runner.db)
            else:
                handle = worker_handle(self.runner.db)
                try:
                    result = self.task.work(handle)
                finally:
                    handle.close()
        except BaseException as exc:
            self.runner._finished.emit(self.task_id, False, exc)
            return
        self.runner._finished.emit(self.task_id, True, result)


class TaskRunner(QObject):
    busyChanged = Signal(bool)  # a task started (True) or the last one ended (False)
    progress = Signal(str)  # the running task's label (empty when idle)
    _finished = Signal(int, bool, object)  # emitted on the pool thread, delivered on the GUI thread

    def __init__(self, db, parent: QWidget, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.db, self.parent_widget = db, parent
        self.pool = pool or QThreadPool.globalInstance()
        self._tasks: dict[int, _Task] = {}
        self._next = 0
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    # -- state --------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    @property
    def label(self) -> str:
        return next(iter(self._tasks.values())).label if self._tasks else ""

    def check_can_write(self) -> None:
        """Raises BusyError (Chinese) while a task that writes to the database runs."""
        for task in self._tasks.values():
            if task.writes:
                raise BusyError(translate("Tasks", "{task}尚未完成，请稍候再保存（已填写的内容未丢失）。").format(
                    task=task.label.rstrip("…")))

    # -- running ------------------------------------------------------------------------------
    def run(self, label: str, work: Callable[[Any], Any], done: Callable[[Any], None] | None = None, *,
            error_title: str | None = None, failed: Callable[[BaseException], None] | None = None,
            writes: bool = False, use_handle: bool = True) -> bool:
        """Start ``work(db_handle)`` on a worker; False (and nothing started) while another task runs.

        A user error goes to ``failed`` when given, else it is shown under ``error_title``.
        ``use_handle=False`` passes the window's own database instead of a worker handle: only
        for closing it, when the GUI thread no longer uses it.
        """
        if self._tasks:
            self._say(translate("Tasks", "请稍候：{task}").format(task=self.label))
            return False
        self._next += 1
        task = _Task(label, work, done, error_title, failed, writes, use_handle)
        self._tasks[self._next] = task
        self.busyChanged.emit(True)
        self.progress.emit(label)
        self.pool.start(_Job(self, self._next, task))
        return True

    @Slot(int, bool, object)
    def _on_finished(self, task_id: int, ok: bool, payload: object) -> None:
        task = self._tasks.pop(task_id)
        if not self._tasks:
            self.progress.emit("")
            self.busyChanged.emit(False)
        if ok:
            if task.done is not None:
                task.done(payload)
            return
        assert isinstance(payload, BaseException)
        if not isinstance(payload, user_errors()):
            raise payload  # a bug: the GUI thread's excepthook reports it
        if task.failed is not None:
            task.failed(payload)
        else:
            show_error(self.parent_widget, task.error_title or task.label, payload)

    def settle(self, timeout: float = 60.0) -> bool:
        """Process events until no task runs, nor is started by what the last one posted
        (closing the window, the self-test, tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if not self._tasks:
                QCoreApplication.processEvents()
                if not self._tasks:
                    return True
            self.pool.waitForDone(5)
        return not self._tasks

    def _say(self, text: str) -> None:
        window = self.parent_widget.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 4000)
