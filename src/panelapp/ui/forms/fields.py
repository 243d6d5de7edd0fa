"""Form fields with a Chinese error line right under each one."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

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

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError


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
    def __init__(self, key, label, choices: dict[str, str], parent=None):
        super().__init__(key, label, parent)
        self.combo = QComboBox(self)
        for value, text in choices.items():
            self.combo.addItem(text, value)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.changed = self.combo.currentIndexChanged

    def value(self):
        return self.combo.currentData()

    def set_value(self, value) -> None:
        i = self.combo.findData(value)
        if i >= 0:
            self.combo.setCurrentIndex(i)


class DateField(Field):
    """A date bounded to [lo, hi]; with ``optional`` a check box turns it into None (``none_text``)."""

    def __init__(self, key, label, lo: date, hi: date, optional=False, none_text=None, parent=None,
                 default: date | None = None):
        super().__init__(key, label, parent)
        self.lo, self.hi = lo, hi
        self.default = default or lo
        self.edit = self._make_edit()
        self.edit.setCalendarPopup(True)
        self.row.addWidget(self.edit)
        self.none_box = None
        if optional:
            self.none_box = QCheckBox(none_text or self.tr("无"), self)
            self.none_box.toggled.connect(lambda on: self.edit.setEnabled(not on))
            self.row.addWidget(self.none_box)
        self.row.addStretch(1)
        self.changed = self.edit_signal()
        if self.none_box is not None:
            self.none_box.toggled.connect(lambda _=None: self.edit_signal().emit(self.edit_value()))

    def _make_edit(self):
        edit = QDateEdit(self)
        edit.setDisplayFormat(DATE_FMT)
        edit.setDateRange(to_qdate(self.lo), to_qdate(self.hi))
        edit.setDate(to_qdate(self.default))
        return edit

    def edit_signal(self):
        return self.edit.dateChanged

    def edit_value(self):
        return self.edit.date()

    def raw(self):
        return from_qdate(self.edit.date())

    def value(self):
        if self.none_box is not None and self.none_box.isChecked():
            return None
        return self.raw()

    def set_raw(self, value) -> None:
        self.edit.setDate(to_qdate(value))

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


class DateTimeField(DateField):
    def _make_edit(self):
        edit = QDateTimeEdit(self)
        edit.setDisplayFormat(DATETIME_FMT)
        edit.setDateTimeRange(to_qdt(datetime.combine(self.lo, time.min)),
                              to_qdt(datetime.combine(self.hi, time(23, 59))))
        edit.setDateTime(to_qdt(datetime.combine(self.default, time(9, 0))))
        return edit

    def edit_signal(self):
        return self.edit.dateTimeChanged

    def edit_value(self):
        return self.edit.dateTime()

    def raw(self):
        return from_qdt(self.edit.dateTime())

    def set_raw(self, value) -> None:
        self.edit.setDateTime(to_qdt(value))
