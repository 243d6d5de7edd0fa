"""Add / edit one evidence record. Nothing is saved unless every field is valid."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from panelapp.core.evidence import EVIDENCE_LABELS, EVIDENCE_TYPES
from panelapp.ui.errors import message_text, user_errors
from panelapp.ui.forms.fields import Field
from panelapp.ui.forms.specs import Bounds, cross_check, fields_for
from panelapp.ui.forms.unsaved import ask_unsaved, snapshot


class EvidenceDialog(QDialog):
    """``result_obj`` holds the new core dataclass after ``accept``."""

    def __init__(self, kind: str, bounds: Bounds, obj=None, parent: QWidget | None = None, submit=None):
        super().__init__(parent)
        self.submit = submit  # called with the new record; a refusal keeps the dialog open
        self.kind, self.bounds, self.original = kind, bounds, obj
        self.result_obj = None
        title = self.tr("修改{kind}") if obj is not None else self.tr("新增{kind}")
        self.setWindowTitle(title.format(kind=EVIDENCE_LABELS[kind]))
        self.fields: dict[str, Field] = {}
        outer = QVBoxLayout(self)
        outer.setSpacing(12)
        # the fields scroll inside the form; the live read-out and 保存 stay below, always on screen
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll)
        self.form = QFormLayout(body)
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(16)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.build()
        self.extra(outer)
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        if obj is not None:
            self.load(obj)
        self.pristine = snapshot(self)  # what "unchanged" looks like (after the record is loaded)

    def fit_to_screen(self) -> None:
        """As tall as the fields need, but never taller than the screen (at 150 % on 1366×768 the fields scroll)."""
        screen = (self.parentWidget() or self).screen() if (self.parentWidget() or self).screen() else None
        avail = screen.availableGeometry() if screen is not None else None
        body = self.scroll.widget()
        chrome = self.sizeHint().height() - self.scroll.sizeHint().height()
        want_h = body.sizeHint().height() + chrome + 8
        want_w = max(self.sizeHint().width(), body.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 40)
        if avail is not None:
            want_h = min(want_h, avail.height() - 48)  # the title bar and a margin
            want_w = min(want_w, avail.width() - 24)
        self.scroll.setMinimumHeight(min(body.sizeHint().height(), 160))
        self.resize(want_w, want_h)

    def showEvent(self, event) -> None:
        if not getattr(self, "_fitted", False):
            self._fitted = True
            self.fit_to_screen()
        super().showEvent(event)

    # -- building -----------------------------------------------------------------------------
    def build(self) -> None:
        for field in fields_for(self.kind, self.bounds):
            self.add_field(field)

    def add_field(self, field: Field) -> None:
        self.fields[field.key] = field
        self.form.addRow(field.label, field)
        field.changed.connect(lambda *_args: self.recheck())

    def recheck(self) -> None:
        """Messages already shown follow the input: a fixed field's message goes, the summary with the last one."""
        message = getattr(self, "message", None)
        if message is None or (message.isHidden() and not any(f.showing_error() for f in self.fields.values())):
            return
        _values, errors = self.values()
        for key, field in self.fields.items():
            if field.showing_error():
                field.error(errors.get(key))
        if not errors:
            message.hide()

    def extra(self, layout: QVBoxLayout) -> None:
        """Subclasses add live read-outs here."""

    def load(self, obj) -> None:
        for key, field in self.fields.items():
            if hasattr(obj, key):
                field.set_value(getattr(obj, key))

    # -- validating ---------------------------------------------------------------------------
    def values(self) -> tuple[dict, dict[str, str]]:
        values, errors = {}, {}
        for key, field in self.fields.items():
            values[key] = field.value()
            problem = field.check()
            if problem:
                errors[key] = problem
        for key, problem in cross_check(self.kind, values, self.bounds).items():
            errors.setdefault(key, problem)
        return values, errors

    def build_obj(self, values: dict):
        files = getattr(self.original, "files", ()) if self.original is not None else ()
        cls = EVIDENCE_TYPES[self.kind]
        if "files" in cls.__dataclass_fields__:
            values = {**values, "files": files}
        return cls(**values)

    def validate(self):
        """The new record, or None with every error shown next to its field."""
        values, errors = self.values()
        for key, field in self.fields.items():
            field.error(errors.get(key))
        if errors:
            self.message.setText(self.tr("请先改正标红的项目；未保存任何内容。"))
            self.message.show()
            return None
        self.message.hide()
        return self.build_obj(values)

    def accept(self) -> None:
        obj = self.validate()
        if obj is None:
            return
        if self.submit is not None:
            try:
                self.submit(obj)
            except user_errors() as exc:
                self.show_error(message_text(exc))
                self.show_field_errors(exc)
                return
        self.result_obj = obj
        super().accept()

    def is_dirty(self) -> bool:
        return snapshot(self) != self.pristine

    def reject(self) -> None:
        """Escape, 取消 and closing the window: a changed form asks 保存 / 放弃 / 取消 first."""
        if self.is_dirty():
            answer = ask_unsaved(self, self.windowTitle())
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()

    def show_field_errors(self, exc: BaseException) -> None:
        """A store refusal that names fields ((field, message) pairs) is shown next to each field."""
        for entry in getattr(exc, "errors", None) or ():
            path, message = (entry if isinstance(entry, tuple) else (getattr(entry, "path", ""),
                                                                     getattr(entry, "message", "")))
            key = str(path).rsplit(".", 1)[-1]
            if key in self.fields:
                self.fields[key].error(message)

    def show_error(self, message: str) -> None:
        """A refusal from the store, shown in the dialog (which stays open)."""
        self.result_obj = None
        self.message.setText(message)
        self.message.show()
