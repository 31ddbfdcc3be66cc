"""Saving profiles: every concurrent save lands, the shipped matrices are never edited, a JSON
matrix stays JSON, and a bad profile name is one clear line naming --save."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from decide.core.errors import DecideError, SpecError
from decide.core.paths import shipped_matrices_dir
from decide.io.load import load_matrix
from decide.io.profiles import save_profile

ORDER = "deterrence>stability>cost>risk"


def _copy(tmp_path: Path, name: str = "russia.yaml") -> Path:
    target = tmp_path / name
    shutil.copy(shipped_matrices_dir() / "russia.yaml", target)
    return target


@pytest.mark.slow
def test_eight_simultaneous_saves_all_land(tmp_path):
    target = _copy(tmp_path)
    before = {p.name for p in load_matrix(target).profiles}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "decide",
                "weights",
                "roc",
                "-a",
                "russia",
                "--order",
                ORDER,
                "--save",
                f"p{i}",
                "--into",
                str(target),
                "--rationale",
                "r",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(8)
    ]
    said = [run.communicate(timeout=120)[1] for run in runs]
    assert all(run.returncode == 0 for run in runs), said
    assert all("saved profile" in text for text in said)
    names = {p.name for p in load_matrix(target).profiles}
    assert names == before | {f"p{i}" for i in range(8)}
    assert sorted(os.listdir(tmp_path)) == ["russia.yaml"]  # no lock or temporary file left


def test_saves_from_threads_all_land(tmp_path):
    """The lock serialises savers in one process too (each thread opens its own lock)."""
    from concurrent.futures import ThreadPoolExecutor

    target = _copy(tmp_path)
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: save_profile(target, f"t{i}", ORDER, rationale="r"), range(6)))
    assert {f"t{i}" for i in range(6)} <= {p.name for p in load_matrix(target).profiles}


def test_a_save_that_loses_says_so(tmp_path):
    target = _copy(tmp_path)
    save_profile(target, "same", ORDER, rationale="r")
    with pytest.raises(SpecError, match="exists already"):
        save_profile(target, "SAME", ORDER, rationale="r")


def test_shipped_matrix_is_refused(cli):
    shipped = shipped_matrices_dir() / "russia.yaml"
    before = shipped.read_bytes()
    result = cli(
        "weights", "roc", "-a", "russia", "--order", ORDER, "--save", "w", "--into", str(shipped), "--rationale", "r"
    )
    assert result.exit_code == 1 and "shipped matrices are not changed" in result.stderr
    assert result.stdout == ""  # refused before the weights are printed
    with pytest.raises(DecideError, match="shipped matrices are not changed"):
        save_profile(shipped, "w", ORDER, rationale="r")
    assert shipped.read_bytes() == before


def test_symlink_to_shipped_matrix_is_refused(tmp_path):
    link = tmp_path / "mine.yaml"
    link.symlink_to(shipped_matrices_dir() / "russia.yaml")
    with pytest.raises(DecideError, match="shipped matrices are not changed"):
        save_profile(link, "w", ORDER, rationale="r")


def test_json_matrix_stays_json(tmp_path):
    source = yaml.safe_load((shipped_matrices_dir() / "russia.yaml").read_text(encoding="utf-8"))
    target = tmp_path / "russia.json"
    target.write_text(json.dumps(source, indent=2), encoding="utf-8")
    save_profile(target, "cautious", {"deterrence": 0.4, "stability": 0.3, "cost": 0.2, "risk": 0.1}, rationale="r")
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["profiles"][-1]["name"] == "cautious"
    assert "cautious" in {p.name for p in load_matrix(target).profiles}


@pytest.mark.parametrize("name", ["yes", "no", "null", "1e3", "true", "~", "on", "0x1F", "- a", "#x", "a: b"])
def test_names_yaml_would_misread_are_saved_as_given(tmp_path, name):
    target = _copy(tmp_path)
    save_profile(target, name, ORDER, rationale=name, source=name)
    profile = load_matrix(target).profile(name)
    assert (profile.name, profile.rationale, profile.source) == (name, name, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (" ", "--save is empty"),
        ("", "--save is empty"),
        ("file", "'file' is a name decide uses itself"),
        ("All", "'All' is a name decide uses itself"),
        ("a\nb", r"'a\nb' contains a control"),
        ("x\u202ey", r"'x\u202ey' contains an invisible or text-direction character (U+202E)"),
        ("x\u200by", "(U+200B)"),
        ("\x1b[2J", r"'\x1b[2J' contains a control"),
    ],
)
def test_bad_save_names_are_one_clear_line(cli, tmp_path, name, expected):
    target = _copy(tmp_path)
    before = target.read_bytes()
    result = cli(
        "weights", "roc", "-a", "russia", "--order", ORDER, "--save", name, "--into", str(target), "--rationale", "r"
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert "--profile" not in result.stderr
    assert target.read_bytes() == before


def test_profile_named_file_in_a_matrix_is_refused(matrix_file):
    from decide.core.errors import MatrixError

    path = matrix_file(
        profiles=[
            {"name": "file", "weights": {"stability": 1, "deterrence": 0, "cost": 0, "risk": 0}, "rationale": "r"}
        ]
    )
    with pytest.raises(MatrixError, match="'file' is a name decide uses itself"):
        load_matrix(path)
