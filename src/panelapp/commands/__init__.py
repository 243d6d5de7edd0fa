"""Headless sub-commands of ``panelapp``; each module has ``register(subparsers)``.

Registration must stay cheap: handlers import what they need when they run,
so ``panelapp score`` never pays for Qt, SQLAlchemy or ReportLab.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panelapp.store import Database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` on a sub-command; SUPPRESS keeps a top-level ``--db`` from being overwritten."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")


def open_store(db: str | None, operator: str = "系统", *, create: bool = True) -> Database:
    """The database at ``db`` (default: the user's), created, migrated and seeded when needed."""
    from panelapp.store import open_database

    return open_database(Path(db) if db else None, operator=operator, create=create)
