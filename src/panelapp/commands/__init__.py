"""Headless sub-commands of ``panelapp``; each module has ``register(subparsers)``.

Registration must stay cheap: handlers import what they need when they run,
so ``panelapp score`` never pays for Qt, SQLAlchemy or ReportLab.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panelapp.store import ContractRow, CycleRow, Database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` on a sub-command; SUPPRESS keeps a top-level ``--db`` from being overwritten."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")


def open_store(db: str | None, operator: str = "系统", *, create: bool = True) -> Database:
    """The database at ``db`` (default: the user's), created, migrated and seeded when needed."""
    from panelapp.store import open_database

    return open_database(Path(db) if db else None, operator=operator, create=create)


def add_contract_option(parser: argparse.ArgumentParser) -> None:
    """``--contract NUMBER``: which contract of the file; needed once the file holds more than one."""
    parser.add_argument("--contract", metavar="NUMBER", help="合同编号（数据库中有多个合同时必填）")


class ContractChoiceError(Exception):
    """No contract could be chosen: the message (Chinese) names ``--contract`` and lists the contracts."""


def pick_contract(db: Database, number: str | None) -> ContractRow:
    """The contract row of ``db`` named by ``--contract`` (or the only one)."""
    rows = db.cycles.contracts()
    listing = "；".join(f"{r.contract.number}（{r.contract.project}）" for r in rows) or "无"
    if number:
        for row in rows:
            if row.contract.number == number.strip():
                return row
        raise ContractChoiceError(f"--contract：数据库中没有合同 {number}。已有合同：{listing}")
    if len(rows) == 1:
        return rows[0]
    if not rows:
        raise ContractChoiceError("数据库中还没有合同")
    raise ContractChoiceError(f"--contract：数据库中有{len(rows)}个合同，请用 --contract 指定其一：{listing}")


def cycle_of(db: Database, contract_row: ContractRow, number: int) -> CycleRow:
    """Cycle ``number`` of the chosen contract, or a ContractChoiceError naming ``--cycle``."""
    for row in db.cycles.of_contract(contract_row.id):
        if row.number == number:
            return row
    raise ContractChoiceError(f"--cycle：合同 {contract_row.contract.number} 没有第{number}考核周期")


def add_common(p: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]) -> None:
    """``--db``, ``--contract`` and ``--operator`` on a sub-command that works on the database."""
    add_db_option(p)
    add_contract_option(p)
    p.add_argument("--operator", default="系统", help="操作人姓名（记入审计记录）")
    p.set_defaults(handler=handler)


def fail(message: object) -> int:
    """A refused command: the Chinese message on stderr, exit 2."""
    print(str(message), file=sys.stderr)
    return 2


def run_on_database(args: argparse.Namespace, body: Callable[[Database], int], create: bool = True) -> int:
    """Open the database, run ``body(db)``, turn known errors into a Chinese message and exit 2.
    ``create``: a missing database may be created (see ``open_store``)."""
    from panelapp.report.errors import ReportError, SigningError
    from panelapp.store import StoreError

    db_arg = getattr(args, "db", None)
    out = getattr(args, "out", None)
    if out is not None:
        from panelapp.commands.outputs import output_problem
        from panelapp.store import default_db_path

        problem = output_problem(out, Path(db_arg) if db_arg else default_db_path())
        if problem:
            return fail(problem)
    try:
        db = open_store(db_arg, args.operator, create=create)
    except StoreError as exc:
        return fail(exc)
    try:
        return body(db)
    except (StoreError, ReportError, SigningError, ContractChoiceError) as exc:
        return fail(exc)
    except OSError as exc:
        return fail(f"无法写入文件：{exc.filename or ''}（{exc.strerror or exc}）")
    finally:
        db.close()
