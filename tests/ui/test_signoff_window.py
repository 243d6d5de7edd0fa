"""签字导出 / 打印 / 核验 PDF / 年度汇总 driven through the real window and dialogs."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit

from panelapp.report.verify import verify_pdf

from .helpers import export_sheet, settle, table_of, verify_in_window


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """The local signing certificate goes to tmp, not the user's data folder."""
    d = tmp_path / "userdata"
    monkeypatch.setenv("PANELAPP_DATA_DIR", str(d))
    return d


@pytest.fixture
def opened(window, monkeypatch):
    """Files the window asked the system to open (no viewer starts)."""
    calls = []

    def fake(path):
        calls.append(path)
        return True

    monkeypatch.setattr(window.sheets, "opener", fake)
    return calls


def test_menu_items_and_shortcuts(window):
    keys = {name: a.shortcut().toString() for name, a in window.menu_actions.items()}
    assert keys["print"] == "Ctrl+P" and keys["pdf"] == "Ctrl+Shift+P"
    texts = {name: a.text() for name, a in window.menu_actions.items()}
    assert texts["verify"] == "核验 PDF…" and "年度汇总" in texts["annual"] and texts["print"] == "打印评分表…"
    shortcuts = [a.shortcut().toString() for a in window.menu_actions.values() if not a.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts))


def test_signed_export_with_the_local_certificate_verifies(window, tmp_path, data_dir, opened):
    dlg = window.sheets.sign_export(default_dir=tmp_path)
    assert dlg.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dlg.open_button.isHidden() and not dlg.print_button.isEnabled()
    dlg.mode_local.setChecked(True)
    assert not dlg.password_edit.isEnabled()
    pal = dlg.password_edit.palette()  # disabled fields must look disabled (ui/style.py)
    assert pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) != \
        pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    dlg.export_button.click()
    assert not dlg.export_button.isEnabled() and "正在导出" in dlg.status.text()
    settle(window)
    out = dlg.exported
    assert out is not None and out.parent == tmp_path, dlg.status.text()
    assert "已数字签名" in dlg.status.text() and (data_dir / "panel-signing.p12").is_file()
    result = verify_pdf(out, window.db)
    assert result.ok and len(result.signatures) == 1 and result.signatures[0].ok
    assert any(line.startswith("✔ 数字签名有效") for line in result.messages)
    assert window.db.signoff.find_export(hashlib.sha256(out.read_bytes()).hexdigest()).kind == "score-sheet-signed"
    dlg.print_button.click()
    assert opened == [out]
    dlg.accept()


def _unit_pfx(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from panelapp.report.signing import local_certificate

    source = local_certificate(tmp_path / "unit-src")
    key, cert, _ = pkcs12.load_key_and_certificates(source.read_bytes(), None)
    pfx = tmp_path / "单位证书.pfx"
    pfx.write_bytes(pkcs12.serialize_key_and_certificates(
        b"unit", key, cert, None, serialization.BestAvailableEncryption(b"s3cret")))
    return pfx


def test_unit_certificate_wrong_password_or_missing_file_writes_nothing(window, tmp_path):
    pfx = _unit_pfx(tmp_path)
    before = window.db.audit.history()
    dlg = window.sheets.sign_export(default_dir=tmp_path)
    out = tmp_path / "签名.pdf"
    dlg.out_edit.setText(str(out))
    dlg.mode_unit.setChecked(True)
    dlg.pfx_edit.setText(str(tmp_path / "nope.pfx"))
    assert not dlg.do_export()
    assert "找不到证书文件" in dlg.pfx_error.text() and not dlg.pfx_error.isHidden()
    dlg.pfx_edit.setText(str(pfx))
    dlg.password_edit.setText("wrong")
    assert dlg.do_export()
    settle(window)
    assert "密码错误" in dlg.password_error.text() and not dlg.password_error.isHidden()
    assert dlg.pfx_error.isHidden() and not out.exists() and dlg.exported is None
    assert not dlg.open_button.isEnabled() and window.sheets.last_export is None
    assert len(window.db.audit.history()) == len(before)
    dlg.password_edit.setText("s3cret")
    assert dlg.do_export()
    settle(window)
    assert dlg.exported == out and out.is_file()
    assert dlg.password_error.isHidden() and verify_pdf(out, window.db).signatures[0].ok
    dlg.accept()


def test_verify_reports_the_edit_and_then_the_fresh_sheet(window, tmp_path):
    old = export_sheet(window, tmp_path / "旧.pdf")
    dlg = verify_in_window(window, old)
    assert dlg.result.ok and "核验通过" in dlg.verdict.text()
    assert any(t.startswith("✔ 评分表与数据库当前数据一致") for t in dlg.texts())
    dlg.accept()
    table = table_of(window, "2.1", "faults")
    table.view.selectRow(0)
    assert window.actions.delete("faults", [table.current_id()])
    dlg = verify_in_window(window, old)
    assert not dlg.result.ok and "核验未通过" in dlg.verdict.text()
    assert any(t.startswith("✘ 导出后数据库中的数据已被修改") for t in dlg.texts())
    dlg.accept()
    new = window.sheets.sign_export(default_dir=tmp_path)
    new.out_edit.setText(str(tmp_path / "新.pdf"))
    assert new.do_export()
    settle(window)
    fresh = new.exported
    new.accept()
    dlg = verify_in_window(window, fresh)
    assert dlg.result.ok and any(t.startswith("✔ 评分表与数据库当前数据一致") for t in dlg.texts())
    dlg.accept()
    assert not window.sheets.verify(tmp_path / "无.pdf") and "找不到文件" in window.notifier.last_error


def test_print_exports_to_a_temp_file_then_reuses_the_export(window, tmp_path, opened):
    assert window.sheets.print_sheet()
    settle(window)
    first = opened[0]
    assert opened == [first] and first.read_bytes().startswith(b"%PDF")
    assert window.db.signoff.find_export(hashlib.sha256(first.read_bytes()).hexdigest()) is not None
    dlg = window.sheets.sign_export(default_dir=tmp_path)
    assert dlg.do_export()
    settle(window)
    exported = dlg.exported
    dlg.accept()
    assert window.sheets.print_sheet() and opened[-1] == exported
    table = table_of(window, "2.1", "faults")
    table.view.selectRow(0)
    window.actions.delete("faults", [table.current_id()])
    assert window.sheets.print_sheet()  # edited since: a fresh sheet, never the stale one
    settle(window)
    again = opened[-1]
    assert again != exported
    assert verify_pdf(again, window.db).ok


def test_annual_summary_writes_pdf_and_xlsx(window, tmp_path):
    from openpyxl import load_workbook

    assert window.sheets.export_annual(tmp_path / "年度汇总.pdf")
    settle(window)
    pdf, xlsx = tmp_path / "年度汇总.pdf", tmp_path / "年度汇总.xlsx"
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.suffix == ".xlsx"
    assert load_workbook(xlsx).sheetnames
    assert str(pdf) in window.notifier.last_info and str(xlsx) in window.notifier.last_info
    # like the CLI's export-xlsx / export-annual-pdf, the window's export witnesses the chain head
    import json

    from panelapp.store.witness import log_path

    assert "export" in [json.loads(line)["event"] for line in log_path().read_text("utf-8").splitlines()]


def test_sign_export_refuses_a_cycle_changed_outside_the_app(window, tmp_path, opened, env):
    """issue 13 item 1: the window's 签字导出 checks the cycle against the audit trail first."""
    import sqlite3

    conn = sqlite3.connect(env.db_path)
    conn.execute("UPDATE absences SET excused = 1 - excused WHERE id = (SELECT min(id) FROM absences)")
    conn.commit()
    conn.close()
    window.db.unit.session.expire_all()
    dlg = window.sheets.sign_export(default_dir=tmp_path)
    dlg.export_button.click()
    settle(window)
    assert dlg.exported is None
    text = dlg.status.text()
    assert "拒绝导出" in text and "表 absences" in text and "verify-db" in text, text
    assert not list(tmp_path.glob("*.pdf"))
    dlg.grab().save(str(tmp_path / "refused.png"))
