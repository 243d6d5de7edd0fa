"""The ``panelapp`` command: the window by default, headless sub-commands otherwise."""

from __future__ import annotations

import argparse
import importlib
import sys

from panelapp import __version__
from panelapp.argparse_zh import ChineseArgumentParser
from panelapp.brokenpipe import quiet_broken_pipe

#: Modules under panelapp.commands, each contributing sub-commands.
COMMAND_MODULES: tuple[str, ...] = ("score", "db", "sheet", "settle")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="panelapp", description="考核组评分台")
    parser.add_argument("--version", action="version", version=f"panelapp {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--self-test", action="store_true", help="打开主窗口自检后退出")
    parser.add_argument("--screenshot", metavar="PNG", help="自检时保存截图")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"panelapp.commands.{name}").register(sub)
    return parser


def _bad_argument(args: argparse.Namespace) -> str | None:
    """A text argument that no field may hold (a lone surrogate from non-UTF-8 bytes, too long)."""
    from panelapp.core.limits import printable, text_problem

    for key, value in vars(args).items():
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                return f"参数 --{key.replace('_', '-')}（{printable(value, 30)}）：{problem}"
    return None


@quiet_broken_pipe
def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    refused = _bad_argument(args)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    from panelapp.ui.app import run  # Qt is imported only for the window

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
