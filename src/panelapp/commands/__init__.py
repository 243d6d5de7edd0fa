"""Headless sub-commands of ``panelapp``; each module has ``register(subparsers)``.

Registration must stay cheap: handlers import what they need when they run,
so ``panelapp score`` never pays for Qt, SQLAlchemy or ReportLab.
"""

import argparse


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` on a sub-command; SUPPRESS keeps a top-level ``--db`` from being overwritten."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")
