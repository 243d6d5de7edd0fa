"""verify-pdf: did this exact file come from the app, and does it still match the database?

Three questions, each answered in a Chinese sentence:
1. from the app: the file's SHA-256 is one the app recorded when it exported a sheet
   (``db.find_export``). Any changed byte gives another hash.
2. still current: the fingerprint the sheet was made from (recorded with the export,
   or read from the PDF's /Keywords when the file is unknown) equals the fingerprint
   of the cycle's data in the database now.
3. signature: when the file carries digital signatures, each must be intact, valid and
   cover the whole file.
Exit code 0 only when 1 and 2 hold and no signature is broken.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from panelapp.report.fingerprint import cycle_fingerprint
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

    @property
    def signatures_ok(self) -> bool:
        return all(check.ok for check in self.signatures)

    @property
    def ok(self) -> bool:
        return self.from_app and self.matches_db and self.signatures_ok

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def pdf_identity(pdf: bytes) -> dict[str, str]:
    """The sheet's identity from the PDF /Keywords (empty when unreadable)."""
    import io

    from pypdf import PdfReader

    from panelapp.report.sheet import parse_keywords

    try:
        meta = PdfReader(io.BytesIO(pdf), strict=False).metadata or {}
        return parse_keywords(str(meta.get("/Keywords", "")))
    except Exception:  # a damaged file has no readable identity
        return {}


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
            if export is not None and export.version != row.version:
                say(f"注意：该周期现为第{row.version}版，本文件为第{export.version}版")
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
