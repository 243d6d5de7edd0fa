"""Table models of 运维服务支撑响应度 (3.2, 3.3)."""

from __future__ import annotations

from panelapp.ui.models.base import EvidenceModel, columns


class AbsenceModel(EvidenceModel):
    KIND = "absences"
    COLUMNS = columns(KIND)


class ViolationModel(EvidenceModel):
    KIND = "violations"
    COLUMNS = columns(KIND)


class OffhoursMissModel(EvidenceModel):
    KIND = "offhours_misses"
    COLUMNS = columns(KIND)


class CommitmentModel(EvidenceModel):
    KIND = "unfulfilled_commitments"
    COLUMNS = columns(KIND)


class LateOptimizationModel(EvidenceModel):
    KIND = "late_optimizations"
    COLUMNS = columns(KIND)
