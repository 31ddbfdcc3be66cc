"""The brief's pages: one page of summary, then one page per actor, built from plain facts
(:class:`BriefFacts`, filled in by :mod:`decide.analysis.brief`) as document blocks
(:mod:`decide.rendering.document`), so the HTML, PDF and Markdown briefs say the same.

Every sentence here is made from numbers by one rule (:mod:`decide.rendering.words`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from decide.core.tables import Section
from decide.rendering.document import Bullets, Figure, Heading, Page, Para, TableBlock
from decide.rendering.words import answer, method_note, percent, strength


@dataclass(frozen=True)
class Agreement:
    """How the compared methods place the leader."""

    methods: tuple[str, ...]
    #: rank the leader first, alone
    agreeing: tuple[str, ...]
    #: rank the leader first together with others: (method, how many share first place)
    shared: tuple[tuple[str, int], ...] = ()
    #: rank another strategy first alone or with others (not the leader): (method, that strategy)
    other: tuple[tuple[str, str], ...] = ()
    #: rank most strategies first together: (method, how many first, of how many)
    blind: tuple[tuple[str, int, int], ...] = ()

    @property
    def count(self) -> str:
        return f"{len(self.agreeing)} of {len(self.methods)}"

    def sentence(self) -> str:
        """The methods in words; a method that does not discriminate is marked with a dagger."""
        parts = [
            f"{self.count} methods rank it first alone" + (f" ({', '.join(self.agreeing)})" if self.agreeing else "")
        ]
        if self.shared:
            parts.append(
                "; ".join(f"{m} ranks it first with {n - 1} other{'s' if n > 2 else ''}" for m, n in self.shared)
            )
        if self.other:
            parts.append("; ".join(f"{m} puts {s} first" for m, s in self.other))
        if self.blind:
            parts.append("; ".join(f"{m} does not discriminate†" for m, _, _ in self.blind))
        return "; ".join(parts) + "."

    def footnote(self) -> str:
        if not self.blind:
            return ""
        return (
            "† "
            + "; ".join(
                f"{m} ranks {n} of {total} strategies first together, so it does not tell them apart and is not counted"
                for m, n, total in self.blind
            )
            + "."
        )


@dataclass(frozen=True)
class ActorFacts:
    """What the brief says about one actor, as numbers and names."""

    actor: str
    anchor: str
    file_label: str
    leader: str
    runner_up: str | None
    #: leader's SMAA first-rank share, and the best other strategy's
    share: float
    contender: str | None
    contender_share: float
    #: leader's lead over the runner-up as a share of the best-worst spread
    margin: float
    why: str
    agreement: Agreement
    #: the smallest weight change that ranks the runner-up first, in words (or why none does)
    weight_change: str
    #: scenario -> the strategy first under it, for the scenarios that change the leader
    flips: tuple[tuple[str, str], ...]
    scenarios: int
    #: score certainty counts (stated, implied, judgement, not given) over the whole matrix
    certainty: dict[str, int]
    #: the share of the leader's (and runner-up's) weight resting on judgement scores
    leader_judgement: float
    runner_judgement: float
    #: whether the runner-up overtakes the leader with the judgement scores at their range ends
    judgement_flips: bool
    #: rank acceptability (strategies x ``rank k``) and the method's order, for the chart
    acceptability: Any
    order: tuple[str, ...]
    samples: int
    method: str
    notes: tuple[str, ...] = ()
    #: the method's full ranking (``order`` is what the chart shows, in this order but for the contender)
    ranked: tuple[str, ...] = ()

    @property
    def strength(self) -> str:
        return strength(self.share, self.margin, self.contender_share)

    @property
    def answer(self) -> str:
        return answer(self.leader, self.runner_up, self.share, self.margin, self.contender, self.contender_share)


@dataclass(frozen=True)
class BriefFacts:
    question: str
    head: tuple[tuple[str, str], ...]
    actors: tuple[ActorFacts, ...]
    extra_notes: tuple[str, ...] = field(default_factory=tuple)


def _certainty_sentence(f: ActorFacts) -> str:
    total = sum(f.certainty.values())
    if not total:
        return "No score says how far the text supports it."
    if f.certainty.get("not given", 0) == total:  # your own file: no text to be stated in
        return (
            f"None of its {total} scores says whether a text states it, implies it or leaves it to "
            "judgement (the file gives no certainty)."
        )
    shares = {k: v / total for k, v in f.certainty.items()}
    text = (
        f"Of its {total} scores, {percent(shares.get('stated', 0))} are stated in the text, "
        f"{percent(shares.get('implied', 0))} implied by it and {percent(shares.get('judgement', 0))} "
        "judgement where the text is silent"
    )
    if f.certainty.get("not given"):
        text += f" ({percent(shares['not given'])} say nothing)"
    text += f". Judgement carries {percent(f.leader_judgement)} of the weight behind the leader's score"
    if f.runner_up is not None:
        text += f" and {percent(f.runner_judgement)} behind the runner-up's"
        text += (
            "; within the judgement ranges the runner-up can overtake it."
            if f.judgement_flips
            else "; within the judgement ranges the runner-up stays behind."
        )
    else:
        text += "."
    return text


def _scenario_sentence(f: ActorFacts) -> str:
    if not f.scenarios:
        return "No scenarios are written for this actor."
    if not f.flips:
        return f"None of its {f.scenarios} scenarios changes the leader."
    flips = "; ".join(f"under '{name}' {first} is first" for name, first in f.flips)
    verb = "changes" if len(f.flips) == 1 else "change"
    return f"{len(f.flips)} of its {f.scenarios} scenarios {verb} the leader: {flips}."


def actor_page(
    f: ActorFacts, chart: Callable[[], Any], question: str = "", svg: Callable[[], str] | None = None
) -> Page:
    """One printed page: the answer, the chart (``chart()`` draws it with matplotlib,
    ``svg()`` writes it as SVG text), what would change it, what it rests on."""
    blocks: list[Any] = [Heading(f"{f.actor}", 2), Para(f.answer, strong="Answer:", css="lead")]
    blocks.append(Para(f"{f.leader} is {f.why}.", strong="Why:"))
    shown = min(len(f.order), 8)
    more = f"; {len(f.order) - shown} more strategies not shown" if len(f.order) > shown else ""
    blocks.append(
        Figure(
            chart,
            f"How often each strategy takes each rank when the weights are drawn at random "
            f"({f.samples} draws, {f.method}); listed in {f.method}'s order{more}.",
            "ranks",
            alt=f"{f.actor}: share of random weightings at each rank",
            svg=svg,
        )
    )
    changes = [f.weight_change, _scenario_sentence(f)]
    blocks.append(Heading("What would change the answer", 3))
    blocks.append(Bullets(tuple(changes), strong=("Weights:", "Scenarios:")))
    blocks.append(Heading("What it rests on", 3))
    rests = [f.agreement.sentence(), _certainty_sentence(f)]
    blocks.append(Bullets(tuple(rests), strong=("Methods:", "Text or judgement:")))
    notes = [n for n in (f.agreement.footnote(), *f.notes) if n]
    blocks += [Para(n, css="footnote") for n in notes]
    blocks.append(Para(f"Data: {f.file_label}.", css="footnote"))
    return Page(f.anchor, tuple(blocks), css="page actor", attributes={"data-actor": f.actor})


def summary_frame(facts: Sequence[ActorFacts]) -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "actor": [f.actor for f in facts],
            "leads": [f.leader for f in facts],
            "how firmly": [f.strength for f in facts],
            "first in SMAA": [percent(f.share) for f in facts],
            "methods agreeing": [f.agreement.count + ("†" if f.agreement.blind else "") for f in facts],
            "runner-up": [f.runner_up or "-" for f in facts],
        }
    )


def summary_page(brief: BriefFacts) -> Page:
    """The first page: what was asked, the answer per actor, how the words are chosen."""
    head = "; ".join(f"{k}: {v}" for k, v in brief.head)
    blocks: list[Any] = [
        Heading("Briefing: which strategy each actor should pursue", 1),
        Para(brief.question, strong="Question:"),
        Heading("Answers", 2),
        Bullets(
            tuple(f.answer for f in brief.actors), strong=tuple(f"{f.actor}:" for f in brief.actors), css="answers"
        ),
        TableBlock(
            Section(
                "summary",
                "Each actor's leading strategy, how firmly it leads and how many methods rank it first alone",
                summary_frame(brief.actors),
            )
        ),
        Heading("Method", 3),
        Para(method_note(), css="method"),
        Para(
            "A method agrees only when it ranks the leader first alone; one that ranks most strategies first "
            "together does not discriminate (†) and is not counted. The weight change is the smallest "
            "(in total absolute change) that ranks the runner-up first.",
            css="method",
        ),
        *[Para(n, css="method") for n in brief.extra_notes],
        Para(head, strong="Made from", css="footnote"),
    ]
    return Page("summary", tuple(blocks), css="page summary")


#: The brief's stylesheet: A4/Letter pages, headings kept with what follows.
BRIEF_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 52em;
       padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0 0 0.5em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #08519c; padding-bottom: 0.15em; margin: 1.2em 0 0.5em; }
h3 { font-size: 1.05em; margin: 0.9em 0 0.3em; color: #333; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 0.4em 0; } ul { margin: 0.3em 0; padding-left: 1.3em; } li { margin: 0.2em 0; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.88em; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3em; }
th, td { padding: 0.2em 0.55em; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #444; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.decide tbody tr.best { background: #eef3fa; }
figure { margin: 0.6em 0 0.8em; } figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.85em; color: #555; }
p.lead { font-size: 1.05em; background: #f3f6fa; padding: 0.5em 0.8em; border-left: 4px solid #08519c; }
p.footnote, p.method, p.note { font-size: 0.85em; color: #555; }
section.page { margin-bottom: 2.5em; }
ul.answers li { margin: 0.35em 0; }
details { margin: 0.3em 0; } summary { cursor: pointer; }
@page { size: A4; margin: 14mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  nav, .screen-only { display: none; }
  section.page { break-before: page; margin: 0; } section.page:first-of-type { break-before: auto; }
  figure, table, p.lead, li { break-inside: avoid; }
  section.annex { break-before: page; }
}
"""


__all__ = ["BRIEF_STYLE", "ActorFacts", "Agreement", "BriefFacts", "actor_page", "summary_frame", "summary_page"]
