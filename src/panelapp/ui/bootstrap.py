"""QApplication set-up: bundled fonts, Qt's own Chinese strings, the base style."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from panelapp.paths import resource

UI_FAMILY = "Noto Sans SC"
BASE_POINT_SIZE = 10.5
_FONT_FILES = ("NotoSansSC_400Regular.ttf", "NotoSansSC_700Bold.ttf")


def ensure_platform() -> None:
    """Offscreen when Linux has no display (self-test, CI)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def register_fonts() -> str:
    """Register the bundled CJK fonts; return the family to use."""
    family = UI_FAMILY
    for name in _FONT_FILES:
        path = resource("fonts", name)
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
    return family


def install_translators(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (dialog buttons, context menus) in Simplified Chinese when available."""
    translators = []
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, path):
            app.installTranslator(translator)
            translators.append(translator)
            break
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return translators


def app_font(family: str, scale: float = 1.0) -> QFont:
    font = QFont(family)
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def make_application(argv: list[str] | None = None) -> QApplication:
    ensure_platform()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("panelapp")
    app.setOrganizationName("panelapp")
    app.setApplicationDisplayName("考核组评分台")
    icon = resource("icons", "panelapp.png")
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    family = register_fonts()
    app.setProperty("panelapp_family", family)
    app.setFont(app_font(family))
    if not app.property("panelapp_translators"):
        app._panelapp_translators = install_translators(app)  # keep references alive
        app.setProperty("panelapp_translators", True)
    from panelapp.ui.style import apply_style

    apply_style(app)
    return app
