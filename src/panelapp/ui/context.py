"""What tabs need from the window: the session, the actions and the per-item history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from panelapp.ui.actions import EvidenceActions
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.forms.history import HistoryDialog
from panelapp.ui.session import CycleSession

#: The store tables whose audit entries belong to each item.
ITEM_KINDS: dict[str, tuple[str, ...]] = {
    "1.1": ("weekly_reports", "exempt_weeks"),
    "1.2": ("special_periods",),
    "1.3": ("defect_reports",),
    "1.4": ("drills",),
    "1.5": ("trainings",),
    "2.1": ("faults",),
    "2.2": ("security_events",),
    "3.1": ("faults",),
    "3.2": ("absences", "violations", "offhours_misses"),
    "3.3": ("unfulfilled_commitments", "late_optimizations"),
}


def entry_item(entry) -> str | None:
    """The item id an audit entry of an item override refers to, if any."""
    for side in (entry.new, entry.old):
        if isinstance(side, dict) and side.get("item_id"):
            return str(side["item_id"])
    return None


def item_history(entries, item_id: str) -> list:
    kinds = ITEM_KINDS.get(item_id, ())
    keep = []
    for e in entries:
        table = str(e.table)
        if table in kinds or any(table.startswith(k.rstrip("s")) for k in kinds):
            keep.append(e)
        elif "override" in table and entry_item(e) == item_id:
            keep.append(e)
    return keep


class WindowContext:
    def __init__(self, session: CycleSession, actions: EvidenceActions, window: QWidget):
        self.session, self.actions, self.window = session, actions, window
        self.last_history: HistoryDialog | None = None

    def history_entries(self, item_id: str) -> list:
        return item_history(self.session.db.audit.history(cycle_id=self.session.cycle_id), item_id)

    def show_history(self, item_id: str, modal: bool = False) -> HistoryDialog | None:
        try:
            entries = self.history_entries(item_id)
        except user_errors() as exc:
            show_error(self.window, QCoreApplication.translate("WindowContext", "无法读取操作记录"), exc)
            return None
        item = self.session.scheme.item(item_id)
        dlg = HistoryDialog(f"{item.id} {item.name}", entries, self.window)
        self.last_history = dlg
        if modal:
            dlg.exec()
        else:
            dlg.open()
        return dlg
