"""Progress bars: drawn on a terminal only, so a log or a pipe holds the result and nothing else."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

options = importlib.import_module("decide.cli.options")


def test_a_long_run_into_a_pipe_leaves_no_bar_label_on_stderr(monkeypatch, cli):
    """click draws a bar off a terminal as its bare label ('charts', 'SMAA Russia'), which a
    log then holds alone on a line: smaa and report draw their bars only on a terminal."""
    clock = iter(range(10_000))
    monkeypatch.setattr(options, "time", SimpleNamespace(perf_counter=lambda: float(next(clock))))
    result = cli("smaa", "-a", "russia", "-n", "60000")  # progress is reported in steps: more than one
    assert result.exit_code == 0 and result.stderr == ""
