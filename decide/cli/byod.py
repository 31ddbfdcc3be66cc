"""Bring your own decision: ``decide new`` (a commented starting matrix), ``decide import`` (a
spreadsheet to a matrix file) and ``decide group`` (several analysts' copies to one group matrix)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

from decide.cli.options import emit, format_option, single_option
from decide.core.errors import DecideError

Answer = TypeVar("Answer")


def _interactive() -> bool:
    """Whether ``decide new`` may ask: both ends are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.command("new")
@click.argument("file", type=click.Path(dir_okay=False))
@single_option(
    "--criteria",
    metavar="NAME:max|min,...",
    help="The criteria and their directions, e.g. price:min,quality:max (NAME:max:2 adds a weight).",
)
@single_option("--strategies", metavar="A,B,...", help="The strategies (options), e.g. A,B,C.")
@single_option("--scale", metavar="LOW:HIGH|none", help="The range every score must lie in [default: 1:10].")
@single_option("--actor", "-a", help="Who decides [default: the file name, title-cased].")
@click.option("--ask", is_flag=True, help="Ask for each part (what a terminal does when no option is given).")
def new_command(file, criteria, strategies, scale, actor, ask) -> None:
    """Write FILE, a commented matrix to start from: criteria, strategies and scale filled in, each
    score a placeholder at the middle of the scale. It validates and ranks at once."""
    from pathlib import Path

    from decide.io.files import write_output
    from decide.io.template import (
        DEFAULT_CRITERIA,
        DEFAULT_SCALE,
        DEFAULT_STRATEGIES,
        new_matrix_text,
        parse_criteria,
        parse_strategies,
        parse_weights_answer,
    )

    path = Path(file)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise DecideError(f"{file}: a matrix file ends in .yaml; e.g. decide new {path.with_suffix('.yaml').name}")
    if path.exists():
        raise DecideError(f"{file}: already exists; choose another name or remove it first")
    if ask or (criteria is None and strategies is None and scale is None and _interactive()):
        rows = _ask(
            lambda: parse_criteria(
                click.prompt("Criteria, NAME:max or NAME:min separated by commas", default=criteria or DEFAULT_CRITERIA)
            )
        )
        names = ", ".join(name for name, _, _ in rows)
        rows = _ask(
            lambda: parse_weights_answer(
                click.prompt(f"Weights, 'equal' or NAME=NUMBER for each of {names}", default="equal"), rows
            )
        )
        chosen = _ask(
            lambda: parse_strategies(
                click.prompt("Strategies, separated by commas", default=strategies or DEFAULT_STRATEGIES)
            )
        )
        scale = click.prompt("Scale, LOW:HIGH or none", default=scale or DEFAULT_SCALE)
        text = new_matrix_text(path, rows, chosen, scale, actor)
    else:
        text = new_matrix_text(
            path,
            criteria or DEFAULT_CRITERIA,
            strategies or DEFAULT_STRATEGIES,
            DEFAULT_SCALE if scale is None else scale,
            actor,
        )
    written = write_output(path, text)
    click.echo(f"wrote {written}: replace the placeholder scores, then 'decide rank {written}'", err=True)


@click.command("import")
@click.argument("sheet", type=click.Path(dir_okay=False))
@single_option(
    "--output",
    "-o",
    metavar="FILE.yaml|DIR",
    help="Write the matrix file here (a folder: one file per matrix sheet); without it, print it.",
)
def import_command(sheet, output) -> None:
    """Read SHEET (.xlsx, .ods or .csv: strategies in rows, criteria in columns, optional objective and
    weight rows) into a matrix file. Ranking commands also take SHEET directly as PATH."""
    from pathlib import Path

    from decide.io.load import load_file
    from decide.io.sheet import SHEET_SUFFIXES
    from decide.io.write import matrix_yaml, write_matrix

    path = Path(sheet)
    if path.suffix.casefold() not in SHEET_SUFFIXES:
        raise DecideError(f"{sheet}: not a spreadsheet; give a {', '.join(SHEET_SUFFIXES)} file")
    if not path.exists():
        raise DecideError(f"{sheet}: no such file")
    matrices = load_file(path)
    header = f"Imported from {path.name} by 'decide import'."
    if output is None:
        # several matrices print as one YAML stream of documents, each starting with ---
        separator = "---\n" if len(matrices) > 1 else ""
        click.echo("".join(separator + matrix_yaml(m, header=header) for m in matrices), nl=False)
        if len(matrices) > 1:
            click.echo(
                f"{sheet}: holds {len(matrices)} matrices; give a folder as --output to write one file each",
                err=True,
            )
        return
    target = Path(output)
    if len(matrices) > 1 and not target.exists() and not target.suffix and target.parent.is_dir():
        target.mkdir()  # -o DIR names the folder to fill: make it, as the help promises
    if len(matrices) > 1 and not target.is_dir():
        raise DecideError(
            f"{sheet}: holds {len(matrices)} matrices ({', '.join(m.actor for m in matrices)}); "
            "give a folder as --output to write one file each"
        )
    for matrix in matrices:
        name = target / (_slug(matrix.actor) + ".yaml") if target.is_dir() else target
        click.echo(f"wrote {write_matrix(matrix, name, header=header, inputs=(sheet,))}", err=True)


@click.command("group")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@single_option(
    "--aggregate",
    type=click.Choice(["median", "mean", "geomean"]),
    default="median",
    help="How the analysts' scores make the group's  [default: median].",
)
@single_option(
    "--spread",
    type=click.Choice(["minmax", "iqr"]),
    default="minmax",
    help="The group score's range: the analysts' min-max, or their interquartile range  [default: minmax].",
)
@single_option(
    "--tolerance",
    type=click.FloatRange(min=0),
    default=2.0,
    help="Scores that lie more than this apart become judgements  [default: 2].",
)
@single_option("--method", "-m", default="topsis", help="Method of the rankings compared  [default: topsis].")
@click.option("--ahp", is_flag=True, help="PATHs are AHP judgment files: print the group's weights (AIJ) instead.")
@format_option
@single_option(
    "--output",
    "-o",
    metavar="FILE",
    help="FILE.yaml: write the group matrix (rank, smaa, robust, report and tune take it); "
    "another suffix: export the tables.",
)
def group_command(paths, aggregate, spread, tolerance, method, ahp, fmt, output) -> None:
    """Several analysts' copies of one matrix (files, or a folder of them) as one group matrix: each
    score the median, its range the analysts' spread, weights by AIP; where they disagree, Kendall's W
    of their weight orderings and each one's Kendall's tau against the group's ranking."""
    from decide.analysis.group import group

    if ahp:
        from decide.io.ahp import group_judgments

        emit(group_judgments(paths), fmt, output)
        return
    result = group(list(paths), aggregate=aggregate, spread=spread, tolerance=tolerance, method=method)
    if output and output.casefold().endswith((".yaml", ".yml")):
        emit(result, fmt, None)  # the tables, then the group matrix file
        click.echo(f"wrote {result.write(output, inputs=paths)}", err=True)
        return
    emit(result, fmt, output)


def _slug(name: str) -> str:
    """A file stem for an actor: ``South Korea`` -> ``south-korea``."""
    import re

    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "matrix"


def _ask(question: Callable[[], Answer]) -> Answer:
    """Ask until the answer parses; each bad answer gets its one line and the question again."""
    while True:
        try:
            return question()
        except DecideError as error:
            click.echo(f"Error: {error}", err=True)


__all__ = ["group_command", "import_command", "new_command"]
