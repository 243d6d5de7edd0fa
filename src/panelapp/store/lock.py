"""An OS-level exclusive lock on ``<db>.lock``: a second panelapp on the same file is refused.

The lock is held through an open file handle (fcntl.flock / msvcrt.locking), so the
operating system releases it when the process ends, even when it is killed (the file then
stays and is reused). A clean release deletes the file while still holding the lock; an opener
that locked the file just before it was deleted sees that its handle no longer is the file at
that path and tries again, so two openers never both hold the lock.
"""

from __future__ import annotations

import contextlib
import os
import sys
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
        for _attempt in range(20):
            fh = self._lock_once()
            if self._still_at_path(fh):
                break
            fh.close()  # locked a file a clean release had just deleted: lock the new one
        else:
            raise StoreError(f"无法锁定数据库：锁文件 {self.path} 反复被删除。", path=str(self.path))
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n".encode())
            fh.flush()
        except OSError:
            pass
        self._fh = fh

    def _still_at_path(self, fh: IO[bytes]) -> bool:
        try:
            return os.path.samestat(os.fstat(fh.fileno()), os.stat(self.path))
        except OSError:
            return False

    def _lock_once(self) -> IO[bytes]:
        try:
            fh = open(self.path, "a+b")  # held open while locked
        except OSError as exc:
            raise StoreError(
                f"无法创建锁文件 {self.path}：{exc.strerror or exc}。请确认数据库所在文件夹可写。",
                path=str(self.path),
            ) from exc
        try:
            if sys.platform == "win32":
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
        return fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        if sys.platform != "win32":  # still locked: nobody else can be using the file now
            with contextlib.suppress(OSError):
                self.path.unlink()
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()
        if sys.platform == "win32":  # Windows refuses to delete an open file; fails harmlessly if reopened
            with contextlib.suppress(OSError):
                self.path.unlink()

    @property
    def held(self) -> bool:
        return self._fh is not None
