"""Sign-off commands: export-pdf, export-xlsx, export-annual-pdf, verify-pdf, finalise, reopen.

Exit codes: 0 done (verify-pdf: verified), 1 not verified, 2 refused (message on stderr).
Heavy imports (ReportLab, SQLAlchemy, pyHanko) happen only inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from panelapp.commands import (
    add_common,
    cycle_of,
    fail,
    pick_contract,
    run_on_database,
)

if TYPE_CHECKING:
    from panelapp.report.annual import AnnualWriter
    from panelapp.store import Database


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-pdf", help="导出考核周期评分表 PDF", description="导出考核周期评分表 PDF（附件3格式）"
    )
    p.add_argument("--cycle", type=int, required=True, help="考核周期号 1-4")
    p.add_argument("--sign", metavar="CERT", help="数字签名：.pfx/.p12 证书文件，或 local 使用本机考核组证书")
    p.add_argument("--password-file", metavar="F", type=Path, help="证书密码文件（不给则在终端提示输入）")
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    add_common(p, export_pdf)

    p = sub.add_parser("export-xlsx", help="导出年度汇总 .xlsx")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    add_common(p, export_xlsx)

    p = sub.add_parser("export-annual-pdf", help="导出年度汇总 PDF")
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    add_common(p, export_annual_pdf)

    p = sub.add_parser(
        "verify-pdf",
        help="核验评分表 PDF",
        description="核验评分表 PDF：是否本程序导出、是否与数据库当前数据一致、数字签名",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    add_common(p, verify)

    p = sub.add_parser("finalise", help="定稿考核周期（只读）")
    p.add_argument("--cycle", type=int, required=True, help="考核周期号 1-4")
    add_common(p, finalise)

    p = sub.add_parser("reopen", help="重新打开已定稿的考核周期（版本号加一）")
    p.add_argument("--cycle", type=int, required=True, help="考核周期号 1-4")
    p.add_argument("--reason", required=True, help="重新打开的理由（必填）")
    add_common(p, reopen)


def _contract_id(db, args: argparse.Namespace) -> int:
    return pick_contract(db, args.contract).id


def _cycle_id(db, args: argparse.Namespace) -> int:
    return cycle_of(db, pick_contract(db, args.contract), args.cycle).id


def _sign_options(args: argparse.Namespace):
    if not args.sign:
        return None
    from panelapp.report.signing import SigningError, SignOptions

    if args.sign == "local":
        return SignOptions()
    pfx = Path(args.sign)
    if not pfx.is_file():
        raise SigningError(f"--sign：找不到证书文件 {pfx}")
    if args.password_file:
        try:
            password = args.password_file.read_bytes().rstrip(b"\r\n")
        except OSError as exc:
            raise SigningError(f"--password-file：无法读取 {args.password_file}（{exc.strerror}）") from None
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"证书 {pfx.name} 的密码：").encode()
    else:
        password = None
    return SignOptions(pfx=pfx, password=password or None)


def export_pdf(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        from panelapp.report.export import export_score_sheet

        sign = _sign_options(args)
        out = export_score_sheet(db, _cycle_id(db, args), args.out, sign=sign)
        print(f"已导出评分表：{out}" + ("（已数字签名）" if sign else ""))
        return 0

    # the full open: the export first checks the cycle's rows against the audit trail (SQLAlchemy)
    return run_on_database(args, body)


def _export_annual(db: Database, args: argparse.Namespace, write: AnnualWriter) -> int:
    from panelapp.report.annual import export_annual_summary

    (out,) = export_annual_summary(db, _contract_id(db, args), [(write, args.out)])
    print(f"已导出年度汇总：{out}")
    return 0


def export_xlsx(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        from panelapp.report.annual_xlsx import write_annual_xlsx

        return _export_annual(db, args, write_annual_xlsx)

    return run_on_database(args, body)


def export_annual_pdf(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        from panelapp.report.annual_pdf import write_annual_pdf

        return _export_annual(db, args, write_annual_pdf)

    return run_on_database(args, body)


def verify(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        return fail(f"找不到文件：{args.file}")

    def body(db: Database) -> int:
        from panelapp.report.verify import verify_pdf

        result = verify_pdf(args.file, db)
        print("\n".join(result.messages))
        return result.exit_code

    return run_on_database(args, body)


def finalise(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        from panelapp.report.export import finalise_cycle

        fingerprint = finalise_cycle(db, _cycle_id(db, args))
        print(f"第{args.cycle}考核周期已定稿（操作人 {args.operator}），数据指纹 {fingerprint}")
        return 0

    return run_on_database(args, body)


def reopen(args: argparse.Namespace) -> int:
    def body(db: Database) -> int:
        from panelapp.report.export import reopen_cycle

        version = reopen_cycle(db, _cycle_id(db, args), args.reason)
        print(f"第{args.cycle}考核周期已重新打开，现为第{version}版（理由：{args.reason.strip()}）")
        return 0

    return run_on_database(args, body)
