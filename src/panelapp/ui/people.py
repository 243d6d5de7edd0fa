"""Who operates (for the audit trail) and who sits on the panel (for the signatures)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from panelapp.ui.notify import notifier_of


class People:
    def __init__(self, window: QWidget, session, label: QLabel):
        self.window, self.session, self.label = window, session, label
        self.contract_id: int | None = None

    @property
    def db(self):
        return self.session.db

    def set_operator(self, name: str) -> None:
        self.db.operator = name
        self.label.setText(QCoreApplication.translate("MainWindow", "操作人：") + f"{name}　")

    def members(self):
        return self.db.standing.panel_members(self.contract_id) if self.contract_id is not None else []

    def choose_operator(self, settings=None) -> None:
        from panelapp.ui.forms.operator import OperatorDialog

        members = self.members()
        if not members:
            return
        current = settings.value("operator") if settings is not None else self.db.operator
        dlg = notifier_of(self.window).run(OperatorDialog(members, current, self.window,
                                                         edit_panel=self.edit_contract_panel))
        if dlg.result() == QDialog.DialogCode.Accepted:
            self.set_operator(dlg.name())
            if settings is not None:
                settings.setValue("operator", dlg.name())

    def edit_contract_panel(self):
        """The panel of every open cycle of the contract (from the operator chooser); the new list, or None."""
        from panelapp.ui.forms.panel import PanelDialog

        saved = []

        def save(new):
            self.db.standing.set_panel_members(self.contract_id, new)
            saved.append(list(new))
            if self.session.cycle_id is not None:
                self.session.reload()

        notifier_of(self.window).run(PanelDialog(self.members(), save, self.window))
        return self.members() if saved else None

    def edit_panel(self):
        """考核组成员 of the open cycle (not undoable: it is not evidence; the audit trail keeps it)."""
        from panelapp.ui.forms.panel import PanelDialog

        if self.session.cycle_id is None:
            return None
        members = self.db.standing.panel_members(self.contract_id, self.session.cycle_id)

        def save(new):
            self.db.standing.set_panel_members(self.contract_id, new, self.session.cycle_id)
            self.session.reload()

        return notifier_of(self.window).run(PanelDialog(members, save, self.window))
