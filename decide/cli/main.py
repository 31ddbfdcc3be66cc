"""The ``decide`` command line: each command parses options, calls one library function, prints.

Heavy modules (scikit-criteria, matplotlib) are imported only by the commands that
rank, so ``decide --help``, ``list``, ``show`` and ``validate`` stay fast.
"""

from __future__ import annotations

from typing import Any

import click

from decide.cli.options import (
    METHOD_PARAM_HELP,
    DecideGroup,
    ProgressBar,
    actors_option,
    check_outputs,
    emit,
    format_option,
    output_option,
    paths_argument,
    plot_option,
    selection_options,
    single_option,
    wide_option,
)
from decide.core.counts import counted
from decide.core.defaults import DEFAULT_SEED
from decide.core.errors import SpecError


@click.group(cls=DecideGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="decide-mcda", prog_name="decide")
@click.option(
    "--max-file-size",
    metavar="SIZE",
    envvar="DECIDE_MAX_FILE_SIZE",
    show_envvar=True,
    help="Largest matrix, scenario or profile file to read, e.g. 200MB [default: 71MB, enough "
    "for 10,000 strategies x 100 criteria].",
)
def cli(max_file_size: str | None = None) -> None:
    """Rank each actor's strategies in decision matrices with multi-criteria methods.

    PATH is a matrix file or a folder of them; with none, the shipped matrices
    (United States, China, Russia, North Korea, South Korea, Japan) are used; the PATH
    +shipped adds them to your own ('decide rank japan.yaml +shipped').
    """
    from decide.core.limits import set_file_size_limit

    set_file_size_limit(max_file_size)  # for this command only (also when run again in one process)
    click.get_current_context().call_on_close(lambda: set_file_size_limit(None))


@cli.command("rank")
@selection_options()
@click.option("--non-dominated", is_flag=True, help="Drop strategies Pareto-dominated by another of the same actor.")
@click.option(
    "--dominance",
    is_flag=True,
    help="Instead of the ranking, every dominance pair (strategy, dominated by), however many.",
)
@plot_option
@format_option
@output_option
def rank_command(selection, non_dominated, dominance, fmt, output) -> None:
    """Rank every actor's strategies (or only --actor's)."""
    from decide.analysis.ranking import rank

    if dominance:
        from decide.analysis.dominance import dominance as pairs

        emit(pairs(selection.source, actors=list(selection.actors), stated_only=selection.stated_only), fmt, output)
        return
    emit(rank(selection=selection, non_dominated=non_dominated), fmt, output)


@cli.command("show")
@selection_options(method=False, param_help=None)
@click.option("--path", "print_path", is_flag=True, help="Print the path of the actor's matrix file and stop.")
@format_option
@output_option
def show_command(selection, print_path, fmt, output) -> None:
    """Show one actor's decision matrix: criteria, objectives, weights and scores."""
    from decide.analysis.views import show

    if print_path:
        click.echo(str(selection.matrix().path))
        return
    emit(show(selection=selection), fmt, output)


@cli.command("list")
@paths_argument
@click.option(
    "--path",
    "print_path",
    is_flag=True,
    help="Print where the matrix files are (with no PATH: the shipped matrices' folder) and stop.",
)
@format_option
@output_option
def list_command(paths, print_path, fmt, output) -> None:
    """List the actors with their number of strategies and criteria.

    Add the shipped matrices to your own files with the PATH +shipped.
    """
    from decide.analysis.views import overview

    if print_path:
        from decide.io.load import matrix_files, shipped_matrices_dir

        for found in [shipped_matrices_dir()] if not paths else matrix_files(list(paths)):
            click.echo(str(found))
        return

    emit(overview(list(paths)), fmt, output)


@cli.command("methods")
@wide_option
@format_option
@output_option
def methods_command(fmt, output) -> None:
    """List the ranking methods with their parameters and references."""
    from decide.analysis.catalogue import catalogue

    emit(catalogue(), fmt, output)


@cli.command("validate")
@paths_argument
def validate_command(paths) -> None:
    """Check matrix files and report every problem found (exit 1 if any); notes (a
    constant criterion, strategies that tie) do not fail. With no PATH, the shipped ones."""
    from decide.core.limits import one_line
    from decide.io.load import check_files
    from decide.rendering.notes import matrix_notes

    report = check_files(list(paths) or None)
    problems = [problem for found, _ in report.values() for problem in found]
    for path, (found, matrix) in report.items():
        for problem in found:
            click.echo(problem)
        if path and not found:
            click.echo(f"{path}: ok")
            if matrix is not None and matrix.draft:
                click.echo(
                    f"{path}: warning: draft: true; its scores are unreviewed judgements from "
                    "'decide extract': review them, then remove the draft line"
                )
            for note in matrix_notes(matrix) if matrix is not None else []:
                click.echo(one_line(f"{path}: note: {note}"))
    if problems:
        bad = sum(1 for found, _ in report.values() if found)
        raise click.ClickException(f"{counted(len(problems), 'problem')} in {bad} of {counted(len(report), 'file')}")


# --- Methods catalogue and comparison (issue 3) -------------------------------------


@cli.command("compare")
@selection_options(method=False, param_help=METHOD_PARAM_HELP)
@single_option(
    "--methods",
    "methods",
    metavar="A,B,...",
    help="Methods to compare (default: wsm, topsis, vikor, wpm, promethee2, electre2); "
    "one method with --profiles (default: topsis).",
)
@click.option("--all", "all_methods", is_flag=True, help="Compare every method.")
@single_option(
    "--profiles", "profiles", metavar="A,B,...", help="Compare these weight profiles side by side instead of methods."
)
@click.option("--all-profiles", is_flag=True, help="Compare every weight profile of the actor.")
@plot_option
@format_option
@output_option
def compare_command(selection, methods, all_methods, profiles, all_profiles, fmt, output) -> None:
    """Rank one actor's strategies by several methods (or under several weight profiles) side by side,
    with consensus."""
    from decide.analysis.compare import compare

    if methods and all_methods:
        raise click.UsageError("give --methods or --all, not both")
    if profiles and all_profiles:
        raise click.UsageError("give --profiles or --all-profiles, not both")
    if all_methods and (profiles or all_profiles):
        raise click.UsageError("--all compares methods; with --profiles or --all-profiles name one method in --methods")
    result = compare(
        methods="all" if all_methods else methods, profiles=True if all_profiles else profiles, selection=selection
    )
    emit(result, fmt, output)


# --- Robustness: sensitivity and SMAA (issue 4) ------------------------------------------


@cli.command("sensitivity")
@selection_options()
@single_option("--criterion", "-c", help="Only this criterion's weight (default: each in turn).")
@single_option("--make-top", metavar="STRATEGY", help="Smallest weight change that ranks STRATEGY first.")
@plot_option
@format_option
@output_option
def sensitivity_command(selection, criterion, make_top, fmt, output) -> None:
    """How far each weight can move before the first strategy, or the ranking, changes.

    With --make-top, the smallest change of the weights that ranks STRATEGY first
    (exact for wsm, by linear programming; a sampled search for other methods).
    """
    from decide.analysis.make_top import make_top as smallest_change
    from decide.analysis.sensitivity import sensitivity

    result: Any
    if make_top is not None and criterion:
        raise click.UsageError("--criterion cannot be combined with --make-top (it moves every weight)")
    if make_top is not None:
        result = smallest_change(strategy=make_top, selection=selection)
    else:
        result = sensitivity(criterion=criterion, selection=selection)
    emit(result, fmt, output)


@cli.command("smaa")
@selection_options()
@single_option("--samples", "-n", default=10_000, type=click.IntRange(min=1), help="Number of draws [default: 10000].")
@single_option(
    "--seed",
    "-s",
    default=DEFAULT_SEED,
    type=int,
    help=f"Random seed; the same seed gives the same result [default: {DEFAULT_SEED}].",
)
@single_option("--spread", type=float, help="Draw weights within +-SPREAD of the current ones (e.g. 0.1).")
@single_option("--order", metavar="A>B>...", help="Draw weights in this order, e.g. deterrence>stability>risk>cost.")
@single_option("--score-noise", type=float, default=0.0, help="Add uniform +-NOISE to each score (clipped to scale).")
@wide_option
@plot_option
@format_option
@click.option(
    "--fixed-scores",
    is_flag=True,
    help="Keep every score at its value (by default scores given as ranges are drawn within them).",
)
@output_option
def smaa_command(selection, samples, seed, spread, order, score_noise, fixed_scores, fmt, output) -> None:
    """How often each strategy takes each rank when weights (and scores) are uncertain."""
    from decide.analysis.smaa import smaa

    bar = ProgressBar(terminal_only=True)  # a log or a pipe gets no stray bar label ("charts")
    try:
        result = smaa(
            samples=samples,
            seed=seed,
            score_ranges=not fixed_scores,
            spread=spread,
            order=order,
            score_noise=score_noise,
            progress=bar,
            selection=selection,
        )
    finally:
        bar.close()
    emit(result, fmt, output)


# --- Reports people read (issue 11) -------------------------------------------------


@cli.command("explain")
@selection_options()
@single_option("--strategy", metavar="NAME", help="Only this strategy (a unique prefix is enough).")
@plot_option
@format_option
@output_option
def explain_command(selection, strategy, fmt, output) -> None:
    """Why each strategy (or STRATEGY) ranks where it does: each criterion's part in its score.

    Exact for additive methods (wsm); shares of the distances to the ideal and
    anti-ideal for topsis; weighted normalised values for the others.
    """
    from decide.analysis.explain import explain

    emit(explain(strategy=strategy, selection=selection), fmt, output)


@cli.command("report")
@selection_options()
@single_option(
    "--methods", metavar="A,B,...", help="Methods compared (default: wsm, topsis, vikor, wpm, promethee2, electre2)."
)
@single_option("--samples", "-n", default=2_000, type=click.IntRange(min=1), help="SMAA draws [default: 2000].")
@single_option("--seed", "-s", default=DEFAULT_SEED, type=int, help=f"SMAA random seed [default: {DEFAULT_SEED}].")
@single_option(
    "--output",
    "-o",
    metavar="FILE.html|.md|.pdf",
    help="The brief: one self-contained HTML page, Markdown with its charts in FILE_files/, or PDF "
    "(printed by headless Chromium); without it, the summary table is printed.",
)
@click.option("--full", is_flag=True, help="Append the annex: every analysis, table, chart and rationale.")
@click.option(
    "--interactive",
    is_flag=True,
    help="HTML only: per actor weight sliders and a method choice that re-rank in the browser.",
)
@format_option
def report_command(selection, methods, samples, seed, output, full, interactive, fmt) -> None:
    """A brief: one page of summary, then one page per actor (the answer in plain words,
    the ranking with its uncertainty, what would change it, what it rests on); --full
    appends the annex (ranking, why the leader leads, sensitivity, SMAA, method agreement,
    robust grid and the sources of every score)."""
    from pathlib import Path

    from decide.analysis.report import REPORT_SUFFIXES, ReportSummary, report, write_report

    if output and Path(output).suffix.lower() not in REPORT_SUFFIXES:
        raise SpecError(f"'{output}' must end in .html, .md or .pdf", field="output")
    if interactive and (not output or Path(output).suffix.lower() not in (".html", ".htm")):
        raise SpecError("an interactive brief is an HTML page; give --output FILE.html", field="interactive")
    if output:
        check_outputs([output])  # before the work: the report may not replace what it reads
    bar = ProgressBar(terminal_only=True)  # a log or a pipe gets no stray bar label ("charts")
    try:
        result = report(methods=methods, samples=samples, seed=seed, progress=bar, selection=selection)
        written = write_report(result, output, progress=bar, full=full, interactive=interactive) if output else None
    finally:
        bar.close()
    if written:
        click.echo(f"wrote {written}", err=True)
    else:
        click.echo(ReportSummary(result).render(fmt or "table"), nl=False)


# --- Scenarios and robust choice (issue 13) ------------------------------------------------


@cli.command("scenarios")
@paths_argument
@actors_option
@click.option("--sources", is_flag=True, help="List each scenario's source after the table.")
@format_option
@output_option
def scenarios_command(paths, actors, sources, fmt, output) -> None:
    """List each actor's scenarios (with one actor: every score adjustment and its rationale;
    with --sources, where each scenario comes from)."""
    from decide.analysis.scenarios import scenarios

    emit(scenarios(list(paths), actors=list(actors), sources=sources), fmt, output)


@cli.command("robust")
@selection_options(method=False, weights=False, scenario=False, param_help=METHOD_PARAM_HELP)
@single_option(
    "--scenarios",
    default="all",
    metavar="all|A,B",
    help="Scenarios of the grid ('baseline' is the matrix as scored)  [default: all].",
)
@single_option(
    "--profiles",
    default="all",
    metavar="all|A,B",
    help="Weight profiles of the grid ('file' is the matrix file's weights)  [default: all].",
)
@single_option("--methods", metavar="A,B,...|all", help="Methods of the grid (default: wsm, wpm, topsis, vikor).")
@click.option("--all-actors", is_flag=True, help="One summary row per actor instead of a table per actor.")
@click.option("--cells", is_flag=True, help="Also print each strategy's regret in every cell.")
@plot_option
@format_option
@output_option
def robust_command(selection, scenarios, profiles, methods, all_actors, cells, fmt, output) -> None:
    """Which strategy holds up across scenarios x weight profiles x methods: shares of
    cells first and in the top three, worst rank, regret, and the minimax-regret verdict."""
    from decide.analysis.robust import robust

    if click.get_current_context().meta.get("plot") and all_actors:
        raise click.UsageError("--plot draws one actor's heatmap; leave out --all-actors and name the actor")
    result = robust(
        scenarios=scenarios, profiles=profiles, methods=methods, all_actors=all_actors, cells=cells, selection=selection
    )
    if click.get_current_context().meta.get("plot") and len(result.results) != 1:
        raise click.UsageError("--plot draws one actor's heatmap; name the actor with --actor")
    emit(result, fmt, output)


# --- Draft matrices from an article (issue 20) -------------------------------------------


@cli.command("extract")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@single_option(
    "--output",
    "-o",
    "folder",
    type=click.Path(file_okay=False),
    help="Folder to write DIR/matrices/<actor>.yaml drafts and DIR/coverage.yaml into.",
)
@single_option(
    "--actors",
    metavar="NAME=ALIAS,...;NAME",
    help="The actors to look for (default: the shipped matrices' names and aliases).",
)
@single_option("--against", type=click.Path(), help="Compare with these matrices; draft only what is new.")
@single_option(
    "--groups",
    metavar="TERM=ACTOR,...;TERM=...",
    help="Who a group term stands for, e.g. 'the West=United States,Japan;allies of United "
    "States=Japan,South Korea' (replaces the default list and the matrices' allies).",
)
def extract_command(articles, folder, actors, against, groups) -> None:
    """Find the tables, lists and recommendations of ARTICLE (text, Markdown or HTML), assign them to
    actors and draft a matrix per actor (draft: true, every score a judgement to review)."""
    from decide.analysis.extract import extract

    result = extract(list(articles), actors=actors, against=against, groups=groups)
    for problem in result.problems:
        click.echo(f"Warning: {problem}", err=True)
    text = result.render("table")
    click.echo(text if text.endswith("\n") else text + "\n", nl=False)
    if folder:
        for written in result.write(folder):
            click.echo(f"wrote {written}", err=True)
    elif result.drafts:
        click.echo("give -o DIR to write the drafts and the coverage file", err=True)


# --- Interactive what-if (issue 12) ------------------------------------------------------


@cli.command("tune")
@selection_options(param_help=None)
def tune_command(selection) -> None:
    """Move weights with the arrow keys and watch the ranking change (full screen).

    \b
    up/down      select a criterion
    left/right   move its weight by 0.01 (shift: 0.05); the others rescale
                 in proportion
    0 = r        set it to zero / make all weights equal / restore the start
    m p u        next method (vectorised first) / next profile / undo
    e            why the leader is first: each criterion's part, as in
                 'decide explain'
    s            save the weights as a profile in the matrix file
    q            quit, printing the weights as a -w string and the 'decide rank'
                 command that reproduces the last ranking shown
    """
    from decide.interactive.session import session

    tuned = session(selection=selection)
    from decide.interactive.terminal import run_tune  # Textual loads only once the inputs are known to be good

    click.echo(run_tune(tuned), nl=False)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="decide")


if __name__ == "__main__":  # pragma: no cover
    main()
