"""panelapp.report: the score sheet PDF, sign-off (定稿/重新打开), signatures, verification, annual summary.

The window calls ``export_score_sheet(db, cycle_id, out_path, sign=None) -> Path``
(see docs/report.md). Importing this package is cheap: its names load their module on first
use (PEP 562), and ReportLab, pyHanko and openpyxl are imported only when a document is made
or checked.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ReportError": "errors",
    "SigningError": "errors",
    "export_score_sheet": "export",
    "finalise_cycle": "export",
    "reopen_cycle": "export",
    "SignOptions": "signing",
    "local_certificate": "signing",
    "Verification": "verify",
    "verify_pdf": "verify",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"panelapp.report.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'panelapp.report' has no attribute {name!r}")


__all__ = sorted(_WHERE)
