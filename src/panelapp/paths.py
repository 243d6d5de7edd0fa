"""Where bundled resources live: source tree, installed wheel or frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("PANELAPP_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parents[1] / "resources"]
    for candidate in candidates:
        if (candidate / "schemes").is_dir():
            return candidate
    raise FileNotFoundError("resources/ not found next to panelapp: " + ", ".join(map(str, candidates)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_folder() -> Path:
    """platformdirs' user data folder for panelapp (``%LOCALAPPDATA%\\panelapp`` on Windows)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("panelapp", appauthor=False))


def data_dir() -> Path:
    """Where panelapp keeps its own files beside the databases (the local signing certificate,
    the witness log): ``$PANELAPP_DATA_DIR`` or the user data folder."""
    override = os.environ.get("PANELAPP_DATA_DIR")
    return Path(override) if override else user_data_folder()
