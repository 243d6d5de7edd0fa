"""The cycle fingerprint printed on every page and checked by verify-pdf.

The fingerprint is the SHA-256 (hex) of the cycle's canonical data, as defined
by ``panelapp.core.cyclefile.fingerprint``. PLACEHOLDER: until the lead's
cyclefile module is on main, ``_placeholder_fingerprint`` below stands in for it
(sorted-key compact JSON of the CycleData); it is used ONLY when the core
function cannot be imported and must be deleted once core's lands.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

from panelapp.core.evidence import CycleData


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def _placeholder_fingerprint(data: CycleData) -> str:  # PLACEHOLDER, see module docstring
    text = json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cycle_fingerprint(data: CycleData) -> str:
    """SHA-256 hex of the cycle's canonical data (core's definition when available)."""
    try:
        from panelapp.core.cyclefile import fingerprint
    except ImportError:  # core's cyclefile not merged yet
        return _placeholder_fingerprint(data)
    return fingerprint(data)
