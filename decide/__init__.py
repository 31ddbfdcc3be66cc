"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

Importing decide is cheap: scikit-criteria is loaded only when something is ranked.
"""

from decide.compare import Comparison, compare
from decide.errors import DecideError, MatrixError, MethodError, SpecError, UnknownNameError
from decide.export import FORMATS, export, render
from decide.load import load_matrices, load_matrix, shipped_matrices_dir, validate
from decide.matrix import Criterion, Matrix, Strategy
from decide.methods import METHODS, Method, Parameter, catalogue, get_method
from decide.ranking import ActorRanking, Ranking, rank
from decide.views import MatrixView, overview, show
from decide.weights import parse_weight_spec

__all__ = [
    "ActorRanking",
    "Comparison",
    "Criterion",
    "DecideError",
    "FORMATS",
    "METHODS",
    "Matrix",
    "MatrixError",
    "MatrixView",
    "Method",
    "MethodError",
    "Parameter",
    "Ranking",
    "SpecError",
    "Strategy",
    "UnknownNameError",
    "catalogue",
    "compare",
    "export",
    "get_method",
    "load_matrices",
    "load_matrix",
    "overview",
    "parse_weight_spec",
    "rank",
    "render",
    "shipped_matrices_dir",
    "show",
    "validate",
]
