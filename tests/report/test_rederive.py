"""verify-pdf re-derives the sheet from the data: an edited PDF fails whatever hash was registered
(issue 13 item 2)."""

from __future__ import annotations

import dataclasses
import hashlib

from panelapp.report.export import SHEET, export_score_sheet, render_score_sheet, sheet_input
from panelapp.report.rederive import page_texts
from panelapp.report.verify import pdf_identity, verify_pdf


def _register(db, cycle_id, pdf: bytes, fingerprint: str, path) -> None:
    """What an attacker with the app's code can do: record any file as an export."""
    path.write_bytes(pdf)
    db.signoff.record_export(cycle_id, hashlib.sha256(pdf).hexdigest(), fingerprint, SHEET, str(path))


def test_an_untouched_export_re_derives_to_the_same_text(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    result = verify_pdf(out, db)
    assert result.ok and result.content_matches and result.current, result.messages
    assert result.sheet_version == 1 and result.sheet_status == "open"
    assert any("逐页文字相同" in m for m in result.messages)


def test_a_forged_sheet_registered_as_an_export_fails(db, cycle_id, tmp_path):
    real = sheet_input(db, cycle_id)
    contract = dataclasses.replace(real.data.contract, vendor="伪造的供应商有限公司")
    forged_input = dataclasses.replace(real, data=dataclasses.replace(real.data, contract=contract))
    forged = render_score_sheet(forged_input)  # same fingerprint, same keywords, other text
    assert pdf_identity(forged)["fingerprint"] == real.fingerprint
    out = tmp_path / "forged.pdf"
    _register(db, cycle_id, forged, real.fingerprint, out)
    result = verify_pdf(out, db)
    assert result.from_app and result.matches_db, "the hash and the fingerprint alone would pass"
    assert not result.content_matches and not result.ok
    assert any("伪造的供应商" in m and "文字不同" in m for m in result.messages), result.messages


def test_a_sheet_with_a_page_dropped_fails(db, cycle_id, tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    writer = PdfWriter()
    for page in reader.pages[:-1]:
        writer.add_page(page)
    writer.add_metadata(dict(reader.metadata))
    buffer = io.BytesIO()
    writer.write(buffer)
    edited = tmp_path / "short.pdf"
    _register(db, cycle_id, buffer.getvalue(), pdf_identity(out.read_bytes())["fingerprint"], edited)
    result = verify_pdf(edited, db)
    assert not result.ok and any("页数不同" in m for m in result.messages), result.messages


def test_the_text_compared_is_the_sheet_text(db, cycle_id, tmp_path):
    out = export_score_sheet(db, cycle_id, tmp_path / "sheet.pdf")
    pages = page_texts(out.read_bytes())
    assert "评分表" in pages[0] and "第1版" in "".join(pages)
