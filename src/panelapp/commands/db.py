"""Database sub-commands: import, export, verify-db, backup, restore.

Exit codes: 0 done / database sound, 1 problems found (verify-db) or a bug,
2 refused (bad file, locked or damaged database; message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from panelapp.commands import ContractChoiceError, add_contract_option, add_db_option, cycle_of, pick_contract


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="把周期文件导入数据库", description="把周期文件（.json / .zip）导入数据库"
    )
    p.add_argument("file", type=Path, help="周期文件 .json / .zip")
    p.add_argument("--operator", default="系统", help="操作人（记入审计记录）")
    add_db_option(p)
    p.set_defaults(handler=run_import)

    p = sub.add_parser(
        "export", help="把一个考核周期导出为周期文件", description="导出考核周期为 .json 或 .zip（含附件）"
    )
    p.add_argument("--cycle", type=int, required=True, help="考核周期号")
    p.add_argument("--zip", action="store_true", help="导出 .zip（含附件 files/<sha256>）")
    p.add_argument("out", type=Path, help="输出文件")
    add_db_option(p)
    add_contract_option(p)
    p.set_defaults(handler=run_export)

    p = sub.add_parser(
        "verify-db",
        help="检查数据库完整性与审计链",
        description="SQLite 完整性检查、审计哈希链检查、记录与审计比对",
    )
    p.add_argument("--blobs", action="store_true", help="同时逐一校验附件内容的 SHA-256（较慢）")
    add_db_option(p)
    p.set_defaults(handler=run_verify)

    p = sub.add_parser("backup", help="备份数据库", description="用 SQLite 在线备份接口备份数据库")
    p.add_argument("out", type=Path, nargs="?", help="备份文件（默认在数据库旁的 backups/ 文件夹）")
    add_db_option(p)
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help="从备份恢复数据库", description="用备份替换数据库；当前文件先另存一份")
    p.add_argument("backup", type=Path, help="备份文件")
    p.add_argument("--force", action="store_true", help="备份属于另一个数据库时仍然恢复")
    add_db_option(p)
    p.set_defaults(handler=run_restore)


def _db_path(args: argparse.Namespace) -> Path:
    from panelapp.store import default_db_path

    db = getattr(args, "db", None)
    return Path(db).expanduser().absolute() if db else default_db_path()


def _fail(message: object, code: int = 2) -> int:
    print(str(message), file=sys.stderr)
    return code


def run_import(args: argparse.Namespace) -> int:
    from panelapp.core.cyclefile import CycleFileError
    from panelapp.store import StoreError, open_database

    try:
        db = open_database(_db_path(args), operator=args.operator)
    except StoreError as exc:
        return _fail(exc)
    try:
        report = db.transfer.import_file(args.file)
    except (CycleFileError, StoreError) as exc:
        return _fail(exc)
    finally:
        db.close()
    print(report.summary())
    for kind, index, rid in report.duplicates:
        print(f"  重复：evidence.{kind}[{index}] 与已有记录 {rid} 完全相同，未重复导入")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from panelapp.store import StoreError, open_database

    out: Path = args.out
    if args.zip and out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    from panelapp.commands.outputs import output_problem

    problem = output_problem(out, _db_path(args))
    if problem:
        return _fail(problem)
    try:
        db = open_database(_db_path(args), create=False)
    except StoreError as exc:
        return _fail(exc)
    try:
        cycle = cycle_of(db, pick_contract(db, args.contract), args.cycle)
        path = db.transfer.export(cycle.id, out)
    except ContractChoiceError as exc:
        return _fail(exc)
    except StoreError as exc:
        return _fail(exc)
    finally:
        db.close()
    print(f"已导出第{args.cycle}考核周期：{path}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Read-only: the file is opened with SQLite's mode=ro and never created, migrated or seeded."""
    from panelapp.store import LockedError, StoreError
    from panelapp.store.lock import FileLock
    from panelapp.store.readonly import inspect_file, verify_readonly, witness_readonly

    path = _db_path(args)
    if not path.exists():
        return _fail(f"数据库文件不存在：{path}")
    lock = FileLock(path)
    try:
        lock.acquire()
    except LockedError as exc:
        return _fail(f"无法检查：{exc}")
    except StoreError:
        pass  # a read-only folder: the check reads only, so it goes on without the lock
    try:
        seen = inspect_file(path)
        if seen.problem:
            from panelapp.store.backup import newest_good_backup

            backup = newest_good_backup(path)
            print(f"数据库检查未通过：{path}：{seen.problem}。文件未被改动。")
            print(f"最近一份完好的备份：{backup}" if backup else "没有找到可用的自动备份。")
            return 1
        report = verify_readonly(path, blobs=args.blobs)
        seen = witness_readonly(path)
    finally:
        lock.release()
    problems = [p.message for p in report.problems] + (seen.problems or [])
    if not problems:
        print(
            f"数据库完好：{path}\n  SQLite 完整性检查通过；审计记录 {report.entries} 条，哈希链完整；"
            f"{report.rows} 条记录与审计记录一致。"
        )
        if seen.note:
            print(f"  注意：{seen.note}。")
        else:
            print(f"  本机见证记录中的 {seen.checked} 个审计链头都仍在审计链中（未被回滚、替换或重新计算）。")
        return 0
    print(f"数据库检查发现 {len(problems)} 个问题：{path}")
    for message in problems:
        print(f"  - {message}")
    if seen.note:
        print(f"  注意：{seen.note}。")
    return 1


def run_backup(args: argparse.Namespace) -> int:
    from panelapp.store import StoreError, open_database
    from panelapp.store.backup import manual_backup_path

    path = _db_path(args)
    if not path.exists():
        return _fail(f"数据库文件不存在：{path}")
    if args.out is not None:
        from panelapp.commands.outputs import output_problem

        problem = output_problem(args.out, path, replace=False)
        if problem:
            return _fail(problem)
    try:
        db = open_database(path, seed=False)
    except StoreError as exc:
        return _fail(exc)
    try:
        out = args.out or manual_backup_path(path)
        made = db.backup(out)
    except StoreError as exc:
        return _fail(exc)
    finally:
        db.close(backup_on_close=False)
    print(f"已备份到：{made}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from panelapp.store import StoreError
    from panelapp.store.restore_check import check_backup, restore

    path = _db_path(args)
    if not args.backup.is_file():
        return _fail(f"找不到备份文件：{args.backup}")
    checked = check_backup(args.backup, path)
    print(checked.summary())
    try:
        safety = restore(args.backup, path, force=args.force, checked=checked)
    except StoreError as exc:
        return _fail(exc)
    print(f"已从 {args.backup} 恢复数据库 {path}。\n恢复前的文件另存为：{safety}")
    return 0
