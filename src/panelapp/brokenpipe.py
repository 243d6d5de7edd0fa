"""``panelapp score --json | head -1``: a reader that leaves early is not an error.

When the reader of a pipe exits, the next write (or the flush at interpreter exit) raises
BrokenPipeError; Python would print a traceback or "Exception ignored ... BrokenPipeError".
The recipe from the Python docs (signal module, "Note on SIGPIPE"): flush stdout inside the
guard, and on BrokenPipeError point stdout at devnull so that the final flush at exit stays
quiet. The command then exits with 141 (128 + SIGPIPE, what a shell reports for a program
that the signal ended) without a word on stderr.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec

P = ParamSpec("P")

#: Exit status after the reader went away (a shell's 128 + SIGPIPE).
BROKEN_PIPE_STATUS = 141


def quiet_broken_pipe(func: Callable[P, int]) -> Callable[P, int]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            status = func(*args, **kwargs)
            if sys.stdout is not None:  # None in the windowed exe
                sys.stdout.flush()
            return status
        except BrokenPipeError:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (AttributeError, OSError, ValueError):
                pass  # stdout is no real file (a test's capture): nothing to flush at exit
            return BROKEN_PIPE_STATUS

    return wrapper
