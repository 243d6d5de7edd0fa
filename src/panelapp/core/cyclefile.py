"""The cycle file (docs/cycle-file.md): read, validate, write; JSON or .zip with files/<sha256>.

The reader refuses the whole file when anything is wrong and lists every bad
field by its path with a Chinese message. Version 1 is the documented shape.
Version 2 adds one optional top-level key, ``item_overrides``. Version 3 adds
``drills[].reported`` (true / false / null = not recorded). The writer emits the
lowest version that holds the data: 1 without item overrides and without a
recorded drill report, so older files and fingerprints stay as they were
(docs/scoring.md).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import IO, Any

from panelapp.core import fields as F
from panelapp.core import limits
from panelapp.core.contract import Contract
from panelapp.core.declare import Declared, KindSpec
from panelapp.core.evidence import (
    EVIDENCE_KINDS,
    HALF_YEAR_KINDS,
    KIND,
    KINDS,
    LEVELS,
    CycleData,
    Evidence,
    FileRef,
    ItemOverride,
    LevelOverride,
    PanelMember,
    RegisterEntry,
    Settings,
)
from panelapp.core.fields import INVALID, Errors, FieldError
from panelapp.core.overrides import deduction_limit
from panelapp.core.scheme import SchemeError, load_scheme
from panelapp.core.settlement import DEDUCTION_KINDS, outside_service_period
from panelapp.core.workdays import offhours_problem

FORMAT = "panelapp-cycle"
VERSION = 3  # newest version this reader understands
CYCLE_JSON = "cycle.json"

__all__ = [
    "CycleFileError",
    "FieldError",
    "LoadedCycle",
    "canonical_json",
    "dump_cycle",
    "fingerprint",
    "parse_cycle",
    "read_cycle_file",
    "write_cycle_file",
]


class CycleFileError(ValueError):
    """The file is refused as a whole; ``errors`` lists each bad field."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"周期文件有 {len(self.errors)} 处错误，未作任何导入：\n{lines}")


@cache
def _layout(kind: KindSpec, version: int) -> tuple[tuple[Declared, ...], tuple[str, ...], tuple[str, ...]]:
    """(fields, required keys, optional keys) of a ``kind`` record in a file of ``version``.

    A field declared ``since`` a later version (FieldSpec.since) is not in older files: the
    reader leaves its dataclass default (None) and the writer leaves it out.
    """
    fields = tuple(f for f in kind.fields if f.spec.since <= version)
    required = tuple(f.key for f in fields if f.mode != "opt")
    optional = tuple(f.key for f in fields if f.mode == "opt")
    return fields, required, optional


def file_version(data: CycleData) -> int:
    """The lowest version that holds ``data`` (what the writer emits): 1; 2 with item overrides;
    a field's ``since`` version once any record carries a value other than None or its default."""
    version = 3 if data.payment_deductions else 2 if data.item_overrides else 1
    for kind in KINDS:
        later = [f for f in kind.fields if f.spec.since > version]
        for record in getattr(data.evidence, kind.key) if later else ():
            for f in later:
                if getattr(record, f.key) not in (None, f.default):
                    version = max(version, f.spec.since)
    return version



def _files(errors: Errors, path: str, value: Any) -> Any:
    if not isinstance(value, list):
        return errors.add(path, f"应为列表，实际为{F.type_name(value)}")
    refs = []
    for i, item in enumerate(value):
        p = f"{path}[{i}]"
        obj = _object(errors, p, item, ("name", "sha256", "size"))
        if obj is INVALID:
            continue
        name = F.text(errors, f"{p}.name", obj["name"], required=True)
        digest = F.sha256(errors, f"{p}.sha256", obj["sha256"])
        size = F.integer(errors, f"{p}.size", obj["size"], 0, limits.MAX_ATTACHMENT)
        if INVALID not in (name, digest, size):
            refs.append(FileRef(name, digest, size))
    return tuple(refs)


def _override(errors: Errors, path: str, value: Any) -> Any:
    obj = _object(errors, path, value, ("level", "reason"))
    if obj is INVALID:
        return INVALID
    level = F.choice(errors, f"{path}.level", obj["level"], LEVELS)
    reason = F.text(errors, f"{path}.reason", obj["reason"], required=True)
    return INVALID if INVALID in (level, reason) else LevelOverride(level, reason)


READERS: dict[str, Callable[[Errors, str, Any], Any]] = {
    "date": F.day,
    "datetime": F.moment,
    "bool": F.boolean,
    "override": _override,
    "files": _files,
}


def read_field(errors: Errors, path: str, f: Declared, value: Any) -> Any:
    """One declared field's value from its cycle-file form (INVALID after recording an error)."""
    if f.format == "text":
        return F.text(errors, path, value, required=f.spec.required)
    if f.format == "choice":
        return F.choice(errors, path, value, f.choices)
    return READERS[f.format](errors, path, value)


def _object(
    errors: Errors, path: str, value: Any, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Any:
    if not isinstance(value, dict):
        return errors.add(path, f"应为对象，实际为{F.type_name(value)}")
    ok = True
    for key in required:
        if key not in value:
            errors.add(f"{path}.{key}" if path else key, "缺少必填字段")
            ok = False
    for key in value:
        if key not in required and key not in optional:
            errors.add(f"{path}.{key}" if path else key, "未知字段（请检查拼写或文件版本）")
            ok = False
    return value if ok else INVALID


def _record(errors: Errors, kind: str, path: str, value: Any, version: int = VERSION) -> Any:
    spec, required, optional = _layout(KIND[kind], version)  # as declared in core/evidence.py
    obj = _object(errors, path, value, required, optional)
    if obj is INVALID:
        return INVALID
    values: dict[str, Any] = {}
    for f in spec:
        if f.key not in obj:
            continue  # an optional key, or one this version lacks: the dataclass default
        if obj[f.key] is None and f.nullable:
            values[f.key] = None
        else:
            values[f.key] = read_field(errors, f"{path}.{f.key}", f, obj[f.key])
    if INVALID in values.values():
        return INVALID
    return KIND[kind].type(**values)


def _contract(errors: Errors, value: Any) -> Any:
    keys = ("number", "project", "purchaser", "vendor", "total_amount", "signed_on", "service_months", "scheme")
    obj = _object(errors, "contract", value, keys)
    if obj is INVALID:
        return INVALID
    values = {k: F.text(errors, f"contract.{k}", obj[k], required=True) for k in keys[:4]}
    values["total_amount"] = F.amount(errors, "contract.total_amount", obj["total_amount"])
    values["signed_on"] = F.day(errors, "contract.signed_on", obj["signed_on"])
    values["service_months"] = F.integer(errors, "contract.service_months", obj["service_months"], 3, 120)
    scheme = F.text(errors, "contract.scheme", obj["scheme"], required=True)
    if scheme is not INVALID:
        try:
            load_scheme(scheme)
        except SchemeError as exc:
            scheme = errors.add("contract.scheme", str(exc))
    values["scheme"] = scheme
    if values["service_months"] is not INVALID and values["service_months"] % 3:
        values["service_months"] = errors.add("contract.service_months", "应为考核周期（3个月）的整数倍")
    return INVALID if INVALID in values.values() else Contract(**values)


def _settings(errors: Errors, value: Any, scheme_id: str) -> Any:
    scheme = load_scheme(scheme_id)
    obj = _object(errors, "settings", value, (), tuple(scheme.settings))
    if obj is INVALID:
        return INVALID
    values = {}
    for key, spec in scheme.settings.items():
        if key not in obj:
            values[key] = spec.default
            continue
        path = f"settings.{key}"
        v = F.integer(errors, path, obj[key], spec.min, spec.max)
        if v is not INVALID and spec.choices and v not in spec.choices:
            v = errors.add(path, f"只能取 {' 或 '.join(map(str, spec.choices))}（{spec.label}）")
        values[key] = v
    return INVALID if INVALID in values.values() else Settings(**values)


def _item_overrides(errors: Errors, value: Any, scheme_id: str) -> Any:
    if not isinstance(value, dict):
        return errors.add("item_overrides", f"应为对象，实际为{F.type_name(value)}")
    scheme = load_scheme(scheme_id)
    out = {}
    for item_id, raw in value.items():
        path = f"item_overrides.{item_id}"
        try:
            item = scheme.item(item_id)
        except KeyError:
            errors.add(path, "评分方案中没有这个二级指标")
            continue
        obj = _object(errors, path, raw, ("deduction", "reason"))
        if obj is INVALID:
            continue
        deduction = F.integer(errors, f"{path}.deduction", obj["deduction"], 0, deduction_limit(item))
        reason = F.text(errors, f"{path}.reason", obj["reason"], required=True)
        if INVALID not in (deduction, reason):
            out[item_id] = ItemOverride(deduction, reason)
    return out


def parse_cycle(doc: Any) -> CycleData:
    """Validate a decoded cycle document; CycleFileError lists every bad field."""
    errors = Errors()
    if not isinstance(doc, dict):
        raise CycleFileError([FieldError("(根)", f"应为 JSON 对象，实际为{F.type_name(doc)}")])
    over = limits.scan(doc)  # lone surrogates, over-long text, huge numbers, too many records
    if over:
        raise CycleFileError([FieldError(path, message) for path, message in over])
    if doc.get("format") != FORMAT:
        raise CycleFileError([FieldError("format", f"不是 panelapp 周期文件（应为 \"{FORMAT}\"）")])
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CycleFileError([FieldError("version", f"版本号无效：{version!r}")])
    if version > VERSION:
        raise CycleFileError([FieldError("version", f"文件版本 {version} 比本程序支持的版本 {VERSION} 新，请升级 panelapp")])
    optional = (("settings", "panel") + (("item_overrides",) if version >= 2 else ())
                + (("payment_deductions",) if version >= 3 else ()))
    if _object(errors, "", doc, ("format", "version", "contract", "cycle", "assessed_on", "evidence"), optional) is INVALID:
        raise CycleFileError(errors)
    contract = _contract(errors, doc["contract"])
    scheme_id = contract.scheme if contract is not INVALID else None
    cycle = F.integer(errors, "cycle", doc["cycle"], 1, contract.cycle_count if contract is not INVALID else None)
    assessed_on = F.day(errors, "assessed_on", doc["assessed_on"])
    settings = _settings(errors, doc.get("settings", {}), scheme_id) if scheme_id else INVALID
    panel = _panel(errors, doc.get("panel", []))
    overrides = _item_overrides(errors, doc.get("item_overrides", {}), scheme_id) if scheme_id else {}
    evidence = _evidence(errors, doc["evidence"], version)
    register = _register(errors, doc.get("payment_deductions", []), contract)
    if INVALID not in (contract, cycle, assessed_on, settings, panel, evidence, register):
        data = CycleData(contract, cycle, assessed_on, settings, panel, evidence, overrides, register)
        check_dates(errors, data)
        if not errors:
            return data
    raise CycleFileError(errors)


def _register(errors: Errors, value: Any, contract: Any) -> Any:
    """``payment_deductions`` (version 3): the register's entries of this cycle (docs/cycle-file.md)."""
    if not isinstance(value, list):
        return errors.add("payment_deductions", f"应为列表，实际为{F.type_name(value)}")
    entries = []
    for i, raw in enumerate(value):
        path = f"payment_deductions[{i}]"
        obj = _object(errors, path, raw, ("kind", "date", "description"), ("count",))
        if obj is INVALID:
            continue
        kind = obj["kind"]
        if kind not in DEDUCTION_KINDS:
            errors.add(f"{path}.kind", "只能是 criticism（十一.3 通报批评）或 commitment（十一.2 投标承诺）")
        on = F.day(errors, f"{path}.date", obj["date"])
        text = F.text(errors, f"{path}.description", obj["description"], required=True)
        count = F.integer(errors, f"{path}.count", obj.get("count", 1), 1, 1000)
        if on is not INVALID and contract is not INVALID:
            outside = outside_service_period(contract, on)
            if outside:
                errors.add(f"{path}.date", outside)
        if INVALID not in (on, text, count) and kind in DEDUCTION_KINDS:
            entries.append(RegisterEntry(kind, on, text, count))
    return tuple(entries)


def _panel(errors: Errors, value: Any) -> Any:
    if not isinstance(value, list):
        return errors.add("panel", f"应为列表，实际为{F.type_name(value)}")
    members = []
    for i, raw in enumerate(value):
        obj = _object(errors, f"panel[{i}]", raw, ("name", "role"))
        if obj is not INVALID:
            name = F.text(errors, f"panel[{i}].name", obj["name"], required=True)
            role = F.text(errors, f"panel[{i}].role", obj["role"])
            members.append(PanelMember(name, role))
    return tuple(members)


def _evidence(errors: Errors, value: Any, version: int = VERSION) -> Any:
    obj = _object(errors, "evidence", value, (), EVIDENCE_KINDS)
    if obj is INVALID:
        return INVALID
    lists = {}
    for kind in EVIDENCE_KINDS:
        raw = obj.get(kind, [])
        if not isinstance(raw, list):
            errors.add(f"evidence.{kind}", f"应为列表，实际为{F.type_name(raw)}")
            continue
        lists[kind] = tuple(
            _record(errors, kind, f"evidence.{kind}[{i}]", r, version) for i, r in enumerate(raw)
        )
    if len(lists) < len(EVIDENCE_KINDS) or any(INVALID in records for records in lists.values()):
        return INVALID
    return Evidence(**lists)


def check_dates(errors: Errors, data: CycleData) -> None:
    """Evidence inside the cycle, ends after starts (docs/cycle-file.md 'Meaning')."""
    period = data.contract.cycle(data.cycle)
    half = data.contract.half_year(data.cycle)
    week_start, week_end = period.report_span()
    span = f"（{period.start}至{period.end}）"
    ev = data.evidence

    def inside(path: str, d: date | datetime, lo: date, hi: date, what: str) -> None:
        day = d.date() if isinstance(d, datetime) else d
        if not lo <= day <= hi:
            errors.add(path, f"{d} 不在{what}内（{lo}至{hi}）")

    if data.assessed_on < period.start:
        errors.add("assessed_on", f"评定日期早于本考核周期开始{span}")
    for i, r in enumerate(ev.weekly_reports):
        inside(f"evidence.weekly_reports[{i}].date", r.date, week_start, week_end, "本考核周期及其巡检周")
    for i, e in enumerate(ev.exempt_weeks):
        inside(f"evidence.exempt_weeks[{i}].week_of", e.week_of, week_start, week_end, "本考核周期及其巡检周")
    for kind, key in (("defect_reports", "date"), ("security_events", "date"), ("absences", "date"),
                      ("violations", "noticed_on"), ("offhours_misses", "at"),
                      ("late_optimizations", "deadline"), ("special_periods", "start"), ("faults", "started_at")):
        for i, r in enumerate(getattr(ev, kind)):
            inside(f"evidence.{kind}[{i}].{key}", getattr(r, key), period.start, period.end, "本考核周期")
    for kind in HALF_YEAR_KINDS:
        for i, r in enumerate(getattr(ev, kind)):
            inside(f"evidence.{kind}[{i}].date", r.date, half.start, period.end, "本半年度（截至本周期末）")
    spans = load_scheme(data.contract.scheme).working_hours
    for i, miss in enumerate(ev.offhours_misses):
        problem = offhours_problem(miss.at, spans)
        if problem is not None:
            errors.add(f"evidence.offhours_misses[{i}].at", problem)
    for i, sp in enumerate(ev.special_periods):
        if sp.end < sp.start:
            errors.add(f"evidence.special_periods[{i}].end", "结束日期早于开始日期")
        if sp.report_date is not None and sp.report_date < sp.start:
            errors.add(f"evidence.special_periods[{i}].report_date", "报告日期早于特殊时期开始")
    seen: set[str] = set()
    for i, f in enumerate(ev.faults):
        p = f"evidence.faults[{i}]"
        if f.id in seen:
            errors.add(f"{p}.id", f"故障编号 {f.id} 重复")
        seen.add(f.id)
        if f.restored_at < f.started_at:
            errors.add(f"{p}.restored_at", "恢复时间早于故障开始时间")
        for key in ("responded_at", "onsite_at"):
            value = getattr(f, key)
            if value is not None and value < f.reported_at:
                errors.add(f"{p}.{key}", "早于报修时间")
        if f.restore_deadline_at is not None and f.restore_deadline_at < f.reported_at:
            errors.add(f"{p}.restore_deadline_at", "恢复时限早于报修时间")
        if f.report_submitted_on is not None and f.report_submitted_on < f.restored_at.date():
            errors.add(f"{p}.report_submitted_on", "报告提交日期早于故障恢复日期")


# ---------------------------------------------------------------- writing


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_record_dict(v) for v in value]
    if isinstance(value, LevelOverride):
        return {"level": value.level, "reason": value.reason}
    return value


def _record_dict(obj: Any, version: int = VERSION) -> Any:
    if isinstance(obj, FileRef):
        return {"name": obj.name, "sha256": obj.sha256, "size": obj.size}
    spec = next(k for k in KIND.values() if isinstance(obj, k.type))
    return {f.key: _value(getattr(obj, f.key)) for f in _layout(spec, version)[0]}


def dump_cycle(data: CycleData) -> dict[str, Any]:
    """The cycle-file document, in the lowest version that holds the data (``file_version``)."""
    c = data.contract
    version = file_version(data)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "contract": {
            "number": c.number, "project": c.project, "purchaser": c.purchaser, "vendor": c.vendor,
            "total_amount": str(c.total_amount), "signed_on": c.signed_on.isoformat(),
            "service_months": c.service_months, "scheme": c.scheme,
        },
        "cycle": data.cycle,
        "assessed_on": data.assessed_on.isoformat(),
        "settings": {key: getattr(data.settings, key) for key in Settings.__dataclass_fields__},
        "panel": [{"name": m.name, "role": m.role} for m in data.panel],
        "evidence": {
            kind: [_record_dict(r, version) for r in getattr(data.evidence, kind)] for kind in EVIDENCE_KINDS
        },
    }
    if data.item_overrides:
        doc["item_overrides"] = {
            k: {"deduction": v.deduction, "reason": v.reason} for k, v in sorted(data.item_overrides.items())
        }
    if data.payment_deductions:
        doc["payment_deductions"] = [
            {"kind": e.kind, "date": e.date.isoformat(), "description": e.description, "count": e.count}
            for e in data.payment_deductions
        ]
    return doc


def canonical_json(data: CycleData) -> bytes:
    """The cycle's data in one canonical byte form (sorted keys, no spaces, UTF-8)."""
    return json.dumps(dump_cycle(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(data: CycleData) -> str:
    """SHA-256 (hex) of the canonical data: printed on the sheet, checked by verify-pdf."""
    return hashlib.sha256(canonical_json(data)).hexdigest()


def file_refs(data: CycleData) -> dict[str, FileRef]:
    """Every attachment the cycle references, by SHA-256."""
    refs: dict[str, FileRef] = {}
    for kind in EVIDENCE_KINDS:
        for record in getattr(data.evidence, kind):
            for ref in getattr(record, "files", ()):
                refs.setdefault(ref.sha256, ref)
    return refs


def write_cycle_file(data: CycleData, path: Path, open_blob: Callable[[str], IO[bytes]] | None = None) -> Path:
    """Write JSON, or a .zip with cycle.json and files/<sha256> (blobs streamed via ``open_blob``)."""
    path = Path(path)
    text = json.dumps(dump_cycle(data), ensure_ascii=False, indent=2) + "\n"
    tmp = path.with_name(path.name + ".part")
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(CYCLE_JSON, text)
            if open_blob is not None:
                for digest in file_refs(data):
                    with open_blob(digest) as src, zf.open(f"files/{digest}", "w", force_zip64=True) as dst:
                        while chunk := src.read(1 << 20):
                            dst.write(chunk)
    else:
        tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- reading


@dataclass
class LoadedCycle:
    """A read cycle file; for a .zip, ``blobs`` maps SHA-256 to the member holding it."""

    data: CycleData
    source: Path
    blobs: dict[str, str]

    @contextmanager
    def open_blob(self, digest: str) -> Iterator[IO[bytes]]:
        with zipfile.ZipFile(self.source) as zf, zf.open(self.blobs[digest]) as stream:
            yield stream


def _decode(raw: bytes, where: str) -> Any:
    try:
        return limits.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CycleFileError([FieldError(where, "不是 UTF-8 编码的文本")]) from None
    except json.JSONDecodeError as exc:
        raise CycleFileError([FieldError(where, f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）")]) from None
    except RecursionError:
        raise CycleFileError([FieldError(where, "JSON 嵌套过深")]) from None
    except ValueError as exc:  # anything else json refuses (e.g. an integer longer than Python converts)
        raise CycleFileError([FieldError(where, f"不是有效的 JSON（{limits.printable(str(exc), 80)}）")]) from None


def read_cycle_file(path: Path) -> LoadedCycle:
    """Read a cycle .json or .zip; any problem raises CycleFileError and nothing is kept."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            return _read_zip(path)
        size = path.stat().st_size
        if size > limits.MAX_CYCLE_JSON:
            raise CycleFileError([FieldError(path.name, f"文件 {size} 字节，超过上限 {limits.MAX_CYCLE_JSON} 字节")])
        raw = path.read_bytes()
    except OSError as exc:
        raise CycleFileError([FieldError(path.name, f"无法读取文件：{exc.strerror or exc}")]) from None
    return LoadedCycle(parse_cycle(_decode(raw, path.name)), path, {})


def _ref_paths(data: CycleData) -> dict[str, str]:
    """The field path of each attachment's first reference, by SHA-256."""
    paths: dict[str, str] = {}
    for kind in EVIDENCE_KINDS:
        for i, record in enumerate(getattr(data.evidence, kind)):
            for j, ref in enumerate(getattr(record, "files", ())):
                paths.setdefault(ref.sha256, f"evidence.{kind}[{i}].files[{j}]")
    return paths


def _read_zip(path: Path) -> LoadedCycle:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = {info.filename: info for info in zf.infolist()}
            if CYCLE_JSON not in infos:
                raise CycleFileError([FieldError(CYCLE_JSON, "压缩包中缺少 cycle.json")])
            # the directory first: encryption, methods, declared sizes and ratios before inflating
            over = limits.zip_problems(list(infos.values()), CYCLE_JSON)
            if over:
                raise CycleFileError([FieldError(member, message) for member, message in over])
            with zf.open(infos[CYCLE_JSON]) as stream:
                raw = stream.read(limits.MAX_CYCLE_JSON + 1)
            if len(raw) > limits.MAX_CYCLE_JSON:
                raise CycleFileError([FieldError(CYCLE_JSON, f"超过上限 {limits.MAX_CYCLE_JSON} 字节")])
            data = parse_cycle(_decode(raw, CYCLE_JSON))
            blobs, errors = {}, Errors()
            where = _ref_paths(data)
            for digest, ref in file_refs(data).items():
                member = f"files/{digest}"
                info = infos.get(member)
                if info is None:
                    continue  # referenced by hash only; the cycle still scores
                h, size = hashlib.sha256(), 0  # bounded: the directory check capped file_size and ratio
                with zf.open(info) as stream:
                    while chunk := stream.read(1 << 20):
                        h.update(chunk)
                        size += len(chunk)
                if h.hexdigest() != digest:
                    errors.add(member, f"附件“{ref.name}”内容与其 SHA-256 不符（文件已损坏或被改动）")
                elif size != ref.size:
                    errors.add(f"{where[digest]}.size", f"附件“{ref.name}”声明大小 {ref.size} 字节，实为 {size} 字节")
                blobs[digest] = member
            if errors:
                raise CycleFileError(errors)
            return LoadedCycle(data, path, blobs)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, NotImplementedError,
            ValueError) as exc:
        if isinstance(exc, CycleFileError):
            raise
        raise CycleFileError([FieldError(path.name, f"压缩包已损坏：{limits.printable(str(exc), 120)}")]) from None
