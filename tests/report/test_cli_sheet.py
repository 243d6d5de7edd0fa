"""The sign-off commands end to end through panelapp.cli.main."""

from samples import cycle2

from conftest import fill
from panelapp.cli import main


def _db(tmp_path):
    from panelapp.store import open_database

    path = tmp_path / "cli.db"
    db = open_database(path, operator="组员甲")
    fill(db, db.cycles.of_contract(db.cycles.contracts()[0].id)[1].id, cycle2())
    db.close()
    return path


def test_export_verify_finalise_reopen(tmp_path, capsys):
    path = _db(tmp_path)
    out = tmp_path / "第2周期.pdf"
    assert main(["export-pdf", "--cycle", "2", "--db", str(path), str(out)]) == 0
    assert out.is_file()
    assert main(["verify-pdf", str(out), "--db", str(path)]) == 0
    assert "核验通过" in capsys.readouterr().out
    assert main(["finalise", "--cycle", "2", "--db", str(path), "--operator", "组员乙"]) == 0
    assert "已定稿" in capsys.readouterr().out
    # the data is unchanged by finalising, but a draft is not the final sheet (issue 13 g)
    assert main(["verify-pdf", str(out), "--db", str(path)]) == 1
    assert "定稿前导出" in capsys.readouterr().out
    final = tmp_path / "定稿.pdf"
    assert main(["export-pdf", "--cycle", "2", "--db", str(path), str(final)]) == 0
    assert main(["verify-pdf", str(final), "--db", str(path)]) == 0
    assert "第1版，已定稿" in capsys.readouterr().out
    assert main(["reopen", "--cycle", "2", "--reason", "补录缺勤", "--db", str(path)]) == 0
    assert "第2版" in capsys.readouterr().out
    assert main(["verify-pdf", str(final), "--db", str(path)]) == 1
    text = capsys.readouterr().out
    assert "重新打开" in text and "补录缺勤" in text and "已被取代" in text
    signed = tmp_path / "signed.pdf"
    assert main(["export-pdf", "--cycle", "2", "--sign", "local", "--db", str(path), str(signed)]) == 0
    assert main(["verify-pdf", str(signed), "--db", str(path)]) == 0
    assert "数字签名有效" in capsys.readouterr().out
    data = bytearray(signed.read_bytes())
    data[len(data) // 2] ^= 1
    signed.write_bytes(bytes(data))
    assert main(["verify-pdf", str(signed), "--db", str(path)]) == 1
    assert "核验未通过" in capsys.readouterr().out


def test_refusals_are_chinese_and_exit_2(tmp_path, capsys):
    path = _db(tmp_path)
    assert main(["export-pdf", "--cycle", "9", "--db", str(path), str(tmp_path / "x.pdf")]) == 2
    assert "没有第9考核周期" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["export-pdf", "--cycle", "2", "--sign", str(tmp_path / "none.pfx"), "--db", str(path),
                 str(tmp_path / "x.pdf")]) == 2
    assert "找不到证书文件" in capsys.readouterr().err
    assert main(["verify-pdf", str(tmp_path / "missing.pdf"), "--db", str(path)]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert main(["reopen", "--cycle", "2", "--reason", "x", "--db", str(path)]) == 2
    assert "尚未定稿" in capsys.readouterr().err


def test_annual_exports(tmp_path):
    path = _db(tmp_path)
    assert main(["export-xlsx", "--db", str(path), str(tmp_path / "a.xlsx")]) == 0
    assert main(["export-annual-pdf", "--db", str(path), str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.xlsx").stat().st_size > 1000 and (tmp_path / "a.pdf").stat().st_size > 1000


def test_sign_with_pfx_and_password_file(tmp_path, capsys):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    from panelapp.report.signing import local_certificate

    path = _db(tmp_path)
    key, cert, _ = pkcs12.load_key_and_certificates(local_certificate(tmp_path / "unit").read_bytes(), None)
    pfx = tmp_path / "unit.p12"
    pfx.write_bytes(pkcs12.serialize_key_and_certificates(
        b"unit", key, cert, None, serialization.BestAvailableEncryption(b"pw123")))
    (tmp_path / "pw.txt").write_text("pw123\n")
    (tmp_path / "bad.txt").write_text("nope\n")
    out = tmp_path / "signed.pdf"
    args = ["export-pdf", "--cycle", "2", "--sign", str(pfx), "--db", str(path)]
    assert main(args + ["--password-file", str(tmp_path / "bad.txt"), str(out)]) == 2
    assert "密码错误" in capsys.readouterr().err and not out.exists()
    assert main(args + ["--password-file", str(tmp_path / "pw.txt"), str(out)]) == 0
    assert main(["verify-pdf", str(out), "--db", str(path)]) == 0
    assert "数字签名有效" in capsys.readouterr().out
