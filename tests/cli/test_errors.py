"""The command line's side of issues 8 and 14: one clean line per error, never a traceback,
nothing half-written; options that change a result are recorded; output hygiene."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_document

REPO = Path(__file__).resolve().parents[2]


def one_error_line(result) -> str:
    """The only line on stderr, which must start with 'Error: '."""
    assert result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def decide_process(*args: str, extra_env: dict[str, str] | None = None, **options) -> subprocess.Popen:
    """``decide ARGS`` as a real process (this worktree's code), SIGINT at its default."""
    env = {**os.environ, "PYTHONPATH": str(REPO), **(extra_env or {})}
    code = "from decide.cli.main import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        **options,
    )


def test_a_forgotten_quote_suggests_the_actor(cli):
    """Before: 'Error: Korea: no such file'."""
    assert one_error_line(cli("rank", "-a", "North", "Korea")) == (
        "Error: Korea: no such file; did you mean --actor 'North Korea' or 'South Korea'? (quote names with spaces)"
    )
    assert one_error_line(cli("rank", "china")) == "Error: china: no such file; did you mean --actor China?"


def test_an_unknown_output_suffix_is_refused_naming_the_known_ones(cli, tmp_path):
    """Before: -o report.xls wrote a text table and said 'wrote'."""
    target = tmp_path / "report.xls"
    line = one_error_line(cli("rank", "-o", str(target)))
    assert line == (
        f"Error: {target}: unknown suffix '.xls'; decide writes .txt, .md, .markdown, .csv, .json, .tex, .html, "
        ".htm, .xlsx (or give --format: table, markdown, csv, json, latex, html, xlsx)"
    )
    assert not target.exists()
    assert cli("rank", "-o", str(target), "-f", "csv").exit_code == 0  # an explicit format is obeyed


def test_make_top_option_mistakes(cli):
    """Before: --make-top "" ran the ordinary sensitivity; -c was silently ignored with --make-top."""
    assert one_error_line(cli("sensitivity", "-a", "china", "--make-top", "")) == (
        "Error: shipped matrices/china.yaml: --make-top is empty; name the strategy to rank first"
    )
    result = cli("sensitivity", "-a", "china", "--make-top", "x", "-c", "cost")
    assert result.exit_code == 2
    assert "--criterion cannot be combined with --make-top" in result.stderr


def test_make_top_accepts_any_case_and_says_when_already_first(cli):
    leader = json.loads(cli("rank", "-a", "china", "-f", "json").output)["actors"][0]["ranking"][0]["strategy"]
    result = cli("sensitivity", "-a", "china", "--make-top", leader.lower())
    assert result.exit_code == 0
    text = " ".join(result.output.split())  # captions wrap at the terminal width
    assert f"'{leader}' already ranks first with the current weights; no change needed" in text


def test_score_noise_beyond_the_scale_is_refused(cli):
    assert one_error_line(cli("smaa", "-a", "china", "--score-noise", "20", "-n", "10")) == (
        "Error: shipped matrices/china.yaml: --score-noise is 20, wider than its scale [1, 10] (9); "
        "give a number up to 9"
    )


def test_shipped_files_are_named_as_shipped_matrices(cli):
    result = cli("validate")
    assert result.exit_code == 0
    assert "shipped matrices/china.yaml: ok" in result.stdout.splitlines()
    assert "site-packages" not in result.stdout and str(REPO) not in result.stdout


def test_list_and_show_say_where_the_matrices_are(cli):
    from decide.io.load import shipped_matrices_dir

    assert cli("list", "--path").stdout == f"{shipped_matrices_dir()}\n"
    assert cli("show", "-a", "dprk", "--path").stdout == f"{shipped_matrices_dir() / 'north-korea.yaml'}\n"


def test_a_file_ranks_together_with_the_shipped_matrices(cli, matrix_file):
    """Before: 'decide rank japan.yaml -a china' gave 'unknown actor'."""
    path = matrix_file()
    result = cli("rank", str(path), "+shipped", "-a", "china", "-a", "testland", "-f", "json")
    assert [r["actor"] for r in json.loads(result.output)["actors"]] == ["China", "Testland"]


def test_a_bad_file_in_a_folder_only_warns_when_another_actor_is_asked_for(cli, matrix_file):
    good = matrix_file("good.yaml")
    matrix_file("bad.yaml", actor="Otherland", criteria="oops")
    result = cli("rank", str(good.parent), "-a", "testland")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Warning: skipped {good.parent / 'bad.yaml'}: 'criteria' must be")
    assert one_error_line(cli("rank", str(good.parent), "-a", "otherland")).startswith(
        f"Error: {good.parent / 'bad.yaml'}: 'criteria' must be"
    )


def test_filters_are_recorded_in_caption_csv_and_json(cli):
    """Issue 8: --non-dominated changed the ranking and nothing said so."""
    caption = " ".join(cli("rank", "-a", "dprk", "--non-dominated").output.split("\n\n")[0].split())
    assert "Pareto-dominated strategies dropped: normalised over the" in caption
    csv = cli("rank", "-a", "dprk", "--non-dominated", "-f", "csv").output.splitlines()
    assert ",filters," in csv[0] and " Pareto-dominated strategies dropped: normalised over the " in csv[1]
    assert json.loads(cli("rank", "-a", "dprk", "--non-dominated", "-f", "json").output)["non_dominated"] is True


def test_numpy_warnings_never_reach_stderr(cli):
    """Issue 14: RuntimeWarning lines leaked before errors (promethee2 -p p=1e-320, smaa on degenerate matrices)."""
    result = cli("rank", "-a", "china", "-m", "promethee2", "-p", "p=1e-320")
    assert "Warning" not in result.stderr and "RuntimeWarning" not in result.stderr


def test_a_degenerate_matrix_smaa_prints_no_warning(cli, matrix_file):
    document = make_document()
    for strategy in document["strategies"]:
        strategy["scores"] = {"stability": 5, "deterrence": 5, "cost": 5, "risk": 5}
    path = matrix_file(**document)
    result = cli("smaa", str(path), "-n", "200", "--seed", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_csv_cells_are_neutralised_unless_raw(cli, matrix_file):
    strategies = make_document()["strategies"]
    strategies[0]["name"] = '=HYPERLINK("http://example.com","x")'
    path = matrix_file(strategies=strategies)
    safe = cli("rank", str(path), "-f", "csv").output
    assert "'=HYPERLINK" in safe
    raw = cli("rank", str(path), "-f", "csv", "--raw").output
    assert '"=HYPERLINK(""http://example.com"",""x"")"' in raw and "'=HYPERLINK" not in raw


def test_output_dash_is_stdout(cli):
    result = cli("rank", "-a", "china", "-f", "csv", "-o", "-")
    assert result.output.startswith("actor,rank,strategy")
    assert "wrote" not in result.stderr


@pytest.mark.slow
def test_ctrl_c_exits_130_with_one_line_and_writes_nothing(tmp_path):
    """Issue 8: SIGINT during a long smaa -o out.csv: status 130, one line, no file, no temporary."""
    target = tmp_path / "out.csv"
    process = decide_process(
        "smaa",
        "-a",
        "china",
        "-m",
        "edas",  # no numpy engine: 100,000 draws take minutes (promethee2's now take a second)
        "-n",
        "100000",
        "-o",
        str(target),
        extra_env={"DECIDE_MAX_SECONDS": "1000000"},  # a long run on purpose: past the up-front cost limit
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines()[-1] == "Interrupted: nothing written."
    assert "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly():
    """Issue 8: 'decide rank | head -1' printed a BrokenPipeError traceback."""
    process = decide_process("methods", "-f", "json", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=60)
    assert stderr == ""
    assert process.returncode == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("rank", "-a", "china", "-p", "v=inf", "-m", "vikor"), "parameter 'v' is 'inf', expected a finite number"),
        (("rank", "-a", "china", "-w", "stability=1e308,deterrence=1e308"), "outside the range decide accepts"),
        (("smaa", "-a", "china", "--seed", "-1", "-n", "10"), "--seed is -1; give a whole number >= 0"),
        (("smaa", "-a", "china", "--score-noise", "1e308", "-n", "10"), "--score-noise is 1e+308, wider than"),
    ],
)
def test_hostile_option_values_give_one_line(cli, args, expected):
    assert expected in one_error_line(cli(*args))


def test_validate_notes_degenerate_matrices_without_failing(cli, matrix_file):
    """Issue 8: validate said only 'ok' for a matrix of two identical strategies."""
    document = make_document()
    document["strategies"] = document["strategies"][:1] * 1 + [dict(document["strategies"][0], name="Copy")]
    path = matrix_file(**document)
    result = cli("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}: ok",
        f"{path}: note: every strategy has the same scores on the weighted criteria: all rank 1st, nothing is compared"
        f"; fill in the scores in {path.name}",
    ]
