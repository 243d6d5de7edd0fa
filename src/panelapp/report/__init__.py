"""panelapp.report: the score sheet PDF, sign-off (定稿/重新打开), signatures, verification, annual summary.

The window calls ``export_score_sheet(db, cycle_id, out_path, sign=None) -> Path``
(see docs/report.md). Importing this package is cheap: ReportLab, pyHanko and
openpyxl are imported only when a document is made or checked.
"""

from panelapp.report.export import ReportError, export_score_sheet, finalise_cycle, reopen_cycle
from panelapp.report.signing import SigningError, SignOptions, local_certificate
from panelapp.report.verify import Verification, verify_pdf

__all__ = [
    "ReportError",
    "SignOptions",
    "SigningError",
    "Verification",
    "export_score_sheet",
    "finalise_cycle",
    "local_certificate",
    "reopen_cycle",
    "verify_pdf",
]
