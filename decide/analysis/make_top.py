"""The smallest change of the weights that ranks a chosen strategy first: exact for additive
methods (a linear programme), a sampled search for the others."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.errors import SpecError
from decide.core.ranks import batch_ranks, sample_weights
from decide.core.tables import Section
from decide.io.load import MatrixSource
from decide.methods.base import Method
from decide.methods.run import batch_scores
from decide.rendering.result import Result, add_provenance, data_note, json_params

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.core.model import Matrix
from decide.analysis.sensitivity import TOLERANCE


@dataclass(frozen=True)
class MakeTopResult(Result):
    """The smallest change of weights (L1 distance) that ranks ``strategy`` first."""

    matrix: Matrix
    strategy: str
    method: Method
    exact: bool
    new_weights: dict[str, float] | None
    tied_with: tuple[str, ...] = ()
    reason: str = ""
    #: the strategy already ranks first with the current weights: nothing to change
    already_first: bool = False
    #: the strategies that Pareto-dominate it, when that proves no weights rank it first
    dominated_by: tuple[str, ...] = ()

    @property
    def feasible(self) -> bool:
        return self.new_weights is not None

    @property
    def distance(self) -> float:
        """L1 distance between the current and the new weights (NaN if impossible)."""
        if self.new_weights is None:
            return float("nan")
        return sum(abs(self.new_weights[c] - w) for c, w in self.matrix.weights.items())

    @property
    def frame(self) -> pd.DataFrame:
        """Criterion, current weight, needed weight and the change."""
        import pandas as pd

        current = self.matrix.weights
        needed = self.new_weights or {}
        return pd.DataFrame(
            {
                "criterion": list(current),
                "weight now": list(current.values()),
                "weight needed": [needed.get(c, float("nan")) for c in current],
                "change": [_clean(needed.get(c, float("nan")) - w) for c, w in current.items()],
            }
        )

    @property
    def verdict(self) -> str:
        how = "exact, linear programming" if self.exact else "approximate, sampled search"
        if self.dominated_by:
            how = "proof by dominance"
        if self.already_first:
            ties = f", tied with {', '.join(self.tied_with)}" if self.tied_with else ""
            return f"'{self.strategy}' already ranks first{ties} with the current weights; no change needed"
        if not self.feasible:
            return f"no weights rank '{self.strategy}' first ({how}): {self.reason}"
        ties = f", tied with {', '.join(self.tied_with)}" if self.tied_with else ""
        return f"'{self.strategy}' ranks first{ties} when the weights move by {self.distance:.4f} in total ({how})"

    def sections(self) -> list[Section]:
        frame = self.frame
        if not self.feasible:
            frame = frame[["criterion", "weight now"]]
        caption = (
            f"{self.matrix.actor}: {self.verdict}; {self.method.title}; "
            f"current weights ({self.matrix.weights_source}); {data_note(self.matrix)}"
        )
        return [Section(f"{self.matrix.actor} make top", caption, frame)]

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        frame = self.frame
        frame.insert(0, "strategy", self.strategy)
        frame.insert(0, "actor", self.matrix.actor)
        if provenance:
            add_provenance(
                frame,
                self.matrix,
                method=self.method.name,
                params=self.method.describe(),
                exact=self.exact,
                verdict=self.verdict,
            )
        return frame

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.matrix.actor,
            "file": self.matrix.file_name,
            "filters": list(self.matrix.filters),
            "strategy": self.strategy,
            "method": self.method.name,
            "params": json_params(self.method),
            "exact": self.exact,
            "feasible": self.feasible,
            "weights": dict(self.matrix.weights),
            "weights_source": self.matrix.weights_source,
            "new_weights": self.new_weights,
            "distance": self.distance if self.feasible else None,
            "tied_with": list(self.tied_with),
            "already_first": self.already_first,
            "dominated_by": list(self.dominated_by),
            "verdict": self.verdict,
        }


def _clean(value: float) -> float:
    """Rounding noise of the solver shown as 0 (not -0.0000)."""
    return 0.0 if abs(value) < 1e-12 else value


def _dominance_reason(dominators: tuple[str, ...]) -> str:
    """Why dominance settles it: the method never ranks a strategy above one dominating it.

    >>> print(_dominance_reason(("A",)))  # doctest: +NORMALIZE_WHITESPACE
    it is Pareto-dominated by 'A' (as good on every criterion, better on one),
    which proves no weights rank it above that strategy
    """
    shown = [f"'{name}'" for name in dominators[:3]]
    more = len(dominators) - len(shown)
    named = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
    if more:
        named = ", ".join(shown) + f" and {more} more"
    them = "that strategy" if len(dominators) == 1 else "any of them"
    return (
        f"it is Pareto-dominated by {named} (as good on every criterion, better on one), "
        f"which proves no weights rank it above {them}"
    )


def _dominators(matrix: Matrix, method: Method, label: str) -> tuple[str, ...]:
    """The strategies dominating ``label`` when ``method`` respects dominance (else none)."""
    return tuple(matrix.dominators().get(label, ())) if method.respects_dominance else ()


def _strategy_index(matrix: Matrix, strategy: str) -> int:
    names = matrix.strategy_names
    if strategy in names:
        return names.index(strategy)
    if not strategy.strip():
        raise SpecError("is empty; name the strategy to rank first", field="strategy", where=matrix.label)
    from decide.core.suggest import find_name

    return names.index(find_name(strategy, names, "strategy", matrix.label))


def _ties(matrix: Matrix, method: Method, weights: np.ndarray, target: int) -> tuple:
    """Strategies tied first with ``target`` at ``weights`` (within 1e-9)."""
    import numpy as np

    scores = batch_scores(method, matrix, weights[None, :])[0]
    sign = 1.0 if method.better == "higher" else -1.0
    close = np.abs(scores - scores[target]) <= 1e-9
    best = sign * scores >= sign * scores[target] - 1e-9
    names = matrix.strategy_names
    return tuple(names[i] for i in np.flatnonzero(close & best) if i != target)


def _lp_make_top(matrix: Matrix, method: Method, target: int) -> tuple[np.ndarray | None, str]:
    """Minimise sum |w - w0| with w >= 0, sum w = 1 and the target's weighted sum >= every
    other's (linear constraints on the additive method's terms)."""
    import numpy as np
    from scipy.optimize import linprog

    current = matrix.weight_array()
    rescaled = method.terms(matrix.to_array(), matrix.cost_mask())
    n = len(current)
    others = [i for i in range(len(rescaled)) if i != target]
    identity = np.eye(n)
    # variables: w (n), u (n) with u >= |w - w0|
    upper = np.vstack(
        [
            np.hstack([identity, -identity]),
            np.hstack([-identity, -identity]),
            np.hstack([rescaled[others] - rescaled[target], np.zeros((len(others), n))]),
        ]
    )
    bound = np.concatenate([current, -current, np.zeros(len(others))])
    result = linprog(
        np.concatenate([np.zeros(n), np.ones(n)]),
        A_ub=upper,
        b_ub=bound,
        A_eq=np.concatenate([np.ones(n), np.zeros(n)])[None, :],
        b_eq=[1.0],
        bounds=[(0, 1)] * n + [(0, None)] * n,
        method="highs",
        options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10},
    )
    if result.status == 0:
        weights = np.clip(result.x[:n], 0.0, None)
        return weights / weights.sum(), ""
    names = matrix.strategy_names
    for i in others:
        if np.all(rescaled[i] >= rescaled[target]) and np.any(rescaled[i] > rescaled[target]):
            return None, f"it is dominated by '{names[i]}' (as good on every criterion, better on one)"
    return None, "for every choice of weights some other strategy has a higher weighted sum"


#: Seconds the sampled search of a method without a numpy engine plans for (from the
#: estimated time of one ranking, :func:`decide.analysis.cost.run_cost`): the number of
#: candidate weights is scaled to it, between :data:`FEWEST` and the full search.
SEARCH_SECONDS = 2.0
#: Candidate weights of the first pass with a numpy engine (the full search), and the fewest.
CANDIDATES, FEWEST = 14_000, 200
#: Steps from the current weights towards each corner (and pair of corners) of the simplex.
_RAY_STEPS = (0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 1.0)


def _rays(current: np.ndarray, most: int) -> np.ndarray:
    """Weights on the straight lines from ``current`` to every corner of the simplex (one
    criterion holding all the weight), to the current weights without one criterion, and
    to the middle of every pair of corners: where a strategy strong on one or two criteria
    comes first, nearest first. At most ``most`` rows (the pairs go first, then steps)."""
    import numpy as np

    n = len(current)
    corners = np.eye(n)
    faces = np.where(corners > 0, 0.0, current)
    sums = faces.sum(axis=1)
    targets = np.vstack([corners, faces[sums > 0] / sums[sums > 0, None]])
    steps = np.asarray(_RAY_STEPS)
    if (len(targets) + n * (n - 1) // 2) * len(steps) <= most:
        rows, cols = np.triu_indices(n, 1)
        targets = np.vstack([targets, (corners[rows] + corners[cols]) / 2])
    if len(targets) * len(steps) > most:
        keep = max(1, most // len(targets))
        steps = steps[np.unique(np.linspace(0, len(steps) - 1, keep).round().astype(int))]
    points = current + steps[:, None, None] * (targets[None, :, :] - current)
    return points.reshape(-1, n)[:most]


def _search_plan(matrix: Matrix, method: Method) -> tuple[int, int]:
    """Candidate weights of the first pass and of each refinement round: the full search
    with a numpy engine, else as many as :data:`SEARCH_SECONDS` allows."""
    if method.vectorised:
        return CANDIDATES, 2000
    from decide.analysis.cost import run_cost

    seconds = max(run_cost(method, len(matrix.strategies), len(matrix.criteria))[0], 1e-6)
    budget = int(SEARCH_SECONDS / seconds)
    first = min(CANDIDATES, max(FEWEST, budget // 2))
    return first, min(2000, max(FEWEST // 4, budget // 12))


def _search_make_top(matrix: Matrix, method: Method, target: int, seed: int = 0) -> np.ndarray | None:
    """Nearest sampled weights ranking the target first, then pulled towards the current
    weights by bisection along the line between them, then refined locally.

    The first pass tries the lines from the current weights to the corners of the simplex
    and random weights near and far from the current ones; their number is scaled from
    the estimated cost of one ranking (:func:`_search_plan`), with progress reported."""
    import numpy as np

    from decide.analysis.cost import check_cost, run_cost
    from decide.core.progress import report_progress

    rng = np.random.default_rng(seed)
    current = matrix.weight_array()
    first, refine = _search_plan(matrix, method)
    rounds = 6
    bisections = int(np.ceil(np.log2(1 / TOLERANCE)))
    total = first + (rounds - 1) * refine + rounds * bisections
    one = run_cost(method, len(matrix.strategies), len(matrix.criteria))[0]
    check_cost(
        f"make-top's search of {len(matrix.strategies):,} strategies by {method.name}",
        (FEWEST + rounds * bisections) * (0.0 if method.vectorised else one),
        0,
        "select fewer strategies (a smaller file, --stated-only), or use wsm (exact and fast)",
    )
    done = 0

    def firsts(weights: np.ndarray) -> np.ndarray:
        nonlocal done
        found = np.empty(len(weights), dtype=bool)
        block = len(weights) if method.vectorised else 50
        for start in range(0, len(weights), block):
            part = weights[start : start + block]
            ranks = batch_ranks(batch_scores(method, matrix, part), method.better)
            found[start : start + block] = ranks[:, target] == 1
            done += len(part)
            report_progress("make top: search", min(done, total), total)
        return found

    rays = _rays(current, first // 2)
    spreads = (0.05, 0.1, 0.2, 0.4, 0.8)
    each = (first - len(rays)) // 7
    candidates = np.vstack(
        [
            rays,
            sample_weights(rng, first - len(rays) - each * len(spreads), current),
            *(sample_weights(rng, each, current, spread=s) for s in spreads),
        ]
    )
    best = None
    for _ in range(rounds):
        good = candidates[firsts(candidates)]
        if len(good):
            distances = np.abs(good - current).sum(axis=1)
            found = good[np.argmin(distances)]
            if best is None or np.abs(found - current).sum() < np.abs(best - current).sum():
                best = found
        if best is None:
            return None
        low, high = 0.0, 1.0  # best is reached at 1
        while high - low > TOLERANCE:
            middle = (low + high) / 2
            if firsts((current + middle * (best - current))[None, :])[0]:
                high = middle
            else:
                low = middle
        best = current + high * (best - current)
        radius = max(np.abs(best - current).sum() / 4, 1e-3)
        noise = rng.uniform(-radius, radius, (refine, len(current)))
        candidates = np.clip(best + noise, 0.0, None)
        candidates /= candidates.sum(axis=1, keepdims=True)
    return best


def make_top(
    source: MatrixSource = None,
    *,
    strategy: str,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> MakeTopResult:
    """The smallest change of the weights (L1 distance; weights >= 0 summing to 1) that
    ranks ``strategy`` first, or the reason no weights can. When none is found for a strategy
    that another Pareto-dominates, under a method that respects dominance, the reason is
    that proof (``dominated_by`` names the dominating strategies), not the search.

    Exact for additive methods such as ``wsm`` and ``promethee2`` (a linear programme,
    :func:`scipy.optimize.linprog`); for other methods an approximate sampled search
    (a few thousand batched draws, then bisection towards the current weights; without
    a numpy engine, as many as about :data:`SEARCH_SECONDS` allows). A strategy that
    another dominates, under a method that respects dominance, is not searched for.
    """
    picked = Selection.of(source, selection, **fields)
    matrix = picked.matrix()
    chosen = picked.method_object().require_weights()
    chosen.check(matrix)
    target = _strategy_index(matrix, strategy)
    label = matrix.strategy_names[target]
    current = matrix.weight_array()
    if batch_ranks(batch_scores(chosen, matrix, current[None, :]), chosen.better)[0][target] == 1:
        now = {c: float(w) for c, w in zip(matrix.criterion_names, current, strict=True)}
        ties = _ties(matrix, chosen, current, target)
        return MakeTopResult(matrix, label, chosen, chosen.additive, now, ties, already_first=True)
    dominators: tuple[str, ...] = ()
    if chosen.additive:
        found, reason = _lp_make_top(matrix, chosen, target)
    else:  # dominance is the proof, without a search that could only fail
        dominators = _dominators(matrix, chosen, label)
        found, reason = None, ""
        if not dominators:
            found = _search_make_top(matrix, chosen, target)
            reason = "" if found is not None else "none of the sampled weights does (a search, not a proof)"
    if found is None:
        dominators = dominators or _dominators(matrix, chosen, label)
        if dominators:
            reason = _dominance_reason(dominators)
        return MakeTopResult(matrix, label, chosen, chosen.additive, None, reason=reason, dominated_by=dominators)
    new = {c: _clean(float(w)) for c, w in zip(matrix.criterion_names, found, strict=True)}
    return MakeTopResult(matrix, label, chosen, chosen.additive, new, _ties(matrix, chosen, found, target))


__all__ = ["MakeTopResult", "make_top"]
