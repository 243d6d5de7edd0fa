"""ReportLab's parsed TrueType metrics, cached across processes.

``TTFont(name, path)`` parses the cmap, hmtx and loca tables of a font in Python
(~31,000 glyphs in each Noto CJK file, ~0.05 s per font, every process). What it
keeps is plain data (dicts and lists of ints, a few strings), so it is pickled
once into the user cache folder and loaded back with the cyclic GC paused
(~0.015 s). A face restored from the cache memory-maps the font file instead of
reading all of it, and hands makeSubset the glyf table as a window whose slices are
the glyphs (ReportLab would copy the whole 10 MB table for every subset it embeds).

A cache entry is used only when its key matches: the ReportLab and Python versions,
the font's size and modification time, and the SHA-256 of its first 64 KiB (the
table directory with every table's checksum, and the head table). Any error
(missing, corrupt, foreign or unwritable cache) falls back to parsing the font.
``PANELAPP_CACHE_DIR`` overrides the folder (tests).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import mmap
import os
import pickle
import sys
from pathlib import Path
from weakref import WeakKeyDictionary

FORMAT = 1
HEAD_BYTES = 64 * 1024
#: attributes of the face that are not cached: the file bytes (read again) and a scale lambda
_NOT_CACHED = ("_ttf_data", "_pdfScale")


def cache_dir() -> Path:
    override = os.environ.get("PANELAPP_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("panelapp", appauthor=False))


def font_key(path: Path, data: bytes) -> str:
    import reportlab

    st = path.stat()
    parts = (FORMAT, reportlab.Version, sys.version_info[:2], st.st_size, st.st_mtime_ns, len(data),
             hashlib.sha256(data[:HEAD_BYTES]).hexdigest())
    return repr(parts)


def cache_file(path: Path) -> Path:
    return cache_dir() / "fonts" / f"{path.name}.pickle"


def load_ttfont(name: str, path: Path | str):
    """``reportlab.pdfbase.ttfonts.TTFont(name, path)``, from the cache when it is valid."""
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        key = font_key(path, data)
        font = _from_cache(name, path, data, key)
        if font is not None:
            return font
    except (OSError, ValueError):  # unmappable (e.g. empty) file: let ReportLab read and judge it
        pass
    font = TTFont(name, str(path))
    try:
        _store(font, path, key)
    except Exception:  # noqa: BLE001 - an unwritable cache only costs time
        pass
    return font


def _from_cache(name: str, path: Path, data: bytes, key: str):
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        raw = cache_file(path).read_bytes()
        enabled = gc.isenabled()
        gc.disable()  # ~150,000 small objects: collections during the load would double its time
        try:
            entry = pickle.loads(raw)
        finally:
            if enabled:
                gc.enable()
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        face = _mapped_face_class().__new__(_mapped_face_class())
        face.__dict__.update(entry["face"])
        face._ttf_data = data
        face.filename = str(path)
        face._pdfScale = _scale(face.unitsPerEm)
        font = TTFont.__new__(TTFont)
        font.__dict__.update(entry["font"])
        font.fontName = name
        font.face = face
        font.state = WeakKeyDictionary()
        return font
    except Exception:  # noqa: BLE001 - missing or unreadable cache: parse the font
        return None


def _store(font, path: Path, key: str) -> None:
    face = {k: v for k, v in font.face.__dict__.items() if k not in _NOT_CACHED}
    rest = {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "fontName")}
    blob = pickle.dumps({"key": key, "face": face, "font": rest}, protocol=pickle.HIGHEST_PROTOCOL)
    target = cache_file(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(blob)
        os.replace(tmp, target)  # readers see the old entry or the new one, never half of one
    finally:
        tmp.unlink(missing_ok=True)


@functools.cache
def _mapped_face_class():
    from reportlab.pdfbase.ttfonts import TTFontFace

    class MappedFace(TTFontFace):
        """A TTFontFace over a memory-mapped file whose glyf table is handed out as a window."""

        def get_table(self, tag):
            if tag == "glyf":
                pos, length = self.get_table_pos(tag)
                return TableWindow(self._ttf_data, pos, length)
            return bytes(super().get_table(tag))

    return MappedFace


class TableWindow:
    """``data[pos:pos + length]`` without copying it: slicing returns the bytes of that slice only."""

    __slots__ = ("_data", "_pos", "_len")

    def __init__(self, data, pos: int, length: int):
        self._data, self._pos, self._len = data, pos, length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):
        if isinstance(index, int):
            if not -self._len <= index < self._len:
                raise IndexError("TableWindow index out of range")
            return self._data[self._pos + index % self._len]
        start, stop, step = index.indices(self._len)
        if step != 1:
            return bytes(self)[index]
        return bytes(self._data[self._pos + start:self._pos + max(start, stop)])

    def __bytes__(self) -> bytes:
        return bytes(self._data[self._pos:self._pos + self._len])


def _scale(units_per_em: int):
    """The em -> PDF glyph space scale TTFontFile.extractInfo makes (1000 units per em in PDF)."""
    if units_per_em == 1000:
        return _identity
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _identity(x):
    return x
