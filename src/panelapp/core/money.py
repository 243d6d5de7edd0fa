"""Money amounts written out in Chinese capital numerals (人民币大写).

Follows the People's Bank of China rules for filling in bills (《支付结算办法》附件
“正确填写票据和结算凭证的基本规定”):

- a "0" between digits is written 零; a run of zeros is one 零; a zero 万 group or
  trailing zeros in a group write nothing, but a lower non-zero group that does not
  start at its 仟 place is preceded by 零 (壹亿零壹万元整, 壹仟零壹元);
- 整 follows 元 when there are no 角/分; nothing follows 角; nothing follows 分;
- 角 zero but 分 not zero: 零 after 元 (壹拾万元零壹分) — required by the rules;
- 元 place zero but 角 not zero: the rules allow 零 or nothing; we write 零, the
  first form of the rules' own example (壹仟陆佰捌拾元零叁角贰分), so 壹拾元零伍角;
- an amount below one yuan starts at its 角 or 分 (伍分); zero is 零元整.

Amounts must be exact to the fen; negative amounts and floats are refused.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
GROUPS = ("", "万", "亿")
LIMIT = Decimal(10) ** 12  # up to 玖仟玖佰玖拾玖亿…


def _group_words(value: int) -> str:
    """0 < value < 10000 in capitals, with inner zeros as one 零 and trailing zeros dropped."""
    digits = f"{value:04d}"
    out: list[str] = []
    zero = False
    for pos, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + PLACES[3 - pos])
    return "".join(out)


def integer_words(value: int) -> str:
    """The yuan part: 0 -> '', 2545000 -> 贰佰伍拾肆万伍仟."""
    groups = []
    while value:
        value, rest = divmod(value, 10000)
        groups.append(rest)
    out: list[str] = []
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or group < 1000):
            out.append("零")
        out.append(_group_words(group) + GROUPS[index])
        pending_zero = False
    return "".join(out)


def amount_in_words(amount: Decimal | int) -> str:
    """人民币大写 of ``amount`` (yuan): Decimal("2545000.00") -> 贰佰伍拾肆万伍仟元整."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError("金额必须是 Decimal（不接受浮点数）")
    try:
        amount = Decimal(amount)
        fen_total = amount * 100
        if not amount.is_finite() or fen_total != fen_total.to_integral_value():
            raise ValueError(f"金额 {amount} 须精确到分")
    except InvalidOperation:
        raise ValueError(f"金额 {amount} 不是有效数字") from None
    if amount < 0:
        raise ValueError(f"金额 {amount} 为负数，不能写成大写金额")
    if amount >= LIMIT:
        raise ValueError(f"金额 {amount} 超出可写范围（须小于一万亿元）")
    yuan, cents = divmod(int(fen_total), 100)
    jiao, fen = divmod(cents, 10)
    words = integer_words(yuan)
    if not cents:
        return (words or "零") + "元整"
    out = words + "元" if yuan else ""
    if jiao:
        if yuan and yuan % 10 == 0:
            out += "零"
        out += DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += DIGITS[fen] + "分"
    return out
