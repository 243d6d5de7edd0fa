"""The report package's errors (cheap to import: commands catch them without loading ReportLab or pyHanko)."""

from __future__ import annotations


class ReportError(Exception):
    """The sheet cannot be produced; the message is Chinese and says why."""


class SigningError(Exception):
    """Signing failed; the message is Chinese and says why."""
