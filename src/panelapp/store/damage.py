"""A stored value that no longer decodes (changed with another tool, or damaged) becomes a
StoreError naming the table, the record and the field, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import String, Table, select, type_coerce
from sqlalchemy.orm import Session

from panelapp.core.evidence import EVIDENCE_LABELS
from panelapp.store.errors import StoreError

T = TypeVar("T")

#: what SQLAlchemy's result processors raise on a stored value they cannot decode
UNREADABLE = (ValueError, TypeError, ArithmeticError, AttributeError)

#: Chinese names of the other tables, for messages
TABLE_LABELS = {
    "contracts": "合同",
    "cycles": "考核周期",
    "panel_members": "考核组成员",
    "bid_commitments": "投标承诺",
    "onsite_staff": "驻场人员",
    "item_overrides": "指标调整",
    "blobs": "附件内容",
    "attachments": "附件",
    "exports": "导出记录",
    "payment_deductions": "支付扣减",
    "app_settings": "程序设置",
}


def table_label(table: str) -> str:
    return EVIDENCE_LABELS.get(table) or TABLE_LABELS.get(table) or table


def damaged(table: str, record_id: object, column: str | None = None, value: object = None) -> StoreError:
    """The Chinese message for a row whose stored values cannot be read back."""
    where = f"{table_label(table)}记录（表 {table}，编号 {record_id}）"
    if column is not None:
        where += f"的字段 {column}（值 {value!r}）"
    return StoreError(
        f"无法读取数据库中的{where}：文件可能被其他程序改动或已损坏，本操作未进行。"
        "请运行“panelapp verify-db”查明，或用“恢复备份”恢复。"
    )


def locate(s: Session, table: Table) -> StoreError | None:
    """The first stored value of ``table`` its column type cannot decode, named; None if none."""
    dialect = s.get_bind().dialect
    columns = list(table.columns)
    raw = select(*(type_coerce(c, String()).label(c.name) for c in columns)).order_by(table.c.id)
    for row in s.execute(raw):
        for c, value in zip(columns, row, strict=True):
            process = c.type.dialect_impl(dialect).result_processor(dialect, None)
            if process is None or value is None:
                continue
            try:
                process(value)
            except UNREADABLE:
                return damaged(table.name, row.id, c.name, value)
    return None


def reading(s: Session, tables: tuple[Table, ...], load: Callable[[], T]) -> T:
    """``load()``, turning a stored value that does not decode into ``damaged``'s StoreError."""
    try:
        return load()
    except UNREADABLE as exc:
        for table in tables:
            err = locate(s, table)
            if err is not None:
                raise err from exc
        raise damaged(tables[0].name, "?") from exc
