"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

The verbs: :func:`load_matrices`, :func:`validate`, :func:`show`, :func:`overview`,
:func:`rank`, :func:`compare`, :func:`sensitivity`, :func:`make_top`, :func:`smaa`,
:func:`render` and :func:`export`. Every result prints as a text table and renders
as an HTML table in a notebook. Importing decide is cheap: scikit-criteria is loaded
only when a method without a numpy engine runs.
"""

from decide.compare import Comparison, compare
from decide.errors import DecideError, MatrixError, MethodError, SpecError, UnknownNameError
from decide.export import FORMATS, export, render
from decide.load import load_matrices, load_matrix, shipped_matrices_dir, validate
from decide.methods import DEFAULT_METHOD, Method, catalogue, get_method
from decide.model import Criterion, Matrix, Strategy
from decide.ranking import ActorRanking, Ranking, rank
from decide.sensitivity import MakeTopResult, SensitivityResult, make_top, sensitivity
from decide.smaa import ActorSMAA, SMAAResult, smaa
from decide.views import MatrixView, Overview, overview, show

__all__ = [
    "DEFAULT_METHOD",
    "FORMATS",
    "ActorRanking",
    "ActorSMAA",
    "Comparison",
    "Criterion",
    "DecideError",
    "MakeTopResult",
    "Matrix",
    "MatrixError",
    "MatrixView",
    "Method",
    "MethodError",
    "Overview",
    "Ranking",
    "SMAAResult",
    "SensitivityResult",
    "SpecError",
    "Strategy",
    "UnknownNameError",
    "catalogue",
    "compare",
    "export",
    "get_method",
    "load_matrices",
    "load_matrix",
    "make_top",
    "overview",
    "rank",
    "render",
    "sensitivity",
    "shipped_matrices_dir",
    "show",
    "smaa",
    "validate",
]
