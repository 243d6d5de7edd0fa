"""QApplication set-up: bundled fonts, Qt's own Chinese strings, the base style."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
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


def _qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files are: QLibraryInfo, then the PySide6 package (wheel or PyInstaller bundle)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(package / "Qt" / "translations"), str(package / "translations")]
    return list(dict.fromkeys(d for d in dirs if d))


def install_translators(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (dialog buttons, context menus) in Simplified Chinese, then the app's catalogue.

    qtbase_zh_CN carries QtWidgets' texts (OK/Cancel/Yes/No, QFileDialog, line-edit menus).
    panelapp_zh_CN.qm is the window's own catalogue (resources/i18n, built by
    tools/update_translations.sh); Chinese is the source language, so it is an identity
    translation today and the hook for a future language.
    """
    translators = []
    for directory in _qt_translation_dirs():
        translator = QTranslator(app)
        if any(translator.load(name, directory) for name in ("qtbase_zh_CN", "qt_zh_CN")):
            app.installTranslator(translator)
            translators.append(translator)
            break
    own = resource("i18n", "panelapp_zh_CN.qm")
    translator = QTranslator(app)
    if own.is_file() and translator.load(str(own)):
        app.installTranslator(translator)
        translators.append(translator)
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
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "考核组评分台"))
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
