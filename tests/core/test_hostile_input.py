"""Hostile cycle files and zips: each is refused with exit 2 and the field named, nothing written,
limits checked before reading (issue 13 item 5)."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelapp.cli import main
from panelapp.core import limits
from panelapp.core.cyclefile import CycleFileError, parse_cycle, read_cycle_file
from panelapp.paths import resource

BASE_TEXT = resource("samples", "demo-cycle.json").read_text("utf-8")
BASE = json.loads(BASE_TEXT)


def _doc(**changes) -> dict:
    doc = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = doc
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        node[keys[-1]] = value
    return doc


def _json_text(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False)


def _run(tmp_path: Path, file: Path, capsys) -> str:
    db = tmp_path / "panel.db"
    for command in (["score", str(file)], ["import", str(file), "--db", str(db)]):
        assert main(command) == 2, command
    err = capsys.readouterr().err
    from panelapp.store import open_database

    with open_database(db) as opened:  # nothing was imported
        assert all(not opened.cycles.data(c.id)[0].evidence.absences for c in opened.cycles.of_contract(opened.cycles.contracts()[0].id))
    return err


JSON_CASES = {
    # field path expected in the message -> raw JSON text of the hostile file
    # json.dumps escapes a lone surrogate as \\udXXX: valid JSON, invalid text
    "evidence.weekly_reports[0].title": json.dumps(_doc(evidence__weekly_reports__0__title="\ud800坏")),
    "contract.vendor": json.dumps(_doc(contract__vendor="公司\udfff")),
    "contract.service_months": _json_text(_doc(contract__service_months=0)).replace(
        '"service_months": 0', '"service_months": ' + "9" * 5000
    ),
    "contract.signed_on": _json_text(_doc(contract__signed_on="9999-12-31")),
    "contract.total_amount": _json_text(_doc(contract__total_amount="２５４５０００.００")),
    "evidence.absences[0].date": _json_text(_doc(evidence__absences__0__date="２０２５-０５-０６")),
    "evidence.weekly_reports[1].title": _json_text(_doc(evidence__weekly_reports__1__title="长" * 5_000_000)),
    "evidence.weekly_reports[0].files": None,  # filled below: a size of 2**63
    "cycle": _json_text(_doc()).replace('"cycle": 2', '"cycle": NaN'),
}
_files_doc = _doc()
_files_doc["evidence"]["weekly_reports"][0]["files"] = [{"name": "a.pdf", "sha256": "a" * 64, "size": 2**63}]
JSON_CASES["evidence.weekly_reports[0].files[0].size"] = _json_text(_files_doc)
del JSON_CASES["evidence.weekly_reports[0].files"]


@pytest.mark.parametrize("field", list(JSON_CASES))
def test_hostile_json_is_refused_naming_the_field(tmp_path, field, capsys):
    file = tmp_path / "hostile.json"
    file.write_text(JSON_CASES[field], encoding="utf-8", errors="surrogatepass")
    err = _run(tmp_path, file, capsys)
    assert field in err, err[:500]


def test_too_many_records_are_refused(tmp_path, capsys):
    doc = _doc()
    doc["evidence"]["absences"] = [doc["evidence"]["absences"][0]] * (limits.MAX_RECORDS + 1)
    file = tmp_path / "many.json"
    file.write_text(_json_text(doc), encoding="utf-8")
    assert "evidence.absences" in _run(tmp_path, file, capsys)


def test_an_oversized_json_is_refused_before_reading(tmp_path, monkeypatch):
    file = tmp_path / "big.json"
    file.write_text(BASE_TEXT, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_CYCLE_JSON", 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the size was checked"))
    with pytest.raises(CycleFileError, match="超过上限"):
        read_cycle_file(file)


def _zip(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for info, data in members:
            zf.writestr(info, data)
    return path


def _patch_directory(path: Path, *, method: int | None = None, flags: int | None = None) -> None:
    """Rewrite every central-directory and local header's method / flag bits in place."""
    data = bytearray(path.read_bytes())
    for sig, method_at, flag_at in ((b"PK\x01\x02", 10, 8), (b"PK\x03\x04", 8, 6)):
        start = 0
        while (i := data.find(sig, start)) >= 0:
            if method is not None:
                data[i + method_at : i + method_at + 2] = method.to_bytes(2, "little")
            if flags is not None:
                data[i + flag_at : i + flag_at + 2] = flags.to_bytes(2, "little")
            start = i + 4
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("method", [9, 99])
def test_unsupported_compression_methods_are_refused(tmp_path, method, capsys):
    file = _zip(tmp_path / "m.zip", [("cycle.json", BASE_TEXT.encode())])
    _patch_directory(file, method=method)
    err = _run(tmp_path, file, capsys)
    assert "cycle.json" in err and f"压缩方式 {method}" in err


def test_an_encrypted_entry_is_refused(tmp_path, capsys):
    file = _zip(tmp_path / "e.zip", [("cycle.json", BASE_TEXT.encode())])
    _patch_directory(file, flags=0x1)
    err = _run(tmp_path, file, capsys)
    assert "cycle.json" in err and "加密" in err


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating(tmp_path, capsys, monkeypatch):
    file = tmp_path / "bomb.zip"
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("cycle.json", "w", force_zip64=True) as out:
            block = b" " * (1 << 20)
            for _ in range(1024):  # 1 GB of spaces: about 1 MB compressed
                out.write(block)
    assert file.stat().st_size < 2 * 2**20
    monkeypatch.setattr(zipfile.ZipExtFile, "read", lambda *a: pytest.fail("inflated a bomb"))
    err = _run(tmp_path, file, capsys)
    assert "cycle.json" in err and "超过上限" in err


def test_an_attachment_whose_declared_size_is_not_its_real_size(tmp_path, capsys):
    import hashlib

    blob = b"%PDF-1.4 real content"
    digest = hashlib.sha256(blob).hexdigest()
    doc = _doc()
    doc["evidence"]["weekly_reports"][0]["files"] = [{"name": "a.pdf", "sha256": digest, "size": 5}]
    file = _zip(tmp_path / "s.zip", [("cycle.json", _json_text(doc).encode()), (f"files/{digest}", blob)])
    err = _run(tmp_path, file, capsys)
    assert "evidence.weekly_reports[0].files[0].size" in err


def test_a_highly_compressed_attachment_is_refused(tmp_path, capsys):
    import hashlib

    blob = b"\0" * (8 * 2**20)
    digest = hashlib.sha256(blob).hexdigest()
    doc = _doc()
    doc["evidence"]["weekly_reports"][0]["files"] = [{"name": "z.bin", "sha256": digest, "size": len(blob)}]
    file = _zip(tmp_path / "r.zip", [("cycle.json", _json_text(doc).encode()), (f"files/{digest}", blob)])
    err = _run(tmp_path, file, capsys)
    assert f"files/{digest}" in err and "压缩比" in err


# -- properties -----------------------------------------------------------------------------

_TEXT_FIELDS = [
    ("contract", "vendor"),
    ("evidence", "weekly_reports", 0, "title"),
    ("evidence", "absences", 0, "person"),
    ("panel", 0, "name"),
]


def _set(doc: dict, path: tuple, value) -> str:
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return ".".join(str(k) for k in path).replace(".0.", "[0].").replace(".0", "[0]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_TEXT_FIELDS),
    st.text(min_size=0, max_size=20),
    st.integers(0xD800, 0xDFFF),
    st.integers(0, 20),
)
def test_a_lone_surrogate_anywhere_in_a_text_names_that_text(field, text, surrogate, at):
    doc = copy.deepcopy(BASE)
    at = min(at, len(text))
    bad = text[:at] + chr(surrogate) + text[at:]
    _set(doc, field, bad)
    with pytest.raises(CycleFileError) as caught:
        parse_cycle(doc)
    message = str(caught.value)
    message.encode("utf-8")  # printable: the surrogate is not echoed raw
    assert "孤立" in message


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Nd",)), min_size=1, max_size=8))
def test_only_ascii_digits_make_an_amount(digits):
    doc = copy.deepcopy(BASE)
    doc["contract"]["total_amount"] = digits
    if digits.isascii():
        parse_cycle(doc)
    else:
        with pytest.raises(CycleFileError, match="contract.total_amount"):
            parse_cycle(doc)


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_any_integer_in_any_integer_field_is_refused_or_read_never_a_crash(value):
    for path in (("contract", "service_months"), ("cycle",), ("settings", "violation_points")):
        doc = copy.deepcopy(BASE)
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        text = json.dumps(doc)
        from panelapp.core.cyclefile import _decode

        try:
            parse_cycle(_decode(text.encode(), "x.json"))
        except CycleFileError as exc:
            if abs(value) > 1000:  # out of every field's range: that field is named
                assert ".".join(path) in str(exc), str(exc)[:300]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=0, max_size=400))
def test_random_bytes_in_a_zip_member_never_crash(data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("cycle.json", data)
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        file = Path(d) / "x.zip"
        file.write_bytes(buffer.getvalue())
        with pytest.raises(CycleFileError):
            read_cycle_file(file)


def test_a_command_line_text_with_a_lone_surrogate_is_refused(tmp_path, capsys):
    db = tmp_path / "panel.db"
    # non-UTF-8 bytes in argv arrive as lone surrogates (surrogateescape)
    assert main(["reopen", "--cycle", "2", "--reason", "坏\udcff", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "--reason" in err and "孤立" in err
    assert not db.exists()
