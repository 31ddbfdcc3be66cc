"""Words for numbers: one rule says how firmly a leader leads ("clear", "narrow", "a near tie").

The rule reads two numbers that the reader can check in the report:

- the leader's **first-rank share**: the share of SMAA draws (weights drawn at random,
  judgement scores within their ranges) in which it ranks first;
- its **margin**: the gap between its score and the runner-up's, as a share of the
  spread between the best and the worst score (so it means the same for every method).

A leader is **a near tie** when its share is under :data:`TIE_SHARE`, its margin under
:data:`TIE_MARGIN`, or another strategy is first in at least :data:`CONTENDER_RATIO` as many
draws (18.0% against 18.1% is a tie in plain words, whichever is ahead); **clear** when its
share is at least :data:`CLEAR_SHARE` and its margin at least :data:`CLEAR_MARGIN`;
**narrow** otherwise.

>>> strength(0.10, 0.011)
'a near tie'
>>> strength(0.35, 0.19)
'narrow'
>>> strength(0.70, 0.25)
'clear'
>>> strength(0.60, 0.30, contender_share=0.65)
'a near tie'
>>> strength(0.1805, 0.088, contender_share=0.18)
'a near tie'
"""

from __future__ import annotations

import math

#: Below this first-rank share the leader is a near tie.
TIE_SHARE = 0.15
#: Below this margin (share of the score spread) the leader is a near tie.
TIE_MARGIN = 0.03
#: A strategy first in at least this fraction of the leader's draws makes the lead a near tie.
CONTENDER_RATIO = 0.8
#: At or above this first-rank share (and :data:`CLEAR_MARGIN`) the leader is clear.
CLEAR_SHARE = 0.50
#: At or above this margin (and :data:`CLEAR_SHARE`) the leader is clear.
CLEAR_MARGIN = 0.10

CLEAR, NARROW, NEAR_TIE = "clear", "narrow", "a near tie"


def strength(share: float, margin: float, contender_share: float = 0.0) -> str:
    """``"clear"``, ``"narrow"`` or ``"a near tie"`` for a leader first in ``share`` of the
    draws, ahead by ``margin`` of the score spread, with the best other strategy first in
    ``contender_share`` of the draws."""
    if math.isnan(share) or math.isnan(margin):
        return NEAR_TIE
    if share < TIE_SHARE or margin < TIE_MARGIN or contender_share >= CONTENDER_RATIO * share:
        return NEAR_TIE
    if share >= CLEAR_SHARE and margin >= CLEAR_MARGIN:
        return CLEAR
    return NARROW


def percent(share: float) -> str:
    """A share as a whole percentage; under 1% but above 0 says so.

    >>> percent(0.104), percent(0.003), percent(0.0)
    ('10%', 'under 1%', '0%')
    """
    if 0 < share < 0.005:
        return "under 1%"
    return f"{100 * share:.0f}%"


def answer(
    leader: str,
    runner_up: str | None,
    share: float,
    margin: float,
    contender: str | None = None,
    contender_share: float = 0.0,
) -> str:
    """One sentence in plain words: who leads and how firmly.

    >>> answer("Talks", "Aid", 0.10, 0.01)
    'Talks leads, but it is a near tie with Aid: first in 10% of plausible weightings.'
    >>> answer("Talks", "Aid", 0.72, 0.3)
    'Talks leads clearly: first in 72% of plausible weightings, 30% of the score spread ahead of Aid.'
    >>> answer("Talks", "Aid", 0.40, 0.3, contender="Sanctions", contender_share=0.35)
    'Talks leads, but it is a near tie with Sanctions: first in 40% of plausible weightings against 35%.'
    """
    word = strength(share, margin, contender_share)
    if runner_up is None:
        return f"{leader} is the only strategy."
    if word == NEAR_TIE:
        if contender and contender != leader and contender_share >= CONTENDER_RATIO * share:
            # the tie is with the strategy first about as often, not necessarily the runner-up by score
            return (
                f"{leader} leads, but it is a near tie with {contender}: first in {percent(share)} "
                f"of plausible weightings against {percent(contender_share)}."
            )
        return (
            f"{leader} leads, but it is a near tie with {runner_up}: first in {percent(share)} of plausible weightings."
        )
    if word == NARROW:
        return (
            f"{leader} leads, but narrowly: first in {percent(share)} of plausible weightings, "
            f"{percent(margin)} of the score spread ahead of {runner_up}."
        )
    return (
        f"{leader} leads clearly: first in {percent(share)} of plausible weightings, "
        f"{percent(margin)} of the score spread ahead of {runner_up}."
    )


def method_note() -> str:
    """The rule in words, for a report's method note."""
    return (
        "How firmly a strategy leads is said in words by one rule. Its first-rank share is the share of "
        "random weightings (SMAA draws; judgement scores drawn within their ranges) in which it ranks first; "
        "its margin is its lead over the runner-up as a share of the spread between the best and the worst "
        f"score. A leader is a near tie when its share is under {percent(TIE_SHARE)}, its margin under "
        f"{percent(TIE_MARGIN)}, or another strategy is first in at least {percent(CONTENDER_RATIO)} as many "
        "draws; clear when its share is at least "
        f"{percent(CLEAR_SHARE)} and its margin at least {percent(CLEAR_MARGIN)}; narrow otherwise."
    )


__all__ = [
    "CLEAR",
    "CLEAR_MARGIN",
    "CLEAR_SHARE",
    "NARROW",
    "NEAR_TIE",
    "TIE_MARGIN",
    "TIE_SHARE",
    "answer",
    "method_note",
    "percent",
    "strength",
]
