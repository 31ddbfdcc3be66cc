"""``decide smaa`` through click's CliRunner (the ``cli`` fixture): output, exit codes, exact error lines."""

from __future__ import annotations

import json
import subprocess
import sys


def test_smaa_seeded_runs_are_reproducible(cli, matrix_file):
    path = str(matrix_file())
    args = ("smaa", path, "-n", "2000", "--seed", "11", "--score-noise", "1", "-f", "json")
    first, second = cli(*args), cli(*args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["samples"] == 2000 and data["seed"] == 11 and data["score_noise"] == 1.0


def test_smaa_writes_every_file_format(cli, matrix_file, tmp_path):
    path = str(matrix_file())
    for suffix in ("csv", "md", "tex", "html", "xlsx", "json", "txt"):
        target = tmp_path / f"smaa.{suffix}"
        result = cli("smaa", path, "-n", "200", "--seed", "1", "--order", "risk>cost", "-o", str(target))
        assert result.exit_code == 0 and target.stat().st_size > 0, suffix


def test_bad_sample_count_is_a_usage_error(cli):
    result = cli("smaa", "--samples", "0")
    assert result.exit_code == 2 and result.stdout == ""  # click's usage error; its wording is click's
    assert "--samples" in result.stderr and "0" in result.stderr and "Traceback" not in result.stderr


def test_smaa_and_report_share_one_fixed_default_seed_shown_in_the_caption(cli, matrix_file):
    """Issue 22: smaa drew a random seed by default while report used 0."""
    import inspect

    from decide.analysis.report import report
    from decide.analysis.smaa import smaa

    assert inspect.signature(smaa).parameters["seed"].default == inspect.signature(report).parameters["seed"].default
    path = str(matrix_file())
    first, second = cli("smaa", path, "-n", "300"), cli("smaa", path, "-n", "300")
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert "300 draws, seed 0;" in " ".join(first.stdout.split())
    assert first.stdout == cli("smaa", path, "-n", "300", "--seed", "0").stdout
    assert "300 draws, seed 5;" in " ".join(cli("smaa", path, "-n", "300", "--seed", "5").stdout.split())
    assert json.loads(cli("smaa", path, "-n", "300", "-f", "json").stdout)["seed"] == 0


def test_smaa_prints_without_importing_pandas(tmp_path):
    """Issue 23: pandas is a fifth of a quick ``decide smaa``; the text table (and every other
    format) are built without it. Checked in a fresh process, one format after
    another, so each line says that nothing so far has imported it."""
    probe = (
        "import sys\n"
        "from decide.cli.main import main\n"
        f"for extra in (['-f', 'table'], ['--wide'], ['-f', 'markdown'], ['-f', 'json'], ['-f', 'latex'],\n"
        f"              ['-f', 'html'], ['-f', 'csv'], ['-o', {str(tmp_path / 'smaa.xlsx')!r}]):\n"
        "    sys.argv = ['decide', 'smaa', '-a', 'US', '--samples', '2000', *extra]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, (extra, done.code)\n"
        "    print('@@', extra[-1], 'pandas' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "United States: SMAA with topsis" in run.stdout  # the table was printed
    seen = [line.split()[1:] for line in run.stdout.splitlines() if line.startswith("@@ ")]
    assert [fmt for fmt, _ in seen] == [
        "table",
        "--wide",
        "markdown",
        "json",
        "latex",
        "html",
        "csv",
        str(tmp_path / "smaa.xlsx"),
    ]
    assert [loaded for _, loaded in seen] == ["False"] * len(seen), seen
    assert (tmp_path / "smaa.xlsx").stat().st_size > 0


def test_the_wide_hint_shows_only_where_the_central_weights_are_left_out(cli):
    """'--wide shows the central weights' is a hint for the terminal's short table: not under
    the wide table that shows them, nor in a Markdown export."""
    hint = "--wide shows the central weights"
    assert hint in cli("smaa", "-a", "Japan", "-n", "300").output
    assert hint not in cli("smaa", "-a", "Japan", "-n", "300", "--wide").output
    assert hint not in cli("smaa", "-a", "Japan", "-n", "300", "-f", "markdown").output
