"""Interactive what-if: the state behind ``decide tune`` and the notebook sliders.

A :class:`TuneSession` holds one actor's matrix, the current weights and method, an
undo stack, and computes the live ranking after every change. Moving one weight
rescales the others in proportion (the path :func:`decide.analysis.sensitivity.path_weights`
follows), so the interval in which the current leader stays first is exactly the
one ``decide sensitivity`` reports for that criterion: closed form for additive
methods (``wsm``), sampled then refined for the others.

The terminal front end is :mod:`decide.interactive.terminal` (Textual), the notebook one
:mod:`decide.interactive.notebook` (ipywidgets); both only call this module.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 3.0), Criterion("cost", "min", 2.0)),
...     strategies=(Strategy("A", {"gain": 9, "cost": 8}), Strategy("B", {"gain": 4, "cost": 2}),
...                 Strategy("C", {"gain": 6, "cost": 4})),
... )
>>> tuned = TuneSession(m, method="wsm")
>>> view = tuned.view()
>>> view.leader, tuned.weight_spec()
('A', 'gain=0.6,cost=0.4')
>>> round(view.interval.low, 4), view.interval.high, view.interval.exact
(0.5263, 1.0, True)
>>> tuned.nudge(-0.1)               # gain 0.6 -> 0.5: cost takes the rest
>>> tuned.weight_spec()
'gain=0.5,cost=0.5'
>>> tuned.view().leader
'C'
>>> tuned.undo(), tuned.weight_spec()
(True, 'gain=0.6,cost=0.4')
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.errors import DecideError, SpecError, UnknownNameError
from decide.core.frame import EQUAL_WEIGHTS as NONE_GIVEN
from decide.core.ranks import competition_ranks
from decide.interactive.state import (
    EQUAL_WEIGHTS,
    FILE_WEIGHTS,
    Contribution,
    Interval,
    Row,
    View,
    _State,
    format_weight,
    leader_interval,
    method_cycle,
)
from decide.io.load import MatrixSource, shipped_matrices_dir
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.weights.apply import apply_weights

if TYPE_CHECKING:
    import numpy as np

    from decide.analysis.lead import Lead
    from decide.core.model import Matrix

#: The smallest and the larger step of a weight move (arrow keys, shift + arrow keys).
STEP, BIG_STEP = 0.01, 0.05


class TuneSession:
    """One actor's what-if session: weights, method, selection, undo, live ranking.

    ``profiles`` maps a profile name to its weights (by criterion); the matrix file's own
    weights are always available as :data:`FILE_WEIGHTS` (:data:`EQUAL_WEIGHTS` when the
    file gives none: :attr:`base_profile`). The session starts from
    ``profile``'s weights (default: the file's), then ``weights`` on top (a mapping or a
    ``-w`` string); ``stated_only`` records that the inferred strategies were left out.
    """

    def __init__(
        self,
        matrix: Matrix,
        method: str | Method = DEFAULT_METHOD,
        *,
        profiles: Mapping[str, Mapping[str, float]] | None = None,
        profile: str | None = None,
        weights: Any = None,
        stated_only: bool = False,
    ) -> None:
        import numpy as np

        self.matrix = matrix
        self.criteria = matrix.criterion_names
        #: the name of the file's own weights: "file weights", or "equal weights" if it gives none
        stated = matrix.weights_source != NONE_GIVEN  # a file's, a group's (AIP), or -w on top of them
        self.base_profile = FILE_WEIGHTS if stated else EQUAL_WEIGHTS
        self.profiles: dict[str, dict[str, float]] = {self.base_profile: dict(matrix.weights)}
        for name, given in (profiles or {}).items():
            self.profiles[name] = dict(given)
        self.profile = self.base_profile
        #: whether the inferred strategies were left out (the reproducing command says so)
        self.stated_only = stated_only
        self.method = self._checked(get_method(method))
        self.selected = 0
        self._table = matrix.to_array()
        self._cost = matrix.cost_mask()
        self._dominators = matrix.dominators()
        self._history: list[_State] = []
        self.weights = np.array(matrix.weight_array(), dtype=float)
        if profile is not None:
            self.use_profile(profile, remember=False)
        if weights is not None:  # on top of the profile, as -w does elsewhere
            self.weights = apply_weights(matrix.with_criterion_weights(self.weight_map), weights).weight_array()
        self.start_weights = self.weights.copy()
        self.start_method = self.method
        self.start_profile = self.profile
        start_ranks, _ = self._ranks_scores(self.weights)
        self._start_ranks = dict(zip(matrix.strategy_names, start_ranks.tolist(), strict=True))
        self._cache: dict[tuple, Any] = {}
        #: first-rank shares of the SMAA draws behind :meth:`lead`, per method
        self._shares: dict[Method, dict[str, float]] = {}

    # -- checks ------------------------------------------------------------------------

    def _checked(self, method: Method) -> Method:
        method.require_weights()
        method.check(self.matrix)
        return method.bind(self.matrix)

    # -- changes -----------------------------------------------------------------------

    def _remember(self) -> None:
        self._history.append(_State(tuple(self.weights.tolist()), self.method.name, self.profile))

    def _set(self, weights: Any) -> None:
        import numpy as np

        weights = np.clip(np.asarray(weights, dtype=float), 0.0, None)
        total = weights.sum()
        if not total > 0:
            raise SpecError("all weights are zero; give at least one criterion a positive weight", field="weights")
        self._remember()
        self.weights = weights / total

    @property
    def criterion(self) -> str:
        """The selected criterion's name."""
        return self.criteria[self.selected]

    def select(self, index: int) -> None:
        """Select criterion ``index`` (wrapping around)."""
        self.selected = index % len(self.criteria)

    def move_selection(self, delta: int) -> None:
        """Select the next (``+1``) or previous (``-1``) criterion."""
        self.select(self.selected + delta)

    def set_weight(self, value: float, index: int | None = None) -> None:
        """Give criterion ``index`` (default: the selected one) ``value`` in [0, 1]; the others
        keep their proportions and share the rest (equally, if they were all 0)."""
        from decide.weights.apply import path_weights

        index = self.selected if index is None else index
        value = min(1.0, max(0.0, float(value)))
        self._set(path_weights(self.weights, index, [value])[0])

    def nudge(self, delta: float) -> None:
        """Move the selected weight by ``delta`` (e.g. +-:data:`STEP`), rescaling the others."""
        self.set_weight(round(float(self.weights[self.selected]) + delta, 10))

    def zero(self) -> None:
        """Set the selected weight to 0 (refused if it is the only positive weight)."""
        if self.weights[self.selected] >= 1.0:
            raise SpecError(f"'{self.criterion}' holds all the weight; raise another criterion first", field="weights")
        self.set_weight(0.0)

    def equalise(self) -> None:
        """Give every criterion the same weight."""
        import numpy as np

        self._set(np.full(len(self.criteria), 1.0 / len(self.criteria)))

    def restore(self) -> None:
        """Back to the weights, method and profile the session started with."""
        self._set(self.start_weights)
        self.method = self.start_method
        self.profile = self.start_profile

    def use_profile(self, name: str, remember: bool = True) -> None:
        """Take the weights of profile ``name`` (or of the file)."""
        import numpy as np

        if name not in self.profiles:  # any case, as --profile elsewhere
            name = next((known for known in self.profiles if known.casefold() == name.strip().casefold()), name)
        if name not in self.profiles:
            from decide.core.suggest import unknown_name

            raise UnknownNameError(unknown_name("profile", name, list(self.profiles), self.matrix.label))
        given = self.profiles[name]
        unknown = [c for c in given if c not in self.criteria]
        if unknown:
            raise UnknownNameError(
                f"{self.matrix.label}: profile '{name}' names unknown criterion '{unknown[0]}'; "
                f"criteria are: {', '.join(self.criteria)}"
            )
        weights = np.array([float(given.get(c, 0.0)) for c in self.criteria])
        if remember:
            self._set(weights)
        else:
            self.weights = weights / weights.sum()
        self.profile = name

    @property
    def profile_changed(self) -> bool:
        """Whether the weights have moved away from the current profile's."""
        import numpy as np

        given = self.profiles.get(self.profile, {})
        weights = np.array([float(given.get(c, 0.0)) for c in self.criteria])
        total = weights.sum()
        return not (total > 0 and np.allclose(weights / total, self.weights, atol=1e-6))  # saved to 6 decimals

    def cycle_profile(self) -> str:
        """Take the next profile's weights; returns its name."""
        names = list(self.profiles)
        following = names[(names.index(self.profile) + 1) % len(names)] if self.profile in names else names[0]
        self.use_profile(following)
        return following

    def set_method(self, method: str | Method) -> None:
        """Rank with ``method`` from now on (a :class:`MethodError` if it cannot rank this matrix)."""
        chosen = self._checked(get_method(method))
        self._remember()
        self.method = chosen

    def cycle_method(self) -> str:
        """Switch to the next method of :func:`method_cycle` that can rank this matrix."""
        names = method_cycle()
        start = names.index(self.method.name) if self.method.name in names else -1
        for step in range(1, len(names) + 1):
            name = names[(start + step) % len(names)]
            try:
                self.set_method(name)
            except DecideError:
                continue  # this method cannot rank this matrix: skip it
            return name
        return self.method.name

    def undo(self) -> bool:
        """Undo the last change of weights, method or profile; False if there is none."""
        import numpy as np

        if not self._history:
            return False
        state = self._history.pop()
        self.weights = np.array(state.weights)
        self.method = get_method(state.method)
        self.profile = state.profile
        return True

    # -- what the screen shows ----------------------------------------------------------

    @property
    def weight_map(self) -> dict[str, float]:
        return {c: float(w) for c, w in zip(self.criteria, self.weights, strict=True)}

    def _ranks_scores(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Ranks numbered as ``decide rank`` numbers them (ties share the best place: 1, 1, 3) and scores."""
        ranks, scores = self._method_ranks_scores(weights)
        return competition_ranks(ranks), scores

    def _method_ranks_scores(self, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        from decide.methods.run import evaluate, quietly

        method = self.method
        if method.vectorised:
            with quietly():
                scores = method.batch(self._table, self._cost, weights[None, :])[0]
            if not np.all(np.isfinite(scores)):
                evaluate(method, self.matrix.with_criterion_weights(self.weight_map))  # raises a clear MethodError
            return method.rank_scores(scores, self._table, self._cost, weights), scores
        return evaluate(method, self.matrix.with_criterion_weights(dict(zip(self.criteria, weights, strict=True))))

    def ranking(self) -> tuple[tuple[Row, ...], float]:
        """The ranked rows (best first) and the leader's margin over the second."""
        ranks, scores = self._ranks_scores(self.weights)
        sign = -1.0 if self.method.better == "higher" else 1.0
        order = sorted(range(len(scores)), key=lambda i: (int(ranks[i]), sign * float(scores[i])))
        names = self.matrix.strategy_names
        rows = tuple(
            Row(
                int(ranks[i]),
                names[i],
                float(scores[i]),
                self._start_ranks[names[i]] - int(ranks[i]),
                names[i] in self._dominators,
            )
            for i in order
        )
        margin = abs(rows[0].score - rows[1].score) if len(rows) > 1 else 0.0
        return rows, margin

    def interval(self, index: int | None = None) -> Interval:
        """Where criterion ``index``'s weight (default: the selected one) can go while the
        current leader stays first."""
        index = self.selected if index is None else index
        key = ("interval", index, self.method, tuple(self.weights.tolist()))
        if key not in self._cache:
            self._cache.clear()
            self._cache[key] = leader_interval(self.matrix, self.method, self.weights, index)
        return self._cache[key]

    def view(self, with_interval: bool = True) -> View:
        """The ranking, margin and (unless ``with_interval=False``) the leader's interval and
        how firmly it leads (:meth:`lead`)."""
        rows, margin = self.ranking()
        if not with_interval:
            return View(self.method, self.weight_map, rows, margin, None)
        return View(self.method, self.weight_map, rows, margin, self.interval(), self.lead(rows))

    def lead(self, rows: tuple[Row, ...] | None = None) -> Lead | None:
        """How firmly the current leader leads, by the rule ``decide report`` and ``decide
        explain`` use: its share of first places in the report's SMAA draws
        (:func:`~decide.analysis.lead.lead_samples` with seed :data:`~decide.analysis.lead.LEAD_SEED`,
        drawn once per method: they do not depend on the current weights) and its margin now."""
        from decide.analysis.lead import LEAD_SEED, first_rank_shares, lead_from, lead_samples

        if rows is None:
            rows, _ = self.ranking()
        samples = lead_samples(self.method)
        if self.method not in self._shares:
            self._shares[self.method] = first_rank_shares(self.matrix, self.method, samples, LEAD_SEED)
        ranked, scores = [r.strategy for r in rows], [r.score for r in rows]
        return lead_from(ranked, scores, self._shares[self.method], samples, LEAD_SEED)

    def contributions(self) -> Contribution | None:
        """Why the leader is first: each criterion's part in its score against the runner-up's,
        as ``decide explain`` computes it; ``None`` with a single strategy."""
        from decide.analysis.explain import decompose

        if len(self.matrix.strategies) < 2:
            return None
        rows, _ = self.ranking()
        names = self.matrix.strategy_names
        kind, parts = decompose(self.matrix.with_criterion_weights(self.weight_map), self.method)
        first, second = names.index(rows[0].strategy), names.index(rows[1].strategy)
        return Contribution(
            kind,
            rows[0].strategy,
            rows[1].strategy,
            tuple(self.criteria),
            tuple(float(v) for v in parts[first]),
            tuple(float(v) for v in parts[second]),
        )

    # -- how the session ends -----------------------------------------------------------

    def weight_spec(self) -> str:
        """The current weights as a ``-w`` string every command accepts."""
        return ",".join(f"{c}={format_weight(w)}" for c, w in self.weight_map.items())

    def command(self) -> str:
        """The ``decide rank`` command that reproduces the current ranking."""
        parts = ["decide", "rank"]
        path = self.matrix.path
        if path is not None and path.resolve().parent != shipped_matrices_dir().resolve():
            parts.append(str(path))
        parts += ["-a", self.matrix.actor, "-m", self.method.name]
        for key, value in self.method.params.items():
            default = next(p.default for p in self.method.parameters if p.name == key)
            if value is not None and value != default and str(value) != str(default):
                parts += ["-p", f"{key}={str(value).lower() if isinstance(value, bool) else value}"]
        if self.stated_only:
            parts.append("--stated-only")
        parts += ["-w", self.weight_spec()]
        return shlex.join(parts)

    def save_profile(self, name: str, rationale: str = "") -> Path:
        """Save the current weights as profile ``name`` in the matrix file; returns the path."""
        if self.matrix.path is None:
            raise DecideError(f"{self.matrix.label}: this matrix was not read from a file; nowhere to save a profile")
        if not name.strip():
            raise SpecError("is empty; give the profile a name", field="profile")
        path = self.matrix.path
        if path.resolve().parent == shipped_matrices_dir().resolve():
            raise DecideError(
                f"{self.matrix.label}: the shipped matrices are not changed; copy the file and tune the copy: "
                f"{shlex.join(['cp', str(path), 'my.yaml'])} && "
                f"{shlex.join(['decide', 'tune', 'my.yaml', '-a', self.matrix.actor])}"
            )
        weights = {c: float(format_weight(w)) for c, w in self.weight_map.items()}
        from decide.io.profiles import save_profile

        save_profile(path, name.strip(), weights, rationale=rationale or f"saved from decide tune ({self.method.name})")
        self.profiles[name.strip()] = weights
        self.profile = name.strip()
        return path


# -- the leader's interval ----------------------------------------------------------------


# -- profiles in the matrix file ------------------------------------------------------------


def file_profiles(matrix: Matrix) -> dict[str, dict[str, float]]:
    """The matrix file's profiles as full weights by criterion, in file order; an ordering
    becomes weights by its own rule (:func:`decide.weights.apply.apply_profile`).

    >>> list(file_profiles(Selection.of(actors="China").matrix()))
    ['mediator', 'influence', 'quiet']
    """
    from decide.weights.apply import apply_profile

    return {profile.name: dict(apply_profile(matrix, profile).weights) for profile in matrix.profiles}


# -- entry points ------------------------------------------------------------------------


def session(
    source: MatrixSource = None,
    *,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> TuneSession:
    """A :class:`TuneSession` for one actor, starting as every command does: the file's weights,
    or ``profile``'s, then ``weights`` on top (``weighting`` turns an ordering into weights);
    ``stated_only`` leaves out the strategies the articles do not advise (basis ``inferred``).

    >>> s = session(actor="China", method="wsm", profile="QUIET")
    >>> s.method.name, s.profile, list(s.profiles)
    ('wsm', 'quiet', ['file weights', 'mediator', 'influence', 'quiet'])
    """
    picked = Selection.of(source, selection, **fields)
    matrix = replace(picked, weights=None, profile=None).matrix()
    name = matrix.profile(picked.profile).name if picked.profile is not None else None  # did-you-mean on a typo
    start = None
    if picked.weights is not None:
        start = dict(apply_weights(matrix, picked.parsed_weights, name, picked.weighting).weights)
    return TuneSession(
        matrix,
        picked.method,
        profiles=file_profiles(matrix),
        profile=name,
        weights=start,
        stated_only=picked.stated_only,
    )


__all__ = [
    "BIG_STEP",
    "EQUAL_WEIGHTS",
    "FILE_WEIGHTS",
    "STEP",
    "Contribution",
    "Interval",
    "Row",
    "TuneSession",
    "View",
    "file_profiles",
    "format_weight",
    "leader_interval",
    "method_cycle",
    "session",
]
