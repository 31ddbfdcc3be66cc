"""How firmly the leader leads, in words, the same everywhere: ``decide report`` (its summary
and brief), ``decide explain`` and ``decide tune`` all call :func:`lead_from` with the rule of
:mod:`decide.rendering.words` ("clear", "narrow", "a near tie").

The rule reads the leader's first-rank share in SMAA: :data:`LEAD_SAMPLES` draws with seed
:data:`LEAD_SEED`, weights uniform on the simplex and judgement scores drawn within their
ranges, exactly the draws of ``decide report`` (so the words agree with the report's). With
that model the shares do not depend on the current weights, so ``tune`` draws them once
per method and re-reads only the margin after each move (2,000 draws of a 16 x 4 matrix
take a few milliseconds with a numpy engine). A method without a numpy engine (ELECTRE II,
PROMETHEE II) ranks each draw on its own (about 1 ms a draw for ELECTRE II on 16 x 4), so
``explain`` and ``tune`` draw :data:`SLOW_LEAD_SAMPLES` for it (same seed), and say how many.

>>> from decide.analysis.selection import Selection
>>> matrix = Selection.of(None, None, actors="United States").matrices()[0]
>>> from decide.methods import get_method
>>> lead = lead_of(matrix, get_method("topsis"))
>>> lead.word, lead.samples
('a near tie', 2000)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from decide.core.defaults import DEFAULT_SEED
from decide.rendering.words import answer, percent, strength

if TYPE_CHECKING:
    from decide.core.model import Matrix
    from decide.methods.base import Method

#: SMAA draws behind the words (the report's default, enough for two decimals).
LEAD_SAMPLES = 2_000
#: Their seed (the report's default), so the same data always gets the same words.
LEAD_SEED = DEFAULT_SEED
#: The draws ``explain`` and ``tune`` make for a method without a numpy engine.
SLOW_LEAD_SAMPLES = 200


def lead_samples(method: Method) -> int:
    """:data:`LEAD_SAMPLES`, or :data:`SLOW_LEAD_SAMPLES` for a method without a numpy engine."""
    return LEAD_SAMPLES if method.vectorised else SLOW_LEAD_SAMPLES


@dataclass(frozen=True)
class Lead:
    """The leader, its runner-up, and the numbers the rule reads."""

    leader: str
    runner_up: str | None
    #: share of the SMAA draws in which the leader ranks first
    share: float
    #: the leader's lead over the runner-up as a share of the spread between the best and worst score
    margin: float
    #: the other strategy first in most draws, and its share
    contender: str | None
    contender_share: float
    samples: int
    seed: int

    @property
    def word(self) -> str:
        """``"clear"``, ``"narrow"`` or ``"a near tie"``."""
        return strength(self.share, self.margin, self.contender_share)

    @property
    def sentence(self) -> str:
        """The brief's answer: who leads and how firmly, in one sentence."""
        return answer(self.leader, self.runner_up, self.share, self.margin, self.contender, self.contender_share)

    def short(self) -> str:
        """``a near tie (18% first in 2000 draws)``, for a status line."""
        return f"{self.word} ({percent(self.share)} first in {self.samples} draws)"


def lead_from(
    ranked: Sequence[str], scores: Sequence[float], shares: Mapping[str, float], samples: int, seed: int
) -> Lead:
    """The lead of the first of ``ranked`` (strategies best first, ``scores`` in that order)
    with first-rank ``shares`` per strategy."""
    leader = str(ranked[0])
    runner_up = str(ranked[1]) if len(ranked) > 1 else None
    spread = abs(float(scores[0]) - float(scores[-1]))
    margin = abs(float(scores[0]) - float(scores[1])) / spread if runner_up and spread > 0 else 0.0
    others = {str(s): float(v) for s, v in shares.items() if str(s) != leader}
    contender = max(others, key=lambda s: others[s]) if others else None
    return Lead(
        leader,
        runner_up,
        float(shares[leader]),
        margin,
        contender,
        others[contender] if contender else 0.0,
        samples,
        seed,
    )


def first_rank_shares(
    matrix: Matrix, method: Method, samples: int = LEAD_SAMPLES, seed: int = LEAD_SEED
) -> dict[str, float]:
    """Each strategy's share of SMAA draws at rank 1: the same draws and counts as
    :func:`decide.analysis.smaa.smaa_matrix` with this seed, without its confidence factors."""
    import numpy as np

    from decide.analysis.acceptability import smaa_tally
    from decide.core.ranks import seed_sequence

    weight_rng, score_rng, _ = (np.random.default_rng(s) for s in seed_sequence(seed, matrix.actor).spawn(3))
    tally = smaa_tally(method, matrix, samples, weight_rng, score_rng)
    count = len(matrix.strategies)
    firsts = tally.counts.reshape(count, count)[:, 0]
    return {name: float(c) / samples for name, c in zip(matrix.strategy_names, firsts, strict=True)}


def lead_of(
    matrix: Matrix,
    method: Method,
    ranked: Sequence[str] | None = None,
    scores: Sequence[float] | None = None,
    samples: int | None = None,
    seed: int = LEAD_SEED,
) -> Lead | None:
    """The lead under ``method`` (``ranked`` and ``scores``: the ranking, best first, when
    already known; ``samples`` by default :func:`lead_samples`); ``None`` when the method
    does not use weights (SMAA varies them)."""
    if not method.uses_weights:
        return None
    if samples is None:
        samples = lead_samples(method)
    if ranked is None or scores is None:
        from decide.analysis.actor_ranking import rank_matrix

        table = rank_matrix(matrix, method).table
        ranked, scores = list(table["strategy"]), list(table["score"].astype(float))
    return lead_from(ranked, scores, first_rank_shares(matrix, method, samples, seed), samples, seed)


__all__ = [
    "LEAD_SAMPLES",
    "LEAD_SEED",
    "SLOW_LEAD_SAMPLES",
    "Lead",
    "first_rank_shares",
    "lead_from",
    "lead_of",
    "lead_samples",
]
