"""The 13 weeks of 1.1 as a clickable grid: reported, missing, exempt (with its reason)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from panelapp.core.contract import Period, Week, monday_of
from panelapp.core.rules import week_states as core_week_states

# background, text colour, word (translated where shown)
STATES = {
    "reported": ("#e3f1e5", "#2e7d32", QT_TRANSLATE_NOOP("WeekGrid", "已报")),
    "missing": ("#fdecea", "#b3261e", QT_TRANSLATE_NOOP("WeekGrid", "缺报")),
    "exempt": ("#eceff3", "#5b6574", QT_TRANSLATE_NOOP("WeekGrid", "免报")),
    "open": ("#eef3fb", "#3a5a8c", QT_TRANSLATE_NOOP("WeekGrid", "未到期")),
}


def week_states(period: Period, reports, exempts, assessed_on: date | None = None) -> list[tuple[Week, str, str]]:
    """(week, state, detail) for each week of the cycle: the core's state (core.rules.week_states)
    with the words the grid shows for it."""
    reported: dict[date, list[str]] = {}
    for r in reports:
        reported.setdefault(monday_of(r.date), []).append(f"{r.date.isoformat()} {r.title}")
    exempt = {monday_of(e.week_of): e.reason for e in exempts}
    details = {
        "open": QCoreApplication.translate("WeekGrid", "评定日尚未结束，暂不计缺报"),
        "missing": QCoreApplication.translate("WeekGrid", "无巡检报告"),
    }
    rows = []
    for week, state in core_week_states(period, tuple(reports), tuple(exempts), assessed_on):
        if state == "reported":
            rows.append((week, state, "；".join(reported[week.monday])))
        elif state == "exempt":
            rows.append((week, state, exempt[week.monday]))
        else:
            rows.append((week, state, details[state]))
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
