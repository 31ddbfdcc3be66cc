"""``decide profiles`` and the ``decide weights`` command group: weights the way planners state them.

Each command calls one library function (:mod:`decide.weights`, :mod:`decide.analysis.profiles`) and
prints its result; ``--save NAME --into FILE`` keeps the weights as a profile in a matrix file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from decide.cli.options import emit, format_option, output_option, paths_argument, single_option
from decide.core.errors import SpecError

if TYPE_CHECKING:
    from decide.core.model import Matrix


@click.command("profiles")
@paths_argument
@click.option("--actor", "-a", "actors", multiple=True, help="Actor name, alias or file stem (repeatable).")
@click.option("--sources", is_flag=True, help="List each profile's source after the table.")
@format_option
@output_option
def profiles_command(paths, actors, sources, fmt, output) -> None:
    """List the weight profiles kept in the matrix files: weights as written and as used, rationale
    (and with --sources, where each comes from)."""
    from decide.analysis.profiles import profiles

    emit(profiles(list(paths), actors=list(actors), sources=sources), fmt, output)


def save_options(command: Any) -> Any:
    """``--save NAME --into FILE --rationale TEXT [--source TEXT] [--replace]``."""
    for option in reversed(
        [
            single_option(
                "--save", "save_as", metavar="NAME", help="Save the weights as profile NAME in a matrix file."
            ),
            single_option("--into", metavar="FILE", type=click.Path(), help="The matrix file to save the profile in."),
            single_option(
                "--rationale", metavar="TEXT", help="One line saying why these weights (needed with --save)."
            ),
            single_option("--source", metavar="TEXT", help="Where the weights come from (e.g. article and table)."),
            click.option("--replace", is_flag=True, help="Replace a profile of the same name."),
            format_option,
            output_option,
        ]
    ):
        command = option(command)
    return command


def _finish(
    result: Any,
    fmt: str | None,
    output: str | None,
    save_as: str | None,
    into: str | None,
    rationale: str | None,
    source: str | None,
    replace: bool,
    default_into: str | None = None,
) -> None:
    """Print the weights (warnings below the table, or on stderr for data formats), then save them
    as a profile if asked."""
    from decide.io.profiles import save_profile

    if save_as is None and (into or rationale or source or replace):
        raise click.UsageError("--into, --rationale, --source and --replace go with --save NAME")
    target = into or default_into
    if save_as is not None:
        from decide.io.profiles import check_save

        check_save(target, save_as)  # before anything is printed or written
    if save_as and not target:
        raise SpecError("name the matrix file to save the profile in, e.g. --into matrices/russia.yaml")
    if save_as and not (rationale or "").strip():
        raise SpecError("is missing; say in one line why these weights", field="rationale")
    if save_as and target and not replace:
        _refuse_existing(target, save_as)
    if (fmt or "table") == "table" and not output:
        from decide.rendering.escape import visible

        click.echo(visible(str(result)))  # caption, table, then any warning and note, for a person to read
    else:
        emit(result, fmt, output)
        from decide.core.limits import one_line

        for warning in result.warnings:
            click.echo(f"Warning: {one_line(warning)}", err=True)
    if save_as is not None and target:
        save_profile(target, save_as, result, rationale=rationale or "", source=source or "", replace=replace)
        click.echo(f"saved profile '{save_as}' in {target}", err=True)


def _refuse_existing(target: str, name: str) -> None:
    """A profile of that name in the file is an error naming ``--replace`` (before anything prints)."""
    from decide.io.load import load_matrix

    found = [p.name for p in load_matrix(target).profiles if p.name.casefold() == name.strip().casefold()]
    if found:
        raise SpecError(
            f"{target}: profile '{found[0]}' exists already; choose another name, or add --replace to replace it"
        )


@click.group("weights")
def weights_group() -> None:
    """Turn a planner's judgments (an ordering, AHP comparisons, SWING points) or the data's spread
    (entropy, CRITIC, MEREC) into weights; print them, or save them as a profile."""


def _surrogate_command(rule: str, title: str) -> click.Command:
    @click.argument("path", required=False, type=click.Path())
    @single_option(
        "--order",
        required=True,
        metavar="A>B=C>D",
        help="Importance order, most important first; '=' ties, e.g. 'deterrence>stability=risk>cost'.",
    )
    @single_option("--actor", "-a", help="Check the names against this actor's criteria.")
    @save_options
    def command(path, order, actor, save_as, into, rationale, source, replace, fmt, output) -> None:
        import decide.weights as weights

        if path or actor:
            from decide.weights.apply import ordering_weights

            result = ordering_weights(_one_matrix(path, actor), order, rule, where="{order}")
        else:
            result = weights.surrogate(rule, weights.parse_order(order, _names(order), where="{order}"))
        _finish(result, fmt, output, save_as, into, rationale, source, replace)

    command.__doc__ = f"Weights from an importance ordering by {title}."
    return click.command(rule, short_help=f"Weights from an ordering by {title.split(' (')[0]}.")(command)


def _one_matrix(path: str | None, actor: str | None) -> Matrix:
    """The one matrix PATH and ``-a`` name, unweighted by any option (the shipped ones without PATH)."""
    from decide.analysis.selection import Selection

    return Selection.of([path] if path else None, actor=actor).matrix()


def _names(order: str) -> list[str]:
    """The criteria an ordering names, in its order (when no matrix gives them)."""
    return list(dict.fromkeys(name.strip() for name in order.replace("=", ">").split(">") if name.strip()))


for _rule, _title in (
    ("roc", "rank order centroid (Barron & Barrett 1996)"),
    ("rs", "rank sum (Stillwell, Seaver & Edwards 1981)"),
    ("rr", "rank reciprocal (Stillwell, Seaver & Edwards 1981)"),
):
    weights_group.add_command(_surrogate_command(_rule, _title))


@weights_group.command("ahp", short_help="AHP weights from a pairwise comparison file, with consistency.")
@click.argument("path", metavar="FILE", type=click.Path())
@save_options
def ahp_command(path, save_as, into, rationale, source, replace, fmt, output) -> None:
    """AHP weights from FILE: YAML with 'criteria: [names]' and 'matrix:' (the full pairwise matrix, row i
    against column j) or 'judgments:' ([a, b, value]: a is value times as important as b, Saaty's 1-9 scale).

    Prints lambda_max, the consistency index and ratio (Saaty's random index), and the judgment most
    at odds with the others; warns when CR > 0.10.
    """
    from decide.io.ahp import load_ahp_file

    _finish(load_ahp_file(path), fmt, output, save_as, into, rationale, source, replace)


@weights_group.command("swing", short_help="SWING weights from points relative to the top swing (100).")
@click.argument("path", required=False, type=click.Path())
@single_option(
    "--swing",
    "points",
    required=True,
    metavar="NAME=POINTS,...",
    help="Points of each criterion's swing, the most important 100, e.g. 'deterrence=100,cost=20'.",
)
@single_option("--actor", "-a", help="Check the names against this actor's criteria.")
@save_options
def swing_command(path, points, actor, save_as, into, rationale, source, replace, fmt, output) -> None:
    """SWING weights: each criterion's points (relative to the most important swing, 100) over their sum."""
    from decide.weights import swing

    criteria = None
    if path or actor:
        criteria = _one_matrix(path, actor).criterion_names
    _finish(swing(points, criteria), fmt, output, save_as, into, rationale, source, replace)


def _objective_command(name: str, title: str) -> click.Command:
    @click.argument("path", required=False, type=click.Path())
    @single_option("--actor", "-a", required=True, help="Actor name, alias or file stem.")
    @save_options
    def command(path, actor, save_as, into, rationale, source, replace, fmt, output, ignore_objectives=False) -> None:
        from decide.weights import OBJECTIVE_METHODS

        matrix = _one_matrix(path, actor)
        default_into = str(matrix.path) if path and matrix.path is not None else None
        if ignore_objectives:
            from decide.weights import critic

            result = critic(matrix, directional=False)
        else:
            result = OBJECTIVE_METHODS[name](matrix)
        _finish(result, fmt, output, save_as, into, rationale, source, replace, default_into)

    if name == "critic":
        command = click.option(
            "--ignore-objectives",
            is_flag=True,
            help="Normalise every column as (x - min) / (max - min), as Diakoulaki et al. (1995) write it, "
            "whatever the criteria's objectives.",
        )(command)

    command.__doc__ = (
        f"{title} weights from an actor's scores. They describe how the scores spread across "
        "strategies, not anyone's priorities."
    )
    return click.command(name, short_help=f"{title.split(' (')[0]} weights from an actor's scores.")(command)


for _name, _title in (
    ("entropy", "Shannon entropy (Zeleny 1982)"),
    ("critic", "CRITIC (Diakoulaki et al. 1995)"),
    ("merec", "MEREC (Keshavarz-Ghorabaee et al. 2021)"),
):
    weights_group.add_command(_objective_command(_name, _title))
