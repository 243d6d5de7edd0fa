"""Form fields with a Chinese error line right under each one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from panelapp.core.typed import TypedInputError, format_date, format_datetime, parse_date, parse_datetime

DATE_FMT = "yyyy-MM-dd"
DATETIME_FMT = "yyyy-MM-dd HH:mm"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdt(value: datetime) -> QDateTime:
    return QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute))


def from_qdt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class Field(QWidget):
    """A labelled input; ``value()`` returns a Python value, ``error(msg)`` shows a message under it."""

    def __init__(self, key: str, label: str, parent=None):
        super().__init__(parent)
        self.key, self.label = key, label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setSpacing(8)
        layout.addLayout(self.row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        # a message wrapped over several lines needs its full height: the form layout does not
        # ask the label's heightForWidth, and would squeeze the lines into one line's height
        width = max(self.width(), self.error_label.width())
        self.error_label.setMinimumHeight(self.error_label.heightForWidth(width) if message else 0)

    def showing_error(self) -> bool:
        return not self.error_label.isHidden()

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def check(self) -> str | None:
        """This field's own error (empty, unreadable, out of range), or None."""
        return None


class TextField(Field):
    def __init__(self, key, label, required=True, placeholder="", parent=None):
        super().__init__(key, label, parent)
        self.required = required
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(320)
        self.row.addWidget(self.edit)
        self.changed = self.edit.textChanged

    def value(self) -> str:
        return self.edit.text().strip()

    def check(self) -> str | None:
        if self.required and not self.value():
            return self.tr("请填写“{label}”").format(label=self.label)
        return None

    def set_value(self, value) -> None:
        self.edit.setText(value or "")


class BoolField(Field):
    def __init__(self, key, label, text="", default=False, parent=None):
        super().__init__(key, label, parent)
        self.box = QCheckBox(text, self)
        self.box.setChecked(default)
        self.row.addWidget(self.box)
        self.row.addStretch(1)
        self.changed = self.box.toggled

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value) -> None:
        self.box.setChecked(bool(value))


class ChoiceField(Field):
    """A list of choices; with ``placeholder`` it starts on that (empty) entry and a choice is required."""

    def __init__(self, key, label, choices: dict, placeholder: str | None = None, parent=None):
        super().__init__(key, label, parent)
        self.placeholder = placeholder
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if placeholder is not None:
            self.combo.addItem(placeholder, None)
        for value, text in choices.items():
            self.combo.addItem(text, value)
        fm = self.combo.fontMetrics()
        self.combo.setMinimumWidth(max((fm.horizontalAdvance(self.combo.itemText(i)) for i in range(self.combo.count())),
                                       default=40) + 56)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.changed = self.combo.currentIndexChanged

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        i = self.combo.findData(value)
        if i >= 0:
            self.combo.setCurrentIndex(i)

    def check(self) -> str | None:
        if self.placeholder is not None and self.value() is None:
            return self.tr("请选择“{label}”").format(label=self.label)
        return None


class DateField(Field):
    """A typed date (2025-01-15, 1-15, 0115…) with a calendar button; starts empty.

    The year of a date typed without one comes from [lo, hi] (the cycle); what cannot be
    read, or falls outside [lo, hi], is said next to the field. With ``optional`` a check
    box (``none_text``) stands for "no date" (None). ``default`` is where the calendar opens.
    """

    valueChanged = Signal()

    def __init__(self, key, label, lo: date, hi: date, optional=False, none_text=None, parent=None,
                 default: date | None = None, required: bool = True):
        super().__init__(key, label, parent)
        self.lo, self.hi = lo, hi
        self.default = default or lo
        self.required = required
        self.default_day: Callable[[], date | None] | None = None  # a time typed alone falls on this day
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.placeholder())
        sample = self.edit.fontMetrics().horizontalAdvance(self.placeholder() + "0000")
        self.edit.setMinimumWidth(sample)
        self.edit.setMaximumWidth(sample * 3 // 2)
        self.row.addWidget(self.edit)
        self.pick = QToolButton(self)
        self.pick.setText(self.tr("日历"))
        self.pick.setToolTip(self.tr("从日历选择"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pick.clicked.connect(self._open_calendar)
        self.row.addWidget(self.pick)
        self.none_box = None
        if optional:
            self.none_box = QCheckBox(none_text or self.tr("无"), self)
            self.none_box.toggled.connect(self._on_none)
            self.row.addWidget(self.none_box)
        self.row.addStretch(1)
        self.changed = self.valueChanged
        self._last = None
        self.edit.textChanged.connect(self._on_text)
        self.edit.editingFinished.connect(self._on_finished)

    def placeholder(self) -> str:
        return self.tr("如 2025-01-15 或 1-15")

    # -- parsing ------------------------------------------------------------------------------
    def parse(self, text: str):
        return parse_date(text, self.lo, self.hi)

    def format(self, value) -> str:
        return format_date(value)

    def raw(self):
        """The typed value, or None when empty or unreadable."""
        try:
            return self.parse(self.edit.text())
        except TypedInputError:
            return None

    def value(self):
        if self.none_box is not None and self.none_box.isChecked():
            return None
        return self.raw()

    def check(self) -> str | None:
        if self.none_box is not None and self.none_box.isChecked():
            return None
        text = self.edit.text().strip()
        if not text:
            if not self.required and self.none_box is None:
                return None
            if self.none_box is not None:
                return self.tr("请填写“{label}”，或勾选“{none}”").format(label=self.label, none=self.none_box.text())
            return self.tr("请填写“{label}”").format(label=self.label)
        try:
            value = self.parse(text)
        except TypedInputError as exc:
            return self.tr("“{label}”：{problem}").format(label=self.label, problem=str(exc))
        if not self.in_range(value):
            return self.tr("“{label}”须在 {range} 之间（填写的是 {value}）").format(
                label=self.label, range=self.range_text(), value=self.format(value))
        return None

    def set_raw(self, value) -> None:
        self.edit.setText("" if value is None else self.format(value))

    def set_value(self, value) -> None:
        if self.none_box is not None:
            self.none_box.setChecked(value is None)
        if value is not None:
            self.set_raw(value)

    def in_range(self, value) -> bool:
        lo, hi = self.lo, self.hi
        if isinstance(value, datetime):
            lo, hi = datetime.combine(lo, time.min), datetime.combine(hi, time.max)
        return lo <= value <= hi

    def range_text(self) -> str:
        return self.tr("{lo} 至 {hi}").format(lo=self.lo.isoformat(), hi=self.hi.isoformat())

    # -- live feedback ------------------------------------------------------------------------
    def _on_text(self, _text: str) -> None:
        if self.showing_error():  # a message clears (or changes) as soon as the field is fixed
            self.error(self.check())
        value = self.value()
        if value != self._last:
            self._last = value
            self.valueChanged.emit()

    def _on_finished(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        value = self.raw()
        if value is not None and self.format(value) != text:
            self.edit.setText(self.format(value))  # 1-15 9:00 → 2025-01-15 09:00: the reading is visible
        self.error(self.check())

    def _on_none(self, on: bool) -> None:
        self.edit.setEnabled(not on)
        self.pick.setEnabled(not on)
        if on:
            self.error(None)
        elif self.showing_error():
            self.error(self.check())
        self._last = self.value()
        self.valueChanged.emit()

    def _open_calendar(self) -> None:
        calendar = QCalendarWidget()
        calendar.setDateRange(to_qdate(self.lo), to_qdate(self.hi))
        current = self.raw()
        day = current.date() if isinstance(current, datetime) else current
        calendar.setSelectedDate(to_qdate(day or self.default))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        calendar.clicked.connect(lambda qd: (self._picked(from_qdate(qd)), menu.close()))
        menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        self._calendar = calendar

    def _picked(self, day: date) -> None:
        self.set_raw(day)
        self.edit.setFocus()


class DateTimeField(DateField):
    """A typed date and time ("1-15 9:00", "2025-01-15 09:00"; a time alone falls on ``default_day``)."""

    def placeholder(self) -> str:
        return self.tr("如 1-15 9:00")

    def parse(self, text: str):
        day = self.default_day() if self.default_day is not None else None
        if day is None and self._last_day is not None:
            day = self._last_day
        return parse_datetime(text, self.lo, self.hi, day)

    @property
    def _last_day(self):
        return self._last.date() if isinstance(self._last, datetime) else None

    def format(self, value) -> str:
        return format_datetime(value)

    def _picked(self, day: date) -> None:
        current = self.raw()
        if current is not None:
            self.set_raw(datetime.combine(day, current.time()))
        else:
            self.edit.setText(format_date(day) + " ")  # the time is typed next
        self.edit.setFocus()
        self.edit.end(False)
