"""The 13 weeks of 1.1 as a clickable grid: reported, missing, exempt (with its reason)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from panelapp.core.contract import Period, Week

# background, text colour, word (translated where shown)
STATES = {
    "reported": ("#e3f1e5", "#2e7d32", QT_TRANSLATE_NOOP("WeekGrid", "已报")),
    "missing": ("#fdecea", "#b3261e", QT_TRANSLATE_NOOP("WeekGrid", "缺报")),
    "exempt": ("#eceff3", "#5b6574", QT_TRANSLATE_NOOP("WeekGrid", "免报")),
    "open": ("#eef3fb", "#3a5a8c", QT_TRANSLATE_NOOP("WeekGrid", "未到期")),
}


def week_states(period: Period, reports, exempts, assessed_on: date | None = None) -> list[tuple[Week, str, str]]:
    """(week, state, detail) for each week of the cycle: what the grid shows.

    A week without a report that is not over on the assessment date is "open" (预评: not yet due).
    """
    def monday(d: date) -> date:
        return d - timedelta(days=d.weekday())

    reported: dict[date, list[str]] = {}
    for r in reports:
        reported.setdefault(monday(r.date), []).append(f"{r.date.isoformat()} {r.title}")
    exempt = {monday(e.week_of): e.reason for e in exempts}
    rows = []
    for week in period.weeks():
        if week.monday in reported:
            rows.append((week, "reported", "；".join(reported[week.monday])))
        elif week.monday in exempt:
            rows.append((week, "exempt", exempt[week.monday]))
        elif assessed_on is not None and week.sunday > assessed_on:
            rows.append((week, "open", QCoreApplication.translate("WeekGrid", "评定日尚未结束，暂不计缺报")))
        else:
            rows.append((week, "missing", QCoreApplication.translate("WeekGrid", "无巡检报告")))
    return rows


class WeekGrid(QWidget):
    """Click a week: ``weekClicked(week, state)``; the tab decides (add report, exempt, un-exempt)."""

    weekClicked = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.buttons: list[QPushButton] = []
        self.states: list[tuple[Week, str, str]] = []

    def set_weeks(self, states: list[tuple[Week, str, str]]) -> None:
        if len(states) != len(self.buttons):
            for b in self.buttons:
                b.deleteLater()
            self.buttons = []
            for i in range(len(states)):
                b = QPushButton(self)
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, i=i: self.weekClicked.emit(*self.states[i][:2]))
                self.grid.addWidget(b, i // 7, i % 7)
                self.buttons.append(b)
        self.states = states
        for b, (week, state, detail) in zip(self.buttons, states, strict=True):
            bg, fg, word = STATES[state]
            word = self.tr(word)
            b.setText(self.tr("第{n}周\n{monday} {state}").format(
                n=week.number, monday=week.monday.strftime("%m-%d"), state=word))
            b.setToolTip(self.tr("第{n}周 {monday}～{sunday}\n{state}：{detail}").format(
                n=week.number, monday=week.monday.isoformat(), sunday=week.sunday.isoformat(), state=word,
                detail=detail))
            b.setStyleSheet(
                f"QPushButton {{ background: {bg}; color: {fg}; border: 1px solid {fg}33;"
                f" border-radius: 4px; padding: 6px 4px; }} QPushButton:hover {{ border: 1px solid {fg}; }}"
            )
            b.setProperty("state", state)
