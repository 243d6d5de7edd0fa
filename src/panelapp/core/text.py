"""Chinese wording shared by the engine, the window and the sheet."""

from __future__ import annotations

from datetime import date, datetime

LEVEL_NAMES = {"I": "一级重大故障", "II": "二级较大故障", "III": "三级一般故障", "IV": "四级其它故障"}
EFFECT_NAMES = {"interruption": "全部中断", "degradation": "质量劣化"}
SECURITY_KIND_NAMES = {
    "major": "重大安全运行事件",
    "notified": "被上级安全部门通报",
    "reminder": "上级安全部门安全提醒",
    "hidden_danger": "日常安全检查发现隐患",
}


def duration_text(seconds: float) -> str:
    """1小时35分, 20分钟, 5小时, 2天3小时10分."""
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if not days and not hours:
        return f"{mins}分钟"
    text = (f"{days}天" if days else "") + (f"{hours}小时" if hours else "")
    return text + (f"{mins}分" if mins else "")


def day_text(day: date) -> str:
    return day.isoformat()


def time_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")
