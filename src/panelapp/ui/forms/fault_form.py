"""The fault form: duration, computed level and timeliness shown live as the panel types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from panelapp.core.evidence import Fault, LevelOverride, Settings
from panelapp.core.rules import assess_fault
from panelapp.core.text import EFFECT_NAMES, LEVEL_NAMES
from panelapp.ui.forms.evidence_form import EvidenceDialog
from panelapp.ui.forms.fields import Field
from panelapp.ui.forms.specs import fields_for


@dataclass(frozen=True)
class FaultContext:
    settings: Settings
    params: dict  # the scheme's "faults" rule params (thresholds, level_points)
    assessed_on: date
    taken_ids: frozenset[str] = frozenset()


class OverrideField(Field):
    """Level override: 按计算 or a level, and the written reason it needs."""

    def __init__(self, parent=None):
        super().__init__("level_override", QCoreApplication.translate("OverrideField", "改定等级"), parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("不改定（按计算等级）"), None)
        for level, name in LEVEL_NAMES.items():
            self.combo.addItem(self.tr("改定为{level}").format(level=name), level)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("改定理由（必填）"))
        self.reason.setMinimumWidth(240)
        self.row.addWidget(self.combo)
        self.row.addWidget(self.reason, 1)
        self.combo.currentIndexChanged.connect(lambda _: self.reason.setEnabled(self.combo.currentData() is not None))
        self.reason.setEnabled(False)
        self.changed = self.combo.currentIndexChanged

    def value(self) -> LevelOverride | None:
        level = self.combo.currentData()
        return None if level is None else LevelOverride(level, self.reason.text().strip())

    def set_value(self, value) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value.level if value else None)))
        self.reason.setText(value.reason if value else "")


class FaultDialog(EvidenceDialog):
    def __init__(self, bounds, ctx: FaultContext, obj=None, parent=None, submit=None, next_id: str = "F-01"):
        self.ctx, self._next_id = ctx, next_id
        super().__init__("faults", bounds, obj, parent, submit)
        for field in self.fields.values():
            field.changed.connect(self.refresh)
        for key in ("responded_at", "onsite_at", "restore_deadline_at"):
            box = self.fields[key].none_box
            box.toggled.connect(lambda on, key=key: None if on else self._seed(key))
        self.fields["level_override"].reason.textChanged.connect(self.refresh)
        self.refresh()

    def build(self) -> None:
        # the fields as declared in core (labels, spans, check-box texts, help), and the level override
        fields = fields_for("faults", self.bounds)
        deadline = next(f for f in fields if f.key == "restore_deadline_at")
        deadline.none_box.setText(self.tr("按默认（报修后{hours}小时）").format(
            hours=self.ctx.settings.restore_deadline_hours))
        fields.append(OverrideField())
        for field in fields:
            self.add_field(field)
        started = self.fields["started_at"]
        for key in ("restored_at", "reported_at", "responded_at", "onsite_at", "restore_deadline_at"):
            # "10:30" typed alone falls on the start day (or this field's own day once it has one)
            self.fields[key].default_day = lambda s=started: s.value().date() if s.value() else None
        if self.original is None:
            self.fields["id"].set_value(self._next_id)
            self.fields["onsite_at"].set_value(None)
            self.fields["restore_deadline_at"].set_value(None)

    def _seed(self, key: str) -> None:
        """A time switched on starts from the report time (plus the default deadline), not the cycle start."""
        from datetime import timedelta

        field, reported = self.fields[key], self.fields["reported_at"].raw()
        if reported is None:
            return
        if field.raw() is None or field.raw() < reported:
            hours = self.ctx.settings.restore_deadline_hours if key == "restore_deadline_at" else 0
            field.set_raw(reported + timedelta(hours=hours))

    def extra(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.live = QLabel(self)
        self.live.setObjectName("liveLevel")
        self.live.setWordWrap(True)
        row.addWidget(self.live, 1)
        layout.addLayout(row)

    # -- checks -------------------------------------------------------------------------------
    def values(self) -> tuple[dict, dict[str, str]]:
        """Each field's own error first; the checks between times once both times are there."""
        values, errors = super().values()
        v = values

        def later(key: str, than: str, message: str) -> None:
            if v[key] is not None and v[than] is not None and v[key] < v[than]:
                errors.setdefault(key, message)

        later("restored_at", "started_at", self.tr("恢复时间不得早于开始时间"))
        later("responded_at", "reported_at", self.tr("响应时间不得早于报修时间"))
        later("onsite_at", "reported_at", self.tr("到场时间不得早于报修时间"))
        later("restore_deadline_at", "reported_at", self.tr("恢复时限不得早于报修时间"))
        sub, restored = v["report_submitted_on"], v["restored_at"]
        if sub is not None and restored is not None and sub < restored.date():
            errors.setdefault("report_submitted_on", self.tr("故障报告提交日期不得早于恢复日期"))
        override = v["level_override"]
        if override is not None and not override.reason:
            errors.setdefault("level_override", self.tr("改定故障等级必须写明理由"))
        own = self.original.id if self.original is not None else None
        if v["id"] != own and v["id"] in self.ctx.taken_ids:
            errors.setdefault("id", self.tr("故障编号“{id}”已存在").format(id=v["id"]))
        return values, errors

    def tentative(self) -> Fault | None:
        """The fault as typed so far, for the live read-out: needs the effect and the three times."""
        values = {key: field.value() for key, field in self.fields.items()}
        if any(values[k] is None for k in ("effect", "started_at", "restored_at", "reported_at")):
            return None
        if values["restored_at"] < values["started_at"] or any(
                values[k] is not None and values[k] < values["reported_at"] for k in ("responded_at", "onsite_at")):
            return None
        if values["level_override"] is not None and not values["level_override"].reason:
            values["level_override"] = LevelOverride(values["level_override"].level, "…")
        return self.build_obj(values)

    def refresh(self, *_args) -> None:
        fault = self.tentative()
        if fault is None:
            if any(self.fields[k].value() is None for k in ("started_at", "restored_at", "reported_at", "effect")):
                self.live.setText(self.tr("填写影响类型、开始、恢复和报修时间后，这里显示等级与扣分。"))
            else:
                self.live.setText(self.tr("时间有误：恢复时间早于开始时间，或响应/到场早于报修。"))
            self.assessment = None
            return
        fa = assess_fault(0, fault, self.ctx.settings, self.ctx.params, self.ctx.assessed_on)
        self.assessment = fa
        points = self.ctx.params["level_points"]
        dur = fault.duration_text
        level = self.tr("计算等级：<b>{level}</b>").format(level=LEVEL_NAMES[fa.computed_level])
        if fa.level != fa.computed_level:
            level += self.tr("，改定为 <b>{level}</b>").format(level=LEVEL_NAMES[fa.level])
        cost = self.tr("2.1 扣 {points} 分").format(points=points[fa.level]) if fault.vendor_caused else self.tr("非运维单位原因，2.1 不扣分")
        timing = []
        timing.append(self.tr("响应/到场超时（3.1 扣1分）") if fa.late_response else self.tr("响应及时"))
        timing.append(self.tr("恢复超时（3.1 扣1分）") if fa.late_restoration else self.tr("恢复及时"))
        if fa.report_missing:
            timing.append(self.tr("报告未提交（至评分日逾期{days}天）").format(days=fa.overdue_days))
        elif fa.overdue_days:
            timing.append(self.tr("报告逾期{days}天（3.1 扣{days}分）").format(days=fa.overdue_days))
        else:
            timing.append(self.tr("报告按时"))
        self.live.setText(
            self.tr("持续 <b>{duration}</b>（{effect}）· {level} · {cost}<br>").format(
                duration=dur, effect=EFFECT_NAMES[fault.effect], level=level, cost=cost) + " · ".join(timing)
        )
