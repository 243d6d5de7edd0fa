"""Exporting a cycle's score sheet from the database, signing it, recording what was exported."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from panelapp.core.engine import score_cycle
from panelapp.core.scheme import load_scheme
from panelapp.report.errors import ReportError
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.model import SheetInput

if TYPE_CHECKING:
    from panelapp.report.signing import SignOptions

SHEET = "score-sheet"
SHEET_SIGNED = "score-sheet-signed"

__all__ = ["ReportError", "export_score_sheet", "finalise_cycle", "reopen_cycle", "sheet_input"]


def sheet_input(db, cycle_id: int) -> SheetInput:
    """Everything the sheet prints, read from the database now."""
    sheet = sheet_input_unchecked(db, cycle_id)
    stored = sheet.stored_fingerprint
    if sheet.status == "final" and stored and stored != sheet.fingerprint:
        raise ReportError(f"第{sheet.data.cycle}考核周期已定稿，但数据库中的数据与定稿时的数据指纹不符"
                          f"（定稿 {stored[:12]}…，现在 {sheet.fingerprint[:12]}…），拒绝导出。"
                          f"若确需修改（例如同半年度前一周期的演练、培训记录有变），请先重新打开本周期并填写理由")
    return sheet


def sheet_input_unchecked(db, cycle_id: int) -> SheetInput:
    """The sheet's input from the database now, without the 定稿 fingerprint check (verify-pdf)."""
    row = db.cycles.row(cycle_id)
    data, _ids = db.cycles.data(cycle_id)
    scheme = load_scheme(data.contract.scheme)
    return SheetInput(
        data=data, result=score_cycle(data, scheme), scheme=scheme, fingerprint=cycle_fingerprint(data),
        version=row.version, cycle_id=cycle_id, status=row.status,
        finalised_by=getattr(row, "finalised_by", None), finalised_at=getattr(row, "finalised_at", None),
        generated_at=datetime.now(),
        reopen_reason=getattr(row, "reopen_reason", None),
        chain_head=db.audit.chain_head(),
        stored_fingerprint=getattr(row, "fingerprint", None),
    )


def render_score_sheet(sheet: SheetInput) -> bytes:
    from panelapp.report.sheet import build_score_sheet

    buffer = io.BytesIO()
    build_score_sheet(sheet, buffer)
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_score_sheet(db, cycle_id: int, out_path: Path | str, sign: SignOptions | None = None) -> Path:
    """Write cycle ``cycle_id``'s score sheet to ``out_path`` (signed when ``sign`` is given).

    The file's SHA-256 is recorded in the database (``db.record_export``) so
    ``verify-pdf`` can later tell that this exact file came from the app.
    Raises ReportError / SigningError / StoreError with a Chinese message; writes nothing then.
    """
    from panelapp.report.audit_gate import require_audited

    out_path = Path(out_path)
    sheet = sheet_input(db, cycle_id)
    require_audited(db, cycle_id, f"第{sheet.data.cycle}考核周期")
    pdf = render_score_sheet(sheet)
    if sign is not None:
        from panelapp.report.signing import sign_pdf_bytes

        pdf = sign_pdf_bytes(pdf, sign)
    write_atomically(out_path, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    db.signoff.record_export(cycle_id, digest, sheet.fingerprint, SHEET_SIGNED if sign else SHEET, str(out_path))
    _witness(db, "export")
    return out_path


def _witness(db, event: str) -> None:
    """The chain head to the witness log (store.witness)."""
    db.audit.witness(event)


def finalise_cycle(db, cycle_id: int) -> str:
    """定稿: freeze the cycle with its fingerprint (who and when are recorded by the store)."""
    data, _ids = db.cycles.data(cycle_id)
    fingerprint = cycle_fingerprint(data)
    db.signoff.finalise(cycle_id, fingerprint)
    _witness(db, "finalise")
    return fingerprint


def reopen_cycle(db, cycle_id: int, reason: str) -> int:
    """重新打开 with a written reason; returns the new version number."""
    if not (reason or "").strip():
        raise ReportError("重新打开已定稿的周期必须填写理由")
    db.signoff.reopen(cycle_id, reason.strip())
    return db.cycles.row(cycle_id).version
