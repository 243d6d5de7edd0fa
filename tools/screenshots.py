"""Screenshots of every tab at 1366×768 and 1920×1080 on the demo cycle → docs/screenshots/.

    PYTHONPATH=src python tools/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from panelapp.ui.bootstrap import ensure_platform, make_application

SIZES = ((1366, 768), (1920, 1080))
#: (file stem, tab index, item shown)
VIEWS = (
    ("1-materials", 0, "1.1"),
    ("1-materials-training", 0, "1.5"),
    ("2-stability", 1, "2.1"),
    ("3-response", 2, "3.1"),
    ("3-response-onsite", 2, "3.2"),
    ("4-summary", 3, None),
)


def main(out: Path) -> int:
    ensure_platform()
    app = make_application()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage

    from panelapp.store import open_database
    from panelapp.ui.main_window import MainWindow
    from panelapp.ui.selftest import RecordingNotifier

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "shots.sqlite")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, settings, RecordingNotifier())
        window.set_operator("组员甲")
        window.start()
        window.files.load_demo()
        window.runner.settle()  # the demo is imported on the window's worker
        window.show()
        def views(suffix: str) -> None:
            for stem, tab, item in VIEWS:
                window.tabs.setCurrentIndex(tab)
                if item:
                    window.show_item(item)
                for _ in range(3):
                    app.processEvents()
                path = out / f"{stem}-{suffix}.png"
                window.grab().save(str(path))
                print(path)

        for w, h in SIZES:
            window.resize(w, h)
            views(f"{w}x{h}")
        window.resize(1366, 768)
        for _ in range(3):
            window.zoom(+1)  # 150 %: every tab still fits 1366×768
        views("1366x768-150")
        window.show_item("2.1")
        fault = window.section_tabs[1].panels["2.1"].tables[0].do_add()
        for _ in range(3):
            app.processEvents()
        path = out / "5-fault-form-new-150.png"  # a new fault at 150 %: the fields scroll, 保存 stays
        fault.grab().save(str(path))
        print(path)
        fault.reject()
        window.zoom(0)
        window.zoom(+1)
        window.zoom(+1)  # 130 %: what a projector needs
        for _ in range(3):
            app.processEvents()
        path = out / "6-zoom130-2-stability-1366x768.png"
        window.grab().save(str(path))
        print(path)
        window.zoom(0)
        table = window.section_tabs[1].panels["2.1"].tables[0]
        table.view.selectRow(0)
        dlg = table.do_edit()
        for _ in range(3):
            app.processEvents()
        path = out / "5-fault-form.png"
        dlg.grab().save(str(path))
        print(path)
        dlg.reject()
        over = window.actions.override_item("1.2")
        over.points.setValue(0)
        over.reason.setPlainText("")
        over.ok.click()  # refused: the message under the field is part of the picture
        for _ in range(3):
            app.processEvents()
        path = out / "7-override-refused.png"
        over.grab().save(str(path))
        print(path)
        over.reason.setPlainText("特巡报告已于会前纸质提交，经核实有效")
        over.ok.click()
        hist = window.ctx.show_history("1.2")
        hist.resize(1100, 420)
        for _ in range(3):
            app.processEvents()
        path = out / "8-history.png"
        hist.grab().save(str(path))
        print(path)
        hist.reject()
        window.show_item("1.2")
        for _ in range(3):
            app.processEvents()
        path = out / "9-override-shown-1366x768.png"
        window.grab().save(str(path))
        print(path)
        help_dir = Path(__file__).resolve().parents[1] / "resources" / "help" / "img"
        help_dir.mkdir(parents=True, exist_ok=True)
        for src, name in (("1-materials-1366x768.png", "materials.png"), ("5-fault-form.png", "fault-form.png"),
                          ("4-summary-1366x768.png", "summary.png")):
            image = QImage(str(out / src))  # the F1 guide ships smaller copies
            image.scaledToWidth(min(image.width(), 760), Qt.TransformationMode.SmoothTransformation).save(
                str(help_dir / name))
        window.close()  # closes the database on the worker
        window.runner.settle()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
