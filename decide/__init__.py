"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

The verbs: :func:`load_matrices`, :func:`validate`, :func:`show`, :func:`overview`,
:func:`rank`, :func:`explain`, :func:`compare`, :func:`sensitivity`, :func:`make_top`,
:func:`smaa`, :func:`scenarios`, :func:`robust`, :func:`report`, :func:`render` and
:func:`export`. Every result prints as a text table and renders as an HTML table in a
notebook. Importing decide is cheap: scikit-criteria is loaded
only when a method without a numpy engine runs.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decide import weights
    from decide.compare import Comparison, compare
    from decide.errors import DecideError, DecideWarning, MatrixError, MethodError, SpecError, UnknownNameError
    from decide.explain import Contributions, explain
    from decide.export import FORMATS, export, render
    from decide.load import load_matrices, load_matrix, shipped_matrices_dir, validate
    from decide.methods import DEFAULT_METHOD, Method, catalogue, get_method
    from decide.model import Criterion, Matrix, Profile, Strategy
    from decide.profiles import ProfileComparison, ProfileList, profiles, save_profile
    from decide.ranking import ActorRanking, Ranking, rank
    from decide.report import Report, report
    from decide.robust import ActorRobust, RobustResult, robust
    from decide.scenarios import Adjustment, Scenario, ScenarioList, apply_scenario, scenarios
    from decide.sensitivity import MakeTopResult, SensitivityResult, make_top, sensitivity
    from decide.smaa import ActorSMAA, SMAAResult, smaa
    from decide.views import MatrixView, Overview, overview, show

# Where each public name lives: modules load on first use, so ``import decide`` and
# ``decide --help`` stay fast (PEP 562).
_HOMES = {
    "Comparison": "compare", "compare": "compare",
    "DecideError": "errors", "DecideWarning": "errors", "MatrixError": "errors", "MethodError": "errors",
    "SpecError": "errors", "UnknownNameError": "errors",
    "Contributions": "explain", "explain": "explain",
    "FORMATS": "export", "export": "export", "render": "export",
    "load_matrices": "load", "load_matrix": "load", "shipped_matrices_dir": "load", "validate": "load",
    "DEFAULT_METHOD": "methods", "Method": "methods", "catalogue": "methods", "get_method": "methods",
    "Criterion": "model", "Matrix": "model", "Profile": "model", "Strategy": "model",
    "ProfileComparison": "profiles", "ProfileList": "profiles", "profiles": "profiles", "save_profile": "profiles",
    "ActorRanking": "ranking", "Ranking": "ranking", "rank": "ranking",
    "Report": "report", "report": "report",
    "ActorRobust": "robust", "RobustResult": "robust", "robust": "robust",
    "Adjustment": "scenarios", "Scenario": "scenarios", "ScenarioList": "scenarios", "apply_scenario": "scenarios",
    "scenarios": "scenarios",
    "MakeTopResult": "sensitivity", "SensitivityResult": "sensitivity", "make_top": "sensitivity",
    "sensitivity": "sensitivity",
    "ActorSMAA": "smaa", "SMAAResult": "smaa", "smaa": "smaa",
    "MatrixView": "views", "Overview": "views", "overview": "views", "show": "views",
}


#: Submodules reachable as ``decide.NAME`` without importing them first.
_SUBMODULES = ("weights",)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"decide.{name}")
    if name in _HOMES:
        module = importlib.import_module(f"decide.{_HOMES[name]}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'decide' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES, *_SUBMODULES])


class _Package(types.ModuleType):
    """Keeps ``decide.compare``, ``decide.profiles``, ``decide.sensitivity``, ``decide.smaa``,
    ``decide.explain``, ``decide.report``, ``decide.robust`` and ``decide.scenarios`` the functions.

    Importing a submodule makes Python set it as an attribute of the package; for the
    verbs named like their modules, the function is kept instead (the modules
    stay importable by name: ``from decide.smaa import smaa_matrix``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _HOMES.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
    "validate",
    "weights",
]
