"""``panelapp score FILE [--json]``: score a cycle file headless (docs/cycle-file.md).

Exit 0 when scored, 2 when the file is refused (message on stderr), 1 on a bug.
Imports only the core: no Qt, no SQLAlchemy, no ReportLab.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from panelapp.commands import (
    ContractChoiceError,
    add_contract_option,
    add_db_option,
    cycle_of,
    open_store,
    pick_contract,
)
from panelapp.core.result import CycleResult


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="为周期文件计分", description="为周期文件（.json 或 .zip）计分")
    p.add_argument("file", nargs="?", type=Path, help="周期文件 .json / .zip")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--cycle", type=int, help="从数据库计分时的考核周期号")
    add_db_option(p)
    add_contract_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from panelapp.core.cyclefile import CycleFileError, read_cycle_file
    from panelapp.core.engine import score_cycle

    if args.file is None:
        return score_from_db(args)
    try:
        data = read_cycle_file(args.file).data
    except CycleFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print_result(score_cycle(data), args.json)
    return 0


def score_from_db(args: argparse.Namespace) -> int:
    """Score cycle N of the database's (first) contract, with the same output as from a file."""
    if args.cycle is None:
        print("请给出周期文件，或用 --cycle N（可加 --db PATH）从数据库计分", file=sys.stderr)
        return 2
    from panelapp.core.engine import score_cycle
    from panelapp.store import StoreError

    try:
        # an explicit --db must exist (a typo must not create and score an empty database)
        db = open_store(args.db, create=not args.db)
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        cycle = cycle_of(db, pick_contract(db, args.contract), args.cycle)
        data, _ids = db.cycles.data(cycle.id)
    except ContractChoiceError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        db.close()
    print_result(score_cycle(data), args.json)
    return 0


def print_result(result: CycleResult, as_json: bool) -> None:
    print(json.dumps(result_json(result), ensure_ascii=False, indent=2) if as_json else result_table(result))


def result_json(result: CycleResult) -> dict:
    return {
        "contract": result.contract,
        "cycle": result.cycle,
        "period": {"start": result.start.isoformat(), "end": result.end.isoformat()},
        "items": {
            i.id: {"name": i.name, "max": i.max, "score": i.score, "deduction": i.deduction,
                   "explanation": i.explanation}
            for i in result.items
        },
        "sections": {s.id: s.score for s in result.sections},
        "total": result.total,
        "tier_percent": result.tier_percent,
        "deduction_amount": str(result.deduction_amount),
        "provisional": result.provisional,
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def result_table(result: CycleResult) -> str:
    lines = [
        f"合同 {result.contract}  第{result.cycle}考核周期（{result.start}至{result.end}）  评定日 {result.assessed_on}",
        "",
        f"{_pad('指标', 6)}{_pad('名称', 22)}{_pad('分值', 6)}{_pad('得分', 6)}扣分说明",
    ]
    for section in result.sections:
        for item in (i for i in result.items if i.section == section.id):
            lines.append(
                f"{_pad(item.id, 6)}{_pad(item.name, 22)}{_pad(str(item.max), 6)}{_pad(str(item.score), 6)}"
                f"{item.explanation}"
            )
        lines.append(f"{'':6}{_pad('小计 ' + section.name, 22)}{_pad(str(section.points), 6)}{section.score}")
    amount = f"{result.deduction_amount:,.2f}"
    tier = "不扣减" if result.tier_percent == 0 else f"扣减合同总价 {result.tier_percent}%"
    lines += ["", f"合计 {result.total} 分 · {tier} · ¥{amount}"]
    if result.provisional:
        lines.append(f"预评：评定日 {result.assessed_on} 早于本周期最后一天 {result.end}，尚未到期的事项未扣分；不能定稿")
    return "\n".join(lines)
