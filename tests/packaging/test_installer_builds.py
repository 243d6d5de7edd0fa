"""installer.nsi compiles with both NSIS flavours: with amd64 stubs (Debian's nsis, the Wine
route) into an x64 setup.exe, and without them (the official build from choco on
windows-latest) into an x86-unicode one. Uses the local makensis on a stand-in payload (the
real bundle comes from PyInstaller); skipped where makensis is not installed (.ci/run installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKENSIS = shutil.which("makensis")
pytestmark = pytest.mark.skipif(MAKENSIS is None, reason="makensis not installed")

I386, AMD64 = 0x014C, 0x8664


def nsis_dir() -> Path:
    info = subprocess.run([MAKENSIS, "-HDRINFO"], capture_output=True, text=True).stdout
    return Path(re.search(r"NSISDIR=([^,\n]+)", info).group(1))


def pe_machine(path: Path) -> int:
    data = path.read_bytes()
    offset = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[offset : offset + 4] == b"PE\0\0"
    return struct.unpack_from("<H", data, offset + 4)[0]


def build(tmp_path: Path, nsisdir: Path | None) -> tuple[Path, str]:
    payload = tmp_path / "bundle"
    (payload / "_internal").mkdir(parents=True, exist_ok=True)
    for exe in ("panelapp.exe", "panelapp-cli.exe"):
        (payload / exe).write_bytes(b"MZ stand-in")
    (payload / "_internal" / "data.txt").write_text("x")
    out = tmp_path / f"setup-{nsisdir.name if nsisdir else 'system'}.exe"
    env = dict(os.environ)
    if nsisdir:
        env["NSISDIR"] = str(nsisdir)
    proc = subprocess.run(
        [MAKENSIS, "-V4", "-INPUTCHARSET", "UTF8", "-DVERSION=0.1.0", f"-DSRCDIR={payload}", f"-DOUTFILE={out}",
         str(ROOT / "packaging" / "installer.nsi")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    return out, proc.stdout


def test_with_amd64_stubs_the_installer_is_x64(tmp_path):
    if not (nsis_dir() / "Stubs" / "lzma_solid-amd64-unicode").is_file():
        pytest.skip("this makensis has no amd64 stubs")
    setup, log = build(tmp_path, None)
    assert "installer stub: amd64-unicode" in log
    assert pe_machine(setup) == AMD64


def test_without_amd64_stubs_it_falls_back_to_x86_unicode(tmp_path):
    # An NSIS tree like the official Windows build: x86 stubs and plug-ins only. The old
    # `Target amd64-unicode` stopped makensis here ("adequate stub not found").
    official = tmp_path / "nsis-official"
    shutil.copytree(nsis_dir(), official)
    shutil.rmtree(official / "Plugins" / "amd64-unicode", ignore_errors=True)
    for stub in (official / "Stubs").glob("*amd64*"):
        stub.unlink()
    setup, log = build(tmp_path, official)
    assert "installer stub: x86-unicode" in log
    assert pe_machine(setup) == I386
