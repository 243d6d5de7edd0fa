"""Real widgets on a temporary database: the window, the demo cycle, helpers to type into forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from panelapp.store import open_database
from panelapp.ui.bootstrap import make_application
from panelapp.ui.file_ops import cycle_id_for, load_demo
from panelapp.ui.selftest import RecordingNotifier


@pytest.fixture(scope="session")
def app():
    return make_application()


class Env:
    """A database file and the window's settings, re-openable to test persistence."""

    def __init__(self, tmp: Path, app):
        self.tmp, self.app = tmp, app
        self.db_path = tmp / "panel.sqlite"
        self.settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        self.db = None
        self.window = None

    def open(self, qtbot, demo: bool = False, cycle: int = 2):
        from panelapp.ui.main_window import MainWindow

        self.db = open_database(self.db_path)
        cycle_id = cycle_id_for(self.db, cycle)
        if demo:
            cycle_id = load_demo(self.db)
        self.notifier = RecordingNotifier()
        self.window = MainWindow(self.db, self.settings, self.notifier)
        self.window.set_operator("组员甲")
        self.window.start(cycle_id if demo or self.settings.value("cycle_id") is None else None)
        self.window.resize(1366, 768)
        self.window.show()
        return self.window

    def close(self):
        """Close the window (it closes the database on a worker) and delete it, with its dialogs."""
        if self.window is not None:
            window, self.window = self.window, None
            for dialog in self.notifier.dialogs:
                dialog.done(0)  # closes without the 保存/放弃/取消 prompt of a changed form
            window.close()
            assert window.runner.settle(), "the window's task did not finish"
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
        if self.db is not None:
            self.db.close()
            self.db = None


@pytest.fixture
def env(tmp_path, app):
    e = Env(tmp_path, app)
    yield e
    e.close()


@pytest.fixture
def window(env, qtbot):
    return env.open(qtbot, demo=True)


@pytest.fixture
def blank_window(env, qtbot):
    return env.open(qtbot, demo=False, cycle=2)
