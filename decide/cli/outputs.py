"""What a command read, and the check that none of its outputs is one of those files (the
output rule, :func:`decide.io.files.check_output`)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from decide.core.errors import DecideError


def check_outputs(outputs: list[str], inputs: list[Path] | None = None) -> None:
    """Refuse, before anything is written, an output that is one of the command's inputs
    (through symlinks and hard links) or that two outputs are the same file."""
    from decide.io.files import check_output

    inputs = _input_files() if inputs is None else inputs
    for output in outputs:
        check_output(output, inputs)
    written = [o for o in outputs if o and o != "-"]
    for position, output in enumerate(written):
        for other in written[position + 1:]:
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
    declared = [params["into"]] if params.get("into") else []
    try:
        found = [str(p) for p in matrix_files(given or None)]
    except DecideError:
        found = [str(entry) for entry in given]
    return [Path(entry) for entry in dict.fromkeys([*found, *given, *declared, *inputs_read()])]
