"""The output rule: no command writes over a file it reads (matrix, scenario file, AHP file,
--into target), through symlinks, chains of them, hard links or paths with '..'; the refusal is
one line naming both, and every file is left as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decide.core.paths import shipped_matrices_dir

ORDER = "deterrence>stability>cost>risk"
AHP = "criteria: [deterrence, stability]\njudgments: [[deterrence, stability, 3]]\n"

# command -> (its arguments with {m} matrix, {j} AHP file, {u} --into target; the inputs it reads)
COMMANDS = {
    "rank": (["rank", "{m}", "-f", "csv"], ["m"]),
    "rank --scenario": (["rank", "{m}", "--scenario", "sanctions-tighten", "-f", "csv"], ["m", "s"]),
    "compare --scenario": (
        ["compare", "{m}", "-a", "russia", "--scenario", "sanctions-tighten", "-f", "csv"],
        ["m", "s"],
    ),
    "scenarios": (["scenarios", "{m}", "-f", "csv"], ["m", "s"]),
    "robust": (["robust", "{m}", "--methods", "wsm", "-f", "csv"], ["m", "s"]),
    "show": (["show", "{m}", "-a", "russia", "-f", "csv"], ["m"]),
    "profiles": (["profiles", "{m}", "-f", "csv"], ["m"]),
    "sensitivity": (["sensitivity", "{m}", "-a", "russia", "-f", "csv"], ["m"]),
    "weights ahp": (["weights", "ahp", "{j}", "-f", "json"], ["j"]),
    "weights ahp --save": (
        ["weights", "ahp", "{j}", "--save", "w", "--into", "{u}", "--rationale", "r", "-f", "json"],
        ["j", "u"],
    ),
    "weights roc --save": (
        ["weights", "roc", "--order", ORDER, "--save", "w", "--into", "{u}", "--rationale", "r", "-f", "json"],
        ["u"],
    ),
    "weights swing --save": (
        [
            "weights",
            "swing",
            "--swing",
            "deterrence=100,stability=50",
            "--save",
            "w",
            "--into",
            "{u}",
            "--rationale",
            "r",
            "-f",
            "json",
        ],
        ["u"],
    ),
    "weights entropy --save": (
        ["weights", "entropy", "{m}", "-a", "russia", "--save", "w", "--into", "{u}", "--rationale", "r", "-f", "json"],
        ["m", "u"],
    ),
}
LINKS = ["itself", "dots", "symlink", "chain", "hardlink", "relative symlink"]


def _folder(root: Path) -> dict[str, Path]:
    """A copy of the shipped Russia matrix and its scenario file, an AHP file and a second matrix."""
    shutil.copy(shipped_matrices_dir() / "russia.yaml", root / "russia.yaml")
    (root / "scenarios").mkdir()
    shutil.copy(shipped_matrices_dir() / "scenarios" / "russia.yaml", root / "scenarios" / "russia.yaml")
    (root / "j.yaml").write_text(AHP, encoding="utf-8")
    shutil.copy(root / "russia.yaml", root / "us.yaml")
    (root / "sub").mkdir()
    return {
        "m": root / "russia.yaml",
        "s": root / "scenarios" / "russia.yaml",
        "j": root / "j.yaml",
        "u": root / "us.yaml",
    }


def _target(root: Path, victim: Path, link: str, suffix: str) -> str:
    if link == "itself":
        return str(victim)
    if link == "dots":
        return str(root / "sub" / ".." / victim.relative_to(root))
    target = root / f"out{suffix}"
    if link == "symlink":
        target.symlink_to(victim)
    elif link == "relative symlink":
        target.symlink_to(os.path.relpath(victim, root))
    elif link == "chain":
        (root / f"hop{suffix}").symlink_to(victim)
        target.symlink_to(root / f"hop{suffix}")
    else:
        os.link(victim, target)
    return str(target)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def _refused(cli, root: Path, arguments: list[str], victim: Path, target: str) -> None:
    before = _snapshot(root)
    result = cli(*arguments)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert Path(target).name in lines[0] and victim.name in lines[0]
    assert "Traceback" not in result.output
    after = _snapshot(root)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing read was changed


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(COMMANDS)), link=st.sampled_from(LINKS), data=st.data())
def test_no_command_writes_over_what_it_reads(cli, tmp_path_factory, command, link, data):
    root = tmp_path_factory.mktemp("rule")
    paths = _folder(root)
    template, reads = COMMANDS[command]
    victim = paths[data.draw(st.sampled_from(reads), label="victim")]
    arguments = [a.format(**{k: str(v) for k, v in paths.items()}) for a in template]
    target = _target(root, victim, link, victim.suffix)
    _refused(cli, root, [*arguments, "-o", target], victim, target)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(["rank", "compare", "sensitivity", "smaa", "robust"]),
    link=st.sampled_from([k for k in LINKS if k not in ("itself", "dots")]),
    read=st.sampled_from(["m", "s"]),
)
def test_plot_never_writes_over_an_input(cli, tmp_path_factory, command, link, read):
    root = tmp_path_factory.mktemp("plot")
    paths = _folder(root)
    extra = {
        "rank": [],
        "compare": ["-a", "russia"],
        "sensitivity": ["-a", "russia"],
        "smaa": ["-a", "russia", "-n", "50"],
        "robust": ["-a", "russia", "--methods", "wsm"],
    }[command]
    scenario = ["--scenario", "sanctions-tighten"] if command != "robust" else []
    target = _target(root, paths[read], link, ".svg")
    _refused(cli, root, [command, str(paths["m"]), *extra, *scenario, "--plot", target], paths[read], target)


@pytest.mark.parametrize("link", [k for k in LINKS if k not in ("itself", "dots")])
@pytest.mark.parametrize("read", ["m", "s"])
def test_report_never_writes_over_an_input(cli, tmp_path, link, read):
    paths = _folder(tmp_path)
    target = _target(tmp_path, paths[read], link, ".html")
    _refused(cli, tmp_path, ["report", str(paths["m"]), "-o", target], paths[read], target)


def test_report_named_like_its_output(cli, tmp_path):
    paths = _folder(tmp_path)
    page = tmp_path / "m.html"
    shutil.copy(paths["m"], page)
    _refused(cli, tmp_path, ["report", str(page), "-o", str(page)], page, str(page))


def test_output_and_plot_the_same_file(cli, tmp_path):
    paths = _folder(tmp_path)
    out = str(tmp_path / "r.svg")
    result = cli("rank", str(paths["m"]), "--plot", out, "-o", out)
    assert result.exit_code == 1 and "both the --output and the --plot" in result.stderr
    assert not Path(out).exists()


def test_shipped_scenario_file_is_protected(cli):
    shipped = shipped_matrices_dir() / "scenarios" / "russia.yaml"
    before = shipped.read_bytes()
    result = cli("scenarios", "-a", "russia", "-o", str(shipped), "-f", "csv")
    assert result.exit_code == 1 and "is the input file" in result.stderr
    assert shipped.read_bytes() == before


def test_library_writes_outside_a_command_are_not_guarded(tmp_path):
    """The guard is per command: outside one, write_output checks only the inputs it is given."""
    from decide.io.files import guard_inputs, inputs_read, read_text_limited, write_output

    source = tmp_path / "a.txt"
    source.write_text("x")
    read_text_limited(source)
    assert inputs_read() == []
    write_output(source, "y")
    with guard_inputs():
        read_text_limited(source)
        assert inputs_read() == [str(source)]
        with pytest.raises(Exception, match="is the input file"):
            write_output(tmp_path / "." / "a.txt", "z")
        write_output(source, "w", updates=True)  # a command that is meant to update it
    assert source.read_text() == "w"
