"""What the brief says, computed: per actor the leader and how firmly it leads, which methods
really agree, what would change the answer (weights, scenarios) and how much of it rests on
judgement; the pages themselves are built by :mod:`decide.rendering.brief_html`.

>>> from decide.analysis.report import report
>>> facts = brief_facts(report(actors="United States", samples=500, seed=0, methods="wsm,topsis,electre2"))
>>> facts.actors[0].strength
'a near tie'
>>> facts.actors[0].agreement.agreeing, facts.actors[0].agreement.shared
(('topsis',), (('electre2', 5),))
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from decide.core.frame import EQUAL_WEIGHTS
from decide.rendering.brief_html import ActorFacts, Agreement, BriefFacts
from decide.rendering.document import slug
from decide.rendering.words import percent

if TYPE_CHECKING:
    from decide.analysis.compare import Comparison
    from decide.core.model import Matrix
    from decide.methods.base import Method

#: A method that ranks more than this share of the strategies first together does not discriminate.
BLIND_SHARE = 0.5


def file_label(matrix: Matrix) -> str:
    """``china.yaml (shipped)``, ``my.yaml``, or the actor's name for a matrix built in Python."""
    if matrix.path is None:
        return f"{matrix.actor} (built in Python)"
    from decide.core.paths import shipped_label

    shipped = shipped_label(matrix.path).startswith("shipped matrices/")
    return f"{matrix.path.name} (shipped)" if shipped else matrix.path.name


def agreement(comparison: Comparison, leader: str) -> Agreement:
    """Which compared methods rank ``leader`` first alone; which share first place, put another
    first, or rank most strategies first together (do not discriminate)."""
    ranks = comparison.ranks
    total = len(ranks)
    agreeing, shared, other, blind = [], [], [], []
    for method in ranks.columns:
        column = ranks[method]
        firsts = [str(s) for s in column.index[column == 1]]
        if total > 2 and len(firsts) > BLIND_SHARE * total:
            blind.append((str(method), len(firsts), total))
        elif firsts == [leader]:
            agreeing.append(str(method))
        elif leader in firsts:
            shared.append((str(method), len(firsts)))
        else:
            other.append((str(method), " and ".join(firsts) if firsts else "nothing"))
    return Agreement(tuple(str(m) for m in ranks.columns), tuple(agreeing), tuple(shared), tuple(other), tuple(blind))


def _weight_change(matrix: Matrix, method: Method, runner_up: str | None) -> str:
    """The smallest weight change (L1) that ranks the runner-up first, in words."""
    if runner_up is None:
        return "There is no other strategy."
    if not method.uses_weights:
        return f"{method.name} does not use weights."
    from decide.analysis.make_top import make_top

    found = make_top(matrix, strategy=runner_up, method=method)
    if found.already_first:
        return f"{runner_up} already shares first place."
    if not found.feasible:
        how = "" if found.exact else " (a sampled search, not a proof)"
        return f"No weighting found ranks {runner_up} first{how}."
    frame = found.frame
    moved = frame[frame["change"].abs() >= 0.0005].sort_values("change", key=abs, ascending=False)
    digits = 2 if found.distance >= 0.05 and (moved["change"].abs() >= 0.005).all() else 3
    steps = ", ".join(f"{r.criterion} {r._2:.{digits}f} → {r._3:.{digits}f}" for r in moved.itertuples())
    how = "" if found.exact else "; found by a sampled search"
    return (
        f"{runner_up} becomes first when the weights move by {found.distance:.{digits}f} in total "
        f"({percent(found.distance / 2)} of the weight moves to other criteria{how}): {steps or 'a rounding change'}."
    )


def _flips(b: Any, method: Method, leader: str) -> tuple[tuple[tuple[str, str], ...], int]:
    """The scenarios under which another strategy is first (file weights, the report's method)."""
    from decide.io.scenarios import BASELINE

    if b.robust is None:
        return (), 0
    cells = [
        i
        for i, c in enumerate(b.robust.cells)
        if c.profile == "file" and c.method.name == method.name and c.scenario != BASELINE
    ]
    names = b.robust.strategies
    if not cells:  # the report's method is not in the grid: rank each scenario with it
        return _flips_by_ranking(b, method, leader)
    flips = []
    for i in cells:
        firsts = [names[j] for j, r in enumerate(b.robust.ranks[i]) if r == 1]
        if firsts != [leader]:
            flips.append((b.robust.cells[i].scenario, " and ".join(firsts)))
    return tuple(flips), len(cells)


def _flips_by_ranking(b: Any, method: Method, leader: str) -> tuple[tuple[tuple[str, str], ...], int]:
    from decide.analysis.actor_ranking import rank_matrix
    from decide.core.errors import DecideError
    from decide.io.scenarios import apply_scenario

    assert b.robust is not None
    flips, count = [], 0
    for scenario in b.robust.scenarios:
        if scenario is None:
            continue
        try:
            ranked = rank_matrix(apply_scenario(b.matrix, scenario), method)
        except DecideError:
            continue
        count += 1
        firsts = list(ranked.table.loc[ranked.table["rank"] == 1, "strategy"])
        if firsts != [leader]:
            flips.append((scenario.name, " and ".join(map(str, firsts))))
    return tuple(flips), count


def chart_order(order: list[str], contender: str | None, most: int = 8) -> tuple[str, ...]:
    """The method's order, cut to ``most`` strategies but always showing ``contender`` (the
    strategy first most often in SMAA after the leader) in its place at the end.

    >>> chart_order(list("ABCDEFGHIJ"), "J", 4)
    ('A', 'B', 'C', 'J', 'D', 'E', 'F', 'G', 'H', 'I')
    """
    if contender is None or contender not in order or order.index(contender) < most:
        return tuple(order)
    rest = [s for s in order if s != contender]
    return (*rest[: most - 1], contender, *rest[most - 1 :])


def certainty_counts(matrix: Matrix) -> dict[str, int]:
    """How many scores are stated, implied or judgement (``not given`` when the file is silent)."""
    counts = {"stated": 0, "implied": 0, "judgement": 0, "not given": 0}
    for strategy in matrix.strategies:
        for criterion in matrix.criterion_names:
            level = strategy.certainty.get(criterion)
            counts[level if level in counts else "not given"] += 1
    return counts


def judgement_weight(matrix: Matrix, strategy: str) -> float:
    """The share of the weight on criteria where ``strategy``'s score is a judgement."""
    found = next(s for s in matrix.strategies if s.name == strategy)
    weights = matrix.weights
    return sum(w for c, w in weights.items() if found.certainty.get(c) == "judgement" or c in found.ranges)


def judgement_flips(matrix: Matrix, method: Method, leader: str, runner_up: str) -> bool:
    """Whether ``runner_up`` ranks at or above ``leader`` with every ranged score of the two at
    the end of its range that favours the runner-up."""
    from decide.methods.run import evaluate

    cost = {c.name: c.objective == "min" for c in matrix.criteria}

    def moved(strategy: Any, favour: bool) -> Any:
        scores = dict(strategy.scores)
        for criterion, (low, high) in strategy.ranges.items():
            good = low if cost[criterion] else high
            bad = high if cost[criterion] else low
            scores[criterion] = good if favour else bad
        return replace(strategy, scores=scores)

    strategies = tuple(
        moved(s, False) if s.name == leader else moved(s, True) if s.name == runner_up else s for s in matrix.strategies
    )
    ranks, _ = evaluate(method, replace(matrix, strategies=strategies))
    names = matrix.strategy_names
    return int(ranks[names.index(runner_up)]) <= int(ranks[names.index(leader)])


def actor_facts(b: Any, report: Any) -> ActorFacts:
    method = report.method
    table = b.ranking.table
    scores = table["score"].astype(float)
    leader = str(table["strategy"].iloc[0])
    runner_up = str(table["strategy"].iloc[1]) if len(table) > 1 else None
    spread = abs(float(scores.iloc[0]) - float(scores.iloc[-1]))
    margin = abs(float(scores.iloc[0]) - float(scores.iloc[1])) / spread if runner_up and spread > 0 else 0.0
    shares = b.first_rank_acceptability
    others = shares.drop(leader)
    contender = str(others.idxmax()) if len(others) else None
    flips, count = _flips(b, method, leader)
    weight_method = method if method.uses_weights else b.sensitivity.method
    notes = []
    if not method.uses_weights:
        notes.append(
            f"{method.name} does not use weights; the weight change and the random weightings use {weight_method.name}."
        )
    return ActorFacts(
        actor=b.actor,
        anchor=slug(b.actor),
        file_label=file_label(b.matrix),
        leader=leader,
        runner_up=runner_up,
        share=float(shares[leader]),
        contender=contender,
        contender_share=float(others.max()) if len(others) else 0.0,
        margin=margin,
        why=b.contributions.sentences[leader],
        agreement=agreement(b.comparison, leader),
        weight_change=_weight_change(b.matrix, weight_method, runner_up),
        flips=flips,
        scenarios=count,
        certainty=certainty_counts(b.matrix),
        leader_judgement=judgement_weight(b.matrix, leader),
        runner_judgement=judgement_weight(b.matrix, runner_up) if runner_up else 0.0,
        judgement_flips=bool(runner_up) and judgement_flips(b.matrix, method, leader, str(runner_up)),
        acceptability=b.smaa.results[0].rank_acceptability,
        order=chart_order(list(table["strategy"]), contender),
        samples=report.samples,
        method=b.smaa.method.name,
        notes=tuple(notes),
        ranked=tuple(map(str, table["strategy"])),
    )


def question(report: Any) -> str:
    """What the brief answers, from the data it was made from."""
    criteria = list(dict.fromkeys(c.name for b in report.results for c in b.matrix.criteria))
    actors = ", ".join(b.actor for b in report.results)
    equal = [b.matrix.weights_source == EQUAL_WEIGHTS for b in report.results]
    if all(equal):
        none = "no file gives weights" if len(equal) > 1 else "the file gives none"
        weighted = f"weighted equally ({none})"
    elif any(equal):
        weighted = "weighted as each file says (equally where a file gives none)"
    else:
        weighted = "weighted as its file says" if len(equal) == 1 else "weighted as each file says"
    return (
        f"For each actor ({actors}), which of its strategies does best on "
        f"{', '.join(criteria[:-1]) + ' and ' + criteria[-1] if len(criteria) > 1 else criteria[0]}, "
        f"{weighted}, and how firmly?"
    )


def head(report: Any) -> tuple[tuple[str, str], ...]:
    """What the brief was made from, short: file names, method, SMAA model, methods compared, version."""
    from decide.rendering.workbook import _version

    return (
        ("data", ", ".join(file_label(b.matrix) for b in report.results)),
        ("method", report.method.title),
        (
            "weights",
            "; ".join(dict.fromkeys(b.matrix.weights_source for b in report.results))
            if report.method.uses_weights
            else f"not used by {report.method.name}",
        ),
        ("SMAA", report._smaa_model()),
        ("methods compared", ", ".join(report.methods)),
        ("decide", _version()),
    )


def interactive_data(report: Any) -> list[dict[str, Any]]:
    """Each actor's matrix for the interactive brief's sliders (:mod:`decide.rendering.interactive_html`)."""
    from decide.core.paths import shipped_label
    from decide.rendering.interactive_html import actor_data

    data = []
    for b in report.results:
        m = b.matrix
        shipped = m.path is not None and shipped_label(m.path).startswith("shipped matrices/")
        data.append(
            actor_data(
                m.actor,
                slug(m.actor),
                m.path.name if m.path is not None else m.actor,
                shipped,
                [(c.name, c.objective == "min") for c in m.criteria],
                list(m.weight_array()),
                m.strategy_names,
                m.to_array().tolist(),
                report.method.name,
            )
        )
    return data


def brief_facts(report: Any) -> BriefFacts:
    return BriefFacts(question(report), head(report), tuple(actor_facts(b, report) for b in report.results))


__all__ = [
    "BLIND_SHARE",
    "agreement",
    "brief_facts",
    "certainty_counts",
    "file_label",
    "judgement_flips",
    "judgement_weight",
    "chart_order",
    "interactive_data",
]
