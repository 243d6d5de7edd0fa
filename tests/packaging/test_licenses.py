"""Every library the Windows bundle ships comes with its licence text (resources/licenses/)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from panelapp.paths import resource

ROOT = Path(__file__).resolve().parents[2]
LICENSES = resource("licenses")
#: Pinned in requirements-windows.txt only to run PyInstaller; none of them ends up in the bundle.
BUILD_TOOLS = {"altgraph", "pefile", "pip", "pyinstaller-hooks-contrib", "pywin32-ctypes"}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_dependencies() -> set[str]:
    """pyproject's dependencies and theirs, as installed here."""
    todo = [Requirement(d) for d in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]]
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        if (req.marker and not req.marker.evaluate({"extra": ""})) or norm(req.name) in seen:
            continue
        seen.add(norm(req.name))
        todo += [Requirement(r) for r in metadata.distribution(req.name).requires or []]
    return seen


def windows_pins() -> set[str]:
    lines = (ROOT / "packaging" / "requirements-windows.txt").read_text("utf-8").splitlines()
    return {norm(line.split("==")[0]) for line in lines if "==" in line and not line.startswith("#")}


def index() -> list[dict]:
    return tomllib.loads((LICENSES / "index.toml").read_text("utf-8"))["component"]


def test_every_runtime_dependency_has_a_licence_file():
    needed = runtime_dependencies() | (windows_pins() - BUILD_TOOLS)
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "alembic", "reportlab", "openpyxl", "pyhanko",
            "pypdf", "platformdirs", "cryptography", "tzdata"} <= needed
    missing = sorted(name for name in needed if not (LICENSES / f"{name}.txt").is_file())
    assert not missing, f"no licence text in resources/licenses for {missing}: run packaging/collect_licenses.py"
    listed = {entry["file"] for entry in index()}
    assert not sorted(f"{name}.txt" for name in needed if f"{name}.txt" not in listed)


def test_every_listed_licence_file_exists_and_holds_a_licence():
    entries = index()
    assert len(entries) >= 40
    for entry in entries:
        text = (LICENSES / entry["file"]).read_text("utf-8")
        assert entry["license"] and len(text) > 500, entry["name"]
        assert re.search(r"licen[cs]e|permission|copyright", text, re.I), entry["name"]
    assert {p.name for p in LICENSES.glob("*.txt")} == {e["file"] for e in entries if "/" not in e["file"]}


def test_qt_comes_with_the_lgpl_and_the_gpl_it_supplements():
    for name in ("pyside6-essentials", "shiboken6"):
        text = (LICENSES / f"{name}.txt").read_text("utf-8")
        assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in text
        assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in text


def test_fonts_python_and_the_bootloader_are_listed():
    by_file = {e["file"]: e for e in index()}
    assert by_file["../fonts/OFL.txt"]["license"] == "OFL-1.1"
    assert "SIL OPEN FONT LICENSE Version 1.1" in (LICENSES / "../fonts/OFL.txt").read_text("utf-8")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in (LICENSES / "Python.txt").read_text("utf-8")
    assert "Bootloader Exception" in (LICENSES / "pyinstaller.txt").read_text("utf-8")
    assert "PyInstaller" in by_file["pyinstaller.txt"]["name"]


def test_cryptography_is_declared_because_signing_imports_it():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    assert any(norm(Requirement(d).name) == "cryptography" for d in deps)
    assert "cryptography" in (ROOT / "src" / "panelapp" / "report" / "signing.py").read_text("utf-8")
