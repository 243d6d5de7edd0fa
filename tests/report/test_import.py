import subprocess
import sys


def test_importing_the_package_is_cheap():
    """The window imports panelapp.report at start; the heavy libraries load only when used."""
    code = ("import sys, panelapp.report; "
            "print(','.join(m for m in ('reportlab', 'pyhanko', 'openpyxl', 'pypdf', 'PySide6') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
