"""Attachments: content-addressed blobs (SHA-256) stored in 1 MiB chunks, streamed in and out.

``db.attachments``. A file is read twice when attached (hash, then store), so at
most one chunk is in memory; identical content is stored once. A FileRef from a
cycle file whose bytes were not supplied is kept as a reference (``stored`` False)
and filled in when the bytes arrive later.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from panelapp.core.evidence import FileRef
from panelapp.store import lookup
from panelapp.store.errors import StoreError
from panelapp.store.models import AttachmentModel, BlobChunk, BlobModel
from panelapp.store.unit import UnitOfWork

CHUNK = 1 << 20


def hash_file(path: Path) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def link(s: Session, kind: str, record_id: int, cycle_id: int, ref: FileRef) -> None:
    sha = ref.sha256.lower()
    blob = s.scalar(select(BlobModel).where(BlobModel.sha256 == sha))
    if blob is None:
        s.add(BlobModel(sha256=sha, size=ref.size, stored=False))
        s.flush()
    existing = s.scalar(
        select(AttachmentModel.id).where(
            AttachmentModel.kind == kind,
            AttachmentModel.record_id == record_id,
            AttachmentModel.sha256 == sha,
        )
    )
    if existing:
        return
    last = s.scalar(
        select(func.max(AttachmentModel.position)).where(
            AttachmentModel.kind == kind, AttachmentModel.record_id == record_id
        )
    )
    mime = mimetypes.guess_type(ref.name)[0] or "application/octet-stream"
    s.add(
        AttachmentModel(
            kind=kind,
            record_id=record_id,
            cycle_id=cycle_id,
            position=0 if last is None else last + 1,
            name=ref.name,
            mime=mime,
            sha256=sha,
            size=ref.size,
        )
    )
    s.flush()


def store_stream(s: Session, sha: str, size: int, stream: IO[bytes]) -> bool:
    """Store the bytes of ``stream`` as blob ``sha`` unless already stored; True when stored now."""
    sha = sha.lower()
    blob = s.scalar(select(BlobModel).where(BlobModel.sha256 == sha))
    if blob is not None and blob.stored:
        return False
    if blob is None:
        blob = BlobModel(sha256=sha, size=size, stored=False)
        s.add(blob)
        s.flush()
    conn = s.connection()
    conn.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha))
    h, seq, total = hashlib.sha256(), 0, 0
    stmt = insert(BlobChunk)
    while chunk := stream.read(CHUNK):
        h.update(chunk)
        total += len(chunk)
        conn.execute(stmt, {"sha256": sha, "seq": seq, "data": chunk})
        seq += 1
    if h.hexdigest() != sha:
        raise StoreError(f"附件内容与其 SHA-256 不符（应为 {sha}，实为 {h.hexdigest()}），未保存")
    if blob.size != total:
        blob.size = total
    blob.stored = True
    s.flush()
    return True


def stored_in(s: Session, sha256: str) -> bool:
    """The blob's bytes are in the file (not only a reference to them)."""
    blob = s.scalar(select(BlobModel).where(BlobModel.sha256 == sha256.lower()))
    return bool(blob and blob.stored)


class Attachments:
    """Files attached to evidence records (``db.attachments``)."""

    def __init__(self, uow: UnitOfWork):
        self._uow = uow

    def attach(self, kind: str, record_id: int, src: Path, name: str | None = None) -> FileRef:
        src = Path(src)
        if not src.is_file():
            raise StoreError(f"找不到要附加的文件：{src}")
        sha, size = hash_file(src)
        with self._uow.tx() as s:
            row = lookup.evidence_row(s, kind, record_id)
            lookup.writable(s, row.cycle_id, kind)
            with open(src, "rb") as fh:
                store_stream(s, sha, size, fh)
            ref = FileRef(name or src.name, sha, size)
            link(s, kind, record_id, row.cycle_id, ref)
        return ref

    def of_record(self, kind: str, record_id: int) -> list[FileRef]:
        with self._uow.tx() as s:
            q = (
                select(AttachmentModel.name, AttachmentModel.sha256, AttachmentModel.size)
                .where(AttachmentModel.kind == kind, AttachmentModel.record_id == record_id)
                .order_by(AttachmentModel.position, AttachmentModel.id)
            )
            return [FileRef(r.name, r.sha256, r.size) for r in s.execute(q)]

    def mime(self, kind: str, record_id: int, sha256: str) -> str | None:
        with self._uow.tx() as s:
            return s.scalar(
                select(AttachmentModel.mime).where(
                    AttachmentModel.kind == kind,
                    AttachmentModel.record_id == record_id,
                    AttachmentModel.sha256 == sha256.lower(),
                )
            )

    def detach(self, kind: str, record_id: int, sha256: str) -> None:
        with self._uow.tx() as s:
            row = lookup.evidence_row(s, kind, record_id)
            lookup.writable(s, row.cycle_id, kind)
            found = list(
                s.scalars(
                    select(AttachmentModel).where(
                        AttachmentModel.kind == kind,
                        AttachmentModel.record_id == record_id,
                        AttachmentModel.sha256 == sha256.lower(),
                    )
                )
            )
            if not found:
                raise StoreError(f"该记录没有这个附件（{sha256[:12]}…）")
            for att in found:
                s.delete(att)

    def stored(self, sha256: str) -> bool:
        with self._uow.tx() as s:
            return stored_in(s, sha256)

    def iter(self, sha256: str) -> Iterator[bytes]:
        """The blob's bytes chunk by chunk (one chunk in memory at a time)."""
        sha = sha256.lower()
        with self._uow.tx() as s:
            blob = s.scalar(select(BlobModel).where(BlobModel.sha256 == sha))
            if blob is None or not blob.stored:
                raise StoreError(f"数据库中没有此附件的内容（只有引用）：{sha}")
            count = s.scalar(select(func.count()).select_from(BlobChunk).where(BlobChunk.sha256 == sha)) or 0
            q = select(BlobChunk.data).where(BlobChunk.sha256 == sha)
            for seq in range(count):
                yield s.execute(q.where(BlobChunk.seq == seq)).scalar_one()

    def export(self, sha256: str, dest: Path) -> Path:
        """Write the blob to ``dest`` (streamed, checked against its SHA-256, atomic rename)."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".part")
        h = hashlib.sha256()
        try:
            with open(tmp, "wb") as out:
                for chunk in self.iter(sha256):
                    h.update(chunk)
                    out.write(chunk)
            if h.hexdigest() != sha256.lower():
                raise StoreError(f"附件内容已损坏：SHA-256 应为 {sha256}，实为 {h.hexdigest()}")
            os.replace(tmp, dest)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return dest
