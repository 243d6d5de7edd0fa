"""verify-pdf's re-derivation: the sheet the data would give now, compared with the file's text.

A sheet is made from the cycle's data, its version and status and the minute it was exported;
the same inputs give the same text. verify-pdf renders the sheet again from the database (with
the export minute read from the file) and compares the text of every page with the file's, so
an edited PDF fails whatever hash was registered for it, and a sheet whose status or version is
no longer the cycle's (定稿 since, reopened since) fails as well, saying which.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from panelapp import __version__
from panelapp.report.model import SheetInput

STATUS_NAMES = {"open": "未定稿", "final": "已定稿"}


def keyword_identity(sheet: SheetInput) -> dict[str, str]:
    """The part of the PDF /Keywords that re-derivation needs besides cycle and fingerprint."""
    out = {"status": sheet.status, "app": __version__}
    if sheet.generated_at is not None:
        out["generated"] = sheet.generated_at.strftime("%Y-%m-%dT%H:%M")
    if sheet.chain_head:
        out["chain"] = sheet.chain_head
    return out


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, whitespace removed (wrapping may put line breaks inside words)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf), strict=False)
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


@dataclass
class Rederived:
    matches: bool
    detail: str
    sheet: SheetInput | None = None


def _generated(identity: dict[str, str]) -> datetime | None:
    try:
        return datetime.strptime(identity.get("generated", ""), "%Y-%m-%dT%H:%M")
    except ValueError:
        return None


def _first_difference(ours: list[str], theirs: list[str]) -> str:
    if len(ours) != len(theirs):
        return f"页数不同（按数据应为 {len(ours)} 页，文件为 {len(theirs)} 页）"
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True), 1):
        if a != b:
            i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            return (
                f"第{number}页文字不同：按数据应为“…{a[max(0, i - 12) : i + 18]}…”，"
                f"文件中为“…{b[max(0, i - 12) : i + 18]}…”"
            )
    return ""


def rederive(pdf: bytes, identity: dict[str, str], db: Any, cycle_id: int) -> Rederived:
    """Render the cycle's sheet from the database now and compare its text with ``pdf``'s."""
    from panelapp.report.export import render_score_sheet, sheet_input_unchecked

    generated = _generated(identity)
    if generated is None:
        return Rederived(False, "文件中没有导出时间，无法按数据重新生成评分表比对")
    # the chain head printed is the one at export time (none on sheets of earlier versions):
    # re-derive with it; verify-db judges it against the witness log
    sheet = replace(sheet_input_unchecked(db, cycle_id), generated_at=generated,
                    chain_head=identity.get("chain") or None)
    try:
        theirs = page_texts(pdf)
    except Exception as exc:  # pypdf raises many types on damaged files
        return Rederived(False, f"无法读取文件中的文字（{type(exc).__name__}）", sheet)
    ours = page_texts(render_score_sheet(sheet))
    difference = _first_difference(ours, theirs)
    app = identity.get("app")
    if difference and app and app != __version__:
        difference += f"（本文件由 panelapp {app} 导出，当前为 {__version__}，版面可能不同）"
    return Rederived(not difference, difference, sheet)
