"""The brief's section on a group matrix (``decide group FILE... -o team.yaml``, then
``decide report team.yaml``): where the analysts disagree. The group file remembers each analyst's
weights and scores (its ``group:`` block), so the report needs no other file: the widest-spread
scores with each analyst's value, Kendall's W of their weight orderings, and the analysts whose
own ranking differs most from the group's (Kendall's tau). Laid out by
:mod:`decide.rendering.group_page`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from decide.analysis.group import GroupResult, regroup
from decide.core.tables import Section
from decide.methods.base import Method


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _scores(result: GroupResult) -> tuple[str, str]:
    table = result.disagreement
    if table.empty or float(table["spread"].iloc[0]) == 0:
        return "Scores:", "the analysts gave every score the same value."
    top = table.iloc[0]
    who = ", ".join(f"{name} {top[name]:g}" for name in result.names)
    wide = int((table["spread"] > result.tolerance).sum())
    differ = int((table["spread"] > 0).sum())
    return (
        "Scores:",
        f"they differ most on {top['criterion']} of {top['strategy']} ({who}; the group's "
        f"{result.aggregate} {top['group']:g}). {differ} of {len(table)} scores differ, {wide} by more "
        f"than {result.tolerance:g} points (judgements); SMAA draws each differing score within the analysts' spread.",
    )


def _weights(result: GroupResult) -> tuple[str, str]:
    frame = result.weights
    own = frame[list(result.names)]
    widest = int((own.max(axis=1) - own.min(axis=1)).to_numpy().argmax())
    row = own.iloc[widest]
    low, high = str(row.idxmin()), str(row.idxmax())
    spread = (
        f"; they weigh {frame['criterion'].iloc[widest]} most differently "
        f"({low} {row[low]:.2f}, {high} {row[high]:.2f})"
        if row[high] > row[low]
        else ""
    )
    if result.kendall_w is None:
        return "Weights:", f"Kendall's W is undefined (an analyst weighs every criterion the same){spread}."
    return (
        "Weights:",
        f"Kendall's W of the analysts' orderings of the criteria by weight is {result.kendall_w:.2f} "
        f"(1 = the same order, 0 = no shared order){spread}.",
    )


def _rankings(result: GroupResult) -> tuple[str, str]:
    taus = {name: tau for name, tau in result.taus.items() if tau is not None}
    leader = result.ranking.top
    tops = dict(zip(result.agreement["analyst"], result.agreement["own first"], strict=True))
    others = [name for name, top in tops.items() if top != leader]
    firsts = (
        f"every analyst's own ranking puts {leader} first, as the group's does"
        if not others
        else "; ".join(f"{name}'s own ranking puts {tops[name]} first" for name in others) + f" (the group's: {leader})"
    )
    if not taus:
        return "Rankings:", firsts + "."
    furthest = min(taus, key=lambda n: taus[n])
    closest = max(taus, key=lambda n: taus[n])
    distance = (
        f"{furthest}'s ranking is furthest from the group's (Kendall's tau {taus[furthest]:.2f}; 1 = the same "
        f"order), {closest}'s closest ({taus[closest]:.2f})"
        if furthest != closest
        else f"every analyst's ranking has Kendall's tau {taus[furthest]:.2f} against the group's"
    )
    return "Rankings:", f"{firsts}; {distance}."


def group_findings(result: GroupResult) -> list[tuple[str, str]]:
    """What the page says first, in plain words: a bold opening and a sentence each."""
    return [_scores(result), _weights(result), _rankings(result)]


def group_pages(briefings: Sequence[Any], method: Method) -> list[Any]:
    """A page per group matrix among a report's ``briefings`` (none for other matrices): the
    findings in words, then the disagreement, weights and agreement tables of
    :class:`~decide.analysis.group.GroupResult`, the rankings by the report's ``method``."""
    from decide.io.sheet import SHEET_SUFFIXES
    from decide.rendering.group_page import disagreement_page

    pages = []
    for b in briefings:
        if b.matrix.group is None:
            continue
        result = regroup(b.matrix, method)
        sections = [s for s in result.sections() if s.title in ("disagreement", "weights", "agreement")]
        order = {"disagreement": 0, "weights": 1, "agreement": 2}
        sections.sort(key=lambda s: order[s.title])
        path = b.matrix.path
        block = (
            "its analysts sheet"
            if path is not None and path.suffix.casefold() in SHEET_SUFFIXES
            else "its 'group' block"
        )
        note = (
            f"The analysts' copies are kept in {b.matrix.file_name} ({block}, written by decide "
            f"group); the group's scores are their {result.aggregate}."
        )
        pages.append(disagreement_page(b.actor, group_findings(result), sections, (note,)))
    return pages


#: Disagreement rows the printed summary shows (the brief shows ten).
SUMMARY_ROWS = 5


def group_sections(briefings: Sequence[Any], method: Method) -> list[Section]:
    """What ``decide report`` prints after its summary for each group matrix: the widest spreads,
    with the findings in words under them (the brief has the whole page)."""
    sections = []
    for b in briefings:
        if b.matrix.group is None:
            continue
        result = regroup(b.matrix, method)
        table = result.disagreement
        shown = table[table["spread"] > 0].head(SUMMARY_ROWS).copy()
        for column in shown.columns[2:]:  # scores as written: 6, 6.5
            shown[column] = [f"{v:g}" for v in shown[column]]
        findings = " ".join(f"{opening} {text}" for opening, text in group_findings(result))
        sections.append(
            Section(
                f"{b.actor} analysts",
                f"{b.actor}: where the analysts disagree ({', '.join(result.names)}): the widest spreads, each "
                f"analyst's score and the group's {result.aggregate}",
                shown,
                findings,
            )
        )
    return sections


__all__ = ["SUMMARY_ROWS", "group_findings", "group_pages", "group_sections"]
