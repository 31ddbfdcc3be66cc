"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

The verbs: :func:`load_matrices`, :func:`validate`, :func:`show`, :func:`overview`,
:func:`rank`, :func:`explain`, :func:`compare`, :func:`sensitivity`, :func:`make_top`,
:func:`smaa`, :func:`scenarios`, :func:`robust`, :func:`report`, :func:`tune` (sliders in a
notebook), :func:`render` and :func:`export`. Every result prints as a text table and renders as
an HTML table in a notebook. Importing decide is cheap: scikit-criteria is loaded only when a
method without a numpy engine runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decide import weights
    from decide.analysis.catalogue import catalogue
    from decide.analysis.compare import Comparison, compare
    from decide.analysis.explain import Contributions, explain
    from decide.analysis.profiles import ProfileComparison, ProfileList, profiles
    from decide.analysis.ranking import ActorRanking, Ranking, rank
    from decide.analysis.report import Report, report
    from decide.analysis.robust import ActorRobust, RobustResult, robust
    from decide.analysis.scenarios import ScenarioList, scenarios
    from decide.analysis.sensitivity import MakeTopResult, SensitivityResult, make_top, sensitivity
    from decide.analysis.smaa import ActorSMAA, SMAAResult, smaa
    from decide.analysis.views import MatrixView, Overview, overview, show
    from decide.core.errors import DecideError, DecideWarning, MatrixError, MethodError, SpecError, UnknownNameError
    from decide.core.model import Criterion, Matrix, Profile, Strategy
    from decide.interactive.notebook import tune
    from decide.interactive.session import TuneSession
    from decide.io.load import load_matrices, load_matrix, shipped_matrices_dir, validate
    from decide.io.profiles import save_profile
    from decide.io.scenarios import Adjustment, Scenario, apply_scenario
    from decide.methods import DEFAULT_METHOD, Method, get_method
    from decide.rendering.formats import FORMATS, export, render

# Where each public name lives: modules load on first use, so ``import decide`` and
# ``decide --help`` stay fast (PEP 562).
_HOMES = {
    "Comparison": "analysis.compare", "compare": "analysis.compare",
    "DecideError": "core.errors", "DecideWarning": "core.errors", "MatrixError": "core.errors", "MethodError": "core.errors",
    "SpecError": "core.errors", "UnknownNameError": "core.errors",
    "Contributions": "analysis.explain", "explain": "analysis.explain",
    "FORMATS": "rendering.formats", "export": "rendering.formats", "render": "rendering.formats",
    "load_matrices": "io.load", "load_matrix": "io.load", "shipped_matrices_dir": "io.load", "validate": "io.load",
    "DEFAULT_METHOD": "methods", "Method": "methods", "catalogue": "analysis.catalogue", "get_method": "methods",
    "Criterion": "core.model", "Matrix": "core.model", "Profile": "core.model", "Strategy": "core.model",
    "ProfileComparison": "analysis.profiles", "ProfileList": "analysis.profiles", "profiles": "analysis.profiles", "save_profile": "io.profiles",
    "ActorRanking": "analysis.ranking", "Ranking": "analysis.ranking", "rank": "analysis.ranking",
    "Report": "analysis.report", "report": "analysis.report",
    "ActorRobust": "analysis.robust", "RobustResult": "analysis.robust", "robust": "analysis.robust",
    "Adjustment": "io.scenarios", "Scenario": "io.scenarios", "ScenarioList": "analysis.scenarios", "apply_scenario": "io.scenarios",
    "scenarios": "analysis.scenarios",
    "MakeTopResult": "analysis.sensitivity", "SensitivityResult": "analysis.sensitivity", "make_top": "analysis.sensitivity",
    "sensitivity": "analysis.sensitivity",
    "ActorSMAA": "analysis.smaa", "SMAAResult": "analysis.smaa", "smaa": "analysis.smaa",
    "TuneSession": "interactive.session", "tune": "interactive.notebook",
    "MatrixView": "analysis.views", "Overview": "analysis.views", "overview": "analysis.views", "show": "analysis.views",
}


#: Verbs whose arguments are checked against their type hints before they run.
_CHECKED_VERBS = frozenset({
    "rank", "compare", "sensitivity", "make_top", "smaa", "explain", "robust", "report", "show", "overview",
    "scenarios", "profiles", "load_matrices", "load_matrix", "validate", "save_profile", "export", "render",
    "apply_scenario", "get_method",
})

#: Submodules reachable as ``decide.NAME`` without importing them first.
_SUBMODULES = ("weights",)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"decide.{name}")
    if name in _HOMES:
        module = importlib.import_module(f"decide.{_HOMES[name]}")
        value = getattr(module, name)
        if name in _CHECKED_VERBS:  # wrong-type arguments: one SpecError naming the argument
            from decide.analysis.arguments import checked

            value = checked(value)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'decide' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES, *_SUBMODULES])




__all__ = [
    "DEFAULT_METHOD",
    "FORMATS",
    "ActorRanking",
    "ActorRobust",
    "ActorSMAA",
    "Adjustment",
    "Comparison",
    "Contributions",
    "Criterion",
    "DecideError",
    "DecideWarning",
    "MakeTopResult",
    "Matrix",
    "MatrixError",
    "MatrixView",
    "Method",
    "MethodError",
    "Overview",
    "Profile",
    "ProfileComparison",
    "ProfileList",
    "Ranking",
    "Report",
    "RobustResult",
    "SMAAResult",
    "Scenario",
    "ScenarioList",
    "SensitivityResult",
    "SpecError",
    "Strategy",
    "TuneSession",
    "UnknownNameError",
    "apply_scenario",
    "catalogue",
    "compare",
    "explain",
    "export",
    "get_method",
    "load_matrices",
    "load_matrix",
    "make_top",
    "overview",
    "profiles",
    "rank",
    "render",
    "report",
    "robust",
    "save_profile",
    "scenarios",
    "sensitivity",
    "shipped_matrices_dir",
    "show",
    "smaa",
    "tune",
    "validate",
    "weights",
]
