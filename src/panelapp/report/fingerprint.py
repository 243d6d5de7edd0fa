"""The cycle fingerprint printed on every page and checked by verify-pdf.

It is core's definition, ``panelapp.core.cyclefile.fingerprint``: the SHA-256
(hex) of ``canonical_json(data)``, the cycle's version-1 cycle-file document
with sorted keys, no spaces, UTF-8. Anything that changes what the sheet is
computed from (evidence, settings, panel, overrides, assessment date) changes it.
"""

from __future__ import annotations

from panelapp.core.cyclefile import fingerprint as cycle_fingerprint

__all__ = ["cycle_fingerprint"]
