"""Every user-visible Chinese literal in panelapp.ui goes through Qt's translation system.

1. An AST scan of src/panelapp/ui: a string constant (or f-string part) with a CJK
   character must be the source-text argument of tr / translate / QT_TRANSLATE_NOOP /
   QT_TR_NOOP. Docstrings are exempt; a handful of data literals are allow-listed below.
2. resources/i18n/panelapp_zh_CN.ts holds exactly the source texts pyside6-lupdate finds
   today, under real class-name contexts (not `w` or `self.window`).
3. The compiled panelapp_zh_CN.qm is loaded at start and translates every entry.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "panelapp" / "ui"
TS = ROOT / "resources" / "i18n" / "panelapp_zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "panelapp_zh_CN.qm"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}

#: (file relative to ui/, literal) pairs that are data, not UI text. Keep this short.
ALLOWED = {
    # The store's default operator name (store.open_database(operator="系统")): a value
    # written to the audit trail and compared with it, not a label.
    ("forms/operator.py", "系统"),
    # The self-test types these into the fault form as the record's content (data), and
    # compares the form's live text with the core's level name LEVEL_NAMES[2].
    ("selftest.py", "统一受理平台"),
    ("selftest.py", "自检：数据库连接池耗尽"),
    ("selftest.py", "二级较大故障"),
    ("selftest.py", "自检"),
    # The message of the exception the self-test raises, then looks for in the log file.
    ("selftest.py", "自检：模拟的意外错误"),
}


def _is_docstring(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    expr = parents.get(node)
    if not isinstance(expr, ast.Expr):
        return False
    owner = parents.get(expr)
    body = getattr(owner, "body", None)
    return isinstance(owner, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and bool(
        body
    ) and body[0] is expr


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_source_text(node: ast.Constant, parents: dict[ast.AST, ast.AST]) -> bool:
    """The literal is the text argument of a translation call (first for tr, second for translate)."""
    call = parents.get(node)
    if not isinstance(call, ast.Call) or node not in call.args:
        return False
    name = _call_name(call)
    position = call.args.index(node)
    if name in ("tr", "QT_TR_NOOP"):
        return position == 0
    if name in ("translate", "QT_TRANSLATE_NOOP"):
        return position == 1
    return False


def untranslated_literals() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).as_posix()
        tree = ast.parse(path.read_text("utf-8"), str(path))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)):
                continue
            if _is_docstring(node, parents) or _is_source_text(node, parents):
                continue
            if (rel, node.value) in ALLOWED:
                continue
            shown = node.value if not isinstance(parents.get(node), ast.JoinedStr) else f"f-string part {node.value!r}"
            found.append((rel, node.lineno, shown))
    return found


def test_every_chinese_ui_literal_is_translatable():
    found = untranslated_literals()
    assert not found, "Chinese UI text outside tr()/translate()/QT_TRANSLATE_NOOP():\n" + "\n".join(
        f"  ui/{rel}:{line}: {text}" for rel, line, text in found
    )


def test_allow_list_has_no_stale_entries():
    """Each allow-listed literal still occurs in its file (a removed one must leave the list too)."""
    stale = [(rel, text) for rel, text in sorted(ALLOWED) if f'"{text}"' not in (UI / rel).read_text("utf-8")]
    assert not stale, stale


def test_scanner_catches_plain_and_f_string_literals(tmp_path, monkeypatch):
    """The scan itself: a bare literal and an f-string are caught, wrapped ones and docstrings are not."""
    (tmp_path / "sample.py").write_text(
        '"""模块说明"""\n'
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        'A = QT_TRANSLATE_NOOP("Ctx", "表头")\n'
        'B = QCoreApplication.translate("Ctx", "第{n}周").format(n=1)\n'
        'C = "未包装"\n'
        'D = f"第{1}周期"\n'
        'E = QCoreApplication.translate("上下文不是原文", "x")\n',
        "utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "UI", tmp_path)
    texts = [text for _, _, text in untranslated_literals()]
    assert texts == ["未包装", "f-string part '第'", "f-string part '周期'", "上下文不是原文"]


def _lupdate() -> str | None:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else shutil.which("pyside6-lupdate")


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if (msg.find("translation") is None or msg.find("translation").get("type") not in ("obsolete", "vanished"))
    }


def test_ts_file_is_up_to_date(tmp_path):
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not available")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(UI.rglob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    expected, committed = _messages(fresh), _messages(TS)
    assert expected == committed, (
        "resources/i18n/panelapp_zh_CN.ts is stale; run tools/update_translations.sh\n"
        f"  missing: {sorted(expected - committed)[:10]}\n  stale: {sorted(committed - expected)[:10]}"
    )


def test_ts_contexts_are_class_names():
    """`w.tr(…)` or `self.window.tr(…)` would file the text under `w` / `self.window`: never found at run time."""
    contexts = {ctx for ctx, _ in _messages(TS)}
    bad = sorted(c for c in contexts if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", c or ""))
    assert not bad, f"translation contexts that are not class names: {bad}"


def test_compiled_catalogue_is_loaded_and_complete(app):
    from PySide6.QtCore import QCoreApplication, QTranslator

    installed = [t.filePath() for t in app._panelapp_translators]
    assert any(path.endswith("panelapp_zh_CN.qm") for path in installed), installed
    translator = QTranslator()
    assert translator.load(str(QM))
    messages = _messages(TS)
    assert len(messages) > 300
    missing = [(c, s) for c, s in messages if translator.translate(c, s) != s]
    assert not missing, f"entries the .qm does not carry as identity translations: {missing[:5]}"
    assert QCoreApplication.translate("EvidenceModel", "附件") == "附件"


def test_qt_own_strings_are_chinese(app):
    """Qt's standard buttons and line-edit menu come from qtbase_zh_CN, not English."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

    installed = [t.filePath() for t in app._panelapp_translators]
    assert any(Path(path).name == "qtbase_zh_CN.qm" for path in installed), installed
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "t", "q", buttons.Yes | buttons.No | buttons.Cancel)
    assert [box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Cancel)] == ["是(&Y)", "否(&N)", "取消"]
    bar = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in bar.buttons()) == sorted(["确定", "关闭"])
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "粘贴(&P)" in texts and "全选" in texts, texts
    menu.deleteLater()
    edit.deleteLater()
