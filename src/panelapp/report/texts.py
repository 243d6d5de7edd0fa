"""Sentences the sheet prints about the result: tier, money, settings."""

from __future__ import annotations

from decimal import Decimal

from panelapp.core.evidence import Settings
from panelapp.core.scheme import Scheme


def yuan(amount: Decimal) -> str:
    """2545000 -> 2,545,000.00 (exact, two decimals)."""
    return f"{amount.quantize(Decimal('0.01')):,.2f}"


def tier_text(scheme: Scheme, percent: int) -> str:
    """The tier rule that applied, in the words of 附件2 第五条."""
    previous = None
    for tier in scheme.tiers:
        if tier.min is None:
            cond = f"得分不足{previous}分"
        elif previous is None:
            cond = f"得分高于（等于）{tier.min}分"
        else:
            cond = f"得分高于（等于）{tier.min}分且不足{previous}分"
        if tier.percent == percent:
            action = "不予扣减" if percent == 0 else f"扣减合同总价的{percent}%"
            return f"{cond}，{action}"
        previous = tier.min
    return f"扣减合同总价的{percent}%"


def settings_lines(scheme: Scheme, settings: Settings) -> list[str]:
    """Each adjustable reading with the value this cycle used (scoring-rules.md: never silent)."""
    lines = []
    departures = dict(scheme.sheet_notes(settings))
    for key, spec in scheme.settings.items():
        value = getattr(settings, key)
        shown = f"{value}分" if spec.label.endswith("扣分") else str(value)
        default = "" if value == spec.default else f"，默认{spec.default}"
        if key in departures:  # the value departs from the 附件3 text printed above: say so in words
            note = f"（默认{spec.default}）" if default else ""
            lines.append(f"{spec.label}：{shown}——{spec.item or ''}{departures[key]}{note}")
            continue
        note = f"（{spec.note}{default}）" if spec.note else (f"（默认{spec.default}）" if default else "")
        lines.append(f"{spec.label}：{shown}{note}")
    return lines
