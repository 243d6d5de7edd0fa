"""Digital signatures on exported sheets (PAdES, pyHanko).

Two sources of a signing key:
- the unit's own certificate, a .pfx/.p12 file with its password;
- a local certificate the app creates once for the panel (RSA 2048, self-signed,
  ten years), kept as ``panel-signing.p12`` in the user data folder. It proves the
  file is unchanged since this panel PC signed it; it is not a CA-issued identity.

``verify-pdf`` validates every embedded signature: the signed bytes must be intact
and the signature must cover the whole file (anything appended breaks it).
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from panelapp.paths import data_dir
from panelapp.report.errors import SigningError

LOCAL_CERT_NAME = "panel-signing.p12"
FIELD_NAME = "PanelSignature"

# pyHanko logs a traceback for a wrong PKCS#12 password before returning None; we report it ourselves.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignOptions:
    """``pfx`` None means the panel's local certificate."""

    pfx: Path | None = None
    password: bytes | None = None
    reason: str = "考核组评分表定稿签章"
    location: str = "平顶山市"




def local_certificate(directory: Path | None = None, common_name: str = "panelapp 考核组本机签章") -> Path:
    """The panel's local signing certificate (.p12, no password), created on first use."""
    directory = directory or data_dir()
    path = directory / LOCAL_CERT_NAME
    if path.is_file():
        return path
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "panelapp"),
    ])
    now = datetime.now(UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(b"panelapp", key, cert, None, serialization.NoEncryption())
    directory.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(blob)
    os.replace(tmp, path)
    return path


def _signer(options: SignOptions):
    from pyhanko.sign import signers

    pfx = options.pfx or local_certificate()
    if not Path(pfx).is_file():
        raise SigningError(f"找不到证书文件：{pfx}")
    try:
        signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(pfx), passphrase=options.password)
    except Exception as exc:  # pyHanko raises various errors for wrong passwords / formats
        raise SigningError(f"无法读取证书 {Path(pfx).name}：密码错误或不是 PKCS#12 文件") from exc
    if signer is None:
        raise SigningError(f"无法读取证书 {Path(pfx).name}：密码错误或不是 PKCS#12 文件")
    return signer


def sign_pdf_bytes(pdf: bytes, options: SignOptions) -> bytes:
    """``pdf`` with an invisible PAdES signature appended as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer(options)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=options.reason,
        location=options.location,
    )
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    signer: str
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature verifies
    whole_file: bool  # the signature covers the entire file
    trusted: bool  # chains to a trusted root (the local panel certificate counts)
    signed_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file


def check_signatures(pdf: bytes, extra_roots: list[Path] | None = None) -> tuple[list[SignatureCheck], str | None]:
    """Validate every embedded signature; (checks, error) where error says why the file could not be read."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import load_cert_from_pemder
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    roots = []
    local = data_dir() / LOCAL_CERT_NAME
    for path in ([local] if local.is_file() else []) + list(extra_roots or []):
        try:
            if path.suffix.lower() in (".p12", ".pfx"):
                roots.append(_signer(SignOptions(pfx=path)).signing_cert)
            else:
                roots.append(load_cert_from_pemder(str(path)))
        except Exception:  # an unreadable extra root only means less trust  # noqa: S112
            continue
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:
        return [], f"无法解析PDF签名结构（{exc.__class__.__name__}）"
    checks = []
    for sig in embedded:
        try:
            # offline: trust only the panel's local certificate and roots given explicitly
            vc = ValidationContext(trust_roots=roots, allow_fetching=False)
            status = validate_pdf_signature(sig, vc)
            checks.append(SignatureCheck(
                signer=status.signing_cert.subject.human_friendly,
                intact=bool(status.intact), valid=bool(status.valid),
                whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                trusted=bool(status.trusted),
                signed_at=getattr(status, "signer_reported_dt", None),
            ))
        except Exception as exc:
            checks.append(SignatureCheck(signer=f"（无法验证：{exc.__class__.__name__}）", intact=False,
                                         valid=False, whole_file=False, trusted=False))
    return checks, None
