"""Settlement commands: ``deduction add|list|remove`` (contract 十一.2 / 十一.3) and ``annual``.

Exit codes: 0 done, 2 refused (the message on stderr names the option; nothing is written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from panelapp.commands import (
    add_common,
    cycle_of,
    pick_contract,
    run_on_database,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deduction", help="支付时扣减登记（十一.2 投标承诺、十一.3 通报批评）",
                       description="支付时扣减登记：未完成的投标书面承诺（十一.2）与被上级通报批评（十一.3）")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help="登记一项扣减")
    a.add_argument("--kind", required=True, help="commitment（未完成投标承诺）或 criticism（通报批评）")
    a.add_argument("--date", required=True, help="认定/通报日期 YYYY-MM-DD")
    a.add_argument("--description", required=True, help="说明（承诺内容或通报事由）")
    a.add_argument("--cycle", type=int, help="计入的考核周期号（默认：日期所在周期）")
    add_common(a, add)
    a = actions.add_parser("list", help="列出扣减")
    a.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_common(a, list_)
    a = actions.add_parser("remove", help="撤销一项扣减（须填写理由，记入审计记录）")
    a.add_argument("id", help="扣减编号（deduction list 所列，如 D3、C12）")
    a.add_argument("--reason", required=True, help="撤销理由")
    add_common(a, remove)

    p = sub.add_parser("annual", help="年度结算：各周期扣减、支付时扣减、上限、应付与年度评价",
                       description="合同年度结算（附件2 五、合同 五、十一、十二.2、附件2 三）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_common(p, annual)


def _run(args: argparse.Namespace, body: Any, create: bool = True) -> int:
    """``body(db, contract row)`` on the database; a database named with ``--db`` is never created."""
    return run_on_database(args, lambda db: body(db, pick_contract(db, args.contract)),
                           create=create and not getattr(args, "db", None))


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()) if text.strip().isascii() else None
    except ValueError:
        return None


def add(args: argparse.Namespace) -> int:
    def body(db: Any, row: Any) -> int:
        from panelapp.core.settlement import deduction_problems
        from panelapp.store import PaymentDeduction

        contract = row.contract
        on = _date(args.date)
        problems = deduction_problems(contract, args.kind.strip(), on, args.description)
        if on is None:  # the date was given but is not one: say so in place of "请填写日期"
            problems = [(f, f"“{args.date}”不是 YYYY-MM-DD 格式的日期" if f == "date" else m) for f, m in problems]
        if problems:
            print("\n".join(f"--{field}：{message}" for field, message in problems), file=sys.stderr)
            return 2
        assert on is not None
        cycle = cycle_of(db, row, args.cycle or contract.cycle_of(on))
        text = args.description.strip()
        if args.kind.strip() == "commitment":
            have = db.standing.unfulfilled_commitments(cycle.id).get(text)
            if have is not None:
                print(f"该承诺已在第{cycle.number}考核周期登记为未完成（编号 C{have}），未重复登记")
                return 0
            rid = db.standing.mark_commitment(cycle.id, text, True, f"{on.isoformat()} 认定未完成")
            print(f"已登记：第{cycle.number}考核周期未完成投标承诺“{text}”（编号 C{rid}）；"
                  "计入该周期 3.3① 扣分，并在支付时按十一.2 扣减（每项承诺只扣减一次）")
            return 0
        did = db.standing.add_payment_deduction(row.id, PaymentDeduction("criticism", 1, on, text, cycle.number))
        print(f"已登记：{on.isoformat()} 被上级通报批评（编号 D{did}），支付时按十一.3 扣减")
        return 0

    return _run(args, body)


def list_(args: argparse.Namespace) -> int:
    def body(db: Any, row: Any) -> int:
        from panelapp.report.annual import annual_summary

        s = annual_summary(db, row.id)
        if args.json:
            print(json.dumps(settlement_json(s)["payment_deductions"], ensure_ascii=False, indent=2))
            return 0
        if not s.deductions:
            print(f"合同 {row.contract.number} 没有支付时扣减。")
        for d in s.deductions:
            cycle = f"第{d.cycle}周期" if d.cycle else ""
            print(f"{d.id}\t{d.label}\t{d.occurred_on}\t{cycle}\t{d.description}\t¥{d.amount:,.2f}")
        return 0

    return _run(args, body, create=False)


def remove(args: argparse.Namespace) -> int:
    def body(db: Any, row: Any) -> int:
        from panelapp.core.settlement import removal_refusal

        ref = args.id.strip().upper()
        # the forms of id deduction list prints: D (register), C (commitment), S / L (marked records)
        if len(ref) < 2 or ref[0] not in "DCSL" or not ref[1:].isascii() or not ref[1:].isdigit():
            print(f"ID：“{args.id}”不是扣减编号（如 D3、C12，见 panelapp deduction list）", file=sys.stderr)
            return 2
        line = next((d for d in _summary(db, row.id).deductions if d.id == ref), None)
        refusal = removal_refusal(line) if line is not None else None
        if refusal:
            print(f"ID：{refusal}", file=sys.stderr)
            return 2
        if not args.reason.strip():
            print("--reason：撤销理由不能为空", file=sys.stderr)
            return 2
        if line is None:
            print(f"ID：合同 {row.contract.number} 没有编号为 {ref} 的支付时扣减", file=sys.stderr)
            return 2
        if line.source == "commitment":
            db.standing.withdraw_commitment(int(ref[1:]), args.reason)
        else:  # "entered": a register entry
            db.standing.delete_payment_deduction(int(ref[1:]), args.reason)
        print(f"已撤销扣减 {ref}（理由：{args.reason.strip()}）")
        return 0

    return _run(args, body, create=False)


def _summary(db: Any, contract_id: int) -> Any:
    from panelapp.report.annual import annual_summary

    return annual_summary(db, contract_id)


def annual(args: argparse.Namespace) -> int:
    def body(db: Any, row: Any) -> int:
        from panelapp.report.annual import annual_summary, evaluation_text

        s = annual_summary(db, row.id)
        if args.json:
            print(json.dumps(settlement_json(s), ensure_ascii=False, indent=2))
        else:
            print(settlement_text(s, evaluation_text(s)))
        return 0

    return _run(args, body)


def _yuan(value: Any) -> str:
    return f"{value:.2f}"


def settlement_json(s: Any) -> dict[str, Any]:
    ev = s.evaluation
    return {
        "contract": s.contract.number,
        "cycles": [{"number": c.number, "score": c.score, "tier_percent": c.tier_percent,
                    "deduction_amount": _yuan(c.withheld), "final": c.final, "assessed": c.assessed,
                    "provisional": c.provisional} for c in s.cycles],
        "payment_deductions": [{"id": d.id, "kind": d.kind, "date": d.occurred_on.isoformat(),
                                "description": d.description, "amount": _yuan(d.amount), "cycle": d.cycle}
                               for d in s.deductions],
        "commitments": [{"commitment": c.text, "unfulfilled_in": list(c.unfulfilled_in), "status": c.status}
                        for c in s.commitments],
        "withheld_by_cycles": _yuan(s.withheld_total),
        "payment_deductions_total": _yuan(s.deductions_total),
        "capped": s.capped,
        "total_withheld": _yuan(s.effective_total),
        "cap": _yuan(s.cap),
        "payable": _yuan(s.payable),
        "payments": [{"label": p.label, "amount": _yuan(p.amount), "absorbed": _yuan(p.absorbed),
                      "paid": _yuan(p.paid)} for p in s.payments],
        "claim_back": _yuan(s.claim_back),
        "evaluation": {"mean": None if ev.mean is None else str(ev.mean), "band": ev.band,
                       "cycles_counted": ev.counted, "cycles": ev.of},
    }


def settlement_text(s: Any, evaluation: str) -> str:
    from panelapp.report.texts import yuan

    c = s.contract
    lines = [f"合同 {c.number}  {c.project}", f"合同总价 ¥{yuan(c.total_amount)}", "", "各考核周期："]
    for line in s.cycles:
        if not line.assessed:
            lines.append(f"  第{line.number}周期  未考核")
            continue
        lines.append(f"  第{line.number}周期  {line.score} 分  扣减 {line.tier_percent}%  ¥{yuan(line.withheld)}  {line.state}")
    lines.append("投标书面承诺清单：" if s.commitments else "投标书面承诺清单：未登记")
    for commitment in s.commitments:
        lines.append(f"  {commitment.text}  {commitment.status}")
    lines.append("支付时扣减：" if s.deductions else "支付时扣减：无")
    for d in s.deductions:
        lines.append(f"  {d.id}  {d.label}  {d.occurred_on}  {d.description}  ¥{yuan(d.amount)}")
    lines += [
        "",
        f"考核扣减合计 ¥{yuan(s.withheld_total)}；支付时扣减合计 ¥{yuan(s.deductions_total)}",
        f"扣减总额 ¥{yuan(s.effective_total)}" + ("（已按十二.2 以合同总金额封顶）" if s.capped else ""),
        f"合同应付合计 ¥{yuan(s.payable)}",
    ]
    for p in s.payments:
        lines.append(f"  {p.label}：应付 ¥{yuan(p.amount)}，扣减 ¥{yuan(p.absorbed)}，实付 ¥{yuan(p.paid)}")
    if s.claim_back:
        lines.append(f"两期付款不足扣减，应向乙方追回 ¥{yuan(s.claim_back)}")
    lines.append(evaluation)
    return "\n".join(lines)
