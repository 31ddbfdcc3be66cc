"""What every command shares: the group that turns errors into one line, the progress bar,
:func:`emit` (print or write a result), and the options, among them :func:`selection_options`,
the one option group that builds a :class:`~decide.analysis.selection.Selection`."""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from decide.core.defaults import DEFAULT_METHOD, DEFAULT_WEIGHTING, WEIGHTING_RULES
from decide.core.errors import DecideError, DecideWarning, SpecError, UnknownNameError
from decide.core.parse import parse_params
from decide.rendering.registry import TABLE_FORMATS as FORMATS
from decide.rendering.registry import format_for_suffix, suffixes_of

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
    "criteria": "--criteria",
    "strategies": "--strategies",
    "scale": "--scale",
    "aggregate": "--aggregate",
    "tolerance": "--tolerance",
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
    "new": ("decide.cli.byod", "new_command"),
    "import": ("decide.cli.byod", "import_command"),
    "group": ("decide.cli.byod", "group_command"),
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

        from decide.core.limits import cap_line, one_line
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
                            text = cap_line(one_line(str(warning.message)))
                            if text.startswith("weights:"):  # the library's argument, as the CLI names it
                                text = "--" + text
                            click.echo(f"Warning: {text}", err=True)
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
    inputs = _input_files() if (output or plot) else []
    if plot:
        from decide.rendering.charts import check_chart_path

        check_chart_path(plot)  # a wrong suffix fails before anything is written
        check_outputs([plot], inputs)
    if output:
        check_outputs([output, *([plot] if plot else [])], inputs)
        suffix = os.path.splitext(output)[1]
        if not (fmt or output == "-") and suffix and format_for_suffix(suffix) is None:
            known = ", ".join(suffixes_of("table"))
            raise UnknownNameError(
                f"{output}: unknown suffix '{suffix}'; decide writes {known} (or give --format: {', '.join(FORMATS)})"
            )
        from decide.rendering.formats import export, format_for_path

        written = export(
            result,
            output,
            fmt or format_for_path(output) or "table",
            inputs=inputs,
            fragment=fragment,
            wide=wide,
            raw=raw,
        )
        if output != "-":
            click.echo(f"wrote {written}", err=True)
    else:
        from decide.rendering.formats import render

        click.echo(render(result, fmt or "table", wide=wide, raw=raw), nl=False)
    if plot:
        from decide.rendering.charts import save_chart

        click.echo(f"wrote {save_chart(result, plot)}", err=True)


def _to_meta(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value:
        ctx.meta[param.name or ""] = value
    return value


def check_outputs(outputs: list[str], inputs: list[Path] | None = None) -> None:
    """Refuse, before anything is written, an output that is one of the command's inputs
    (through symlinks and hard links) or that two outputs are the same file."""
    from decide.io.files import check_output

    inputs = _input_files() if inputs is None else inputs
    for output in outputs:
        check_output(output, inputs)
    written = [o for o in outputs if o and o != "-"]
    for position, output in enumerate(written):
        for other in written[position + 1 :]:
            if os.path.realpath(output) == os.path.realpath(other):
                raise DecideError(f"{output}: is both the --output and the --plot file; give two names")


def _input_files() -> list[Path]:
    """Every input of the current command (never to be overwritten by --output or --plot):
    the files it read so far (matrices, scenario files, AHP files), the paths given to it
    (PATH arguments, --file, --into) and the matrix files those name."""
    from decide.io.files import inputs_read
    from decide.io.load import matrix_files

    params = click.get_current_context().params
    given = [*params.get("paths", ()), *([params["path"]] if params.get("path") else [])]
    selection = params.get("selection")
    if selection is not None and isinstance(selection.source, (list, tuple)):
        given += [str(p) for p in selection.source if isinstance(p, (str, os.PathLike))]
    declared = [params["into"]] if params.get("into") else []
    try:
        found = [str(p) for p in matrix_files(given or None)]
    except DecideError:
        found = [str(entry) for entry in given]
    return [Path(entry) for entry in dict.fromkeys([*found, *given, *declared, *inputs_read()])]


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
    command = click.option(
        "--fragment",
        is_flag=True,
        expose_value=False,
        callback=_to_meta,
        help="With --format html: only the table, to embed in a page.",
    )(command)
    command = click.option(
        "--raw",
        is_flag=True,
        expose_value=False,
        callback=_to_meta,
        help="CSV/XLSX: keep cells starting with = + - @ as they are (not neutralised with a leading ').",
    )(command)
    return single_option(
        "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout; - is stdout."
    )(command)


wide_option = click.option(
    "--wide",
    is_flag=True,
    expose_value=False,
    callback=_to_meta,
    help="Every column, unwrapped (default: fit the terminal, COLUMNS or 80).",
)
plot_option = click.option(
    "--plot",
    metavar="FILE.svg|png",
    expose_value=False,
    callback=_to_meta,
    help="Also draw the result's chart to FILE (SVG or PNG).",
)
scenario_option = single_option(
    "--scenario", metavar="NAME", help="Use this scenario's scores (see 'decide scenarios'); default: as scored."
)
stated_only_option = click.option(
    "--stated-only", is_flag=True, help="Leave out strategies whose basis is 'inferred' (the articles advise the rest)."
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(), metavar="[PATH]...")


method_option = single_option(
    "--method", "-m", default=DEFAULT_METHOD, help=f"Ranking method: see 'decide methods' [default: {DEFAULT_METHOD}]."
)

WEIGHTS_HELP = (
    "Weights: exact values, e.g. deterrence=0.5 (the others share the rest in file proportions), or an "
    "ordering, e.g. 'deterrence>stability=risk>cost' (repeatable; a later value wins)."
)


def weights_options(command: Any) -> Any:
    """``-w/--weights`` (repeatable), ``--profile`` and ``--weighting``, for every command that takes weights."""
    command = single_option(
        "--weighting",
        type=click.Choice(WEIGHTING_RULES, case_sensitive=False),
        default=DEFAULT_WEIGHTING,
        help="Rule turning a -w ordering into weights: rank order centroid, rank sum, rank reciprocal [default: roc].",
    )(command)
    command = single_option(
        "--profile", metavar="NAME", help="Weight profile of the matrix file ('decide profiles'); -w applies on top."
    )(command)
    return click.option("--weights", "-w", multiple=True, metavar="SPEC", help=WEIGHTS_HELP)(command)


actors_option = click.option(
    "--actor",
    "-a",
    "actors",
    multiple=True,
    help="Actor name, alias or file stem (repeatable; optional when the files hold one actor).",
)
PARAM_HELP = "Method parameter (repeatable)."
METHOD_PARAM_HELP = "Parameter of one method, e.g. vikor.v=0.3 (repeatable)."


def selection_options(
    *, method: bool = True, weights: bool = True, scenario: bool = True, param_help: str | None = PARAM_HELP
) -> Any:
    """The options that choose what a command works on — [PATH]..., --actor, --method, --weights,
    --profile, --weighting, --param, --stated-only, --scenario — gathered into one
    :class:`~decide.analysis.selection.Selection` passed to the command as ``selection``."""

    def decorate(command: Any) -> Any:
        @functools.wraps(command)
        def with_selection(*args: Any, **given: Any) -> Any:
            from decide.analysis.selection import Selection

            fields = {name: given.pop(name) for name in list(given) if name in SELECTION_OPTIONS}
            paths = list(fields.pop("paths", ()))
            if "params" in fields:
                fields["params"] = parse_params(fields["params"])
            fields["actors"] = list(fields.get("actors", ()))
            fields["weights"] = list(fields.get("weights") or ()) or None
            return command(*args, selection=Selection.of(paths or None, **fields), **given)

        decorated: Any = with_selection
        options = [paths_argument, actors_option]
        if method:
            options.append(method_option)
        if weights:
            options.append(weights_options)
        if param_help:
            options.append(click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help=param_help))
        if scenario:
            options.append(scenario_option)
        options.append(stated_only_option)
        for option in reversed(options):
            decorated = option(decorated)
        return decorated

    return decorate


#: The click parameters :func:`selection_options` gathers into a Selection.
SELECTION_OPTIONS = (
    "paths",
    "actors",
    "method",
    "weights",
    "profile",
    "weighting",
    "params",
    "stated_only",
    "scenario",
)
