"""Headless commands run with the cyclic GC off and leave it as they found it."""

import argparse
import gc

import pytest

from panelapp import cli


def parser_with(handler):
    parser = argparse.ArgumentParser()
    parser.set_defaults(handler=handler)
    return parser


@pytest.mark.parametrize("fails", [False, True])
def test_gc_off_during_a_command_and_restored(monkeypatch, fails):
    seen = []

    def handler(args):
        seen.append(gc.isenabled())
        if fails:
            raise RuntimeError("boom")
        return 0

    monkeypatch.setattr(cli, "build_parser", lambda: parser_with(handler))
    assert gc.isenabled()
    if fails:
        with pytest.raises(RuntimeError):
            cli.main([])
    else:
        assert cli.main([]) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_gc_stays_off_when_it_was_off(monkeypatch):
    monkeypatch.setattr(cli, "build_parser", lambda: parser_with(lambda args: 0))
    gc.disable()
    try:
        cli.main([])
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("argv, frozen", [(None, 1), ([], 0)])
def test_objects_frozen_only_when_the_process_exits_next(monkeypatch, argv, frozen):
    """From the command line (argv None) the survivors are frozen so that exiting skips their GC."""
    calls = []
    monkeypatch.setattr(cli, "build_parser", lambda: parser_with(lambda args: 0))
    monkeypatch.setattr(cli.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr("sys.argv", ["panelapp"])
    assert cli.main(argv) == 0
    assert len(calls) == frozen
