"""The installer and the app must agree on where things live.

The uninstaller deletes the user's data folder only when asked (a tick or /REMOVEDATA), and
never touches it otherwise; that only works if its DATA_DIR is exactly the folder the app
writes on Windows. The full install/uninstall behaviour is exercised by
packaging/build-windows-on-linux.sh (Wine) and the Windows workflow; these tests pin the
contract on every CI run.
"""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs
import platformdirs.windows as win
import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = (ROOT / "packaging" / "installer.nsi").read_text("utf-8")
LOCAL = r"C:\Users\组员甲\AppData\Local"
ROAMING = r"C:\Users\组员甲\AppData\Roaming"


def nsis_define(name: str) -> str:
    match = re.search(rf'^!define {name} "([^"]*)"', NSI, re.M)
    assert match, f"installer.nsi defines no {name}"
    return match.group(1)


def expand(nsis_path: str) -> str:
    """Expand the NSIS constants and ${defines} used in the installer's paths."""
    path = re.sub(r"\$\{(\w+)\}", lambda m: nsis_define(m.group(1)), nsis_path)
    return path.replace("$LOCALAPPDATA", LOCAL).replace("$APPDATA", ROAMING)


def windows_path(path) -> str:
    return str(path).replace("/", "\\")


@pytest.fixture
def on_windows(monkeypatch):
    """platformdirs answering as it does on Windows for a user with these folders."""
    folders = {"CSIDL_LOCAL_APPDATA": LOCAL, "CSIDL_APPDATA": ROAMING}
    monkeypatch.setattr(win, "get_win_folder", lambda csidl: folders[csidl])
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: win.Windows(*a, **k).user_data_dir)
    for var in ("PANELAPP_DB", "PANELAPP_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)


def test_uninstaller_data_dir_is_the_folder_the_database_lives_in(on_windows):
    from panelapp.store.database import default_db_path

    data_dir = expand(nsis_define("DATA_DIR"))
    assert data_dir == LOCAL + r"\panelapp"
    assert windows_path(default_db_path()) == data_dir + r"\panelapp.db"


def test_uninstaller_data_dir_holds_the_local_signing_certificate(on_windows):
    from panelapp.report.signing import data_dir

    assert windows_path(data_dir()) == expand(nsis_define("DATA_DIR"))


def test_program_folder_and_data_folder_are_apart():
    install_dir = expand(re.search(r'^InstallDir "([^"]+)"', NSI, re.M).group(1))
    data_dir = expand(nsis_define("DATA_DIR"))
    assert install_dir == LOCAL + r"\Programs\panelapp"
    # Removing the program folder must never reach the data, nor the other way round.
    assert not data_dir.startswith(install_dir + "\\") and not install_dir.startswith(data_dir + "\\")


def test_data_is_removed_only_when_asked():
    uninstall = NSI[NSI.index('Section "Uninstall"') :]
    removal = uninstall.index('RMDir /r "${DATA_DIR}"')
    guard = uninstall.rindex("${If} $RemoveData == 1", 0, removal)
    assert "${EndIf}" not in uninstall[guard:removal]
    assert re.search(r"StrCpy \$RemoveData 0\s+\$\{GetParameters\}", NSI), "default must be: keep the data"
    assert '${GetOptions} $R0 "/REMOVEDATA"' in NSI


def test_installer_is_x64_unicode_and_per_user():
    # An x86 stub does nothing under wine64 yet exits 0: the Wine check would pass falsely.
    assert re.search(r"^Target amd64-unicode", NSI, re.M)
    assert re.search(r"^Unicode true", NSI, re.M)
    assert re.search(r"^RequestExecutionLevel user", NSI, re.M)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in NSI
    for value in ("DisplayName", "DisplayVersion", "UninstallString", "QuietUninstallString"):
        assert re.search(rf'WriteRegStr HKCU "\$\{{UNINST_KEY\}}" "{value}"', NSI), value
    assert nsis_define("UNINST_KEY") == r"Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"


def test_icon_has_every_size_windows_asks_for():
    from PIL import Image

    ico = Image.open(ROOT / "resources" / "icons" / "panelapp.ico")
    assert {16, 24, 32, 48, 256} <= {w for w, h in ico.info["sizes"]}
    assert Image.open(ROOT / "resources" / "icons" / "panelapp.png").size == (256, 256)
