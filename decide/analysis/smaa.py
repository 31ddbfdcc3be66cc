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
in blocks (:mod:`decide.core.ranks`) with the method's numpy engine where it has one,
so memory stays flat whatever the number of samples.

>>> from decide.core.model import Criterion, Matrix, Strategy
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

import math
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Unpack

from decide.analysis.acceptability import smaa_tally
from decide.analysis.drawn import SUPPORTED, draw_layout, first_counts, release_scratch
from decide.analysis.selection import Selection, SelectionFields
from decide.analysis.smaa_result import ActorSMAA, SMAAResult
from decide.core.defaults import DEFAULT_SEED
from decide.core.errors import SpecError
from decide.core.ranks import (
    CHUNK_SIZE,
    Progress,
    batch_ranks,
    chunk_size_for,
    draw_tables,
    seed_sequence,
)
from decide.io.load import MatrixSource
from decide.methods import DEFAULT_METHOD, get_method
from decide.methods.base import Method
from decide.methods.run import batch_scores, quietly
from decide.weights.spec import parse_order

if TYPE_CHECKING:
    import numpy as np

    from decide.core.model import Matrix

#: Score draws used for the confidence factors (when scores are perturbed).
CONFIDENCE_SAMPLES = 10_000


def check_options(samples: int, spread: float | None, order: str | None, score_noise: float) -> None:
    """A :class:`SpecError` for any SMAA option out of range."""
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1:
        raise SpecError(f"is {samples!r}; give a whole number >= 1, e.g. 10000", field="samples")
    from decide.core.limits import MAX_SAMPLES, brief

    if samples > MAX_SAMPLES * 1000:  # far past any ceiling: no need to time it
        raise SpecError(f"is {brief(samples)}; give at most {MAX_SAMPLES:,}", field="samples")
    if isinstance(score_noise, int) and not isinstance(score_noise, bool) and abs(score_noise) > 10**15:
        raise SpecError(f"is {brief(score_noise)}; give a number >= 0 within the scale's width", field="score_noise")
    if spread is not None and not (0 < spread <= 1):
        raise SpecError(f"is {spread}; give a number in (0, 1], e.g. 0.1", field="spread")
    if spread is not None and order is not None:
        raise SpecError("{spread} and {order} cannot be combined; choose one way to draw weights")
    if not (score_noise >= 0 and math.isfinite(score_noise)):
        raise SpecError(f"is {score_noise}; give a number >= 0, e.g. 1", field="score_noise")


def check_noise(matrix: Matrix, score_noise: float) -> None:
    """A :class:`SpecError` when ``score_noise`` exceeds the width of the matrix's scale
    (or, without a scale, the spread of its scores): such noise swamps every score."""
    if not score_noise:
        return
    if matrix.scale is not None:
        width, what = matrix.scale[1] - matrix.scale[0], f"its scale [{matrix.scale[0]:g}, {matrix.scale[1]:g}]"
    else:
        table = matrix.to_array()
        width, what = float(table.max() - table.min()) or float(abs(table).max()), "the spread of its scores"
    if score_noise > width:
        raise SpecError(
            f"is {score_noise:g}, wider than {what} ({width:g}); give a number up to {width:g}",
            field="score_noise",
            where=matrix.label,
        )


def check_samples(method: Method, matrices: Sequence[Matrix], samples: int) -> None:
    """A :class:`SpecError` when ``samples`` is above the documented ceiling, with the run
    time it would take (timed on a small batch of the first matrix)."""
    import time

    import numpy as np

    from decide.analysis import smaa_jit
    from decide.core.limits import MAX_SAMPLES, MAX_SLOW_SAMPLES

    ceiling = MAX_SAMPLES if method.vectorised else MAX_SLOW_SAMPLES
    if samples <= ceiling or not matrices:
        return
    matrix = matrices[0]
    # the engine SMAA would run, warmed up (its per-draw cost, not a batch of scores), where a
    # probe is cheap: up to the kernels' strategies (the tally grows with their square)
    engine = method.vectorised and len(matrix.strategies) <= smaa_jit.MAX_STRATEGIES
    if engine:
        probe = 20_000
        drawn = draw_tables(np.random.default_rng(0), matrix, 1, 0.0, True) is not None
        if smaa_jit.wanted(samples, len(matrix.strategies), drawn):  # loads the compiled kernels, as the run would
            smaa_tally(method, matrix, probe, np.random.default_rng(0), np.random.default_rng(1))
        smaa_tally(method, matrix, 1_000, np.random.default_rng(0), np.random.default_rng(1))
    started = time.perf_counter()
    if engine:
        smaa_tally(method, matrix, probe, np.random.default_rng(0), np.random.default_rng(1))
    else:
        probe = 2_000 if method.vectorised else 10
        batch_scores(method, matrix, np.full((probe, len(matrix.criteria)), 1 / len(matrix.criteria)))
    seconds = (time.perf_counter() - started) / probe * samples * len(matrices)
    estimate = f"{seconds / 60:.0f} minutes" if seconds >= 120 else f"{seconds:.0f} s"
    raise SpecError(
        f"is {samples:,}, above the ceiling of {ceiling:,} for {method.name} (it would take about {estimate}); "
        f"give at most {ceiling:,}",
        field="samples",
    )


#: Memory one block of draws may take (score tables, scores and ranks of every sample in it).
_BLOCK_BYTES = 256 * 1024 * 1024


def _chunk_for(strategies: int, criteria: int) -> int:
    """Samples per block so that one block stays within :data:`_BLOCK_BYTES`."""
    return max(1, _BLOCK_BYTES // (8 * strategies * (criteria + 8)))


def check_smaa_cost(method: Method, matrix: Matrix, samples: int) -> None:
    """Refuse, before drawing, SMAA over decide's memory or time limits: the rank
    acceptability table alone holds strategies x strategies numbers."""
    from decide.analysis.cost import check_cost, max_bytes, probe_seconds

    n, m = len(matrix.strategies), len(matrix.criteria)
    nbytes = 8.0 * n * n * 4 + _BLOCK_BYTES * 2
    seconds = probe_seconds(method, matrix) * samples * (1 + 0.1 * bool(matrix.has_ranges))
    fewer = "select fewer strategies (a smaller file, --stated-only)"
    reduce = fewer if nbytes > max_bytes() else f"give fewer --samples or {fewer}"
    check_cost(
        f"SMAA of {n:,} strategies x {m} criteria with {samples:,} samples by {method.name}", seconds, nbytes, reduce
    )


def smaa_matrix(
    matrix: Matrix,
    method: str | Method = DEFAULT_METHOD,
    *,
    samples: int = 10_000,
    seed: int = 0,
    spread: float | None = None,
    order: str | None = None,
    score_noise: float = 0.0,
    score_ranges: bool = True,
    progress: Progress | None = None,
    chunk_size: int | None = None,
) -> ActorSMAA:
    """SMAA of one matrix (see :func:`smaa`)."""
    import numpy as np

    chosen = get_method(method).require_weights()
    check_options(samples, spread, order, score_noise)
    check_noise(matrix, score_noise)
    chains = parse_order(order, matrix) if order is not None else None
    weight_rng, score_rng, confidence_rng = (
        np.random.default_rng(s) for s in seed_sequence(seed, matrix.actor).spawn(3)
    )
    current = matrix.weight_array()
    m = len(matrix.strategies)
    tally = smaa_tally(
        chosen,
        matrix,
        samples,
        weight_rng,
        score_rng,
        spread=spread,
        chains=chains,
        score_noise=score_noise,
        score_ranges=score_ranges,
        progress=progress,
        chunk_size=chunk_size,
    )
    counts, first_weights = tally.counts.reshape(m, m), tally.first_weights
    firsts = counts[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        central = np.where(firsts[:, None] > 0, first_weights / firsts[:, None], np.nan)
    confidence = _confidence(
        matrix, chosen, central, confidence_rng, score_noise, score_ranges, min(samples, CONFIDENCE_SAMPLES)
    )
    now = batch_ranks(batch_scores(chosen, matrix, current[None, :]), chosen.better)[0]
    return ActorSMAA(
        matrix=matrix,
        weights=matrix.weights,
        ranks_now=now,
        acceptability=counts / samples,
        central=central,
        confidences=confidence,
    )


def _confidence(
    matrix: Matrix,
    method: Method,
    central: np.ndarray,
    rng: np.random.Generator,
    noise: float,
    ranges: bool,
    samples: int,
) -> np.ndarray:
    """Share of score draws in which each strategy ranks first with its central weights."""
    import numpy as np

    confidence = np.full(len(central), np.nan)
    known = np.flatnonzero(~np.isnan(central).any(axis=1))
    if not len(known):
        return confidence
    if draw_tables(rng, matrix, 1, noise, ranges) is None:
        ranks = batch_ranks(batch_scores(method, matrix, central[known]), method.better)
        confidence[known] = ranks[np.arange(len(known)), known] == 1
        return confidence
    firsts = np.zeros(len(known))
    chunk = CHUNK_SIZE if method.vectorised else chunk_size_for(False)
    done = 0
    while done < samples:
        size = min(chunk, samples - done)
        if method.name in SUPPORTED:
            tables: Any = draw_layout(rng, matrix, size, noise)
        else:
            tables = draw_tables(rng, matrix, size, noise, ranges)
        if method.vectorised:  # the tables normalised once for every strategy
            with quietly():
                firsts += first_counts(method, matrix, tables, central, known)
        else:
            for slot, strategy in enumerate(known):
                weights = np.broadcast_to(central[strategy], (size, central.shape[1]))
                ranks = batch_ranks(batch_scores(method, matrix, weights, tables), method.better)
                firsts[slot] += np.count_nonzero(ranks[:, strategy] == 1)
        done += size
    release_scratch()
    confidence[known] = firsts / samples
    return confidence


def smaa(
    source: MatrixSource = None,
    *,
    samples: int = 10_000,
    seed: int | None = DEFAULT_SEED,
    spread: float | None = None,
    order: str | None = None,
    score_noise: float = 0.0,
    score_ranges: bool = True,
    progress: Progress | None = None,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> SMAAResult:
    """SMAA of every selected actor: rank acceptability, central weights, confidence.

    Weights are drawn uniformly from the simplex, or within +-``spread`` of the
    current weights, or uniformly under the ordinal constraints ``order``
    (``"deterrence>stability>risk>cost"``). ``score_noise`` adds uniform +-noise to
    every score, clipped to the matrix's scale; without it, every score given as a range
    in the file (a judgement the text does not pin down) is drawn uniformly within its
    range, unless ``score_ranges=False``. ``stated_only`` leaves out the strategies
    whose basis is ``inferred``. The same ``seed`` gives the same result; the default,
    :data:`~decide.core.defaults.DEFAULT_SEED` (0), is the one ``report`` uses, and the
    caption names the seed; ``seed=None`` draws a fresh one (reported too). ``progress(label, done,
    total)`` is called after every block of draws (the CLI draws a bar with it).
    """

    picked = Selection.of(source, selection, **fields)
    chosen = picked.method_object().require_weights()
    check_options(samples, spread, order, score_noise)
    if seed is None:
        seed = secrets.randbelow(2**32)
    elif not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        raise SpecError(f"is {seed!r}; give a whole number >= 0", field="seed")
    matrices = picked.matrices()
    check_samples(chosen, matrices, samples)
    for matrix in matrices:
        check_noise(matrix, score_noise)
        check_smaa_cost(chosen, matrix, samples)
    results = tuple(
        smaa_matrix(
            m,
            chosen,
            samples=samples,
            seed=seed,
            spread=spread,
            order=order,
            score_noise=score_noise,
            score_ranges=score_ranges,
            progress=progress,
        )
        for m in matrices
    )
    if spread is not None:
        model = f"within +-{spread:g} of current"
    elif order is not None:
        model = f"uniform with {order.replace(' ', '')}"
    else:
        model = "uniform on the simplex"
    return SMAAResult(chosen, samples, seed, model, float(score_noise), results, score_ranges)


__all__ = ["ActorSMAA", "SMAAResult", "check_options", "smaa", "smaa_matrix"]
