"""The main window only assembles: score bar, navigator, section tabs, menus, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from panelapp import __version__
from panelapp.core.engine import score_cycle
from panelapp.ui.actions import EvidenceActions
from panelapp.ui.commands import Editor
from panelapp.ui.context import WindowContext
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.file_ops import FileOps
from panelapp.ui.forms.evidence_form import EvidenceDialog
from panelapp.ui.housekeeping import Housekeeping, remember
from panelapp.ui.menus import build_menus
from panelapp.ui.notify import Notifier
from panelapp.ui.ops import TaskRunner
from panelapp.ui.people import People
from panelapp.ui.session import CycleSession
from panelapp.ui.sheet_ops import SheetOps
from panelapp.ui.signoff import SignOff
from panelapp.ui.tabs.materials import MaterialsTab
from panelapp.ui.tabs.response import ResponseTab
from panelapp.ui.tabs.stability import StabilityTab
from panelapp.ui.tabs.summary import SummaryTab
from panelapp.ui.widgets.navigator import Navigator
from panelapp.ui.widgets.score_bar import ScoreBar
from panelapp.ui.window_state import WindowState

#: menu actions that start a task or write outside the undo stack: disabled while a task runs
TASK_ACTIONS = ("import", "export", "pdf", "print", "verify", "annual", "finalise", "reopen", "panel", "demo")


def _close_database(db) -> BaseException | None:
    """On the worker: close (and back up) the database; whatever happens, the window then closes."""
    try:
        db.close()
    except Exception as exc:  # the lock is released and the file closed even then (store.close)
        return exc
    return None


class MainWindow(QMainWindow):
    """``notifier`` tells and asks the user (ui/notify.py); the window closes ``db`` when it closes
    (with the automatic backup, on a worker)."""

    def __init__(self, db, settings: QSettings | None = None, notifier: Notifier | None = None):
        super().__init__()
        self.db = db
        self.settings = settings or QSettings()
        self.notifier = notifier or Notifier()
        self.setWindowTitle(self.tr("考核组评分台"))
        self.session = CycleSession(db, self)
        self.runner = TaskRunner(db, self)
        self.editor = Editor(self.session, QUndoStack(self), self.runner.check_can_write)
        self.actions = EvidenceActions(self.session, self.editor, self, self.runner)
        self.ctx = WindowContext(self.session, self.actions, self)
        self.files = FileOps(self.session, self, self.runner, self.reload_all)
        self.signoff = SignOff(self.session, self, self.editor)
        self.sheets = SheetOps(self.session, self, self.runner)
        self.score_bar = ScoreBar(self)
        self.navigator = Navigator(self)
        self.tabs = QTabWidget(self)
        self.tab_titles = []
        self.section_tabs = []
        self.summary_tab = None
        self._to_score: list[int] = []
        self.cycle_rows: dict = {}  # the navigator's cycles (CycleRow by id), as load_navigator read them
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.score_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([225, 1140])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.task_label = QLabel(self)
        self.task_bar = QProgressBar(self)
        self.task_bar.setRange(0, 0)  # busy: the tasks cannot tell how far they are
        self.task_bar.setMaximumWidth(160)
        self.task_bar.setMaximumHeight(14)
        self.task_bar.setTextVisible(False)
        for widget in (self.task_label, self.task_bar):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.operator_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.operator_label)
        self._close_pending = False
        self.people = People(self, self.session, self.operator_label)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databasePath")
        self.statusBar().addPermanentWidget(self.db_label)
        self.housekeeping = Housekeeping(self)
        self.state = WindowState(self, self.splitter, self.settings)
        self.navigator.cycleChosen.connect(self.open_cycle)
        self.session.scored.connect(self.on_scored)
        self.editor.stack.indexChanged.connect(self._on_stack_index)
        self.runner.progress.connect(self._on_task)
        self.runner.busyChanged.connect(self._on_busy)
        self.load_navigator()
        build_menus(self)
        self.state.restore()
        self.set_operator(db.operator)
        self.show_database_path()
        remember(self.settings, Path(db.path))

    # -- building -----------------------------------------------------------------------------
    def build_tabs(self) -> None:
        """Tabs are built once the first cycle is open (they follow its scheme)."""
        if self.section_tabs:
            return
        scheme = self.session.scheme
        for tab_class in (MaterialsTab, StabilityTab, ResponseTab):
            tab = tab_class(self.ctx, self.tabs)
            first = next(i for i in scheme.items if i.rule in tab_class.RULES)
            section = next(s for s in scheme.sections if s.id == first.section)
            title = f"{section.name}（{section.points}）"
            self.tabs.addTab(tab, title)
            self.tab_titles.append(title)
            self.section_tabs.append(tab)
        self.summary_tab = SummaryTab(self.ctx, self.tabs)
        summary_scroll = QScrollArea(self.tabs)  # at 150 % on 1366×768 the summary scrolls, the window still fits
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        summary_scroll.setWidget(self.summary_tab)
        self.tabs.addTab(summary_scroll, self.tr("汇总"))
        self.tab_titles.append(self.tr("汇总"))
        for action, title in zip(self.tab_actions, self.tab_titles, strict=False):
            action.setText(title)

    def load_navigator(self) -> None:
        contracts = [(crow, self.db.cycles.of_contract(crow.id)) for crow in self.db.cycles.contracts()]
        self.navigator.load(contracts)
        self.cycle_rows = {row.id: row for _crow, rows in contracts for row in rows}
        if contracts:
            self.people.contract_id = contracts[0][0].id

    # -- cycles -------------------------------------------------------------------------------
    def open_cycle(self, cycle_id: int) -> None:
        if cycle_id == self.session.cycle_id:
            return
        try:
            self.session.load(cycle_id)  # reads the store once; no signals yet
        except user_errors() as exc:
            show_error(self, self.tr("无法打开考核周期"), exc)
            return
        self.build_tabs()
        self.editor.stack.clear()
        self.session.announce()
        self.navigator.select_cycle(cycle_id)
        self.settings.setValue("cycle_id", cycle_id)

    def reload_all(self, cycle_id: int | None = None) -> None:
        self.load_navigator()
        target = cycle_id or self.session.cycle_id
        self.session.cycle_id = None
        if target is not None:
            self.open_cycle(target)
        QTimer.singleShot(0, self.score_other_cycles)

    def score_other_cycles(self) -> None:
        """Navigator scores of the cycles not open."""
        self.score_cycles([c for c in self.navigator.cycle_ids() if c != self.session.cycle_id])

    def score_cycles(self, cycle_ids: list[int]) -> None:
        """Navigator scores of ``cycle_ids``: one per event-loop turn, so the window stays responsive."""
        if self.db.closed:  # the window is closing
            return
        idle = not self._to_score
        self._to_score += [c for c in cycle_ids if c not in self._to_score]
        if idle:
            QTimer.singleShot(0, self._score_next)

    def _score_next(self) -> None:
        if not self._to_score or self.db.closed:
            return
        cycle_id = self._to_score.pop(0)
        try:
            data, _ids = self.db.cycles.data(cycle_id)
            self.navigator.set_score(cycle_id, score_cycle(data).total, empty=data.is_empty)
        except user_errors():
            self.navigator.set_score(cycle_id, None)
        QTimer.singleShot(0, self._score_next)

    def on_scored(self) -> None:
        result, row = self.session.result, self.session.row
        empty = self.session.data is not None and self.session.data.is_empty
        self.score_bar.set_result(result, empty=empty)
        if result is not None:
            state = self.tr("（已定稿，只读）") if self.session.is_final else ""
            self.score_bar.set_context(self.tr("{contract}{state}\n第{cycle}周期 {start}～{end}").format(
                contract=self.session.data.contract.number, state=state, cycle=result.cycle,
                start=result.start, end=result.end))
            self.navigator.set_score(self.session.cycle_id, result.total, row.status if row else None, empty=empty)
            self.setWindowTitle(self.tr("考核组评分台 — {contract} 第{cycle}周期").format(
                contract=result.contract, cycle=result.cycle))

    def _on_stack_index(self, _index: int) -> None:
        text = self.editor.stack.undoText()
        if text and not self._narrating:
            self.statusBar().showMessage(self.tr("已保存：{action}（Ctrl+Z 撤销）").format(action=text), 4000)

    # -- tasks, undo and redo ------------------------------------------------------------------
    def _on_task(self, label: str) -> None:
        """The running task in the status bar, with a busy indicator; the rest of the window stays usable."""
        self.task_label.setText(label)
        self.task_label.setVisible(bool(label))
        self.task_bar.setVisible(bool(label))

    def _on_busy(self, busy: bool) -> None:
        for name in TASK_ACTIONS:
            action = self.menu_actions.get(name)
            if action is not None:
                action.setEnabled(not busy)
        if not busy and self._close_pending:
            self._close_pending = False
            QTimer.singleShot(0, self.close)

    _narrating = False

    def undo(self) -> None:
        """Ctrl+Z through the editor; the status line says what was undone."""
        text = self.editor.stack.undoText()
        self._narrating = True
        try:
            self.editor.undo()
        except user_errors() as exc:
            show_error(self, self.tr("无法撤销"), exc)
            return
        finally:
            self._narrating = False
        if text:
            self.statusBar().showMessage(self.tr("已撤销：{action}（Ctrl+Y 重做）").format(action=text), 6000)

    def redo(self) -> None:
        text = self.editor.stack.redoText()
        self._narrating = True
        try:
            self.editor.redo()
        except user_errors() as exc:
            show_error(self, self.tr("无法重做"), exc)
            return
        finally:
            self._narrating = False
        if text:
            self.statusBar().showMessage(self.tr("已重做：{action}（Ctrl+Z 撤销）").format(action=text), 6000)

    def say_autosaved(self) -> None:
        """Ctrl+S: every edit is already in the database; say so (export is Ctrl+Shift+S)."""
        self.statusBar().showMessage(self.tr("已自动保存：每次修改完成即写入数据库，无需手动保存。"
                                             "导出周期文件请用 Ctrl+Shift+S。"), 6000)

    def go_to_tab(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def show_database_path(self) -> None:
        path = str(self.db.path)
        self.db_label.setText(self.tr("数据库：{name}").format(name=Path(path).name))
        self.db_label.setToolTip(path)
        self.db_label.setStatusTip(path)

    def show_help(self) -> None:
        from panelapp.ui.help import show_help

        show_help(self)

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from panelapp.logsetup import default_log_dir, log_path

        folder = log_path().parent if log_path() is not None else default_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- people -----------------------------------------------------------------------------
    def set_operator(self, name: str) -> None:
        self.people.set_operator(name)

    def choose_operator(self) -> None:
        self.people.choose_operator(self.settings)

    def edit_panel(self):
        return self.people.edit_panel()

    # -- shortcuts ----------------------------------------------------------------------------
    def current_section_tab(self):
        tab = self.tabs.currentWidget()
        return tab if tab in self.section_tabs else None

    def table_action(self, what: str):
        tab = self.current_section_tab()
        table = tab.current_table(focused_only=what == "delete") if tab else None  # Delete only where the focus is
        if table is None or (what != "add" and table.current_id() is None):
            self.statusBar().showMessage(self.tr("请先在表格中选择一行"), 3000)
            return None
        if what in ("add", "edit", "duplicate") and what not in table.buttons:
            return None
        return getattr(table, f"do_{what}")()

    def focus_filter(self) -> None:
        tab = self.current_section_tab()
        table = tab.current_table() if tab else None
        if table is not None:
            table.focus_filter()

    def override_current(self) -> None:
        tab = self.current_section_tab()
        if tab and tab.current_item_id():
            self.actions.override_item(tab.current_item_id())

    def history_current(self) -> None:
        tab = self.current_section_tab()
        if tab and tab.current_item_id():
            self.ctx.show_history(tab.current_item_id())

    def show_item(self, item_id: str) -> None:
        for i, tab in enumerate(self.section_tabs):
            if tab.owns(item_id):
                self.tabs.setCurrentIndex(i)
                tab.show_item(item_id)

    # -- zoom and state -----------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        factor = self.state.zoom(step)
        self.statusBar().showMessage(self.tr("字号 {percent}%").format(percent=int(factor * 100)), 2000)

    @property
    def zoom_factor(self) -> float:
        return self.state.factor

    def start(self, cycle_id: int | None = None) -> None:
        """Open the given cycle, else the one containing today, else the last one used, else the latest started."""
        ids = self.navigator.cycle_ids()
        remembered = self.settings.value("cycle_id")
        if cycle_id is None and ids:
            cycle_id = self.cycle_of_today(ids)
        if cycle_id is None and remembered is not None and int(remembered) in ids:
            cycle_id = int(remembered)
        if cycle_id is None and ids:
            cycle_id = self.current_cycle_guess(ids)
        if cycle_id is not None:
            self.open_cycle(cycle_id)
            self.tabs.setCurrentIndex(int(self.settings.value("tab", 0) or 0))
        QTimer.singleShot(50, self.score_other_cycles)

    def cycle_of_today(self, ids: list[int]) -> int | None:
        from datetime import date

        today = date.today()
        return next((i for i in ids if (p := self.cycle_rows[i].period).start <= today <= p.end), None)

    def current_cycle_guess(self, ids: list[int]) -> int:
        """The latest open cycle that has started, else the first."""
        from datetime import date

        today = date.today()
        rows = [self.cycle_rows[i] for i in ids]
        started = [r for r in rows if r.period.start <= today and r.status == "open"]
        return started[-1].id if started else ids[0]

    def closeEvent(self, event) -> None:
        """Close once the running task is done; the database is closed (and backed up) on a worker."""
        for dlg in self.findChildren(EvidenceDialog):  # a half-filled form asks before it is dropped
            if dlg.isVisible():
                dlg.reject()
                if dlg.isVisible():
                    event.ignore()
                    return
        if self.runner.busy:
            self._close_pending = True  # _on_busy closes when the task is done
            self.statusBar().showMessage(self.tr("{task}完成后关闭窗口").format(task=self.runner.label.rstrip("…")))
            event.ignore()
            return
        if not self.db.closed:
            self.state.save(self.tabs.currentIndex())
            self.editor.stack.clear()  # release the Python undo commands while Python is alive
            self._to_score = []
            self.centralWidget().setEnabled(False)
            self.menuBar().setEnabled(False)
            self.runner.run(self.tr("正在关闭数据库并自动备份…"), _close_database, self._closed_db,
                            use_handle=False)
            event.ignore()
            return
        super().closeEvent(event)

    def _closed_db(self, error: BaseException | None) -> None:
        if error is not None or self.db.backup_error:
            show_error(self, self.tr("自动备份失败"), self.db.backup_error or f"{type(error).__name__}: {error}")
        self.close()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr("考核组评分台 panelapp {version}\n按合同附件2、附件3的考核办法评分。").format(
            version=__version__))
