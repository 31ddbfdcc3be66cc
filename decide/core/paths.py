"""Where the shipped matrices are, and how messages name a file (``shipped matrices/russia.yaml``)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def shipped_matrices_dir() -> Path:
    """The folder of matrices shipped with decide (inside the installed package)."""
    packaged = resources.files("decide") / "matrices"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "matrices"  # a source checkout


def shipped_label(path: str | os.PathLike[str], shipped_dir: str | os.PathLike[str] | None = None) -> str:
    """How messages name a file: ``shipped matrices/russia.yaml`` for a shipped one, else the path as given.

    >>> shipped_label("/opt/site/decide/matrices/russia.yaml", "/opt/site/decide/matrices")
    'shipped matrices/russia.yaml'
    >>> shipped_label("my/japan.yaml", "/opt/site/decide/matrices")
    'my/japan.yaml'
    """
    if shipped_dir is None:
        shipped_dir = shipped_matrices_dir()
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(shipped_dir))
    except (ValueError, OSError):
        return str(path)
    return f"shipped matrices/{relative.as_posix()}"


__all__ = ["shipped_label", "shipped_matrices_dir"]
