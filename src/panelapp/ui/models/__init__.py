"""One QAbstractTableModel per evidence table."""

from panelapp.ui.models.base import EvidenceModel
from panelapp.ui.models.materials import (
    DefectReportModel,
    DrillModel,
    ExemptWeekModel,
    SpecialPeriodModel,
    TrainingModel,
    WeeklyReportModel,
)
from panelapp.ui.models.response import (
    AbsenceModel,
    CommitmentModel,
    LateOptimizationModel,
    OffhoursMissModel,
    ViolationModel,
)
from panelapp.ui.models.stability import FaultModel, SecurityEventModel

MODEL_FOR_KIND: dict[str, type[EvidenceModel]] = {
    "weekly_reports": WeeklyReportModel,
    "exempt_weeks": ExemptWeekModel,
    "special_periods": SpecialPeriodModel,
    "defect_reports": DefectReportModel,
    "drills": DrillModel,
    "trainings": TrainingModel,
    "faults": FaultModel,
    "security_events": SecurityEventModel,
    "absences": AbsenceModel,
    "violations": ViolationModel,
    "offhours_misses": OffhoursMissModel,
    "unfulfilled_commitments": CommitmentModel,
    "late_optimizations": LateOptimizationModel,
}
