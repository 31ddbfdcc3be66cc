"""The installed package finds its shipped matrices from any working directory.

CI installs with a plain (non-editable) ``pip install .``; there this test checks that
the wheel carries ``matrices/`` inside the ``decide`` package.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the installed console script in subprocesses

REPO = Path(__file__).resolve().parents[1]


def run_outside_checkout(tmp_path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout


def test_shipped_matrices_found_from_another_directory(tmp_path):
    code = (
        "import decide; print(decide.__file__); "
        "from decide.core.paths import shipped_matrices_dir; print(shipped_matrices_dir())"
    )
    package_file, matrices = run_outside_checkout(tmp_path, sys.executable, "-c", code).splitlines()
    names = {p.name for p in Path(matrices).glob("*.yaml")}
    assert len(names) >= 5, matrices  # one file per actor (six with Japan)
    installed = Path(package_file).resolve().parent
    if REPO not in installed.parents:  # a real install, not the source tree
        assert Path(matrices).resolve() == installed / "matrices"


def test_console_script_runs_from_another_directory(tmp_path):
    script = Path(sys.executable).with_name("decide")
    if not script.exists():
        pytest.skip("the decide console script is not installed in this environment")
    output = run_outside_checkout(tmp_path, str(script), "list", "--format", "csv")
    assert output.splitlines()[0] == "actor,file,strategies,criteria"
    assert len(output.splitlines()) == 1 + len(list((REPO / "matrices").glob("*.yaml")))
