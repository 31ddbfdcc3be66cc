"""Shared fixtures: one factory for matrix files, with one override per test."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ["MPLBACKEND"] = "Agg"  # charts draw off screen in tests

BASE_MATRIX: dict[str, Any] = {
    "actor": "Testland",
    "aliases": ["TL"],
    "criteria": [
        {"name": "stability", "objective": "max", "weight": 0.30},
        {"name": "deterrence", "objective": "max", "weight": 0.25},
        {"name": "cost", "objective": "min", "weight": 0.20},
        {"name": "risk", "objective": "min", "weight": 0.25},
    ],
    "scale": [1, 10],
    "strategies": [
        {"name": "Talks", "scores": {"stability": 8, "deterrence": 3, "cost": 2, "risk": 3}},
        {"name": "Exercises", "scores": {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}},
        {"name": "Sanctions", "scores": {"stability": 4, "deterrence": 6, "cost": 4, "risk": 5}},
        {"name": "Aid", "scores": {"stability": 7, "deterrence": 2, "cost": 3, "risk": 2}},
    ],
}


def make_document(**overrides: Any) -> dict[str, Any]:
    """A deep copy of the base matrix with top-level keys replaced (None deletes a key)."""
    document = yaml.safe_load(yaml.safe_dump(BASE_MATRIX))
    for key, value in overrides.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return document


@pytest.fixture(autouse=True)
def terminal_80_columns(monkeypatch):
    """Text tables wrap to ``COLUMNS``: every test sees the default 80, whatever the shell says."""
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def matrix_file(tmp_path: Path):
    """``matrix_file(name="x.yaml", text=None, **overrides)`` writes a matrix file and returns its path."""

    def write(name: str = "testland.yaml", text: str | None = None, **overrides: Any) -> Path:
        path = tmp_path / name
        if text is None:
            text = yaml.safe_dump(make_document(**overrides), sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def cli():
    """``cli(*args, input=None)`` runs ``decide *args`` in click's CliRunner; exceptions propagate."""
    from click.testing import CliRunner, Result

    from decide.cli.main import cli as decide_cli

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(decide_cli, list(args), input=input, catch_exceptions=False)

    return invoke


# Hypothesis profiles: few examples by default so the suite stays fast in CI;
# ``pytest --hypothesis-profile thorough`` runs many more locally.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile(
        "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    settings.load_profile("default")
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
