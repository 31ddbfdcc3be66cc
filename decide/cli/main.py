"""The ``decide`` command line: each command parses options, calls one library function, prints.

Heavy modules (scikit-criteria, matplotlib) are imported only by the commands that
rank, so ``decide --help``, ``list``, ``show`` and ``validate`` stay fast.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from decide.cli.outputs import _input_files, check_outputs
from decide.core.errors import DecideError, DecideWarning, SpecError, UnknownNameError
from decide.core.parse import parse_params
from decide.methods import DEFAULT_METHOD
from decide.rendering.formats import FORMATS, SUFFIX_FORMATS, export, format_for_path, render

FORMAT_HELP = f"Output format: {', '.join(FORMATS)} (default: table, or the --output suffix)."

#: How the library's argument names read on the command line: the one place they are translated.
OPTION_NAMES = {
    "weights": "--weights",
    "params": "--param",
    "samples": "--samples",
    "seed": "--seed",
    "spread": "--spread",
    "order": "--order",
    "score_noise": "--score-noise",
    "methods": "--methods",
    "strategy": "--make-top",
    "scenario": "--scenario",
    "scenarios": "--scenarios",
    "plot": "--plot",
    "output": "--output",
    "profile": "--profile",
    "profiles": "--profiles",
    "rationale": "--rationale",
    "name": "--save",
}


def error_line(error: DecideError) -> str:
    """The one line the CLI prints for ``error``, with option names for argument errors: hidden
    characters written as escapes, at most :data:`~decide.core.limits.MAX_ERROR_CHARS` long."""
    from decide.core.limits import cap_line, one_line

    if isinstance(error, SpecError):
        return cap_line(one_line(error.render(OPTION_NAMES)))
    text = str(error)
    if isinstance(error, UnknownNameError) and text.startswith("name one actor;"):
        text = text.replace("name one actor;", "name one actor with --actor;", 1)
    return cap_line(one_line(text))


#: Commands defined in other modules, imported when first used: name -> (module, attribute).
LAZY_COMMANDS = {
    "profiles": ("decide.cli.weights", "profiles_command"),
    "weights": ("decide.cli.weights", "weights_group"),
}


class DecideGroup(click.Group):
    """A click group that turns any :class:`DecideError` into ``Error: message``, exit 1;
    a :class:`DecideWarning` into ``Warning: message`` on stderr; Ctrl-C into one line
    and exit 130; a closed pipe (``decide rank | head -1``) into a quiet exit; and any
    other warning (numpy's, say) into nothing on stderr, so each error is one line. It
    loads the :data:`LAZY_COMMANDS` on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, attribute = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> Any:
        import warnings

        from decide.core.progress import progress_to
        from decide.io.files import guard_inputs

        bar = ProgressBar(terminal_only=True)
        try:
            with guard_inputs(), progress_to(bar), warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    return super().invoke(ctx)
                finally:
                    bar.close()
                    for warning in caught:
                        if issubclass(warning.category, DecideWarning):
                            from decide.core.limits import cap_line, one_line

                            click.echo(f"Warning: {cap_line(one_line(str(warning.message)))}", err=True)
        except DecideError as error:
            raise click.ClickException(error_line(error)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted: nothing written.", err=True)
            ctx.exit(INTERRUPTED)
        except BrokenPipeError:
            _quiet_broken_pipe()
            ctx.exit(0)


#: Exit status after Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


def _quiet_broken_pipe() -> None:
    """The reader of stdout went away (``| head -1``): point stdout at /dev/null so that
    Python's final flush does not print a second error."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file descriptor (tests)
        pass


class ProgressBar:
    """The library's ``progress(label, done, total)`` callback drawn as a click progress bar
    on stderr, shown only once the work looks longer than about a second."""

    def __init__(self, terminal_only: bool = False) -> None:
        #: draw nothing unless stderr is a terminal (the bar every command gets: a log or a
        #: pipe then holds only the result and any one-line error)
        self.quiet = terminal_only and not _is_terminal(sys.stderr)
        self.started: dict[str, float] = {}
        self.bars: dict[str, Any] = {}
        self.shown: dict[str, int] = {}

    def __call__(self, label: str, done: int, total: int) -> None:
        if self.quiet:
            return
        started = self.started.setdefault(label, time.perf_counter())
        bar = self.bars.get(label)
        if bar is None and done < total and (time.perf_counter() - started) * total / max(done, 1) > 1.0:
            bar = self.bars[label] = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
            self.shown[label] = 0
        if bar is not None:
            bar.update(done - self.shown[label])
            self.shown[label] = done
            if done >= total:
                bar.__exit__(None, None, None)
                del self.bars[label]

    def close(self) -> None:
        for bar in self.bars.values():
            bar.__exit__(None, None, None)
        self.bars.clear()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def emit(result: Any, fmt: str | None, output: str | None) -> None:
    """Print ``result`` in ``fmt``, or write it atomically to ``output``; draw its chart
    to the ``--plot`` file if one was given. ``--wide`` and ``--fragment`` are read from
    the click context (options shared by several commands)."""
    meta = click.get_current_context().meta
    wide, fragment, plot = meta.get("wide", False), meta.get("fragment", False), meta.get("plot")
    raw = bool(meta.get("raw", False))
    inputs = _input_files()
    if plot:
        from decide.rendering.charts import check_chart_path

        check_chart_path(plot)  # a wrong suffix fails before anything is written
        check_outputs([plot], inputs)
    if output:
        check_outputs([output, *([plot] if plot else [])], inputs)
        suffix = os.path.splitext(output)[1]
        if not (fmt or output == "-") and suffix and format_for_path(output) is None:
            known = ", ".join(dict.fromkeys(SUFFIX_FORMATS))
            raise UnknownNameError(
                f"{output}: unknown suffix '{suffix}'; decide writes {known} "
                f"(or give --format: {', '.join(FORMATS)})"
            )
        written = export(result, output, fmt or format_for_path(output) or "table", inputs=inputs,
                         fragment=fragment, wide=wide, raw=raw)
        if output != "-":
            click.echo(f"wrote {written}", err=True)
    else:
        click.echo(render(result, fmt or "table", wide=wide, raw=raw), nl=False)
    if plot:
        from decide.rendering.charts import save_chart

        click.echo(f"wrote {save_chart(result, plot)}", err=True)


def _to_meta(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value:
        ctx.meta[param.name or ""] = value
    return value


def single_option(*declarations: str, default: Any = None, **attributes: Any) -> Any:
    """A click option given at most once: a repeat is an error, not silently the last value.

    (Click keeps only the last value of a repeated option; ``-m vikor -m topsis`` would
    quietly rank by topsis.)
    """

    def only_one(ctx: click.Context, param: click.Parameter, value: tuple[Any, ...]) -> Any:
        if len(value) > 1:
            given = " and ".join(repr(v) for v in value)
            raise click.BadParameter(f"given {len(value)} times ({given}); give it once", ctx, param)
        return value[0] if value else default

    return click.option(*declarations, multiple=True, callback=only_one, **attributes)


format_option = single_option("--format", "-f", "fmt", metavar="FORMAT", help=FORMAT_HELP)


def output_option(command: Any) -> Any:
    """``--output FILE`` (``-`` is stdout), ``--fragment`` (a bare HTML table instead of a
    whole page) and ``--raw`` (CSV/XLSX cells kept as they are)."""
    command = click.option("--fragment", is_flag=True, expose_value=False, callback=_to_meta,
                           help="With --format html: only the table, to embed in a page.")(command)
    command = click.option(
        "--raw", is_flag=True, expose_value=False, callback=_to_meta,
        help="CSV/XLSX: keep cells starting with = + - @ as they are (not neutralised with a leading ').",
    )(command)
    return single_option("--output", "-o", metavar="FILE",
                         help="Write to FILE (atomically) instead of stdout; - is stdout.")(command)


wide_option = click.option("--wide", is_flag=True, expose_value=False, callback=_to_meta,
                           help="Every column, unwrapped (default: fit the terminal, COLUMNS or 80).")
plot_option = click.option("--plot", metavar="FILE.svg|png", expose_value=False, callback=_to_meta,
                           help="Also draw the result's chart to FILE (SVG or PNG).")
scenario_option = single_option(
    "--scenario", metavar="NAME", help="Use this scenario's scores (see 'decide scenarios'); default: as scored."
)
stated_only_option = click.option(
    "--stated-only", is_flag=True, help="Leave out strategies whose basis is 'inferred' (the articles advise the rest)."
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(), metavar="[PATH]...")


def _merged_weights(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...] | None:
    """Repeated ``-w``: checked and merged by the library; a value replaced is a warning on stderr."""
    from decide.weights.apply import combine_specs

    if not value:
        return None
    _, _, warnings = combine_specs(value)
    for warning in warnings:
        click.echo(f"Warning: {warning.replace('weights:', '--weights:', 1)}", err=True)
    return value


method_option = single_option("--method", "-m", default=DEFAULT_METHOD,
                              help=f"Ranking method: see 'decide methods' [default: {DEFAULT_METHOD}].")

WEIGHTS_HELP = (
    "Weights: exact values, e.g. deterrence=0.5 (the others share the rest in file proportions), or an "
    "ordering, e.g. 'deterrence>stability=risk>cost' (repeatable; a later value wins)."
)


def weights_options(command: Any) -> Any:
    """``-w/--weights`` (repeatable), ``--profile`` and ``--weighting``, for every command that takes weights."""
    command = single_option("--weighting", type=click.Choice(["roc", "rs", "rr"], case_sensitive=False),
                            default="roc", help="Rule turning a -w ordering into weights: rank order centroid, "
                                                "rank sum, rank reciprocal [default: roc].")(command)
    command = single_option(
        "--profile", metavar="NAME", help="Weight profile of the matrix file ('decide profiles'); -w applies on top."
    )(command)
    return click.option("--weights", "-w", multiple=True, metavar="SPEC", callback=_merged_weights,
                        help=WEIGHTS_HELP)(command)


@click.group(cls=DecideGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="decide-mcda", prog_name="decide")
def cli() -> None:
    """Rank each actor's strategies in decision matrices with multi-criteria methods.

    PATH is a matrix file or a folder of them; with none, the shipped matrices
    (United States, China, Russia, North Korea, South Korea, Japan) are used; the PATH
    +shipped adds them to your own ('decide rank japan.yaml +shipped').
    """


@cli.command("rank")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@method_option
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Method parameter (repeatable).")
@click.option("--non-dominated", is_flag=True,
              help="Drop strategies Pareto-dominated by another of the same actor.")
@click.option("--dominance", is_flag=True,
              help="Instead of the ranking, every dominance pair (strategy, dominated by), however many.")
@scenario_option
@plot_option
@format_option
@stated_only_option
@output_option
def rank_command(paths, actors, method, weights, profile, weighting, params, non_dominated, dominance, stated_only,
                 scenario, fmt, output) -> None:
    """Rank every actor's strategies (or only --actor's)."""
    from decide.analysis.ranking import rank

    if dominance:
        from decide.analysis.dominance import dominance as pairs

        emit(pairs(list(paths), actors=list(actors), stated_only=stated_only), fmt, output)
        return

    result = rank(list(paths), actors=list(actors), method=method, weights=weights, profile=profile,
                  weighting=weighting, params=parse_params(params), non_dominated=non_dominated,
                  stated_only=stated_only, scenario=scenario)
    emit(result, fmt, output)


@cli.command("show")
@click.argument("path", required=False, type=click.Path())
@single_option("--actor", "-a", required=True, help="Actor name, alias or file stem.")
@weights_options
@scenario_option
@click.option("--path", "print_path", is_flag=True, help="Print the path of the actor's matrix file and stop.")
@format_option
@output_option
def show_command(path, actor, weights, profile, weighting, scenario, print_path, fmt, output) -> None:
    """Show one actor's decision matrix: criteria, objectives, weights and scores."""
    from decide.analysis.views import show

    if print_path:
        from decide.io.load import one_matrix

        click.echo(str(one_matrix([path] if path else None, actor).path))
        return
    emit(show([path] if path else None, actor=actor, weights=weights, profile=profile, weighting=weighting,
              scenario=scenario),
         fmt, output)


@cli.command("list")
@paths_argument
@click.option("--path", "print_path", is_flag=True,
              help="Print where the matrix files are (with no PATH: the shipped matrices' folder) and stop.")
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
            for note in matrix_notes(matrix) if matrix is not None else []:
                click.echo(one_line(f"{path}: note: {note}"))
    if problems:
        bad = sum(1 for found, _ in report.values() if found)
        raise click.ClickException(f"{len(problems)} problem(s) in {bad} of {len(report)} file(s)")


# --- Methods catalogue and comparison (issue 3) -------------------------------------


@cli.command("compare")
@click.argument("path", required=False, type=click.Path())
@single_option("--actor", "-a", required=True, help="Actor name, alias or file stem.")
@single_option("--methods", "methods", metavar="A,B,...",
               help="Methods to compare (default: wsm, topsis, vikor, wpm, promethee2, electre2); "
               "one method with --profiles (default: topsis).")
@click.option("--all", "all_methods", is_flag=True, help="Compare every method.")
@single_option("--profiles", "profiles", metavar="A,B,...",
               help="Compare these weight profiles side by side instead of methods.")
@click.option("--all-profiles", is_flag=True, help="Compare every weight profile of the actor.")
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="METHOD.KEY=VALUE",
              help="Parameter of one method, e.g. vikor.v=0.3 (repeatable).")
@scenario_option
@plot_option
@format_option
@stated_only_option
@output_option
def compare_command(path, actor, methods, all_methods, profiles, all_profiles, weights, profile, weighting, params,
                    stated_only, scenario, fmt, output) -> None:
    """Rank one actor's strategies by several methods (or under several weight profiles) side by side,
    with consensus."""
    from decide.analysis.compare import compare

    if methods and all_methods:
        raise click.UsageError("give --methods or --all, not both")
    if profiles and all_profiles:
        raise click.UsageError("give --profiles or --all-profiles, not both")
    if all_methods and (profiles or all_profiles):
        raise click.UsageError("--all compares methods; with --profiles or --all-profiles name one method in --methods")
    result = compare([path] if path else None, actor=actor, methods="all" if all_methods else methods,
                     weights=weights, profile=profile,
                     weighting=weighting, params=parse_params(params), profiles=True if all_profiles else profiles,
                     stated_only=stated_only, scenario=scenario)
    emit(result, fmt, output)


# --- Robustness: sensitivity and SMAA (issue 4) ------------------------------------------


@cli.command("sensitivity")
@click.argument("path", required=False, type=click.Path())
@single_option("--actor", "-a", required=True, help="Actor name, alias or file stem.")
@method_option
@single_option("--criterion", "-c", help="Only this criterion's weight (default: each in turn).")
@single_option("--make-top", metavar="STRATEGY", help="Smallest weight change that ranks STRATEGY first.")
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Method parameter (repeatable).")
@scenario_option
@plot_option
@format_option
@stated_only_option
@output_option
def sensitivity_command(path, actor, method, criterion, make_top, weights, profile, weighting, params, stated_only,
                        scenario, fmt, output) -> None:
    """How far each weight can move before the first strategy, or the ranking, changes.

    With --make-top, the smallest change of the weights that ranks STRATEGY first
    (exact for wsm, by linear programming; a sampled search for other methods).
    """
    from decide.analysis.sensitivity import make_top as smallest_change
    from decide.analysis.sensitivity import sensitivity

    source, options = [path] if path else None, {"actor": actor, "weights": weights, "profile": profile,
                                                  "weighting": weighting, "stated_only": stated_only,
                                                  "params": parse_params(params),
                                                  "scenario": scenario}
    result: Any
    if make_top is not None and criterion:
        raise click.UsageError("--criterion cannot be combined with --make-top (it moves every weight)")
    if make_top is not None:
        result = smallest_change(source, strategy=make_top, method=method, **options)
    else:
        result = sensitivity(source, method=method, criterion=criterion, **options)
    emit(result, fmt, output)


@cli.command("smaa")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@method_option
@single_option("--samples", "-n", default=10_000, type=click.IntRange(min=1), help="Number of draws [default: 10000].")
@single_option("--seed", "-s", type=int, help="Random seed; the same seed gives the same result.")
@single_option("--spread", type=float, help="Draw weights within +-SPREAD of the current ones (e.g. 0.1).")
@single_option("--order", metavar="A>B>...", help="Draw weights in this order, e.g. deterrence>stability>risk>cost.")
@single_option("--score-noise", type=float, default=0.0, help="Add uniform +-NOISE to each score (clipped to scale).")
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Method parameter (repeatable).")
@scenario_option
@wide_option
@plot_option
@format_option
@click.option("--fixed-scores", is_flag=True,
              help="Keep every score at its value (by default scores given as ranges are drawn within them).")
@stated_only_option
@output_option
def smaa_command(paths, actors, method, samples, seed, spread, order, score_noise, weights, profile, weighting,
                 params, fixed_scores, stated_only, scenario, fmt, output) -> None:
    """How often each strategy takes each rank when weights (and scores) are uncertain."""
    from decide.analysis.smaa import smaa

    bar = ProgressBar()
    try:
        result = smaa(list(paths), actors=list(actors), method=method, samples=samples, seed=seed,
                      score_ranges=not fixed_scores, stated_only=stated_only,
                      spread=spread, order=order, score_noise=score_noise, weights=weights, profile=profile,
                      weighting=weighting, params=parse_params(params), progress=bar,
                      scenario=scenario)
    finally:
        bar.close()
    emit(result, fmt, output)


# --- Reports people read (issue 11) -------------------------------------------------


@cli.command("explain")
@click.argument("strategy", required=False)
@click.option("--actor", "-a", "actors", multiple=True, required=True,
              help="Actor name, alias or file stem (repeatable).")
@click.option("--file", "path", type=click.Path(), help="Matrix file or folder (default: the shipped matrices).")
@method_option
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Method parameter (repeatable).")
@plot_option
@format_option
@stated_only_option
@output_option
def explain_command(strategy, actors, path, method, weights, profile, weighting, params, stated_only, fmt,
                    output) -> None:
    """Why each strategy (or STRATEGY) ranks where it does: each criterion's part in its score.

    Exact for additive methods (wsm); shares of the distances to the ideal and
    anti-ideal for topsis; weighted normalised values for the others.
    """
    from decide.analysis.explain import explain

    emit(explain([path] if path else None, actors=list(actors), strategy=strategy, method=method,
                 weights=weights, profile=profile, weighting=weighting, params=parse_params(params),
                 stated_only=stated_only), fmt, output)


@cli.command("report")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@method_option
@weights_options
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Method parameter (repeatable).")
@single_option("--methods", metavar="A,B,...", help="Methods compared (default: wsm, topsis, vikor, wpm, promethee2, "
              "electre2).")
@single_option("--samples", "-n", default=2_000, type=click.IntRange(min=1), help="SMAA draws [default: 2000].")
@single_option("--seed", "-s", default=0, type=int, help="SMAA random seed [default: 0].")
@stated_only_option
@single_option("--output", "-o", metavar="FILE.html|.md|.pdf",
              help="The report: one self-contained HTML page, Markdown with its charts beside it, or PDF "
              "(printed by headless Chromium); without it, the summary table is printed.")
@format_option
def report_command(paths, actors, method, weights, profile, weighting, params, methods, samples, seed, stated_only,
                   output, fmt) -> None:
    """A briefing: per actor the ranking, why the leader leads, sensitivity, SMAA,
    method agreement and the sources of every score, after a cross-actor summary."""

    from decide.analysis.report import REPORT_SUFFIXES, ReportSummary, report, write_report

    if output and Path(output).suffix.lower() not in REPORT_SUFFIXES:
        raise SpecError(f"'{output}' must end in .html, .md or .pdf", field="output")
    if output:
        check_outputs([output])  # before the work: the report may not replace what it reads
    bar = ProgressBar()
    try:
        result = report(list(paths), actors=list(actors), method=method, weights=weights, profile=profile,
                        weighting=weighting, params=parse_params(params), methods=methods, samples=samples, seed=seed,
                        stated_only=stated_only, progress=bar)
        written = write_report(result, output, progress=bar) if output else None
    finally:
        bar.close()
    if written:
        click.echo(f"wrote {written}", err=True)
    else:
        click.echo(render(ReportSummary(result), fmt or "table"), nl=False)


# --- Scenarios and robust choice (issue 13) ------------------------------------------------


@cli.command("scenarios")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@format_option
@output_option
def scenarios_command(paths, actors, fmt, output) -> None:
    """List each actor's scenarios (with one actor: every score adjustment and its rationale)."""
    from decide.analysis.scenarios import scenarios

    emit(scenarios(list(paths), actors=list(actors)), fmt, output)


@cli.command("robust")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@single_option("--scenarios", default="all", metavar="all|A,B",
               help="Scenarios of the grid ('baseline' is the matrix as scored)  [default: all].")
@single_option("--profiles", default="all", metavar="all|A,B",
               help="Weight profiles of the grid ('file' is the matrix file's weights)  [default: all].")
@single_option("--methods", metavar="A,B,...|all", help="Methods of the grid (default: wsm, wpm, topsis, vikor).")
@click.option("--param", "-p", "params", multiple=True, metavar="METHOD.KEY=VALUE",
              help="Parameter of one method, e.g. vikor.v=0.3 (repeatable).")
@click.option("--all-actors", is_flag=True, help="One summary row per actor instead of a table per actor.")
@click.option("--cells", is_flag=True, help="Also print each strategy's regret in every cell.")
@plot_option
@stated_only_option
@format_option
@output_option
def robust_command(paths, actors, scenarios, profiles, methods, params, all_actors, cells, stated_only, fmt,
                   output) -> None:
    """Which strategy holds up across scenarios x weight profiles x methods: shares of
    cells first and in the top three, worst rank, regret, and the minimax-regret verdict."""
    from decide.analysis.robust import robust

    if click.get_current_context().meta.get("plot") and all_actors:
        raise click.UsageError("--plot draws one actor's heatmap; leave out --all-actors and name the actor")
    result = robust(list(paths), actors=list(actors), scenarios=scenarios, profiles=profiles,
                    methods=methods, params=parse_params(params), all_actors=all_actors, stated_only=stated_only,
                    cells=cells)
    if click.get_current_context().meta.get("plot") and len(result.results) != 1:
        raise click.UsageError("--plot draws one actor's heatmap; name the actor with --actor")
    emit(result, fmt, output)


# --- Interactive what-if (issue 12) ------------------------------------------------------


@cli.command("tune")
@click.argument("path", required=False, type=click.Path())
@click.option("--actor", "-a", required=True, help="Actor name, alias or file stem.")
@single_option("--method", "-m", default=DEFAULT_METHOD,
               help=f"Method to start with ('m' cycles) [default: {DEFAULT_METHOD}].")
@weights_options
@stated_only_option
def tune_command(path, actor, method, weights, profile, weighting, stated_only) -> None:
    """Move weights with the arrow keys and watch the ranking change (full screen).

    \b
    up/down      select a criterion
    left/right   move its weight by 0.01 (shift: 0.05); the others rescale in proportion
    0 = r        set it to zero / make all weights equal / restore the start
    m p u        next method (vectorised first) / next profile / undo
    e            why the leader is first: each criterion's part, as 'decide explain'
    s            save the weights as a profile in the matrix file
    q            quit, printing the weights as a -w string and the 'decide rank'
                 command that reproduces the last ranking shown
    """
    from decide.interactive.session import session

    tuned = session([path] if path else None, actor=actor, method=method, weights=weights, profile=profile,
                    weighting=weighting, stated_only=stated_only)
    from decide.interactive.terminal import run_tune  # Textual loads only once the inputs are known to be good

    click.echo(run_tune(tuned), nl=False)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="decide")


if __name__ == "__main__":  # pragma: no cover
    main()
