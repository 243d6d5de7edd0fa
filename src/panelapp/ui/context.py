"""What tabs need from the window: the session, the actions and the per-item history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from panelapp.core.scheme import RULE_EVIDENCE
from panelapp.ui.actions import EvidenceActions
from panelapp.ui.errors import show_error, user_errors
from panelapp.ui.forms.history import HistoryDialog
from panelapp.ui.session import CycleSession


def entry_item(entry) -> str | None:
    """The item id an audit entry of an item override refers to, if any."""
    for side in (entry.new, entry.old):
        if isinstance(side, dict) and side.get("item_id"):
            return str(side["item_id"])
    return None


def item_history(entries, item) -> list:
    """The audit entries of a scheme ``item``: its evidence kinds' records and its overrides."""
    item_id, kinds = item.id, RULE_EVIDENCE.get(item.rule, ())
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

    def history_entries(self, item_id: str) -> list:
        item = self.session.scheme.item(item_id)
        return item_history(self.session.db.audit.history(cycle_id=self.session.cycle_id), item)

    def show_history(self, item_id: str) -> HistoryDialog | None:
        """The item's audit entries in a window that stays open beside the main window."""
        try:
            entries = self.history_entries(item_id)
        except user_errors() as exc:
            show_error(self.window, QCoreApplication.translate("WindowContext", "无法读取操作记录"), exc)
            return None
        item = self.session.scheme.item(item_id)
        dlg = HistoryDialog(f"{item.id} {item.name}", entries, self.window)
        dlg.open()
        return dlg
