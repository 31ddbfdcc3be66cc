"""SMAA: how often each strategy takes each rank when weights (and scores) are uncertain.

Stochastic multicriteria acceptability analysis (Lahdelma & Salminen, 2001) draws
many weight vectors, optionally perturbs the scores, ranks the strategies for every
draw, and reports for each strategy:

- its *rank acceptability* indices: the share of draws in which it takes each rank;
- its *first-rank acceptability* (the share of draws in which it ranks first);
- its *central weight vector*: the mean of the weights that rank it first;
- its *confidence factor*: the share of score draws in which it ranks first when
  its central weights are used (0 or 1 without score noise).

Ranks come from the scores alone, ties sharing a rank (for ``vikor``, lower Q is
better and the compromise set of ``decide rank`` is not used). Draws are evaluated
in blocks by :mod:`decide.batch`, so memory stays flat whatever the number of samples.

>>> from decide.matrix import Criterion, Matrix, Strategy
>>> m = Matrix(
...     actor="Example",
...     criteria=(Criterion("gain", "max", 1.0), Criterion("cost", "min", 1.0)),
...     strategies=(
...         Strategy("Best", {"gain": 9, "cost": 1}),
...         Strategy("Cheap", {"gain": 2, "cost": 1}),
...         Strategy("Bold", {"gain": 8, "cost": 7}),
...     ),
... )
>>> result = smaa(m, method="wsm", samples=2000, seed=1)
>>> result["Example"].first_rank_acceptability.round(2).to_dict()
{'Best': 1.0, 'Cheap': 0.0, 'Bold': 0.0}
"""

from __future__ import annotations

import contextlib
import math
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from decide.batch import (
    BATCHED,
    CHUNK_SIZE,
    batch_ranks,
    batch_scores,
    better,
    rank_note,
    score_table,
)
from decide.errors import SpecError
from decide.matrix import Matrix
from decide.methods import DEFAULT_METHOD
from decide.ranking import Section, format_params, format_weights, resolve_matrices
from decide.weights import WeightsLike, apply_weights

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from decide.ranking import MatrixSource

#: Score draws used for the confidence factors (when scores are perturbed).
CONFIDENCE_SAMPLES = 10_000

#: Block size for methods evaluated one sample at a time (keeps the progress bar moving).
SLOW_CHUNK_SIZE = 50

ORDER_EXAMPLE = "deterrence>stability>risk>cost"


def parse_order(spec: str, matrix: Matrix) -> list[list[int]]:
    """Criterion indices of each chain of ``"a>b>c"`` (several chains: ``"a>b, c>d"``).

    >>> from decide.matrix import Criterion, Matrix, Strategy
    >>> m = Matrix("X", (Criterion("a", "max", 1), Criterion("b", "max", 1),
    ...                  Criterion("c", "min", 1)), (Strategy("S", {"a": 1, "b": 1, "c": 1}),))
    >>> parse_order("c > a", m)
    [[2, 0]]
    """
    chains: list[list[int]] = []
    seen: set[str] = set()
    names = matrix.criterion_names
    for part in spec.split(","):
        if not part.strip():
            continue
        chain = [name.strip() for name in part.split(">")]
        if len(chain) < 2 or not all(chain):
            raise SpecError(
                f"--order: '{part.strip()}' is not NAME>NAME[>NAME...]; write e.g. '{ORDER_EXAMPLE}'"
            )
        for name in chain:
            matrix.criterion(name)  # UnknownNameError lists the criteria
            if name in seen:
                raise SpecError(f"--order: criterion '{name}' appears twice; name each criterion once")
            seen.add(name)
        chains.append([names.index(name) for name in chain])
    if not chains:
        raise SpecError(f"--order: empty; write e.g. '{ORDER_EXAMPLE}'")
    return chains


def sample_weights(
    rng: np.random.Generator,
    samples: int,
    current: Sequence[float],
    spread: float | None = None,
    order: list[list[int]] | None = None,
) -> np.ndarray:
    """``samples`` weight vectors (rows >= 0 summing to 1).

    Uniform on the simplex by default; with ``spread``, each weight uniform within
    +-spread of its ``current`` value (not below 0), then rescaled to sum to 1; with
    ``order``, uniform among the weights that respect every chain (each chain's
    weights in decreasing order).

    >>> import numpy as np
    >>> w = sample_weights(np.random.default_rng(0), 1000, [0.5, 0.3, 0.2], order=[[2, 0]])
    >>> bool(np.all(w[:, 2] >= w[:, 0])), bool(np.allclose(w.sum(axis=1), 1))
    (True, True)
    """
    import numpy as np

    current = np.asarray(current, dtype=float)
    n = len(current)
    if spread is not None:
        low = np.maximum(current - spread, 0.0)
        high = current + spread
        draws = low + (high - low) * rng.random((samples, n))
    else:
        # Normalised exponentials are uniform on the simplex (Dirichlet(1, ..., 1)).
        draws = rng.standard_exponential((samples, n))
    weights = draws / draws.sum(axis=1, keepdims=True)
    for chain in order or []:
        # The uniform distribution is exchangeable, so sorting a chain's coordinates
        # gives the uniform distribution conditioned on that order.
        weights[:, chain] = -np.sort(-weights[:, chain], axis=1)
    return weights


def perturb_scores(
    rng: np.random.Generator, table: np.ndarray, samples: int, noise: float,
    scale: tuple[float, float] | None,
) -> np.ndarray:
    """``samples`` copies of ``table`` with uniform +-noise added, clipped to ``scale``."""
    draws = table[None, :, :] + rng.uniform(-noise, noise, (samples, *table.shape))
    if scale is not None:
        draws.clip(scale[0], scale[1], out=draws)
    return draws


@contextlib.contextmanager
def progress_bar(total: int, label: str, enabled: bool) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; a click progress bar on stderr appears if the run looks longer than 1 s."""
    state: dict[str, Any] = {"done": 0, "bar": None}
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:

        def advance(count: int) -> None:
            state["done"] += count
            if state["bar"] is None and enabled and state["done"] < total:
                elapsed = time.perf_counter() - started
                if elapsed * total / state["done"] > 1.0:
                    import click

                    state["bar"] = stack.enter_context(
                        click.progressbar(length=total, label=label, file=sys.stderr)
                    )
                    state["bar"].update(state["done"])
                    return
            if state["bar"] is not None:
                state["bar"].update(count)

        yield advance


def resolve_method(method: str, params: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """The method's registry name and its resolved parameters (``wpm`` works before it is
    registered, through the batched engine)."""
    from decide.methods import METHODS, get_method

    name = method.strip().lower()
    if name in BATCHED and name not in METHODS and not params:
        return name, {}
    spec = get_method(name)  # an unknown method or parameter fails here, listing the valid ones
    if not spec.uses_weights:
        raise SpecError(
            f"method '{spec.name}' does not use weights, so varying them cannot change its ranking; "
            "choose a method that uses weights, e.g. topsis (see 'decide methods')"
        )
    return spec.name, spec.resolve_params(params)


def _check(samples: int, spread: float | None, order: str | None, score_noise: float) -> None:
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1:
        raise SpecError(f"--samples is {samples!r}; give a whole number >= 1, e.g. 10000")
    if spread is not None and not (0 < spread <= 1):
        raise SpecError(f"--spread is {spread}; give a number in (0, 1], e.g. 0.1")
    if spread is not None and order is not None:
        raise SpecError("--spread and --order cannot be combined; choose one way to draw weights")
    if not (score_noise >= 0 and math.isfinite(score_noise)):
        raise SpecError(f"--score-noise is {score_noise}; give a number >= 0, e.g. 1")


@dataclass(frozen=True)
class ActorSMAA:
    """SMAA results of one actor; every table is indexed by strategy (file order)."""

    matrix: Matrix
    weights: dict[str, float]
    rank: pd.Series
    rank_acceptability: pd.DataFrame
    central_weights: pd.DataFrame
    confidence: pd.Series

    @property
    def actor(self) -> str:
        return self.matrix.actor

    @property
    def first_rank_acceptability(self) -> pd.Series:
        """Share of draws in which each strategy ranks first (ties included)."""
        return self.rank_acceptability["rank 1"].rename("first-rank acceptability")

    def summary(self) -> pd.DataFrame:
        """Strategy, rank at the current weights, first-rank acceptability, confidence,
        central weights; most often first at the top."""
        frame = self.central_weights.add_prefix("central ")
        frame.insert(0, "confidence", self.confidence)
        frame.insert(0, "first-rank acceptability", self.first_rank_acceptability)
        frame.insert(0, "rank now", self.rank)
        frame = frame.sort_values(
            ["first-rank acceptability", "rank now"], ascending=[False, True], kind="stable"
        )
        return frame.reset_index()


@dataclass(frozen=True)
class SMAAResult:
    """SMAA of one or more actors, with everything needed to reproduce it."""

    method: str
    params: dict[str, Any]
    samples: int
    seed: int
    weight_model: str
    score_noise: float
    results: tuple[ActorSMAA, ...]

    def __getitem__(self, actor: str) -> ActorSMAA:
        for result in self.results:
            if result.matrix.matches(actor):
                return result
        raise KeyError(actor)

    def caption(self, result: ActorSMAA) -> str:
        noise = f"scores +-{self.score_noise:g}" if self.score_noise else "scores fixed"
        return (
            f"{result.actor}: SMAA with {self.method} ({format_params(self.params)})"
            f"{rank_note(self.method)}; "
            f"{self.samples} draws, seed {self.seed}; weights {self.weight_model}; {noise}; "
            f"current weights {format_weights(result.weights)}; data {result.matrix.file_name}"
        )

    def sections(self) -> list[Section]:
        """Per actor: the summary table, then the rank acceptability indices."""
        sections = []
        for result in self.results:
            caption = self.caption(result)
            summary = result.summary()
            sections.append(Section(
                f"{result.actor} SMAA",
                f"{caption}; share of draws first, confidence factor and central weights",
                _dashes(summary),
            ))
            sections.append(Section(
                f"{result.actor} ranks",
                f"{caption}; rank acceptability: share of draws at each rank",
                result.rank_acceptability.loc[summary["strategy"]].reset_index(),
            ))
        return sections

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """One row per actor and strategy: the summary, then every rank acceptability index."""
        import pandas as pd

        frames = []
        for result in self.results:
            frame = result.summary().set_index("strategy")
            frame = frame.join(result.rank_acceptability).reset_index()
            frame.insert(0, "actor", result.actor)
            if provenance:
                frame["file"] = result.matrix.file_name
                frame["method"] = self.method
                frame["params"] = format_params(self.params)
                frame["samples"] = self.samples
                frame["seed"] = self.seed
                frame["weight model"] = self.weight_model
                frame["score noise"] = self.score_noise
                frame["weights"] = format_weights(result.weights)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def to_dict(self) -> dict[str, Any]:
        def number(value: float) -> float | None:
            return None if math.isnan(value) else float(value)

        return {
            "method": self.method,
            "params": dict(self.params),
            "samples": self.samples,
            "seed": self.seed,
            "weight_model": self.weight_model,
            "score_noise": self.score_noise,
            "actors": [
                {
                    "actor": r.actor,
                    "file": r.matrix.file_name,
                    "weights": dict(r.weights),
                    "strategies": [
                        {
                            "strategy": name,
                            "rank_now": int(r.rank[name]),
                            "rank_acceptability": [float(v) for v in r.rank_acceptability.loc[name]],
                            "first_rank_acceptability": float(r.first_rank_acceptability[name]),
                            "central_weights": None
                            if r.central_weights.loc[name].isna().any()
                            else {c: float(v) for c, v in r.central_weights.loc[name].items()},
                            "confidence": number(r.confidence[name]),
                        }
                        for name in r.matrix.strategy_names
                    ],
                }
                for r in self.results
            ],
        }

    def __str__(self) -> str:
        from decide.export import render

        return render(self, "table")


def _dashes(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values (never first: no central weights) shown as '-' in text tables."""
    frame = frame.copy()
    for column in frame.columns[frame.isna().any()]:
        values = frame[column].astype(object)
        frame[column] = values.where(values.notna(), "-")
    return frame


def _seed_for(seed: int, actor: str) -> Any:
    """One random stream per actor, the same whichever other actors are analysed."""
    import numpy as np

    return np.random.SeedSequence([seed, zlib.crc32(actor.encode("utf-8"))])


def smaa_matrix(
    matrix: Matrix,
    method: str = DEFAULT_METHOD,
    *,
    samples: int = 10_000,
    seed: int = 0,
    spread: float | None = None,
    order: str | None = None,
    score_noise: float = 0.0,
    params: Mapping[str, Any] | None = None,
    progress: bool = False,
    chunk_size: int | None = None,
) -> ActorSMAA:
    """SMAA of one matrix (see :func:`smaa`)."""
    import numpy as np
    import pandas as pd

    _check(samples, spread, order, score_noise)
    chains = parse_order(order, matrix) if order is not None else None
    weight_rng, score_rng, confidence_rng = (
        np.random.default_rng(s) for s in _seed_for(seed, matrix.actor).spawn(3)
    )
    table = score_table(matrix)
    current = np.array(list(matrix.weights.values()))
    prefers = better(method)
    m, n = table.shape
    if chunk_size is None:
        chunk_size = CHUNK_SIZE if method in BATCHED else SLOW_CHUNK_SIZE
    counts = np.zeros(m * m, dtype=np.int64)
    first_weights = np.zeros((m, n))
    offsets = np.arange(m) * m
    with progress_bar(samples, f"SMAA {matrix.actor}", progress) as advance:
        done = 0
        while done < samples:
            size = min(chunk_size, samples - done)
            weights = sample_weights(weight_rng, size, current, spread, chains)
            tables = (
                perturb_scores(score_rng, table, size, score_noise, matrix.scale)
                if score_noise else None
            )
            ranks = batch_ranks(batch_scores(matrix, method, weights, params, tables), prefers)
            counts += np.bincount((offsets + ranks - 1).ravel(), minlength=m * m)
            first_weights += (ranks == 1).T.astype(float) @ weights
            done += size
            advance(size)
    counts = counts.reshape(m, m)
    firsts = counts[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        central = np.where(firsts[:, None] > 0, first_weights / firsts[:, None], np.nan)
    confidence = _confidence(
        matrix, method, params, central, confidence_rng, score_noise, min(samples, CONFIDENCE_SAMPLES)
    )
    names = pd.Index(matrix.strategy_names, name="strategy")
    now = batch_ranks(batch_scores(matrix, method, current[None, :], params), prefers)[0]
    return ActorSMAA(
        matrix=matrix,
        weights=matrix.weights,
        rank=pd.Series(now, index=names, name="rank now"),
        rank_acceptability=pd.DataFrame(
            counts / samples, index=names, columns=[f"rank {r}" for r in range(1, m + 1)]
        ),
        central_weights=pd.DataFrame(central, index=names, columns=matrix.criterion_names),
        confidence=pd.Series(confidence, index=names, name="confidence"),
    )


def _confidence(
    matrix: Matrix, method: str, params: Mapping[str, Any] | None, central: np.ndarray,
    rng: np.random.Generator, noise: float, samples: int,
) -> np.ndarray:
    """Share of score draws in which each strategy ranks first with its central weights."""
    import numpy as np

    prefers = better(method)
    confidence = np.full(len(central), np.nan)
    known = np.flatnonzero(~np.isnan(central).any(axis=1))
    if not len(known):
        return confidence
    if not noise:
        ranks = batch_ranks(batch_scores(matrix, method, central[known], params), prefers)
        confidence[known] = ranks[np.arange(len(known)), known] == 1
        return confidence
    table = score_table(matrix)
    firsts = np.zeros(len(known))
    chunk = max(1, CHUNK_SIZE // max(1, len(known))) if method in BATCHED else SLOW_CHUNK_SIZE
    done = 0
    while done < samples:
        size = min(chunk, samples - done)
        tables = perturb_scores(rng, table, size, noise, matrix.scale)
        for slot, strategy in enumerate(known):
            weights = np.broadcast_to(central[strategy], (size, central.shape[1]))
            ranks = batch_ranks(batch_scores(matrix, method, weights, params, tables), prefers)
            firsts[slot] += np.count_nonzero(ranks[:, strategy] == 1)
        done += size
    confidence[known] = firsts / samples
    return confidence


def smaa(
    source: MatrixSource = None,
    *,
    actors: Sequence[str] | str | None = None,
    method: str = DEFAULT_METHOD,
    samples: int = 10_000,
    seed: int | None = None,
    spread: float | None = None,
    order: str | None = None,
    score_noise: float = 0.0,
    weights: WeightsLike = None,
    params: Mapping[str, Any] | None = None,
    progress: bool = False,
) -> SMAAResult:
    """SMAA of every selected actor: rank acceptability, central weights, confidence.

    Weights are drawn uniformly from the simplex, or within +-``spread`` of the
    current weights, or uniformly under the ordinal constraints ``order``
    (``"deterrence>stability>risk>cost"``). ``score_noise`` adds uniform +-noise to
    every score, clipped to the matrix's scale. The same ``seed`` gives the same
    result; without one, a fresh seed is drawn and reported. ``progress`` shows a
    progress bar on stderr for runs longer than about a second.
    """
    import numpy as np

    name, params = resolve_method(method, params)
    _check(samples, spread, order, score_noise)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % 2**32)
    matrices = [apply_weights(m, weights) for m in resolve_matrices(source, actors)]
    results = tuple(
        smaa_matrix(
            m, name, samples=samples, seed=seed, spread=spread, order=order,
            score_noise=score_noise, params=params, progress=progress,
        )
        for m in matrices
    )
    if spread is not None:
        model = f"within +-{spread:g} of current"
    elif order is not None:
        model = f"uniform with {order.replace(' ', '')}"
    else:
        model = "uniform on the simplex"
    return SMAAResult(
        name, dict(params or {}), samples, seed, model, float(score_noise), results
    )


__all__ = ["ActorSMAA", "SMAAResult", "parse_order", "sample_weights", "smaa", "smaa_matrix"]
