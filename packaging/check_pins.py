"""Exit non-zero unless every package pinned in requirements-windows.txt is installed at its pin.

The Windows workflow installs the pinned wheels (--require-hashes), then the unpinned test tools;
this proves the test tools moved nothing that ships.   python packaging/check_pins.py
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REQS = Path(__file__).with_name("requirements-windows.txt")


def moved() -> list[str]:
    out = []
    for line in REQS.read_text("utf-8").splitlines():
        if "==" not in line or line.startswith("#"):
            continue
        name, pin = line.split()[0].split("==")
        try:
            have = version(name)
        except PackageNotFoundError:
            have = "missing"
        if have != pin:
            out.append(f"{name} {have} (pinned {pin})")
    return out


if __name__ == "__main__":
    problems = moved()
    print("\n".join(problems) or f"all {REQS.name} pins in place")
    sys.exit(1 if problems else 0)
