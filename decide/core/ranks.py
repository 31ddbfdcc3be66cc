"""Drawing weights and scores, and ranking many score rows at once.

Used by SMAA, sensitivity and make-top; every draw is evaluated in blocks of
:data:`CHUNK_SIZE` samples so memory stays flat whatever the number of samples.

>>> import numpy as np
>>> w = sample_weights(np.random.default_rng(0), 1000, [0.5, 0.3, 0.2], order=[[2, 0]])
>>> bool(np.all(w[:, 2] >= w[:, 0])), bool(np.allclose(w.sum(axis=1), 1))
(True, True)
>>> batch_ranks([[0.2, 0.9, 0.2], [3.0, 1.0, 2.0]], "lower").tolist()
[[1, 2, 1], [3, 1, 2]]
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from decide.core.model import Matrix

#: Samples per block for vectorised methods: keeps temporary arrays to a few megabytes.
CHUNK_SIZE = 10_000

#: Samples per block for methods evaluated one sample at a time (keeps progress moving).
SLOW_CHUNK_SIZE = 50

#: Scores closer than this, relative to the largest score magnitude of the evaluation,
#: are tied: floating-point noise must not split a tie (nor scaling every weight by a
#: constant change a ranking). Ties share a rank (dense here; ranking tables show 1, 1, 3).
TIE_TOLERANCE = 1e-9

#: ``progress(label, done, total)``: called as work advances; the CLI draws a bar with it.
Progress = Callable[[str, int, int], None]


def chunk_size_for(vectorised: bool) -> int:
    return CHUNK_SIZE if vectorised else SLOW_CHUNK_SIZE


def seed_sequence(seed: int, actor: str) -> Any:
    """One random stream per actor, the same whichever other actors are analysed."""
    import numpy as np

    return np.random.SeedSequence([seed, zlib.crc32(actor.encode("utf-8"))])


def sample_weights(
    rng: np.random.Generator,
    samples: int,
    current: npt.ArrayLike,
    spread: float | None = None,
    order: list[list[int]] | None = None,
) -> np.ndarray:
    """``samples`` weight vectors (rows >= 0 summing to 1).

    Uniform on the simplex by default; with ``spread``, each weight uniform within
    +-spread of its ``current`` value (not below 0), then rescaled to sum to 1; with
    ``order``, uniform among the weights that respect every chain (each chain's
    weights in decreasing order).
    """
    import numpy as np

    draws = weight_draws(rng, samples, current, spread)
    weights = draws / row_sums(draws)[:, None]
    for chain in order or []:
        # The uniform distribution is exchangeable, so sorting a chain's coordinates
        # gives the uniform distribution conditioned on that order.
        weights[:, chain] = -np.sort(-weights[:, chain], axis=1)
    return weights


def weight_draws(
    rng: np.random.Generator,
    samples: int,
    current: npt.ArrayLike,
    spread: float | None = None,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """The draws (samples x criteria) that :func:`sample_weights` divides by their row
    sums: exponentials, or with ``spread`` uniform numbers within +-spread of ``current``
    (not below 0); into ``out`` when given (the same numbers, no new array)."""
    import numpy as np

    centre = np.asarray(current, dtype=float)
    shape = (samples, len(centre))
    if spread is None:
        # Normalised exponentials are uniform on the simplex (Dirichlet(1, ..., 1)).
        return rng.standard_exponential(shape) if out is None else rng.standard_exponential(out=out)
    low = np.maximum(centre - spread, 0.0)
    high = centre + spread
    if out is None:
        return low + (high - low) * rng.random(shape)
    rng.random(out=out)
    out *= high - low
    out += low
    return out


def row_sums(table: np.ndarray) -> np.ndarray:
    """``table.sum(axis=1)``, bit for bit: for fewer than 8 columns numpy adds them one by
    one from the left, which column-wise additions repeat several times faster than a
    reduction along short rows."""
    import numpy as np

    table = np.asarray(table, dtype=float)
    if table.ndim != 2 or not 1 <= table.shape[1] < 8:
        return table.sum(axis=1)
    total = table[:, 0] + 0.0
    for column in range(1, table.shape[1]):
        total += table[:, column]
    return total


def perturb_scores(
    rng: np.random.Generator, table: np.ndarray, samples: int, noise: float, scale: tuple[float, float] | None
) -> np.ndarray:
    """``samples`` copies of ``table`` with uniform +-noise added, clipped to ``scale``."""
    draws = table[None, :, :] + rng.uniform(-noise, noise, (samples, *table.shape))
    if scale is not None:
        draws.clip(scale[0], scale[1], out=draws)
    return draws


def draw_tables(
    rng: np.random.Generator, matrix: Matrix, samples: int, noise: float = 0.0, ranges: bool = True
) -> np.ndarray | None:
    """``samples`` score tables for one matrix, or ``None`` when its scores stay fixed.

    With ``noise``, uniform +-noise around every score (clipped to the scale); else, with
    ``ranges``, every score drawn uniformly within its range (exact scores stay as they are).
    """
    if noise:
        return perturb_scores(rng, matrix.to_array(), samples, noise, matrix.scale)
    if ranges and matrix.has_ranges:
        low, high = matrix.range_arrays()
        return low + (high - low) * rng.random((samples, *low.shape))
    return None


def score_model(matrix: Matrix, noise: float = 0.0, ranges: bool = True) -> str:
    """How :func:`draw_tables` treats ``matrix``'s scores, in words for captions."""
    if noise:
        return f"scores +-{noise:g}"
    if ranges and matrix.has_ranges:
        count = sum(len(s.ranges) for s in matrix.strategies)
        return f"{count} judgement scores drawn within their ranges"
    return "scores fixed"


def batch_ranks(scores: Any, better: str = "higher") -> np.ndarray:
    """Dense ranks (1 = best, ties share a rank) of each row of ``scores``."""
    import numpy as np

    scores = np.asarray(scores, dtype=float)
    key = -scores if better == "higher" else scores
    count = key.shape[1]
    tolerance = TIE_TOLERANCE * np.abs(key).max(axis=1, keepdims=True) if key.size else key
    if count > 64:
        return _ranks_by_sorting(key, tolerance)
    # rank = 1 + how many are better by more than the tolerance: a few passes over the
    # block, faster than sorting every row. Without ties these ranks are a permutation
    # of 1..n; a tie lowers the sum, and only those rows are sorted.
    threshold = key - tolerance
    if key.shape[0] * count * count <= 4096:  # a few rows: every comparison in one step
        ranks = 1 + (key[:, None, :] < threshold[:, :, None]).sum(axis=2, dtype=np.int64)
    else:
        ranks = np.ones(key.shape, dtype=np.int16)
        for column in range(count):
            np.add(ranks, key[:, column : column + 1] < threshold, out=ranks, casting="unsafe")
        ranks = ranks.astype(np.int64)
    tied = ranks.sum(axis=1) != count * (count + 1) // 2
    if tied.any():
        ranks[tied] = _ranks_by_sorting(key[tied], tolerance[tied])
    return ranks


def _ranks_by_sorting(key: np.ndarray, tolerance: np.ndarray | None = None) -> np.ndarray:
    """Dense ranks of each row of ``key`` (lower is better) by sorting; ``tolerance`` per row
    (default: :data:`TIE_TOLERANCE` times the row's largest magnitude)."""
    import numpy as np

    if tolerance is None:
        tolerance = TIE_TOLERANCE * np.abs(key).max(axis=1, keepdims=True)
    order = np.argsort(key, axis=1, kind="stable")
    ordered = np.take_along_axis(key, order, axis=1)
    steps = np.diff(ordered, axis=1) > tolerance
    dense = np.concatenate([np.ones((len(key), 1), dtype=np.int64), 1 + np.cumsum(steps, axis=1)], axis=1)
    ranks = np.empty_like(dense)
    np.put_along_axis(ranks, order, dense, axis=1)
    return ranks


def rank_note(method_name: str) -> str:
    """What captions add for a method whose ranks here differ from ``decide rank``'s."""
    return "; ranks by Q alone, not the compromise set" if method_name == "vikor" else ""


def competition_ranks(ranks: Any) -> Any:
    """Ranks with ties sharing the best place and the next place skipped (1, 1, 3), so
    that "5 of 8" means four strategies are ahead.

    >>> competition_ranks([1, 1, 2, 3]).tolist()
    [1, 1, 3, 4]
    """
    import numpy as np

    # 1 + how many ranks are smaller: a binary search in the sorted ranks (O(n log n), no
    # n x n table)
    ranks = np.asarray(ranks)
    return 1 + np.searchsorted(np.sort(ranks, axis=None), ranks, side="left")
