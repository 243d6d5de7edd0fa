"""The store's single error type: its message is Chinese and meant for the user."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database file or a write was refused; ``str()`` is Chinese."""

    def __init__(self, message: str, *, path: str | None = None, backup: str | None = None):
        super().__init__(message)
        self.message = message
        #: the database file concerned, when there is one
        self.path = path
        #: the newest good backup the UI can offer, when the file itself cannot be opened
        self.backup = backup
        #: (field, Chinese message) pairs when a record was refused field by field
        self.errors: list[tuple[str, str]] = []

    def __str__(self) -> str:
        return self.message


class LockedError(StoreError):
    """The database is open in another panelapp (its lock is held)."""


FINAL_MESSAGE = "本周期已定稿，不能修改。如需修改，请先撤销定稿并写明理由。"
