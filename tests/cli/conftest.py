"""Fixtures of the CLI tests: two small matrix files (the ``cli`` fixture is in tests/conftest.py)."""

from __future__ import annotations

import pytest

EXAMPLE_MATRIX = """\
actor: Example
criteria:
  - {name: gain, objective: max, weight: 0.6}
  - {name: cost, objective: min, weight: 0.4}
scale: [0, 10]
strategies:
  - {name: A, scores: {gain: 8, cost: 2}}
  - {name: B, scores: {gain: 6, cost: 1}}
  - {name: C, scores: {gain: 5, cost: 3}}
  - {name: X, scores: {gain: 5, cost: 0}}
"""

SIMUS_MATRIX = """\
actor: Example
criteria:
  - {name: gain, objective: max, weight: 0.6}
  - {name: reach, objective: max, weight: 0.4}
scale: [0, 10]
strategies:
  - {name: A, scores: {gain: 8, reach: 2}}
  - {name: B, scores: {gain: 6, reach: 1}}
  - {name: C, scores: {gain: 5, reach: 3}}
  - {name: X, scores: {gain: 5, reach: 1}}
"""


@pytest.fixture
def example_file(tmp_path) -> str:
    """Four strategies on gain (max) and cost (min); X has a zero cost."""
    path = tmp_path / "example.yaml"
    path.write_text(EXAMPLE_MATRIX, encoding="utf-8")
    return str(path)


@pytest.fixture
def simus_file(tmp_path) -> str:
    """Two criteria to maximise, as SIMUS needs."""
    path = tmp_path / "example.yaml"
    path.write_text(SIMUS_MATRIX, encoding="utf-8")
    return str(path)
