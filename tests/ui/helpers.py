"""Typing into the real forms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from panelapp.ui.selftest import set_fault_fields  # noqa: F401 - re-exported for tests


def save(dlg) -> None:
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def table_of(window, item_id: str, kind: str | None = None):
    window.show_item(item_id)
    for tab in window.section_tabs:
        if tab.owns(item_id):
            tables = tab.panel(item_id).tables
            return next(t for t in tables if kind is None or t.kind == kind)
    raise KeyError(item_id)


def total(window) -> int:
    return window.score_bar.result.total


def engine_total(window) -> int:
    """What the engine says on what the store holds now (not the window's copy)."""
    from panelapp.core.engine import score_cycle

    return score_cycle(window.db.cycles.data(window.session.cycle_id)[0]).total
