"""The commands speak Chinese throughout, and a reader leaving a pipe early is no error."""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys

import pytest

from panelapp.argparse_zh import MESSAGES, PROGRAMMER_MESSAGES, ChineseArgumentParser
from panelapp.cli import build_parser, main
from panelapp.paths import resource

DEMO = str(resource("samples", "demo-cycle.json"))
ENGLISH = ("usage:", "error:", "positional arguments", "options:", "show this help", "invalid",
           "required", "unrecognized", "expected", "argument ")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "panelapp", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def assert_no_english(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, f"{word!r} in: {text}"


@pytest.mark.parametrize("argv", [["--help"], ["score", "--help"], ["export-pdf", "--help"], ["backup", "-h"]])
def test_help_is_chinese(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：panelapp")
    assert "选项：\n" in out and "  -h, --help" in out and "显示本帮助并退出" in out
    assert "位置参数：\n" in out
    assert_no_english(out)


def test_version_help_is_chinese():
    assert "显示版本号并退出" in build_parser().format_help()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["score", "--cycle", "x"], "panelapp score：错误：参数 --cycle：无效的 int 值：'x'"),
        (["score", DEMO, "--bogus"], "panelapp：错误：无法识别的参数：--bogus"),
        (["nope"], "panelapp：错误：参数 COMMAND：无效的选择：'nope'（可选："),
        (["export-pdf", "out.pdf"], "panelapp export-pdf：错误：缺少必需的参数：--cycle"),
        (["score", "--cycle"], "panelapp score：错误：参数 --cycle：需要一个值"),
    ],
)
def test_errors_are_chinese_and_exit_2(argv, expected):
    proc = run(*argv)
    assert proc.returncode == 2
    assert proc.stderr.startswith("用法：panelapp")
    assert expected in proc.stderr
    assert_no_english(proc.stderr)


def test_every_user_facing_argparse_message_of_this_python_is_translated():
    tree = ast.parse(open(argparse.__file__, encoding="utf-8").read())
    ids = {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert "usage: " in ids and "options" in ids  # the scan itself works
    missing = ids - set(MESSAGES) - PROGRAMMER_MESSAGES
    assert not missing, f"argparse messages without Chinese: {sorted(missing)}"


def test_translations_keep_every_placeholder():
    import re

    placeholder = re.compile(r"%(?:\(\w+\))?[sr]")
    for english, chinese in MESSAGES.items():
        assert sorted(placeholder.findall(english)) == sorted(placeholder.findall(chinese)), english


def test_other_argparse_users_keep_english(capsys):
    parser = ChineseArgumentParser(prog="zh")
    with pytest.raises(SystemExit):
        parser.parse_args(["--nope"])
    assert "zh：错误：无法识别的参数：--nope" in capsys.readouterr().err
    plain = argparse.ArgumentParser(prog="plain")
    assert plain.format_help().startswith("usage: plain")
    with pytest.raises(SystemExit):
        plain.parse_args(["--nope"])
    assert "plain: error: unrecognized arguments: --nope" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="Windows may report a closed pipe as EINVAL, not EPIPE")
def test_score_into_a_closed_pipe_ends_quietly():
    """`panelapp score --json | head -1`: the reader is gone before the command writes."""
    proc = subprocess.Popen([sys.executable, "-m", "panelapp", "score", DEMO, "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like head -1 exiting: every write from here on hits a broken pipe
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141, stderr
    assert stderr == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell and head")
def test_score_piped_into_head_prints_one_line():
    proc = subprocess.run(f'"{sys.executable}" -m panelapp score "{DEMO}" --json | head -1',
                          shell=True, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "{"
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
