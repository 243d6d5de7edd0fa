"""Collect the licence texts of everything the Windows bundle ships into resources/licenses/.

    .venv/bin/python packaging/collect_licenses.py      # after a dependency change; commit the result

What ships: the runtime dependencies of pyproject.toml with their own dependencies (resolved in
this venv), plus the Windows-only ones pinned in requirements-windows.txt, minus the build tools
(BUILD_ONLY); and the parts that are no Python distribution: CPython itself, PyInstaller's
bootloader (panelapp.exe) and the Noto fonts. Each text comes from the installed distribution's
dist-info in this venv; a distribution not installed here (Windows-only ones, PyInstaller) is
read from its pinned Windows wheel, downloaded with pip --require-hashes. PySide6 and shiboken6
wheels carry no licence file: their terms (LGPL-3.0, which supplements the GPL-3.0) are the
FSF's texts, taken from /usr/share/common-licenses (Debian's base-files).

Writes one <Name>.txt per component (a short header, then the texts) and index.toml, which the
About dialog (ui/about.py) lists and tests/packaging/test_licenses.py checks.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
REQS = ROOT / "packaging" / "requirements-windows.txt"
COMMON = Path("/usr/share/common-licenses")

#: Pinned for the Windows build but not shipped: they run only while PyInstaller builds.
BUILD_ONLY = {"altgraph", "pefile", "pip", "pyinstaller-hooks-contrib", "pywin32-ctypes"}
#: Qt for Python: the LGPL-3.0 option of its licence, with the GPL-3.0 it supplements.
QT = {"pyside6-essentials", "shiboken6"}
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)
#: Licence texts of distributions whose wheels ship none, copied from their repositories.
EXTRA_TEXTS = ROOT / "packaging" / "licence-texts"


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> dict[str, tuple[str, str]]:
    """name -> (version, the requirement line) from requirements-windows.txt."""
    out = {}
    for line in REQS.read_text("utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, rest = line.split("==", 1)
            out[norm(name)] = (rest.split()[0], line)
    return out


def runtime_closure() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    seen: set[str] = set()
    todo = [Requirement(d) for d in deps]
    while todo:
        req = todo.pop()
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        if norm(req.name) in seen:
            continue
        seen.add(norm(req.name))
        try:
            todo += [Requirement(r) for r in metadata.distribution(req.name).requires or []]
        except metadata.PackageNotFoundError:
            pass
    return seen


def shipped() -> set[str]:
    return (runtime_closure() | set(pinned())) - BUILD_ONLY


def texts_from_venv(name: str) -> tuple[str, str, list[tuple[str, str]]] | None:
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None
    files = sorted(str(f) for f in dist.files or [] if ".dist-info/" in str(f) and LICENCE_FILE.search(str(f)))
    texts = [(f.split(".dist-info/", 1)[1], (dist.locate_file(f)).read_text("utf-8", "replace")) for f in files]
    return dist.metadata["Name"], licence_of(dist.metadata), texts


def licence_of(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    short = (meta.get("License") or "").strip()
    if short and "\n" not in short and len(short) <= 60:
        return short
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "见正文"


def texts_from_wheel(name: str, wheels: Path) -> tuple[str, str, list[tuple[str, str]]]:
    version, line = pinned()[name]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
                    "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.12",
                    "-d", str(wheels), "-r", "/dev/stdin"], input=line.encode(), check=True)
    wheel = next(w for w in wheels.glob("*.whl") if norm(w.name.split("-")[0]) == name)
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = _parse(zf.read(meta_name))
        texts = [(n.split(".dist-info/", 1)[1], zf.read(n).decode("utf-8", "replace"))
                 for n in sorted(zf.namelist()) if ".dist-info/" in n and LICENCE_FILE.search(n)]
    return meta["Name"], licence_of(meta), texts


def _parse(raw: bytes):
    import email

    return email.message_from_bytes(raw)


def write(file_name: str, title: str, version: str, licence: str, source: str,
          texts: list[tuple[str, str]]) -> None:
    assert texts, f"no licence text for {title}"
    head = f"{title} {version}\n许可证 / License: {licence}\n来源 / Source: {source}\n"
    body = "".join(f"\n{'=' * 78}\n{label}\n{'=' * 78}\n\n{text.strip()}\n" for label, text in texts)
    (OUT / file_name).write_text(head + body, "utf-8", newline="\n")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    pins = pinned()
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(shipped()):
            found = texts_from_venv(name)
            source = "dist-info of the installed package"
            extra = EXTRA_TEXTS / f"{name}.txt"
            if found is not None and not found[2] and extra.is_file():
                lines = extra.read_text("utf-8").split("\n", 2)  # source line, blank, text
                source = lines[0]
                found = (found[0], found[1], [("LICENSE", lines[2])])
            elif found is None or not found[2]:
                source = "dist-info of the pinned Windows wheel"
                found = texts_from_wheel(name, Path(tmp))
            title, licence, texts = found
            version = pins[name][0] if name in pins else metadata.version(name)
            if name in QT:
                title = {"pyside6-essentials": "PySide6-Essentials（Qt 6）"}.get(name, title)
                licence = "LGPL-3.0-only（选用；亦可 GPL-2.0/GPL-3.0）"
                source = "FSF licence texts (/usr/share/common-licenses); the wheel ships none"
                texts = [("LGPL-3.0", (COMMON / "LGPL-3").read_text("utf-8")),
                         ("GPL-3.0 (LGPL-3.0 supplements it)", (COMMON / "GPL-3").read_text("utf-8"))]
            file_name = f"{name}.txt"
            write(file_name, title, version, licence, source, texts)
            entries.append((title, version, licence, file_name))
    # Not Python distributions, shipped all the same.
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt"
    write("Python.txt", "Python", "3.12", "PSF-2.0", f"CPython {sys.version_info.major}.{sys.version_info.minor} LICENSE.txt (the bundled 3.12 has the same licence)",
          [("LICENSE.txt", python.read_text("utf-8"))])
    entries.append(("Python", "3.12", "PSF-2.0", "Python.txt"))
    pyi_version = pins["pyinstaller"][0]
    entries = [e for e in entries if e[0].lower() != "pyinstaller"]
    entries.append(("PyInstaller 引导程序（panelapp.exe）", pyi_version,
                    "GPL-2.0-or-later WITH Bootloader-exception", "pyinstaller.txt"))
    entries.append(("Noto Sans SC / Noto Serif SC 字体", "", "OFL-1.1", "../fonts/OFL.txt"))
    lines = ["# Generated by packaging/collect_licenses.py: what the Windows bundle ships, and under which licence.\n"]
    for title, version, licence, file_name in sorted(entries, key=lambda e: e[0].lower()):
        lines.append(f'\n[[component]]\nname = "{title}"\nversion = "{version}"\n'
                     f'license = "{licence}"\nfile = "{file_name}"\n')
    (OUT / "index.toml").write_text("".join(lines), "utf-8", newline="\n")
    print(f"wrote {len(entries)} components to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
