"""Export, verify, sign, finalise and reopen against a real store."""

import hashlib
from datetime import date

import pytest

from conftest import flat, pdf_pages
from panelapp.core.evidence import Absence, Settings
from panelapp.report.export import ReportError, export_score_sheet, finalise_cycle, reopen_cycle
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.signing import LOCAL_CERT_NAME, SigningError, SignOptions, check_signatures
from panelapp.report.verify import verify_pdf
from panelapp.store import StoreError


def test_export_records_hash_and_verifies(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    data = out.read_bytes()
    row = db.signoff.find_export(hashlib.sha256(data).hexdigest())
    assert row is not None and row.cycle_id == cycle_id and row.operator == "组员甲"
    assert row.fingerprint == cycle_fingerprint(db.cycles.data(cycle_id)[0])
    result = verify_pdf(out, db)
    assert result.ok and result.exit_code == 0, result.messages
    assert result.from_app and result.matches_db and not result.signatures


def test_sheet_exported_before_an_edit_no_longer_matches(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    db.evidence.add(cycle_id, "absences", Absence(date(2025, 3, 3), "驻场人员C", False))
    result = verify_pdf(out, db)
    assert result.from_app and not result.matches_db
    assert result.exit_code == 1
    assert any("已被修改" in m for m in result.messages)


def test_settings_change_also_breaks_the_match(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    db.header.set_settings(cycle_id, Settings(violation_points=2))
    assert verify_pdf(out, db).exit_code == 1


def test_a_changed_byte_is_not_from_the_app(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(bytes(data))
    result = verify_pdf(forged, db)
    assert not result.from_app and result.exit_code == 1


def test_signed_pdf_validates_and_one_byte_breaks_it(db, cycle_id, tmp_path, data_dir):
    out = export_score_sheet(db, cycle_id, tmp_path / "signed.pdf", sign=SignOptions())
    assert (data_dir / LOCAL_CERT_NAME).is_file()  # the panel's local certificate was created
    result = verify_pdf(out, db)
    assert result.ok, result.messages
    assert len(result.signatures) == 1 and result.signatures[0].ok and result.signatures[0].trusted
    data = bytearray(out.read_bytes())
    data[len(data) // 3] ^= 0x01  # inside the signed byte range
    checks, error = check_signatures(bytes(data))
    assert error is None and len(checks) == 1
    assert not checks[0].intact and not checks[0].ok
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(bytes(data))
    assert verify_pdf(forged, db).exit_code == 1


def test_appending_after_signing_is_detected(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "signed.pdf", sign=SignOptions())
    checks, _ = check_signatures(out.read_bytes() + b"\n% appended\n")
    assert checks and not checks[0].whole_file and not checks[0].ok


def test_sign_with_a_pfx_and_password(db, cycle_id, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from panelapp.report.signing import _signer, local_certificate

    # make a password-protected .p12 from a freshly generated certificate
    source = local_certificate(tmp_path / "unit")
    key, cert, _ = pkcs12.load_key_and_certificates(source.read_bytes(), None)
    pfx = tmp_path / "unit.pfx"
    pfx.write_bytes(pkcs12.serialize_key_and_certificates(
        b"unit", key, cert, None, serialization.BestAvailableEncryption(b"s3cret")))
    assert _signer(SignOptions(pfx=pfx, password=b"s3cret")) is not None
    out = export_score_sheet(db, cycle_id, tmp_path / "unit.pdf", sign=SignOptions(pfx=pfx, password=b"s3cret"))
    checks, _ = check_signatures(out.read_bytes())
    assert checks[0].ok  # intact and valid; the unit certificate is not in the local trust list
    with pytest.raises(SigningError, match="密码错误"):
        export_score_sheet(db, cycle_id, tmp_path / "bad.pdf", sign=SignOptions(pfx=pfx, password=b"wrong"))
    assert not (tmp_path / "bad.pdf").exists()


def test_finalise_freezes_and_reopen_starts_version_2(db, cycle_id, tmp_path):
    fingerprint = finalise_cycle(db, cycle_id)
    row = db.cycles.row(cycle_id)
    assert row.status == "final" and row.fingerprint == fingerprint and row.finalised_by == "组员甲"
    assert row.finalised_at is not None
    with pytest.raises(StoreError, match="定稿"):
        db.evidence.add(cycle_id, "absences", Absence(date(2025, 3, 3), "驻场人员C", False))
    v1 = export_score_sheet(db, cycle_id, tmp_path / "v1.pdf")
    first = flat(pdf_pages(v1.read_bytes())[0])
    assert "第1版" in first and "已定稿（组员甲" in first
    with pytest.raises(ReportError, match="理由"):
        reopen_cycle(db, cycle_id, "  ")
    assert reopen_cycle(db, cycle_id, "供应商补交第7周巡检报告") == 2
    db.evidence.add(cycle_id, "absences", Absence(date(2025, 3, 3), "驻场人员C", False))
    v2 = export_score_sheet(db, cycle_id, tmp_path / "v2.pdf")
    text = flat(pdf_pages(v2.read_bytes())[0])
    assert "第2版" in text and "未定稿" in text
    assert "第1版定稿后重新打开，理由：供应商补交第7周巡检报告" in text
    # the v1 sheet is still recognised as the app's, but no longer matches the database
    result = verify_pdf(v1, db)
    assert result.from_app and not result.matches_db
    assert any("现为第2版" in m for m in result.messages)
    assert db.audit.history(cycle_id=cycle_id)  # the audit trail keeps what happened


def test_export_refuses_when_final_data_differs_from_its_fingerprint(db, cycle_id, tmp_path):
    db.signoff.finalise(cycle_id, "0" * 64)  # a fingerprint that does not match the data
    with pytest.raises(ReportError, match="指纹不符"):
        export_score_sheet(db, cycle_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_verify_a_file_that_is_not_a_pdf(db, cycle_id, tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    result = verify_pdf(junk, db)
    assert result.exit_code == 1 and not result.from_app
    assert any("无法从文件中读出" in m for m in result.messages)
