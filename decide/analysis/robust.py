"""Robust choice: which strategy holds up across scenarios, weight profiles and methods.

Every strategy is ranked in every *cell* of the grid scenario x profile x method (ranks
as ``decide rank`` gives them: ties share the best place, the next is skipped).
Per strategy, the result reports the share of cells where it is first and in the
top three, its best and worst rank, and its **regret** in each cell: how far its
score falls short of the cell's best, on the cell's own scale (0 for the cell's
best strategy, 1 for its worst), with the maximum and the mean over the cells. The
verdict names the strategy first most often and the one with the smallest maximum
regret (minimax regret, Savage 1951) and says whether they agree.

>>> from decide.core.model import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...     strategies=(
...         Strategy("Bold", {"gain": 9, "cost": 8}),
...         Strategy("Safe", {"gain": 6, "cost": 3}),
...         Strategy("Idle", {"gain": 2, "cost": 2}),
...     ),
...     scale=(1, 10),
... )
>>> result = robust(m, methods="wsm,topsis")
>>> result["Example"].ranks.tolist()
[[2, 1, 2], [3, 1, 2]]
>>> result["Example"].minimax_regret
['Safe']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.robust_result import (
    FILE_PROFILE,
    ActorRobust,
    Cell,
    RobustResult,
    leaders,
    regret,
)
from decide.analysis.selection import Selection, SelectionFields
from decide.core.errors import SpecError, UnknownNameError
from decide.core.progress import report_progress
from decide.io.load import MatrixSource
from decide.io.scenarios import BASELINE, Scenario, apply_scenario, select_scenarios
from decide.methods import METHODS, get_method
from decide.methods.base import Method
from decide.weights.apply import apply_weights
from decide.weights.spec import WeightsLike

if TYPE_CHECKING:
    from decide.core.model import Matrix


ProfilesLike = str | Mapping[str, WeightsLike] | Sequence[str | Mapping[str, float]] | None


def default_methods() -> list[str]:
    """The methods a grid uses when none are named: the compensatory ones with a numpy
    engine (fast; PROMETHEE II has one too, but is named when wanted).

    >>> default_methods()
    ['wsm', 'wpm', 'topsis', 'vikor']
    """
    return [name for name, cls in METHODS.items() if cls.vectorised and name != "promethee2"]


def _profile_weights(matrix: Matrix, profile: Any) -> dict[str, float]:
    """The normalised weights of one named profile of ``matrix``: a weights mapping, or a
    profile object of the matrix file (applied by ``decide.weighting.apply_profile`` when
    that module exists)."""
    import importlib

    if isinstance(profile, (Mapping, str)):
        return dict(apply_weights(matrix, profile).weights)
    try:
        apply_profile = importlib.import_module("decide.weights.apply").apply_profile
    except (ImportError, AttributeError):
        return dict(apply_weights(matrix, profile.weights).weights)
    return dict(apply_profile(matrix, profile).weights)


def _matrix_profiles(matrix: Matrix) -> dict[str, dict[str, float]]:
    """The named weight profiles of ``matrix``: the file weights, then any the file names."""
    profiles = {FILE_PROFILE: dict(matrix.weights)}
    named: Any = getattr(matrix, "profiles", None) or ()
    items = named.items() if isinstance(named, Mapping) else [(p.name, p) for p in named]
    for name, profile in items:
        profiles[str(name)] = _profile_weights(matrix, profile)
    return profiles


def resolve_profiles(matrix: Matrix, profiles: ProfilesLike = None) -> dict[str, dict[str, float]]:
    """The weight profiles of a grid, by name, each normalised to sum to 1.

    ``None`` or ``"all"``: the file weights (``file``) and every profile the matrix
    names; ``"a,b"`` or a list of names: those; a mapping ``name -> weights`` or a
    list of weight mappings (named ``weights 1``, ...): those weights, each over the
    file's (like ``--weights``).

    >>> from decide.io.load import load_matrices
    >>> china = [m for m in load_matrices() if m.actor == "China"][0]
    >>> list(resolve_profiles(china, {"hawk": {"deterrence": 0.7}}))
    ['hawk']
    """
    known = _matrix_profiles(matrix)
    if profiles is None or (isinstance(profiles, str) and profiles.strip().lower() == "all"):
        return known
    if isinstance(profiles, str):
        profiles = [part.strip() for part in profiles.split(",") if part.strip()]
    if isinstance(profiles, Mapping):
        items = list(profiles.items())
    else:
        items = [
            (entry, entry) if isinstance(entry, str) else (f"weights {index}", entry)
            for index, entry in enumerate(profiles, start=1)
        ]
    chosen: dict[str, dict[str, float]] = {}
    for name, weights in items:
        if isinstance(weights, str) and weights == name and "=" not in weights:
            found = [key for key in known if key.casefold() == name.casefold()]
            if not found:
                from decide.core.suggest import unknown_name

                raise UnknownNameError(unknown_name("profile", name, list(known), matrix.actor))
            chosen[found[0]] = known[found[0]]
        else:
            chosen[str(name)] = dict(apply_weights(matrix, weights).weights)
    if not chosen:
        raise SpecError("is empty; write all or a list of profile names", field="profiles")
    return chosen


def resolve_methods(methods: str | Sequence[str | Method] | None, params: Mapping[str, Any] | None) -> list[Method]:
    """The methods of a grid: ``None`` for the vectorised ones, ``"all"``, ``"a,b"`` or a list.

    ``params`` holds parameters per method, ``{"vikor": {"v": 0.3}}`` or ``{"vikor.v": "0.3"}``.

    >>> [m.title for m in resolve_methods("topsis,vikor", {"vikor.v": "0.3"})]
    ['topsis (normalization=vector)', 'vikor (v=0.3, use_compromise_set=true)']
    """
    if methods is None:
        methods = default_methods()
    elif isinstance(methods, str):
        methods = (
            list(METHODS)
            if methods.strip().lower() == "all"
            else [part.strip() for part in methods.split(",") if part.strip()]
        )
    if not methods:
        raise SpecError("is empty; write e.g. topsis,vikor", field="methods")
    from decide.analysis.compare import _split_params

    given = {get_method(entry).name: get_method(entry) for entry in methods}
    per_method = _split_params(params, list(given))
    return [get_method(method, per_method[name]) for name, method in given.items()]


def robust_matrix(
    matrix: Matrix,
    methods: Sequence[Method],
    scenarios: str | Iterable[str | Scenario] | None = "all",
    profiles: ProfilesLike = None,
    stated_only: bool = False,
) -> ActorRobust:
    """The grid of one actor: every strategy ranked in every scenario x profile x method.

    Vectorised methods score all profiles of a scenario in one call
    (:func:`decide.methods.run.batch_scores`); the others run once per cell. With
    ``stated_only``, inferred strategies are left out after each scenario is applied.

    >>> from decide.io.load import resolve_matrices
    >>> japan = resolve_matrices(None, "japan")[0]
    >>> item = robust_matrix(japan, resolve_methods("wsm,topsis", None), profiles="file")
    >>> len(item.cells), item.ranks.shape[1] == len(item.strategies)
    (8, True)
    """
    import numpy as np

    from decide.core.ranks import competition_ranks
    from decide.methods.run import batch_scores, evaluate

    chosen_scenarios = select_scenarios(matrix, scenarios)
    chosen_profiles = resolve_profiles(matrix, profiles)
    weights = np.array([[w[c] for c in matrix.criterion_names] for w in chosen_profiles.values()], dtype=float)
    from decide.analysis.cost import check_grid

    check_grid(matrix, methods, len(chosen_scenarios) * len(chosen_profiles))
    cells: list[Cell] = []
    ranks, scores, regrets = [], [], []
    for done, scenario in enumerate(chosen_scenarios):
        report_progress(f"robust {matrix.actor}", done, len(chosen_scenarios))
        adjusted = apply_scenario(matrix, scenario)
        if stated_only:
            adjusted = adjusted.stated_only()
        name = BASELINE if scenario is None else scenario.name
        table, cost = adjusted.to_array(), adjusted.cost_mask()
        for method in methods:
            if method.vectorised:
                method.check(adjusted)
                block = batch_scores(method, adjusted, weights)
                block_ranks = np.array(
                    [method.rank_scores(block[i], table, cost, weights[i]) for i in range(len(weights))]
                )
            else:
                evaluated = [evaluate(method, adjusted.with_criterion_weights(w)) for w in chosen_profiles.values()]
                block_ranks = np.array([r for r, _ in evaluated])
                block = np.array([s for _, s in evaluated])
            cells += [Cell(name, profile, method) for profile in chosen_profiles]
            ranks.append(np.array([competition_ranks(row) for row in block_ranks]))
            scores.append(block)
            regrets.append(regret(block, method.better))
    return ActorRobust(
        matrix=matrix.stated_only() if stated_only else matrix,
        scenarios=tuple(chosen_scenarios),
        profiles=chosen_profiles,
        cells=tuple(cells),
        ranks=np.vstack(ranks).astype(int),
        scores=np.vstack(scores),
        regret=np.vstack(regrets),
    )


def robust(
    source: MatrixSource = None,
    *,
    scenarios: str | Iterable[str | Scenario] | None = "all",
    profiles: ProfilesLike = None,
    methods: str | Sequence[str | Method] | None = None,
    all_actors: bool = False,
    cells: bool = False,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> RobustResult:
    """Which strategy of each actor holds up across scenarios, weight profiles and methods.

    ``scenarios``: ``"all"`` (the baseline and every scenario of the actor), ``"a,b"``
    or a list of names or :class:`~decide.analysis.scenarios.Scenario` objects. ``profiles``:
    ``None``/``"all"`` (the file weights and any named profiles), names, or weight
    mappings (see :func:`resolve_profiles`). ``methods``: default the vectorised ones
    (wsm, wpm, topsis, vikor), ``"all"``, ``"a,b"`` or a list; ``params`` per method,
    ``{"vikor": {"v": 0.3}}``. ``all_actors=True`` prints one row per actor.
    ``stated_only=True`` leaves out the strategies whose basis is ``inferred``;
    ``cells=True`` adds each strategy's regret in every cell to the printed tables.
    """
    picked = Selection.of(source, selection, **fields)
    if picked.weights is not None or picked.profile is not None or picked.scenario is not None:
        raise SpecError(
            "robust varies the weights, profiles and scenarios itself; name them with profiles= and scenarios=",
            field="profiles",
        )
    chosen = resolve_methods(methods, picked.params)
    matrices = replace(picked, stated_only=False).unweighted()
    per_actor = _scenarios_per_actor(matrices, scenarios)
    return RobustResult(
        tuple(chosen),
        tuple(robust_matrix(m, chosen, per_actor[i], profiles, picked.stated_only) for i, m in enumerate(matrices)),
        all_actors,
        cells,
    )


def _scenarios_per_actor(
    matrices: Sequence[Matrix], scenarios: str | Iterable[str | Scenario] | None
) -> list[str | Iterable[str | Scenario] | None]:
    """The scenarios each actor's grid runs: with several actors, a named scenario is run for
    the actors that have it (an error if none has it)."""
    from decide.io.scenarios import find_scenario, load_scenarios

    if len(matrices) < 2 or scenarios is None:
        return [scenarios] * len(matrices)
    if isinstance(scenarios, str):
        if scenarios.strip().lower() == "all":
            return [scenarios] * len(matrices)
        scenarios = [part.strip() for part in scenarios.split(",") if part.strip()]
    entries = list(scenarios)

    def has(matrix: Matrix, entry: str | Scenario) -> bool:
        if not isinstance(entry, str) or entry.strip().casefold() == BASELINE:
            return True
        try:
            find_scenario(matrix, entry)
        except UnknownNameError:
            return False
        return True

    for entry in entries:
        if not any(has(m, entry) for m in matrices):
            known = sorted({s.name for m in matrices for s in load_scenarios(m)})
            raise UnknownNameError(
                f"unknown scenario '{entry}'; the selected actors' scenarios: {', '.join([BASELINE, *known])}"
            )
    return [[entry for entry in entries if has(m, entry)] or [BASELINE] for m in matrices]


__all__ = [
    "FILE_PROFILE",
    "ActorRobust",
    "Cell",
    "RobustResult",
    "leaders",
    "regret",
    "resolve_methods",
    "resolve_profiles",
    "robust",
    "robust_matrix",
]
