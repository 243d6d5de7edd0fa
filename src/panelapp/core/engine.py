"""The scoring engine: a cycle's evidence in, item scores, total, tier and money out."""

from __future__ import annotations

from datetime import date

from panelapp.core.contract import Contract
from panelapp.core.evidence import CycleData
from panelapp.core.overrides import deduction_limit, override_problem
from panelapp.core.payments import withheld_amount
from panelapp.core.result import CycleResult, DeductionLine, ItemResult, SectionResult
from panelapp.core.rules import RULES, Context, Outcome, assess_fault
from panelapp.core.scheme import Item, Scheme, load_scheme


def _explain(outcome: Outcome, raw: int, deduction: int) -> str:
    """扣分说明: the deducting lines, the total or the floor, then the zero-point notes."""
    if outcome.pending:
        return outcome.pending
    deducting = [line.text for line in outcome.lines if line.points]
    notes = [line.text for line in outcome.lines if not line.points]
    if not raw:
        return "；".join(t for t in [*notes, outcome.ok_text] if t)
    sentence = "；".join(deducting)
    if deduction < raw:
        single = f"扣{raw}分"
        if len(deducting) == 1 and sentence.endswith(single):
            sentence = f"{sentence[: -len(single)]}应扣{raw}分，扣完为止，实扣{deduction}分"
        else:
            sentence = f"{sentence}；合计应扣{raw}分，扣完为止，实扣{deduction}分"
    elif len(deducting) > 1:
        sentence = f"{sentence}；合计扣{deduction}分"
    return "；".join([sentence, *notes])


def is_provisional(data: CycleData) -> bool:
    """预评: assessed before the cycle's last day (scoring.md, provisional assessments)."""
    return data.assessed_on < data.contract.cycle(data.cycle).end


def finalise_problem(contract: Contract, cycle: int, assessed_on: date, today: date) -> str | None:
    """Why cycle ``cycle`` cannot be 定稿 yet (None: it can): not before its last day, never 预评."""
    period = contract.cycle(cycle)
    if today < period.end:
        return (
            f"第{cycle}考核周期至{period.end.isoformat()}结束，今天（{today.isoformat()}）尚在周期内，"
            "周期最后一天之前不能定稿"
        )
    if assessed_on < period.end:
        return (
            f"第{cycle}考核周期的评定日期 {assessed_on.isoformat()} 早于本周期最后一天 "
            f"{period.end.isoformat()}，当前评分为预评，不能定稿；请先将评定日期改为 "
            f"{period.end.isoformat()} 或之后"
        )
    return None


def score_item(item: Item, ctx: Context) -> ItemResult:
    outcome = RULES[item.rule](item, ctx)
    raw = 0 if outcome.pending else sum(line.points for line in outcome.lines)
    limit = deduction_limit(item)
    computed = raw if limit is None else min(raw, limit)
    explanation = _explain(outcome, raw, computed)
    deduction, reason = computed, None
    override = ctx.data.item_overrides.get(item.id)
    if override is not None:
        problem = override_problem(item, override.deduction, override.reason)
        if problem is not None:
            raise ValueError(problem)
        deduction, reason = override.deduction, override.reason
        explanation = f"{explanation}。考核组调整：计算扣{computed}分，改为扣{deduction}分（理由：{reason}）"
    return ItemResult(
        id=item.id,
        section=item.section,
        name=item.name,
        max=item.max,
        floor=item.floor,
        score=item.max - deduction,
        deduction=deduction,
        computed_deduction=computed,
        lines=tuple(outcome.lines),
        explanation=explanation,
        pending=outcome.pending is not None,
        override_reason=reason,
    )


def _check(data: CycleData, scheme: Scheme) -> None:
    """The engine is the last gate: settings in range and every override reasoned."""
    problems = [f"settings.{key}：{msg}" for key, msg in scheme.settings_problems(data.settings)]
    for i, fault in enumerate(data.evidence.faults):
        if fault.level_override is not None and not fault.level_override.reason.strip():
            problems.append(f"evidence.faults[{i}].level_override.reason：改定故障等级须写明理由")
    if problems:
        raise ValueError("；".join(problems))


def score_cycle(data: CycleData, scheme: Scheme | None = None) -> CycleResult:
    scheme = scheme or load_scheme(data.contract.scheme)
    _check(data, scheme)
    period = data.contract.cycle(data.cycle)
    ctx = Context(data, period, data.contract.half_year(data.cycle), working_hours=scheme.working_hours)
    fault_params = next((i.params for i in scheme.items if i.rule == "faults"), None)
    if fault_params is not None:
        ctx.faults = [
            assess_fault(i, f, data.settings, fault_params, data.assessed_on)
            for i, f in enumerate(data.evidence.faults)
        ]
    items = tuple(score_item(item, ctx) for item in scheme.items)
    sections = tuple(
        SectionResult(s.id, s.name, s.points, sum(i.score for i in items if i.section == s.id))
        for s in scheme.sections
    )
    total = sum(s.score for s in sections)
    percent = scheme.tier_percent(total)
    return CycleResult(
        contract=data.contract.number,
        cycle=data.cycle,
        start=period.start,
        end=period.end,
        assessed_on=data.assessed_on,
        items=items,
        sections=sections,
        total=total,
        tier_percent=percent,
        deduction_amount=withheld_amount(data.contract.total_amount, percent),
        faults=tuple(ctx.faults),
        base=scheme.base,
        provisional=is_provisional(data),
    )


def deduction_lines(result: CycleResult) -> list[tuple[str, DeductionLine]]:
    """Every line of every item, with its item id: the evidence appendix's source."""
    return [(item.id, line) for item in result.items for line in item.lines]
