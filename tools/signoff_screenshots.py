"""Screenshots of the 签字导出 dialog and the 核验 PDF result → docs/screenshots/.

    PYTHONPATH=src python tools/signoff_screenshots.py [OUT_DIR]

Offscreen, on a temporary database with the demo cycle; the local certificate is made in a temp folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from panelapp.ui.bootstrap import ensure_platform, make_application


def main(out: Path) -> int:
    ensure_platform()
    app = make_application()
    from PySide6.QtCore import QSettings

    from panelapp.store import open_database
    from panelapp.ui.file_ops import load_demo
    from panelapp.ui.main_window import MainWindow
    from panelapp.ui.selftest import RecordingNotifier

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        os.environ["PANELAPP_DATA_DIR"] = str(tmp_dir / "userdata")
        db = open_database(tmp_dir / "shots.sqlite")
        cycle_id = load_demo(db)
        window = MainWindow(db, QSettings(str(tmp_dir / "s.ini"), QSettings.Format.IniFormat), RecordingNotifier())
        window.set_operator("组员甲")
        window.start(cycle_id)
        window.resize(1366, 768)
        window.show()
        window.sheets.opener = lambda _path: True

        def grab(widget, name: str) -> None:
            widget.adjustSize()
            for _ in range(3):
                app.processEvents()
            widget.grab().save(str(out / name))
            print(out / name)

        # 签字导出: a unit certificate with a wrong password (the message sits under the field)
        from panelapp.report.signing import local_certificate

        pfx = tmp_dir / "平顶山市政务服务和大数据管理局.pfx"
        pfx.write_bytes(local_certificate(tmp_dir / "unit").read_bytes())
        dlg = window.sheets.sign_export(default_dir=tmp_dir)
        dlg.mode_unit.setChecked(True)
        dlg.pfx_edit.setText(str(pfx))
        dlg.password_edit.setText("wrong")
        dlg.out_edit.setText(str(tmp_dir / "第2周期评分表.pdf"))
        dlg.do_export()
        grab(dlg, "signoff-export-busy.png")  # the export runs on the window's worker
        window.runner.settle()
        grab(dlg, "signoff-export-dialog.png")
        # ... and after a signed export with the local certificate: 打开 / 打印 enabled
        dlg.mode_local.setChecked(True)
        dlg.do_export()
        window.runner.settle()
        signed = dlg.exported
        grab(dlg, "signoff-export-done.png")
        dlg.accept()

        window.sheets.verify(signed)
        window.runner.settle()
        result = window.notifier.last_dialog
        grab(result, "signoff-verify-ok.png")
        result.accept()
        faults = db.cycles.data(cycle_id)[1]["faults"]
        window.actions.delete("faults", faults[:1])
        window.sheets.verify(signed)
        window.runner.settle()
        result = window.notifier.last_dialog
        grab(result, "signoff-verify-changed.png")
        result.accept()
        window.close()  # closes the database on the worker
        window.runner.settle()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
