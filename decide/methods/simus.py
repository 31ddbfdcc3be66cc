"""SIMUS (Munier 2011): each criterion in turn is the objective of a linear program
limited by the others. It does not use weights."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from decide.core.parse import parse_finite, per_criterion
from decide.methods.base import Method, Parameter, register
from decide.methods.checks import require_positive

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

# scikit-criteria 0.10 builds SIMUS's linear programs with PuLP calls that PuLP 3.3.1+
# deprecates ahead of PuLP 4.0 (which scikit-criteria excludes): it constructs
# LpVariable directly and solves with PuLP's bundled CBC (PULP_CBC_CMD). We cannot
# change those calls, so exactly these two messages from PuLP are ignored, only
# while SIMUS runs; every other warning still reaches the caller.
PULP_DEPRECATIONS = (
    r"Constructing LpVariable\(name, \.\.\.\) directly is deprecated; in PuLP 4\.0",
    r"PULP_CBC_CMD is deprecated and will be removed in PuLP 4\.0",
)


@contextlib.contextmanager
def ignore_pulp_deprecations() -> Iterator[None]:
    with warnings.catch_warnings():
        for message in PULP_DEPRECATIONS:
            warnings.filterwarnings("ignore", message=message, category=DeprecationWarning, module=r"pulp\.")
        yield


_SCALERS = "skcriteria.preprocessing.scalers"


def _scale_by_sum(arr: Any, axis: Any = None) -> Any:
    """scikit-criteria's ``scale_by_sum``, line for line (SIMUS's only use of its scalers)."""
    import numpy as np

    arr = np.asarray(arr, dtype=float)
    sumval = np.sum(arr, axis=axis, keepdims=True)
    return arr / sumval


def simus_class() -> type:
    """scikit-criteria's SIMUS class, imported without scikit-learn.

    ``skcriteria.agg.simus`` takes one function, ``scale_by_sum``, from
    ``skcriteria.preprocessing.scalers``, which imports scikit-learn (0.2-0.4 s, a sixth
    of ``decide compare --all``) for its other scalers. While SIMUS's module is first
    imported, that module is stood in for by one holding the same function; the stand-in
    is removed at once, so any later import gets the real module. If scikit-criteria
    ever needs more from it, the real one is imported as before."""
    import sys
    import types

    loaded = sys.modules.get("skcriteria.agg.simus")
    if loaded is not None or _SCALERS in sys.modules:
        from skcriteria.agg.simus import SIMUS

        return SIMUS
    import skcriteria.preprocessing  # noqa: F401  (the package itself does not import its scalers)

    stand_in = types.ModuleType(_SCALERS)
    stand_in.scale_by_sum = _scale_by_sum  # type: ignore[attr-defined]
    sys.modules[_SCALERS] = stand_in
    try:
        from skcriteria.agg.simus import SIMUS
    except ImportError:  # a newer scikit-criteria needs more than scale_by_sum
        sys.modules.pop("skcriteria.agg.simus", None)
        sys.modules.pop(_SCALERS, None)
        from skcriteria.agg.simus import SIMUS
    finally:
        if sys.modules.get(_SCALERS) is stand_in:
            del sys.modules[_SCALERS]
    return SIMUS


class _SIMUSEngine:
    """SIMUS from scikit-criteria, quiet and explicit about weights.

    SIMUS does not use weights (its class says so), and scikit-criteria warns when
    they differ, so it is given equal ones. The LP solver's log, which CBC writes to
    the process's own stdout where ``redirect_stdout`` cannot catch it, is switched
    off. A stage whose linear program is not solved to optimality is an error. The
    programs are solved with strategies and criteria in canonical order
    (:mod:`decide.methods.canonical`), so the file's order cannot pick among optima; a
    symmetric matrix (strategies that swap into each other when some interchangeable
    criteria swap) is solved in each symmetric arrangement and the scores averaged.
    """

    def __init__(self, rank_by: int):
        self.rank_by = rank_by

    def evaluate(self, dm: Any, *, limits: Sequence[float | None]) -> Any:
        import numpy as np
        import pulp

        from decide.methods.canonical import canonical_dms, restore

        if pulp.LpSolverDefault is None:  # what scikit-criteria's programs solve with
            raise ValueError("PuLP finds no linear-programming solver; install one, e.g. pip install 'pulp[cbc]'")

        values = dm.matrix.to_numpy(dtype=float)
        scale = np.abs(values).max(axis=0)
        keys = [
            (int(o), limit is None, 0.0 if limit is None or top == 0 else limit / top)
            for o, limit, top in zip(dm.iobjectives.to_numpy(), limits, scale, strict=True)
        ]
        # The linear programs can have several optima, and which one the solver returns
        # depends on the order of variables and constraints: solve in canonical order
        # (and, for a symmetric matrix, average over its symmetric arrangements).
        scores = [
            restore(self._solve(dm, canonical, limits), rows)
            for canonical, rows in canonical_dms(dm.replace(weights=np.ones(len(dm.criteria))), keys)
        ]
        return sum(scores) / len(scores)

    def _solve(self, dm: Any, equal: Any, limits: Sequence[float | None]) -> Any:
        import pulp

        Engine = simus_class()
        solver = pulp.LpSolverDefault
        order = [list(dm.criteria).index(c) for c in equal.criteria]
        b = None if all(v is None for v in limits) else [limits[j] for j in order]
        logs = solver.msg
        solver.msg = False
        try:
            with ignore_pulp_deprecations():
                result = Engine(rank_by=self.rank_by).evaluate(equal, b=b)
        finally:
            solver.msg = logs
        stages = dict(zip(order, result.e_.stages, strict=True))
        for index, (criterion, objective) in enumerate(zip(dm.criteria, dm.iobjectives.to_numpy(), strict=True)):
            stage = stages[index]  # the file's first failing criterion is the one named
            if stage.lp_status != "Optimal":
                goal = "maximises" if objective == 1 else "minimises"
                raise ValueError(
                    f"the linear program that {goal} criterion '{criterion}' is {str(stage.lp_status).lower()}; "
                    "check --param limits, or rank with another method"
                )
        extra = result.e_
        return extra.method_1_score if self.rank_by == 1 else extra.method_2_score


@register
class SIMUS(Method):
    name = "simus"
    respects_dominance = False
    full_name = "Sequential Interactive Model for Urban Systems"
    summary = (
        "Each criterion in turn is the objective of a linear program limited by the others; "
        "a strategy scores by how much and how often it enters the optimal solutions. Weights are not used."
    )
    preprocessing = (
        "none; each criterion is optimised in turn subject to the others, "
        "each limited by its best score (or --param limits), so rescaling a criterion changes nothing; "
        "the solutions are sum-normalised; the programs are solved with strategies and criteria in a "
        "canonical order, so the file's order cannot choose among equally optimal solutions "
        "(strategies that only a symmetry of the matrix tells apart get the average of their scores)"
    )
    reference = (
        "Munier, N. (2011). A Strategy for Using Multicriteria Analysis in Decision-Making: "
        "A Guide for Simple and Complex Environmental Projects. Springer"
    )
    year = 2011
    engine = "skcriteria SIMUS (PuLP linear programs, in canonical order)"
    when = "no weights you trust: the ranking comes from linear programs, not from weights"
    uses_weights = False
    parameters = (
        Parameter(
            "rank_by",
            int,
            1,
            "1: sum of the normalised solutions times the participation factor; 2: dominance minus subordination",
            minimum=1,
            maximum=2,
        ),
        Parameter(
            "limits",
            str,
            None,
            "right-hand side of each criterion's constraint; default: its best score",
            syntax="NUMBER or CRITERION:NUMBER,...",
            parser=parse_finite,
        ),
    )

    def limits(self, matrix: Matrix) -> list[float | None]:
        """The constraint limit of every criterion (``None``: SIMUS takes its best score)."""
        given = per_criterion(matrix, self.params.get("limits"), f"method '{self.name}': parameter 'limits'")
        return [given.get(name) for name in matrix.criterion_names]

    def check(self, matrix: Matrix) -> None:
        """Every linear program SIMUS solves must be bounded.

        With scores of at least 0, a program that minimises a criterion is bounded by 0;
        one that maximises a criterion is bounded only by the constraints of the other
        criteria to maximise (``sum score x <= limit``), so every strategy that scores
        above 0 on it must score above 0 on one of those.
        """
        require_positive(
            self, matrix, "SIMUS's linear programs are bounded only for scores of at least 0", strict=False
        )
        self.limits(matrix)
        maximised = [c.name for c in matrix.criteria if c.objective == "max"]
        for name in maximised:
            others = [k for k in maximised if k != name]
            for strategy in matrix.strategies:
                if float(strategy.scores[name]) > 0 and not any(float(strategy.scores[k]) > 0 for k in others):
                    problem = (
                        f"criterion '{name}' is the only one to maximise"
                        if not others
                        else f"strategy '{strategy.name}' scores 0 on every criterion to maximise but '{name}'"
                    )
                    raise self.fail(
                        matrix,
                        f"{problem}, so the linear program that maximises '{name}' has no bound",
                        "SIMUS limits each criterion's program by the other criteria to maximise; "
                        "add a criterion to maximise with scores above 0, or rank with another method",
                    )

    def pipeline(self) -> Any:
        return _SIMUSEngine(self.params["rank_by"])

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        return {"limits": self.limits(matrix)}

    def score_of(self, result: Any) -> np.ndarray:
        return result  # the engine's scores, in the file's order
