"""An OS-level exclusive lock on ``<db>.lock``: a second panelapp on the same file is refused.

The lock is held through an open file handle (fcntl.flock / msvcrt.locking), so the
operating system releases it when the process ends, even when it is killed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from panelapp.store.errors import LockedError, StoreError


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class FileLock:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            fh = open(self.path, "a+b")  # noqa: SIM115 - held open while locked
        except OSError as exc:
            raise StoreError(
                f"无法创建锁文件 {self.path}：{exc.strerror or exc}。请确认数据库所在文件夹可写。",
                path=str(self.path),
            ) from exc
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.close()
            raise LockedError(
                f"数据库已被另一个 panelapp 打开（{self.db_path}）。"
                "请先关闭另一个窗口或另一台电脑上的程序，再打开此文件。",
                path=str(self.db_path),
            ) from exc
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n".encode())
            fh.flush()
        except OSError:
            pass
        self._fh = fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()

    @property
    def held(self) -> bool:
        return self._fh is not None
