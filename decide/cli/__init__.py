"""The command line: ``decide COMMAND``. Each command parses its options, calls one public
library function and prints; see :mod:`decide.cli.main`."""

from decide.cli.main import cli, main

__all__ = ["cli", "main"]
