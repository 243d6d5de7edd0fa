"""verify-pdf: did this exact file come from the app, and does it still match the database?

Each question answered in a Chinese sentence:
1. from the app: the file's SHA-256 is one the app recorded when it exported a sheet
   (``db.find_export``). Any changed byte gives another hash.
2. still current: the fingerprint the sheet was made from (recorded with the export,
   or read from the PDF's /Keywords when the file is unknown) equals the fingerprint
   of the cycle's data in the database now, and the cycle's rows match the audit trail.
3. version and status: the sheet's (第N版, 未定稿/已定稿) are the cycle's now; a draft of a
   cycle finalised since, or a sheet of a version reopened since, fails and says so.
4. content: the sheet re-derived from the data (report.rederive) has the file's text, page
   by page, so an edited PDF fails even when its hash was registered.
5. signature: when the file carries digital signatures, each must be intact, valid and
   cover the whole file.
Exit code 0 only when all hold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from panelapp.report.audit_gate import audit_problems
from panelapp.report.fingerprint import cycle_fingerprint
from panelapp.report.rederive import STATUS_NAMES, rederive
from panelapp.report.signing import SignatureCheck, check_signatures


@dataclass
class Verification:
    path: Path
    sha256: str
    from_app: bool = False
    matches_db: bool = False
    cycle_id: int | None = None
    sheet_fingerprint: str | None = None
    current_fingerprint: str | None = None
    signatures: list[SignatureCheck] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: the cycle's rows match their last audited state (store.cycle_audit)
    audited: bool = False
    #: the sheet's version and status are the cycle's now (not superseded, not a draft of a final)
    current: bool = False
    #: the file's text equals the sheet re-derived from the data (report.rederive)
    content_matches: bool = False
    sheet_version: int | None = None
    sheet_status: str | None = None

    @property
    def signatures_ok(self) -> bool:
        return all(check.ok for check in self.signatures)

    @property
    def ok(self) -> bool:
        return (self.from_app and self.matches_db and self.audited and self.current and self.content_matches
                and self.signatures_ok)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def pdf_identity(pdf: bytes) -> dict[str, str]:
    """The sheet's identity from the PDF /Keywords (empty when unreadable). Sheets exported
    before the keywords held status and export minute get them from the first page's text
    and the PDF's /CreationDate."""
    import io
    import re

    from pypdf import PdfReader

    from panelapp.report.sheet import parse_keywords

    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        meta = reader.metadata or {}
        identity = parse_keywords(str(meta.get("/Keywords", "")))
        if identity and "status" not in identity and reader.pages:
            first = re.sub(r"\s+", "", reader.pages[0].extract_text() or "")
            identity["status"] = "final" if "已定稿（" in first else "open"
        created = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})", str(meta.get("/CreationDate", "")))
        if identity and "generated" not in identity and created:
            y, mo, d, h, mi = created.groups()
            identity["generated"] = f"{y}-{mo}-{d}T{h}:{mi}"
        return identity
    except Exception:  # a damaged file has no readable identity
        return {}


def _judge_status(result: Verification, row, export, identity: dict[str, str]) -> None:
    """The sheet's version and status against the cycle's now; says what superseded it."""
    say = result.messages.append
    version = export.version if export is not None else None
    if version is None and identity.get("version", "").isdigit():
        version = int(identity["version"])
    status = identity.get("status")
    result.sheet_version, result.sheet_status = version, status
    now = STATUS_NAMES.get(row.status, row.status)
    if row.status == "final" and row.finalised_at:
        now += f"（{row.finalised_by or ''} {row.finalised_at:%Y-%m-%d %H:%M} 定稿）"
    shown = STATUS_NAMES.get(status or "", "状态未知")
    say(f"本文件：第{version if version is not None else '?'}版，{shown}；数据库中该周期现为：第{row.version}版，{now}")
    if version is None or status not in STATUS_NAMES:
        say("✘ 无法从文件中读出评分表的版本和状态")
    elif version < row.version:
        reason = f"（理由：{row.reopen_reason}）" if getattr(row, "reopen_reason", None) else ""
        say(f"✘ 该周期在本文件导出后已重新打开{reason}，现为第{row.version}版：本文件已被取代")
    elif version > row.version:
        say("✘ 本文件的版本比数据库中该周期的版本还新：数据库可能被换成了旧的副本")
    elif status != row.status:
        if row.status == "final":
            say("✘ 本文件是定稿前导出的（未定稿）评分表，该周期已定稿：请使用定稿后导出的评分表")
        else:
            say("✘ 本文件标为已定稿，但该周期目前未定稿")
    else:
        result.current = True


def verify_pdf(path: Path, db) -> Verification:
    pdf = Path(path).read_bytes()
    result = Verification(path=Path(path), sha256=hashlib.sha256(pdf).hexdigest())
    say = result.messages.append
    say(f"文件：{path}")
    say(f"文件 SHA-256：{result.sha256}")
    export = db.signoff.find_export(result.sha256)
    identity = pdf_identity(pdf)
    if export is not None:
        result.from_app = True
        result.cycle_id, result.sheet_fingerprint = export.cycle_id, export.fingerprint
        say(f"✔ 本文件由本程序导出：{export.at:%Y-%m-%d %H:%M}，操作人 {export.operator}，"
            f"第{export.version}版（{'已签名' if export.kind.endswith('signed') else '未签名'}）")
    else:
        say("✘ 数据库中没有导出过与本文件逐字节相同的文件：文件在导出后被改动过，或不是由本数据库导出的")
        if identity.get("cycle_id", "").isdigit():
            result.cycle_id = int(identity["cycle_id"])
        result.sheet_fingerprint = identity.get("fingerprint") or None
    if result.cycle_id is None or not result.sheet_fingerprint:
        say("✘ 无法从文件中读出所属考核周期和数据指纹，不能与数据库比对")
    else:
        try:
            row = db.cycles.row(result.cycle_id)
            data, _ids = db.cycles.data(result.cycle_id)
        except Exception as exc:  # StoreError (unknown cycle) and friends
            say(f"✘ 数据库中找不到该考核周期（{exc}）")
        else:
            result.current_fingerprint = cycle_fingerprint(data)
            if result.current_fingerprint == result.sheet_fingerprint:
                result.matches_db = True
                say(f"✔ 评分表与数据库当前数据一致（第{row.number}考核周期，数据指纹 {result.sheet_fingerprint[:16]}…）")
            else:
                say(f"✘ 导出后数据库中的数据已被修改：评分表指纹 {result.sheet_fingerprint[:16]}…，"
                    f"当前数据指纹 {result.current_fingerprint[:16]}…")
            problems = audit_problems(db, result.cycle_id)
            result.audited = not problems
            if not problems:
                say(f"✔ 第{row.number}考核周期的数据与审计记录一致（未在程序之外被改动）")
            if problems:
                say(f"✘ 第{row.number}考核周期的数据与审计记录不一致（数据可能在程序之外被改动），"
                    "请运行 panelapp verify-db 并从完好的备份恢复：")
                result.messages += [f"    - {p.message}" for p in problems[:10]]
            _judge_status(result, row, export, identity)
            if result.matches_db and result.current:
                derived = rederive(pdf, identity, db, result.cycle_id)
                result.content_matches = derived.matches
                if derived.matches:
                    say("✔ 按数据库当前数据重新生成的评分表与本文件逐页文字相同")
                else:
                    say(f"✘ 本文件的内容与按数据库数据重新生成的评分表不符（文件被改动过）：{derived.detail}")
    checks, error = check_signatures(pdf)
    result.signatures = checks
    if error:
        say(f"✘ {error}")
    elif not checks:
        say("本文件没有数字签名")
    for check in checks:
        if check.ok:
            trust = "证书受本机信任" if check.trusted else "证书不在本机信任列表中（签名本身有效）"
            when = f"，签署时间 {check.signed_at.astimezone():%Y-%m-%d %H:%M}" if check.signed_at else ""
            say(f"✔ 数字签名有效：{check.signer}{when}；{trust}")
        elif not check.intact:
            say(f"✘ 数字签名无效：签名后文件内容被改动（签署人 {check.signer}）")
        elif not check.whole_file:
            say(f"✘ 数字签名未覆盖整个文件：签名后又追加了内容（签署人 {check.signer}）")
        else:
            say(f"✘ 数字签名无效（签署人 {check.signer}）")
    say("结论：" + ("核验通过" if result.ok else "核验未通过"))
    return result
