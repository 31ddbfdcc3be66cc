"""Draft matrices from an article's items: the cue phrases for each criterion, and the matrix files.

:func:`build_drafts` makes one draft matrix per actor (``draft: true``; every score a judgement over
the whole scale, its rationale quoting the cue phrase :func:`find_cues` found), and
:func:`draft_yaml` writes one as the text of a matrix file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from decide.analysis.extract_actors import Actor
from decide.analysis.extract_items import Item
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.article_parts import first_words

SCALE = (1.0, 10.0)

# --------------------------------------------------------------------------- criteria and cues

#: Words that bear on a criterion, by criterion name (other criteria use their name and description).
CRITERION_WORDS: dict[str, tuple[str, ...]] = {
    "stability": (
        "stabil",
        "stable",
        "calm",
        "tension",
        "escalat",
        "peace",
        "misunderstanding",
        "confidence-building",
        "trust",
    ),
    "deterrence": ("deter", "counter", "pressure", "defen", "readiness", "provocation", "threat"),
    "cost": ("cost", "expens", "spend", "budget", "outlay", "price", "afford", "cheap", "fund"),
    "risk": (
        "risk",
        "challenge",
        "resistance",
        "backfire",
        "dependenc",
        "conflicting",
        "danger",
        "hardliner",
        "fail",
        "vulnerab",
    ),
    "benefit": ("benefit", "gain", "improve", "enhance", "strengthen", "advantage", "opportunit", "better"),
}
DEFAULT_CRITERIA = (
    Criterion("benefit", "max", 0.4, "What the option gains for the actor, as the article describes it."),
    Criterion("cost", "min", 0.3, "The actor's own outlay: money, forces, time, goodwill (1 = cheap, 10 = costly)."),
    Criterion("risk", "min", 0.3, "Chance that the option fails, backfires or escalates (1 = safe, 10 = risky)."),
)
_BENEFIT_HEADER = re.compile(r"benefit|advantage|outcome|\bpros?\b|gain|upside|result|effect|impact", re.I)
_CHALLENGE_HEADER = re.compile(r"challenge|risk|drawback|\bcons?\b|downside|obstacle|barrier|concern|cost", re.I)


def criterion_words(criterion: Criterion) -> tuple[str, ...]:
    """The word stems that bear on ``criterion``: a known list for the usual names, else its name and the
    longer words of its description."""
    known = CRITERION_WORDS.get(criterion.name.casefold())
    if known:
        return known
    words = [criterion.name.casefold()[:6]]
    words += [w.casefold()[:6] for w in re.findall(r"[A-Za-z]{7,}", criterion.description)]
    return tuple(dict.fromkeys(words))


@dataclass(frozen=True)
class Cue:
    """A phrase of the item that bears on a criterion, and where it stands (a column, or the text)."""

    criterion: str
    source: str
    phrase: str

    def __str__(self) -> str:
        return f"{self.source}: '{self.phrase}'"


def _clauses(text: str) -> list[str]:
    """The clauses of ``text`` (verbatim pieces between commas, semicolons, colons and dashes)."""
    return [part.strip() for part in re.split(r"[,;:—–]|\s-\s|\bwhile\b|\bwhereas\b", text) if part.strip()]


def _window(clause: str, stem: str, words: int = 12) -> str:
    """At most ``words`` words of ``clause`` around ``stem``, verbatim."""
    tokens = list(re.finditer(r"\S+", clause))
    if len(tokens) <= words:
        return clause.rstrip(".")
    hit = next((i for i, t in enumerate(tokens) if stem in t.group(0).casefold()), 0)
    start = max(0, min(hit - words // 2, len(tokens) - words))
    piece = clause[tokens[start].start() : tokens[start + words - 1].end()]
    return piece.rstrip(".,;:")


def find_cues(fragments: Sequence[tuple[str, str]], criteria: Sequence[Criterion]) -> list[Cue]:
    """The cue phrases among ``fragments`` (``(source, text)``: a column and its cell, or ``text`` and
    a sentence) for each criterion; a benefits-like column speaks to the ``max`` criteria, a
    challenges-like column to the ``min`` ones (``risk`` first).

    >>> crit = [Criterion("stability", "max", 1), Criterion("risk", "min", 1)]
    >>> [str(c) for c in find_cues([("benefits", "Enhance regional stability"),
    ...                             ("Challenges", "Resistance from hardliners")], crit)]
    ["benefits: 'Enhance regional stability'", "Challenges: 'Resistance from hardliners'"]
    """
    cues: list[Cue] = []
    taken: set[str] = set()
    for source, text in fragments:
        if not text:
            continue
        column = source if source != "text" else ""
        for criterion in criteria:  # a column named for a criterion ("Cost") speaks to it
            named = any(stem in column.casefold() for stem in criterion_words(criterion))
            if column and named and criterion.name not in taken:
                cues.append(Cue(criterion.name, source, _window(text, "")))
                taken.add(criterion.name)
        for criterion in criteria:
            if criterion.name in taken:
                continue
            stems = criterion_words(criterion)
            for clause in _clauses(text):
                folded = clause.casefold()
                stem = next((s for s in stems if s in folded), None)
                if stem:
                    cues.append(Cue(criterion.name, source, _window(clause, stem)))
                    taken.add(criterion.name)
                    break
        if column and _CHALLENGE_HEADER.search(column) and not any(c.source == source for c in cues):
            lows = [c for c in criteria if c.objective == "min" and c.name not in taken]
            chosen = next((c for c in lows if "risk" in c.name.casefold()), lows[0] if lows else None)
            if chosen is not None:
                cues.append(Cue(chosen.name, source, _window(text, "")))
                taken.add(chosen.name)
        elif column and _BENEFIT_HEADER.search(column) and not any(c.source == source for c in cues):
            highs = [c for c in criteria if c.objective == "max" and c.name not in taken]
            if len(highs) == 1:
                cues.append(Cue(highs[0].name, source, _window(text, "")))
                taken.add(highs[0].name)
    return cues


# --------------------------------------------------------------------------- drafts


def slug(name: str) -> str:
    """``name`` as a file name: lower case, words joined by ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "actor"


def _rationale(criterion: Criterion, cue: Cue | None, quote: str) -> str:
    if cue is not None:
        return f"{cue.source}: '{cue.phrase}'; a draft judgement over the whole scale until a planner scores it."
    return (
        f"The text ('{first_words(quote, 10)}') gives no cue for {criterion.name}; a draft judgement over "
        "the whole scale until a planner scores it."
    )


def draft_strategy(
    name: str, locator: str, quote: str, fragments: Sequence[tuple[str, str]], criteria: Sequence[Criterion]
) -> Strategy:
    """A strategy with every score a judgement over the whole scale and a rationale quoting its cues."""
    low, high = SCALE
    middle = (low + high) / 2
    cues = {cue.criterion: cue for cue in find_cues(fragments, criteria)}
    return Strategy(
        name,
        {c.name: middle for c in criteria},
        locator,
        {c.name: _rationale(c, cues.get(c.name), quote) for c in criteria},
        basis="stated",
        ranges={c.name: (low, high) for c in criteria},
        certainty={c.name: "judgement" for c in criteria},
    )


def _criteria_for(actor: Actor | None) -> tuple[Criterion, ...]:
    return actor.matrix.criteria if actor is not None and actor.matrix is not None else DEFAULT_CRITERIA


def build_drafts(
    items: Sequence[Item], actors: Sequence[Actor], *, only: Iterable[tuple[int, str]] | None = None
) -> tuple[list[Matrix], dict[int, list[str]]]:
    """One draft matrix per actor from the strategy items (``only``: just these (item index, actor) pairs),
    and for each item index the ``Actor: strategy`` names that carry it."""
    by_name = {a.name: a for a in actors}
    wanted = set(only) if only is not None else None
    strategies: dict[str, dict[str, Strategy]] = {}
    carried: dict[int, list[str]] = {}
    for index, item in enumerate(items):
        if not item.drafted:
            continue
        for actor_name in item.actors:
            if wanted is not None and (index, actor_name) not in wanted:
                continue
            criteria = _criteria_for(by_name.get(actor_name))
            mine = strategies.setdefault(actor_name, {})
            pieces = [(item.name, item.locator, item.quote, item.fragments)]
            pieces += [(name, locator, quote, (("text", quote),)) for name, locator, quote in item.extra]
            for name, locator, quote, fragments in pieces:
                key = name.casefold()
                if key in mine:
                    old = mine[key]
                    if locator not in old.source:
                        mine[key] = replace(old, source=f"{old.source}; also {locator}")
                else:
                    mine[key] = draft_strategy(name, locator, quote, fragments, criteria)
                carried.setdefault(index, []).append(f"{actor_name}: {mine[key].name}")
    drafts = []
    for actor_name, found in strategies.items():
        actor = by_name.get(actor_name)
        drafts.append(
            Matrix(
                actor=actor_name,
                criteria=_criteria_for(actor),
                strategies=tuple(found.values()),
                aliases=actor.aliases if actor is not None else (),
                scale=SCALE,
                weights_rationale=(
                    "Draft: the weights of the existing matrix, to review."
                    if actor and actor.matrix
                    else "Draft: default weights (benefit first), to review."
                ),
                draft=True,
            )
        )
    return drafts, carried


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def draft_document(matrix: Matrix) -> dict[str, Any]:
    """``matrix`` as the mapping a matrix file holds."""
    document: dict[str, Any] = {"actor": matrix.actor}
    if matrix.aliases:
        document["aliases"] = list(matrix.aliases)
    document["draft"] = True
    document["criteria"] = [
        {
            "name": c.name,
            "objective": c.objective,
            "weight": _number(c.weight),
            **({"description": c.description} if c.description else {}),
        }
        for c in matrix.criteria
    ]
    document["weights_rationale"] = matrix.weights_rationale
    document["scale"] = [_number(v) for v in matrix.scale or SCALE]
    document["strategies"] = [
        {
            "name": s.name,
            "basis": s.basis,
            "scores": {
                c: {"value": _number(v), "low": _number(s.ranges[c][0]), "high": _number(s.ranges[c][1])}
                for c, v in s.scores.items()
            },
            "certainty": dict(s.certainty),
            "source": s.source,
            "rationale": dict(s.rationale) if not isinstance(s.rationale, str) else s.rationale,
        }
        for s in matrix.strategies
    ]
    return document


def draft_yaml(matrix: Matrix, articles: Sequence[str]) -> str:
    """The text of a draft matrix file, with a header that says what it is."""
    import yaml

    header = (
        f"# DRAFT decision matrix for {matrix.actor}, drafted by 'decide extract' from "
        f"{', '.join(articles)}.\n# Every score is a judgement over the whole scale: review the names, "
        "the actors and the scores,\n# then remove 'draft: true'. Each source is the article's place; "
        "each rationale quotes its words.\n"
    )
    body = yaml.safe_dump(
        draft_document(matrix), sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=None
    )
    return header + body
