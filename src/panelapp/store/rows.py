"""Plain values the store hands out (no ORM objects leave the package)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from panelapp.core.contract import Contract, Period


@dataclass(frozen=True)
class ContractRow:
    id: int
    contract: Contract


@dataclass(frozen=True)
class CycleRow:
    id: int
    contract_id: int
    number: int
    period: Period
    assessed_on: date
    status: str  # "open" | "final"
    version: int
    finalised_by: str | None = None
    finalised_at: datetime | None = None
    fingerprint: str | None = None
    reopen_reason: str | None = None

    @property
    def final(self) -> bool:
        return self.status == "final"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    operator: str
    action: str  # "create" | "update" | "delete"
    table: str
    record_id: int
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    def changes(self) -> dict[str, tuple[Any, Any]]:
        """Fields whose value differs between ``old`` and ``new``: name -> (old, new)."""
        old, new = self.old or {}, self.new or {}
        keys = [k for k in {**old, **new} if old.get(k) != new.get(k)]
        return {k: (old.get(k), new.get(k)) for k in keys}


@dataclass(frozen=True)
class ExportRow:
    cycle_id: int
    version: int
    fingerprint: str
    at: datetime
    operator: str
    kind: str
    sha256: str = ""
    path: str = ""


@dataclass(frozen=True)
class OnsiteStaff:
    """One person of the vendor's on-site roster (contract 六.2)."""

    name: str
    post: str = ""


@dataclass(frozen=True)
class PaymentDeduction:
    """A payment-time deduction under contract 十一.2 (commitment) or 十一.3 (criticism).

    ``amount`` None lets the store compute it from the scheme's payment rates:
    commitment = count x total x 3 %, criticism = count x 10,000.00.
    """

    kind: str  # "commitment" | "criticism"
    count: int
    occurred_on: date
    note: str = ""
    cycle: int | None = None
    amount: Decimal | None = None
    id: int | None = None


@dataclass
class ImportReport:
    """What an import did: per kind the new record ids, the exact duplicates it skipped."""

    cycle_id: int
    added: dict[str, list[int]] = field(default_factory=dict)
    #: (kind, index in the file, id of the existing identical record)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)
    #: Chinese sentences about header values kept from the database instead of the file
    conflicts: list[str] = field(default_factory=list)
    files_stored: int = 0
    files_missing: int = 0
    #: payment-time deductions (十一.2 / 十一.3) the file added to the contract's register
    register_added: int = 0
    #: the number of the contract this import added to the database, if it was new
    new_contract: str | None = None

    @property
    def added_count(self) -> int:
        return sum(len(ids) for ids in self.added.values())

    def summary(self) -> str:
        text = f"已新增合同 {self.new_contract}（数据库中原无此合同）。" if self.new_contract else ""
        text += f"导入完成：新增{self.added_count}条证据，跳过完全相同的重复记录{len(self.duplicates)}条"
        if self.register_added:
            text += f"，登记支付时扣减{self.register_added}项"
        if self.files_stored:
            text += f"，存入附件{self.files_stored}个"
        if self.files_missing:
            text += f"，{self.files_missing}个附件只有引用（文件中未附带）"
        if self.conflicts:
            text += "；以下内容与数据库不同，保留数据库中的值：" + "；".join(self.conflicts)
        return text + "。"
