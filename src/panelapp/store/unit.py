"""The unit of work every repository shares: one ORM session, one SQLite transaction per call."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from panelapp.store import audit
from panelapp.store.errors import StoreError, sqlite_message


class UnitOfWork:
    """``tx()`` is one transaction: committed when the outermost block ends, rolled back entirely
    on any error. Nested blocks join the outer one. Every flush is audited (store.audit)."""

    def __init__(self, engine: Engine, path: str, operator: str = "系统", parent: UnitOfWork | None = None):
        self.path = path
        self.engine = engine
        self.session = Session(engine, expire_on_commit=False, autoflush=False)
        audit.install(self.session)
        self._depth = 0
        self._mutex = threading.RLock()
        self.closed = False
        self.operator = operator
        #: the unit this one was forked from: it owns the engine, and learns of our writes
        self._parent = parent

    def fork(self) -> UnitOfWork:
        """A unit of work of its own (session, connection) on the same engine, for another
        thread; closing it keeps the engine, and its writes count as this unit's."""
        return UnitOfWork(self.engine, self.path, self.operator, parent=self)

    @property
    def operator(self) -> str:
        return str(self.session.info["operator"])

    @operator.setter
    def operator(self, name: str) -> None:
        self.session.info["operator"] = (name or "").strip() or "系统"

    @property
    def written(self) -> bool:
        """Something was written since the file was opened (the backup on close depends on it)."""
        return bool(self.session.info.get("wrote", False))

    @contextmanager
    def tx(self) -> Iterator[Session]:
        # One thread at a time: the window closes the file on a worker thread while its main
        # thread may still be asking; the other waits for the transaction, then sees ``closed``.
        with self._mutex:
            if self.closed:
                raise StoreError("数据库已关闭。")
            if self._depth:
                self._depth += 1
                try:
                    yield self.session
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                yield self.session
                self.session.commit()
            except StoreError:
                self.session.rollback()
                raise
            except (SQLAlchemyError, sqlite3.Error) as exc:
                self.session.rollback()
                raise StoreError(sqlite_message(exc), path=self.path) from exc
            except BaseException:
                self.session.rollback()
                raise
            finally:
                self._depth = 0

    def close(self, dispose: bool = True) -> None:
        """End the session (refusing further calls); ``dispose`` also closes the engine's
        connections, the last of which makes SQLite fold the WAL into the file and delete it."""
        with self._mutex:
            if not self.closed:
                self.closed = True
                if self._parent is not None and self.written:
                    self._parent.session.info["wrote"] = True
                self.session.close()
            if dispose and self._parent is None:
                self.engine.dispose()
