"""The ORM schema. Evidence tables are named after the cycle-file kinds and their
columns after the core dataclass fields (fault ``id`` -> ``code``; a fault's
``level_override`` -> ``override_level`` + ``override_reason``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    FromClause,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


def now() -> dt.datetime:
    """Now, to the second: when a record was entered or a file exported."""
    return dt.datetime.now().replace(microsecond=0)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as TEXT ("2545000.00"), never a float."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    pass


class AppSetting(Base):
    __tablename__ = "app_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String, unique=True)
    value: Mapped[str] = mapped_column(Text)


class ContractModel(Base):
    __tablename__ = "contracts"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String, unique=True)
    project: Mapped[str] = mapped_column(Text)
    purchaser: Mapped[str] = mapped_column(Text)
    vendor: Mapped[str] = mapped_column(Text)
    total_amount: Mapped[Decimal] = mapped_column(DecimalText)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    service_months: Mapped[int] = mapped_column(Integer)
    cycle_months: Mapped[int] = mapped_column(Integer)
    scheme: Mapped[str] = mapped_column(String)


class CycleModel(Base):
    __tablename__ = "cycles"
    __table_args__ = (UniqueConstraint("contract_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String, default="open")
    version: Mapped[int] = mapped_column(Integer, default=1)
    finalised_by: Mapped[str | None] = mapped_column(String, nullable=True)
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    fingerprint: Mapped[str | None] = mapped_column(String, nullable=True)
    reopen_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class PanelMemberModel(Base):
    __tablename__ = "panel_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(Text)


class BidCommitmentModel(Base):
    __tablename__ = "bid_commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class OnsiteStaffModel(Base):
    __tablename__ = "onsite_staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    post: Mapped[str] = mapped_column(Text, default="")


class ItemOverrideModel(Base):
    __tablename__ = "item_overrides"
    __table_args__ = (UniqueConstraint("cycle_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id"), index=True)
    item_id: Mapped[str] = mapped_column(String)
    deduction: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)


class EvidenceBase(Base):
    """Columns every evidence record has: its cycle and when/who entered it."""

    __abstract__ = True
    id: Mapped[int] = mapped_column(primary_key=True)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    entered_by: Mapped[str] = mapped_column(String, default="")

    @declared_attr
    def cycle_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("cycles.id"), index=True)


class WeeklyReportModel(EvidenceBase):
    __tablename__ = "weekly_reports"
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)


class ExemptWeekModel(EvidenceBase):
    __tablename__ = "exempt_weeks"
    week_of: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)


class SpecialPeriodModel(EvidenceBase):
    __tablename__ = "special_periods"
    name: Mapped[str] = mapped_column(Text)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    requested_by: Mapped[str] = mapped_column(Text)
    report_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class DefectReportModel(EvidenceBase):
    __tablename__ = "defect_reports"
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)


class DrillModel(EvidenceBase):
    __tablename__ = "drills"
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    #: a drill report delivered; NULL = not recorded (rows from before 0003_drill_report)
    reported: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class TrainingModel(EvidenceBase):
    __tablename__ = "trainings"
    date: Mapped[dt.date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(Text)
    courseware: Mapped[bool] = mapped_column(Boolean)
    sign_in_sheet: Mapped[bool] = mapped_column(Boolean)
    photos: Mapped[bool] = mapped_column(Boolean)


class FaultModel(EvidenceBase):
    __tablename__ = "faults"
    code: Mapped[str] = mapped_column(String)
    business: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    effect: Mapped[str] = mapped_column(String)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    restored_at: Mapped[dt.datetime] = mapped_column(DateTime)
    serious_impact: Mapped[bool] = mapped_column(Boolean)
    vendor_caused: Mapped[bool] = mapped_column(Boolean)
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    responded_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    onsite_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    restore_deadline_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    report_submitted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    override_level: Mapped[str | None] = mapped_column(String, nullable=True)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class SecurityEventModel(EvidenceBase):
    __tablename__ = "security_events"
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String)
    vendor_caused: Mapped[bool] = mapped_column(Boolean)
    description: Mapped[str] = mapped_column(Text)
    #: also a criticism of 十一.3 (0004_criticism; rows from before read False)
    criticism: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AbsenceModel(EvidenceBase):
    __tablename__ = "absences"
    date: Mapped[dt.date] = mapped_column(Date)
    person: Mapped[str] = mapped_column(Text)
    excused: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class ViolationModel(EvidenceBase):
    __tablename__ = "violations"
    noticed_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    corrected: Mapped[bool] = mapped_column(Boolean)


class OffhoursMissModel(EvidenceBase):
    __tablename__ = "offhours_misses"
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    description: Mapped[str] = mapped_column(Text)


class UnfulfilledCommitmentModel(EvidenceBase):
    __tablename__ = "unfulfilled_commitments"
    commitment: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class LateOptimizationModel(EvidenceBase):
    __tablename__ = "late_optimizations"
    task: Mapped[str] = mapped_column(Text)
    deadline: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    #: also a criticism of 十一.3 (0004_criticism; rows from before read False)
    criticism: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


#: evidence kind (cycle-file key) -> ORM model; the table name is the kind
EVIDENCE_MODELS: dict[str, type[EvidenceBase]] = {
    m.__tablename__: m
    for m in (
        WeeklyReportModel,
        ExemptWeekModel,
        SpecialPeriodModel,
        DefectReportModel,
        DrillModel,
        TrainingModel,
        FaultModel,
        SecurityEventModel,
        AbsenceModel,
        ViolationModel,
        OffhoursMissModel,
        UnfulfilledCommitmentModel,
        LateOptimizationModel,
    )
}


class BlobModel(Base):
    """One stored file content, addressed by its SHA-256; ``stored`` False = referenced only."""

    __tablename__ = "blobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    stored: Mapped[bool] = mapped_column(Boolean, default=False)


class BlobChunk(Base):
    """The bytes of a blob in fixed-size chunks; never touched unless a file is read or written."""

    __tablename__ = "blob_chunks"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AttachmentModel(Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_record", "kind", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    record_id: Mapped[int] = mapped_column(Integer)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String, default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)


class ExportModel(Base):
    __tablename__ = "exports"
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    fingerprint: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    path: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=now)
    operator: Mapped[str] = mapped_column(String)


class PaymentDeductionModel(Base):
    __tablename__ = "payment_deductions"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    kind: Mapped[str] = mapped_column(String)
    count: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    cycle_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class AuditLog(Base):
    """The hash-chained audit trail; ``cycle_id`` is a lookup index outside the hash."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String)
    operator: Mapped[str] = mapped_column(String)
    action: Mapped[str] = mapped_column(String)
    table_name: Mapped[str] = mapped_column(String)
    record_id: Mapped[int] = mapped_column(Integer)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    cycle_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


def table_of(model: type[Base]) -> Table:
    """The Table a mapped class is declared on."""
    table: FromClause = model.__table__
    assert isinstance(table, Table)
    return table


#: tables whose rows are not audited row by row
UNAUDITED = frozenset({"audit_log", "blob_chunks", "alembic_version"})
