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


def test_installer_is_unicode_per_user_and_picks_its_stub():
    # amd64-unicode when this NSIS has its stubs and plug-ins, else x86-unicode; never ANSI
    # (DisplayName and the shortcuts are Chinese: the registry gets UTF-16 only from Unicode NSIS).
    assert re.search(r"^Unicode true", NSI, re.M)
    assert NSI.index("Unicode true") < NSI.index("WriteRegStr")
    assert re.search(r"^Target \$\{TARGET\}", NSI, re.M)
    picks = re.findall(r'!define TARGET "([\w-]+)"', NSI)
    assert picks == ["amd64-unicode", "x86-unicode"]
    assert '!if /FileExists "${NSISDIR}/Stubs/lzma_solid-amd64-unicode"' in NSI
    assert '!if /FileExists "${NSISDIR}/Plugins/amd64-unicode/nsDialogs.dll"' in NSI
    # a 32-bit stub may carry the x64 program only onto a 64-bit Windows
    on_init = NSI[NSI.index("Function .onInit") : NSI.index("FunctionEnd", NSI.index("Function .onInit"))]
    assert "${IfNot} ${RunningX64}" in on_init and "Quit" in on_init
    assert re.search(r'WriteRegStr HKCU "\$\{UNINST_KEY\}" "DisplayName" "\$\{APP_ZH\}', NSI)
    assert nsis_define("APP_ZH") == "考核组评分台"
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


def test_every_makensis_call_reads_the_script_as_utf8():
    # Without a BOM, makensis on Windows reads the script in the ANSI code page (cp1252 on the
    # runners): the Chinese DisplayName, captions and shortcuts would be mojibake.
    calls = {
        name: (ROOT / name).read_text("utf-8")
        for name in (".github/workflows/windows-installer.yml", "packaging/build-windows-on-linux.sh",
                     "docs/install.md")
    }
    for name, text in calls.items():
        lines = [line for line in text.splitlines() if re.search(r"makensis.*-DVERSION", line)]
        assert lines, name
        for line in lines:
            assert "-INPUTCHARSET UTF8" in line, f"{name}: {line.strip()}"


def test_console_twin_is_installed_and_removed():
    assert nsis_define("CLI_EXE") == "panelapp-cli.exe"
    install = NSI[NSI.index('Section "!') : NSI.index("SectionEnd")]
    uninstall = NSI[NSI.index('Section "Uninstall"') :]
    assert 'File "${SRCDIR}\\${CLI_EXE}"' in install
    assert 'Delete "$INSTDIR\\${CLI_EXE}"' in uninstall and 'Delete "$SMPROGRAMS\\${CLI_LNK}"' in uninstall
    spec = (ROOT / "packaging" / "panelapp.spec").read_text("utf-8")
    assert '_exe("panelapp-cli", console=True)' in spec and '_exe("panelapp", console=False)' in spec
