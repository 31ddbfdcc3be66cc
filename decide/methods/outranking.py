"""Outranking: ELECTRE II (scikit-criteria's arithmetic) and PROMETHEE II (checked against
pymcdm), non-compensatory methods built on pairwise comparisons; neither imports
scikit-criteria (see :meth:`evaluate_arrays`)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.core.errors import SpecError
from decide.core.parse import parse_nonnegative, per_criterion
from decide.methods.base import Method, Parameter, register

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

PREFERENCE_FUNCTIONS = ("usual", "ushape", "vshape", "level", "vshape_2", "gaussian")


@register
class ELECTRE2(Method):
    name = "electre2"
    respects_dominance = False  # its rankings from the outranking graphs can (hypothesis found a case)
    full_name = "ELECTRE II (ELimination Et Choix Traduisant la REalite)"
    better = "lower"
    summary = (
        "Strong and weak outranking from concordance and discordance; "
        "the score is the mean of the direct and inverse rank."
    )
    preprocessing = (
        "none; concordance from weights, discordance divided by the largest range of scores; "
        "criteria of weight 0 are left out (they would veto through discordance)"
    )
    reference = (
        "Roy, B. & Bertier, P. (1973). La methode ELECTRE II: une application au media-planning. In M. "
        "Ross (ed.), OR'72, North-Holland, 291-302 (implementation after Gomes, Gonzalez Araya & Carignano (2004), "
        "Tomada de decisoes em cenarios complexos, Thomson)"
    )
    year = 1973
    engine = "numpy (scikit-criteria's ELECTRE2 arithmetic, in canonical order)"
    when = "non-compensatory: a large weakness on one criterion cannot be bought back"
    parameters = (
        Parameter("p0", float, 0.65, "concordance threshold 0 (strong)", 0.0, 1.0),
        Parameter("p1", float, 0.5, "concordance threshold 1", 0.0, 1.0),
        Parameter("p2", float, 0.35, "concordance threshold 2 (weak)", 0.0, 1.0),
        Parameter("q0", float, 0.65, "discordance threshold 0", 0.0, 1.0),
        Parameter("q1", float, 0.35, "discordance threshold 1", 0.0, 1.0),
    )

    def check_params(self) -> None:
        p0, p1, p2, q0, q1 = (self.params[k] for k in ("p0", "p1", "p2", "q0", "q1"))
        if not p0 >= p1 >= p2:
            raise SpecError(
                f"method 'electre2': parameters must satisfy p0 >= p1 >= p2; got p0={p0:g}, p1={p1:g}, p2={p2:g}"
            )
        if not q0 >= q1:
            raise SpecError(f"method 'electre2': parameters must satisfy q0 >= q1; got q0={q0:g}, q1={q1:g}")

    def check(self, matrix: Matrix) -> None:
        values = [float(s.scores[c]) for s in matrix.strategies for c in matrix.criterion_names]
        if len(matrix.strategies) > 1 and max(values) == min(values):
            raise self.fail(
                matrix,
                "every score is the same",
                "ELECTRE II divides discordances by the largest range of scores; there is nothing to rank",
            )

    def pipeline(self) -> Any:
        return _ELECTRE2Engine({k: self.params[k] for k in ("p0", "p1", "p2", "q0", "q1")})

    def score_of(self, result: Any) -> np.ndarray:
        return result.score


class _ELECTRE2Engine:
    """ELECTRE II (:mod:`decide.methods.electre`, scikit-criteria's arithmetic) on the matrix
    in canonical order (see :mod:`decide.methods.canonical`): its concordances are float
    sums of weights compared with thresholds, so the order of the criteria must not decide
    a comparison."""

    def __init__(self, params: dict[str, float]):
        self.params = params

    def evaluate(self, dm: Any) -> Any:
        """The scores of a scikit-criteria DecisionMatrix (as :meth:`evaluate_arrays`)."""
        return self.evaluate_arrays(
            dm.matrix.to_numpy(dtype=float), dm.iobjectives.to_numpy(), dm.weights.to_numpy(dtype=float)
        )

    def evaluate_arrays(self, table: np.ndarray, objectives: np.ndarray, weights: np.ndarray) -> Any:
        """The scores of ``table`` (strategies x criteria), ``objectives`` 1 (max) or -1 (min)."""
        import numpy as np

        from decide.methods.canonical import canonical_orders, restore
        from decide.methods.electre import electre2_scores

        # a criterion of weight 0 is ignored, as everywhere in decide (strategies alike on
        # the weighted criteria tie): kept, it could still veto through discordance
        kept = np.flatnonzero(weights > 0)
        keys = [(int(objectives[j]), float(weights[j])) for j in kept]
        scores = []
        for rows, order in canonical_orders(table[:, kept], keys):
            columns = kept[order]
            found = electre2_scores(table[rows][:, columns], objectives[columns], weights[columns], **self.params)
            scores.append(restore(found, rows))
        return ExternalResult(None, sum(scores) / len(scores))


@dataclass(frozen=True)
class ExternalResult:
    """Ranks and scores of a method from another library, scikit-criteria style."""

    rank_: Any
    score: Any


class _PrometheeIIEngine:
    """PROMETHEE II net flows (:mod:`decide.methods.promethee`): sorted prefix sums for
    the piecewise-linear preference functions, pair by pair for the Gaussian; equal to
    pymcdm's PROMETHEE_II (one n x n table per criterion) to about 1e-15."""

    def evaluate(
        self, dm: Any, *, functions: list[str], p: list[float | None], q: list[float | None], s: list[float | None]
    ) -> Any:
        """The net flows of a scikit-criteria DecisionMatrix (as :meth:`evaluate_arrays`)."""
        return self.evaluate_arrays(
            dm.matrix.to_numpy(dtype=float),
            dm.iobjectives.to_numpy(),
            dm.weights.to_numpy(dtype=float),
            functions=functions,
            p=p,
            q=q,
            s=s,
        )

    def evaluate_arrays(
        self,
        table: np.ndarray,
        objectives: np.ndarray,
        weights: np.ndarray,
        *,
        functions: list[str],
        p: list[float | None],
        q: list[float | None],
        s: list[float | None],
    ) -> Any:
        """The net flows of ``table`` (strategies x criteria), ``objectives`` 1 (max) or -1 (min)."""
        import numpy as np

        from decide.methods.promethee import net_flows

        net = net_flows(table, weights, objectives == 1, functions, p, q, s)
        dense = np.unique(-net, return_inverse=True)[1].reshape(-1) + 1  # scipy's rankdata(-net, "dense")
        return ExternalResult(dense.astype(np.int64), net)


def _setting_problem(
    name: str, function: str, p: float | None, q: float | None, s: float | None
) -> tuple[str, str] | None:
    """What is wrong with one criterion's preference function and thresholds, and the fix."""
    needs_p = function in ("vshape", "level", "vshape_2")
    needs_q = function in ("ushape", "level", "vshape_2")
    needs_s = function == "gaussian"
    missing = [t for t, need, v in (("p", needs_p, p), ("q", needs_q, q), ("s", needs_s, s)) if need and v is None]
    if missing:
        return (
            f"criterion '{name}' uses the {function} preference function, "
            f"which needs threshold {' and '.join(missing)}",
            f"give --param {missing[0]}={name}:VALUE (or {missing[0]}=VALUE for every criterion)",
        )
    if needs_p and function != "vshape" and p is not None and q is not None and not q < p:
        return (
            f"criterion '{name}' has indifference threshold q={q:g} not below the preference threshold p={p:g}",
            "choose q < p",
        )
    if function == "vshape" and p == 0:
        return f"criterion '{name}' has p=0 for the vshape function", "choose p > 0"
    if needs_s and s == 0:
        return f"criterion '{name}' has s=0 for the gaussian function", "choose s > 0"
    return None


def _preference_function(text: str) -> str:
    if text not in PREFERENCE_FUNCTIONS:
        raise ValueError(f"'{text}' is not a preference function")
    return text


@register
class PROMETHEE2(Method):
    name = "promethee2"
    full_name = "Preference Ranking Organization METHod for Enrichment of Evaluations II"
    summary = "Net outranking flow from pairwise preferences on every criterion."
    preprocessing = (
        "none; per criterion a preference function of the difference (usual by default; vshape, level, ... "
        "with thresholds p and q in score units; gaussian with spread s)"
    )
    reference = (
        "Brans, J. P. & Vincke, Ph. (1985). "
        "A preference ranking organisation method (the PROMETHEE method for multiple criteria decision-making). "
        "Management Science 31(6), 647-656"
    )
    year = 1985
    engine = "numpy (sorted prefix sums; checked against pymcdm PROMETHEE_II)"
    when = "pairwise comparison; thresholds say how big a difference matters"
    parameters = (
        Parameter(
            "preference",
            str,
            "usual",
            f"preference function of every criterion ({', '.join(PREFERENCE_FUNCTIONS)}); criteria not named use usual",
            syntax="FUNCTION or CRITERION:FUNCTION,...",
            parser=_preference_function,
        ),
        Parameter(
            "p",
            str,
            None,
            "preference threshold (vshape, level, vshape_2)",
            syntax="NUMBER or CRITERION:NUMBER,...",
            parser=parse_nonnegative,
        ),
        Parameter(
            "q",
            str,
            None,
            "indifference threshold (ushape, level, vshape_2)",
            syntax="NUMBER or CRITERION:NUMBER,...",
            parser=parse_nonnegative,
        ),
        Parameter(
            "s",
            str,
            None,
            "spread of the gaussian function, 1 - exp(-d^2 / (2 s^2)), in score units",
            syntax="NUMBER or CRITERION:NUMBER,...",
            parser=parse_nonnegative,
        ),
    )

    # Net flow is linear in the weights: sum_c w_c phi_c(a), with phi_c the net flow on
    # criterion c alone. So PROMETHEE II is scored like the weighted sum: the per-criterion
    # flows (``terms``) computed once, then one matrix product for any number of weights.
    vectorised = True
    additive = True

    def __init__(self, params: Mapping[str, Any] | None = None, **more: Any) -> None:
        super().__init__(params, **more)
        #: the settings when they are the same for every criterion (no names needed), else None
        self._uniform = self._same_everywhere()
        #: the settings of a matrix's criteria, in order, once bound to it (:meth:`bind`)
        self._bound: dict[str, list[Any]] | None = None
        self._flows: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._drawn: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        if self._uniform is None:  # thresholds by criterion name: vectorised once bound
            self.vectorised = self.additive = False

    def _same_everywhere(self) -> tuple[str, float | None, float | None, float | None] | None:
        values: list[Any] = []
        for key in ("preference", "p", "q", "s"):
            given = self.params.get(key)
            if given is not None and set(given) != {"*"}:
                return None
            values.append(None if given is None else given["*"])
        function = str(values[0] or "usual")
        if _setting_problem("*", function, *values[1:]):
            return None  # the matrix's check says what is wrong, naming the criterion
        return function, values[1], values[2], values[3]

    def bind(self, matrix: Matrix) -> Method:
        if self._uniform is not None:
            return self
        bound = copy.copy(self)
        bound._bound = self.settings(matrix)
        bound._flows = bound._drawn = None
        bound.vectorised = bound.additive = True
        return bound

    def _positional(self, count: int) -> dict[str, list[Any]]:
        if self._bound is not None:
            if len(self._bound["functions"]) != count:
                raise ValueError(f"promethee2 was set up for {len(self._bound['functions'])} criteria, not {count}")
            return self._bound
        if self._uniform is None:
            raise NotImplementedError("promethee2 with thresholds by criterion: bind it to the matrix first")
        function, p, q, s = self._uniform
        return {"functions": [function] * count, "p": [p] * count, "q": [q] * count, "s": [s] * count}

    def terms(self, table: np.ndarray, cost: np.ndarray) -> np.ndarray:
        """Strategies x criteria: each criterion's own net flow (the last table's, kept)."""
        import numpy as np

        from decide.methods.promethee import criterion_flows

        kept = self._flows
        if kept is not None and np.array_equal(kept[0], table) and np.array_equal(kept[1], cost):
            return kept[2]
        settings = self._positional(table.shape[1])
        flows = criterion_flows(table, ~np.asarray(cost, dtype=bool), **settings)
        flows.flags.writeable = False
        self._flows = (np.array(table, dtype=float), np.array(cost, dtype=bool), flows)
        return flows

    def batch(self, table: np.ndarray, cost: np.ndarray, weights: np.ndarray) -> np.ndarray:
        import numpy as np

        from decide.methods.promethee import drawn_flows, weighted_drawn_flows, weighted_flows

        weights = np.asarray(weights, dtype=float)
        if table.ndim == 2:
            return weighted_flows(self.terms(table, cost), weights)
        # drawn scores: the flows of each table (kept for the last block of tables, which
        # SMAA's confidence factors score again with each strategy's central weights)
        kept = self._drawn
        if kept is not None and np.array_equal(kept[0], table) and np.array_equal(kept[1], cost):
            flows = kept[2]
        else:
            flows = drawn_flows(table, ~np.asarray(cost, dtype=bool), **self._positional(table.shape[2]))
            self._drawn = (np.array(table, dtype=float), np.array(cost, dtype=bool), flows)
        return weighted_drawn_flows(flows, weights)

    def settings(self, matrix: Matrix) -> dict[str, list[Any]]:
        """Preference function and thresholds p, q of every criterion, checked."""

        def spread(parameter: str) -> dict[str, Any]:
            return per_criterion(matrix, self.params.get(parameter), f"method '{self.name}': parameter '{parameter}'")

        functions, ps, qs, ss = spread("preference"), spread("p"), spread("q"), spread("s")
        names = matrix.criterion_names
        chosen = [str(functions.get(name, "usual")) for name in names]
        p_list = [ps.get(name) for name in names]
        q_list = [qs.get(name) for name in names]
        s_list = [ss.get(name) for name in names]
        for name, function, p, q, s in zip(names, chosen, p_list, q_list, s_list, strict=True):
            problem = _setting_problem(name, function, p, q, s)
            if problem:
                raise self.fail(matrix, *problem)
        return {"functions": chosen, "p": p_list, "q": q_list, "s": s_list}

    def check(self, matrix: Matrix) -> None:
        from decide.methods.promethee import MAX_PAIRWISE, SECONDS_PER_PAIR, pairwise_cost

        settings = self.settings(matrix)
        count = len(matrix.strategies)
        pairs, peak = pairwise_cost(count, settings["functions"])
        if pairs > MAX_PAIRWISE:
            slow = sum(1 for f in settings["functions"] if f == "gaussian")
            fits = int((MAX_PAIRWISE / slow) ** 0.5)
            seconds = pairs * SECONDS_PER_PAIR
            took = f"about {seconds:,.0f} s" if seconds >= 1 else "under 1 s"
            raise self.fail(
                matrix,
                f"the gaussian preference function compares every pair of strategies: {count:,} strategies x "
                f"{slow} gaussian {'criterion' if slow == 1 else 'criteria'} is {pairs:.1e} comparisons, {took} "
                f"(limit {MAX_PAIRWISE:.0e}; {peak / 2**20:.1f} MB at a time)",
                f"use usual, vshape or vshape_2 (linear), computed without pairs, or at most {fits:,} strategies",
            )

    def pipeline(self) -> Any:
        return _PrometheeIIEngine()

    def pipeline_kwargs(self, matrix: Matrix) -> dict[str, Any]:
        return self.settings(matrix)

    def score_of(self, result: Any) -> np.ndarray:
        return result.score
