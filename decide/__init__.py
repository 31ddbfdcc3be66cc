"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

The verbs, each the library side of a command: :func:`rank`, :func:`compare`,
:func:`sensitivity`, :func:`make_top`, :func:`smaa`, :func:`explain`, :func:`scenarios`,
:func:`robust`, :func:`report`, :func:`show`, :func:`overview` (``decide list``),
:func:`profiles`, :func:`catalogue` (``decide methods``), :func:`extract`, :func:`group`
(several analysts' copies as one group matrix), :func:`tune` (sliders in a notebook),
:func:`validate`, :func:`load_matrices` and :func:`load_matrix` (a YAML file or a spreadsheet:
``decide import``); :func:`render` and :func:`export` turn any result into text or a file. Every verb takes the
same selection (``actors=``, ``method=``, ``weights=``, ``profile=``, ``weighting=``,
``params=``, ``stated_only=``, ``scenario=``, or one :class:`Selection`). Every result prints
as a text table and renders as an HTML table in a notebook. Importing decide is cheap:
the verbs load on first use (PEP 562), and scikit-criteria only when a method needs it.
Everything else lives in the floors below (``decide.analysis``, ``decide.io``, ...).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decide import weights
    from decide.analysis.catalogue import catalogue
    from decide.analysis.compare import compare
    from decide.analysis.explain import explain
    from decide.analysis.extract import extract
    from decide.analysis.group import group
    from decide.analysis.make_top import make_top
    from decide.analysis.profiles import profiles
    from decide.analysis.ranking import rank
    from decide.analysis.report import report
    from decide.analysis.robust import robust
    from decide.analysis.scenarios import scenarios
    from decide.analysis.selection import Selection
    from decide.analysis.sensitivity import sensitivity
    from decide.analysis.smaa import smaa
    from decide.analysis.views import overview, show
    from decide.core.errors import DecideError, DecideWarning, MatrixError, MethodError, SpecError, UnknownNameError
    from decide.core.model import Criterion, Matrix, Strategy
    from decide.interactive.notebook import tune
    from decide.io.load import load_matrices, load_matrix, validate
    from decide.rendering.formats import export, render

#: Where each public name lives: modules load on first use, so ``import decide`` and
#: ``decide --help`` stay fast.
_HOMES = {
    "catalogue": "analysis.catalogue",
    "compare": "analysis.compare",
    "explain": "analysis.explain",
    "extract": "analysis.extract",
    "group": "analysis.group",
    "make_top": "analysis.make_top",
    "profiles": "analysis.profiles",
    "rank": "analysis.ranking",
    "report": "analysis.report",
    "robust": "analysis.robust",
    "scenarios": "analysis.scenarios",
    "Selection": "analysis.selection",
    "sensitivity": "analysis.sensitivity",
    "smaa": "analysis.smaa",
    "overview": "analysis.views",
    "show": "analysis.views",
    "DecideError": "core.errors",
    "DecideWarning": "core.errors",
    "MatrixError": "core.errors",
    "MethodError": "core.errors",
    "SpecError": "core.errors",
    "UnknownNameError": "core.errors",
    "Criterion": "core.model",
    "Matrix": "core.model",
    "Strategy": "core.model",
    "tune": "interactive.notebook",
    "load_matrices": "io.load",
    "load_matrix": "io.load",
    "validate": "io.load",
    "export": "rendering.formats",
    "render": "rendering.formats",
    "weights": "weights",
}


#: Verbs whose arguments are checked against their type hints before they run.
_CHECKED_VERBS = frozenset(
    {
        "rank",
        "compare",
        "sensitivity",
        "make_top",
        "smaa",
        "group",
        "explain",
        "robust",
        "report",
        "show",
        "overview",
        "scenarios",
        "profiles",
        "load_matrices",
        "load_matrix",
        "validate",
        "export",
        "render",
    }
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("decide-mcda")
        except PackageNotFoundError:  # a source checkout that was never installed
            return "unknown"
    if name in _HOMES:
        module = importlib.import_module(f"decide.{_HOMES[name]}")
        value: Any = module if name == "weights" else getattr(module, name)
        if name in _CHECKED_VERBS:  # wrong-type arguments: one SpecError naming the argument
            from decide.analysis.arguments import checked

            value = checked(value)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'decide' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = [
    "Criterion",
    "DecideError",
    "DecideWarning",
    "Matrix",
    "MatrixError",
    "MethodError",
    "Selection",
    "SpecError",
    "Strategy",
    "UnknownNameError",
    "catalogue",
    "compare",
    "explain",
    "export",
    "extract",
    "group",
    "load_matrices",
    "load_matrix",
    "make_top",
    "overview",
    "profiles",
    "rank",
    "render",
    "report",
    "robust",
    "scenarios",
    "sensitivity",
    "show",
    "smaa",
    "tune",
    "validate",
    "weights",
]
