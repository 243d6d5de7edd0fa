"""Headless sub-commands of ``panelapp``; each module has ``register(subparsers)``.

Registration must stay cheap: handlers import what they need when they run,
so ``panelapp score`` never pays for Qt, SQLAlchemy or ReportLab.
"""

import argparse
from pathlib import Path
from typing import Any


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` on a sub-command; SUPPRESS keeps a top-level ``--db`` from being overwritten."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")


def open_store(db: str | None, operator: str = "系统", *, quick: bool = False, create: bool = True) -> Any:
    """The database at ``db`` (default: the user's). ``quick``: a command that only reads (and
    records an export) opens a current file without SQLAlchemy (store.open_quick); anything
    else the file needs (creating, seeding, migrating) falls back to ``open_database``."""
    path = Path(db) if db else None
    if quick:
        from panelapp.store.quick import open_quick

        store = open_quick(path, operator=operator)
        if store is not None:
            return store
    from panelapp.store import open_database

    return open_database(path, operator=operator, create=create)
