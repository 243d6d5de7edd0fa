"""The program's log: a rotating file in the user's log folder (platformdirs).

It holds unexpected errors (with their traceback) and one line for each import,
export, backup and restore, so that "what happened on Tuesday" has an answer
even in the windowed Windows build, which has no console. Nothing is logged
until :func:`setup_logging` is called (the window does; tests pass a folder).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from platformdirs import user_log_dir

LOGGER = "panelapp"
FILE_NAME = "panelapp.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

_handler: logging.handlers.RotatingFileHandler | None = None


def default_log_dir() -> Path:
    return Path(user_log_dir("panelapp", appauthor=False))


def setup_logging(folder: Path | None = None) -> Path:
    """Log to ``folder/panelapp.log`` (1 MB × 5 files); returns the file's path. Idempotent per folder."""
    global _handler
    folder = Path(folder) if folder is not None else default_log_dir()
    path = folder / FILE_NAME
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        logger.removeHandler(_handler)
        _handler.close()
    folder.mkdir(parents=True, exist_ok=True)
    _handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                    encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(_handler)
    logger.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger(LOGGER).removeHandler(_handler)
        _handler.close()
        _handler = None


def log_path() -> Path | None:
    """The file being written, or None before :func:`setup_logging`."""
    return Path(_handler.baseFilename) if _handler is not None else None


def record(action: str, **details: object) -> None:
    """One line for an import, export, backup, restore…: ``action key=value …``."""
    text = " ".join(f"{k}={v}" for k, v in details.items())
    logging.getLogger(LOGGER).info("%s %s", action, text)


def record_error(summary: str, exc: BaseException) -> None:
    logging.getLogger(LOGGER).error("%s", summary, exc_info=(type(exc), exc, exc.__traceback__))
