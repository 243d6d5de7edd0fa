"""argparse speaking Simplified Chinese: usage, errors and the built-in help lines.

argparse builds every message it prints through ``argparse._`` and ``argparse.ngettext``
(module globals bound to ``gettext.gettext``/``ngettext``), looked up when the message is made.
The usual gettext route (a compiled ``.mo`` catalogue for the default domain, bound with
``gettext.bindtextdomain``) would change every gettext user in the process and needs a build
step; a subclass that overrides ``error()`` and the formatter alone cannot reach the messages
argparse makes deep inside parsing ("invalid choice", "expected one argument", ...).

So :class:`ChineseArgumentParser` swaps those two globals for a lookup in :data:`MESSAGES`
only while one of its own methods runs (building the parser, parsing, formatting help or
usage, reporting an error) and puts the originals back afterwards: other argparse users in
the same process (pytest, for one) keep English. Sub-command parsers inherit the class.
A message missing from the table stays English; tests/test_cli_zh.py checks that every
user-facing message of the running Python's argparse is in it.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any, NoReturn

#: argparse's English message ids (Python 3.11-3.14) and their Chinese text. Placeholders
#: are kept exactly; ``%r`` shows the user's input quoted, as in English.
MESSAGES: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：警告：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "unrecognized arguments: %(args)s": "无法识别的参数：%(args)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "以下参数必须给出其中一个：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "无效的选择：%(value)r，是不是 %(closest)r？（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "argument \"-\" with mode %r": "参数“-”不能用模式 %r 打开",
    "option '%(option)s' is deprecated": "选项“%(option)s”已弃用",
    "argument '%(argument_name)s' is deprecated": "参数“%(argument_name)s”已弃用",
    "command '%(parser_name)s' is deprecated": "命令“%(parser_name)s”已弃用",
}

#: Messages argparse raises at the programmer, never at a user of a finished parser.
PROGRAMMER_MESSAGES: frozenset[str] = frozenset(
    {
        ".__call__() not defined",
        "'required' is an invalid argument for positionals",
        "mutually exclusive arguments must be optional",
        "%r is not callable",
        "cannot merge actions - two groups are named %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "cannot have multiple subparser arguments",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "%(option)s not allowed with argument %(argument_name)s",
    }
)


_HEADING = re.compile(r"^(\S*[^\x00-\x7f]):$", re.M)


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def ntranslate(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


_lock = threading.RLock()
_depth = 0
_saved: tuple[Any, Any] | None = None


@contextlib.contextmanager
def chinese() -> Iterator[None]:
    """argparse's messages in Chinese for the duration (re-entrant: sub-parsers nest)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
            argparse._ = translate  # type: ignore[attr-defined]
            argparse.ngettext = ntranslate
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                argparse._, argparse.ngettext = _saved  # type: ignore[attr-defined]
                _saved = None


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and error messages are Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with chinese():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with chinese():
            return super().add_subparsers(**kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":  # its default help is a plain English literal
            kwargs.setdefault("help", translate("show program's version number and exit"))
        with chinese():
            return super().add_argument(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        with chinese():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        with chinese():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with chinese():
            return super().format_usage()

    def format_help(self) -> str:
        with chinese():
            text = super().format_help()
        # argparse ends a section heading with an ASCII colon; a Chinese heading takes "：".
        return _HEADING.sub(r"\1：", text)

    def error(self, message: str) -> NoReturn:
        with chinese():
            super().error(message)
