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


#: SQLite's words -> what the panel needs to know; nothing of the failed operation was saved
SQLITE_MESSAGES = (
    ("readonly", "数据库文件已变为只读，本次修改未保存。请检查文件属性或磁盘后重新打开。"),
    ("disk is full", "磁盘已满，本次修改未保存。请清理磁盘空间后重试。"),
    ("disk i/o error", "读写磁盘出错，本次修改未保存。请检查磁盘或 U 盘是否被拔出。"),
    ("locked", "数据库正忙（被其他程序占用），本次修改未保存，请稍后重试。"),
    ("malformed", "数据库文件已损坏，本次修改未保存。请关闭程序，用“恢复备份”恢复。"),
    ("constraint", "数据不符合数据库约束，本次修改未保存"),
)


def sqlite_message(exc: Exception) -> str:
    detail = str(getattr(exc, "orig", None) or exc)
    for needle, message in SQLITE_MESSAGES:
        if needle in detail.lower():
            return f"{message}（{detail}）"
    return f"数据库操作失败，本次修改未保存（{detail}）"
