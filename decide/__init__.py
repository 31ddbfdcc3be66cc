"""decide: rank each actor's strategies in decision matrices with multi-criteria methods.

>>> import decide
>>> result = decide.rank(actors=["China"], method="vikor")
>>> result.better
'lower'

Importing decide is cheap: scikit-criteria is loaded only when something is ranked.
"""

from decide.batch import batch_ranks, batch_scores
from decide.compare import Comparison, compare
from decide.errors import DecideError, MatrixError, MethodError, SpecError, UnknownNameError
from decide.export import FORMATS, export, render
from decide.load import load_matrices, load_matrix, shipped_matrices_dir, validate
from decide.matrix import Criterion, Matrix, Strategy
from decide.methods import METHODS, Method, Parameter, catalogue, get_method
from decide.ranking import ActorRanking, Ranking, rank
from decide.sensitivity import MakeTopResult, SensitivityResult, make_top, sensitivity
from decide.smaa import ActorSMAA, SMAAResult, smaa
from decide.views import MatrixView, overview, show
from decide.weights import parse_weight_spec

__all__ = [
    "ActorRanking",
    "ActorSMAA",
    "Comparison",
    "Criterion",
    "DecideError",
    "FORMATS",
    "METHODS",
    "MakeTopResult",
    "Matrix",
    "MatrixError",
    "MatrixView",
    "Method",
    "MethodError",
    "Parameter",
    "Ranking",
    "SMAAResult",
    "SensitivityResult",
    "SpecError",
    "Strategy",
    "UnknownNameError",
    "batch_ranks",
    "batch_scores",
    "catalogue",
    "compare",
    "export",
    "get_method",
    "load_matrices",
    "load_matrix",
    "make_top",
    "overview",
    "parse_weight_spec",
    "rank",
    "render",
    "sensitivity",
    "shipped_matrices_dir",
    "show",
    "smaa",
    "validate",
]
