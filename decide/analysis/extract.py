"""Draft decision matrices from an article: its table rows, list items and recommendation sentences.

:func:`extract` reads one or more articles (:mod:`decide.io.article`), and for every table row,
list item and paragraph sentence that recommends an action:

- assigns it to the actors the text gives it to: a table's country column (and its partners
  column), the item's own subject ("China may position itself", "for both the United States and
  China to"), the sentence that leads into the list, the paragraphs before it in its section, the
  section heading, and last the actors the item names; or leaves it unassigned with the reason;
- classifies it as an option (``strategy``), an ``effect`` or context (a "Potential Impact" row, a
  list of factors), or ``both`` (a stance beside a strategy, a factor the actor acts on);
- finds the cue phrases that bear on each criterion (a ``benefits`` or ``Challenges`` cell, a
  clause that speaks of stability, cost or risk);

and drafts one matrix per actor in the shipped format (``draft: true``; every score a judgement
over the whole scale, its rationale quoting the cue phrase) with a coverage list in the format of
``data/coverage.yaml``. With ``against``, the items are compared with existing matrices instead:
what they already carry (by locator, quote or a similar name), what is new for which actor, and
which existing strategies the article brings new evidence for; only the additions are drafted.

>>> result = extract(["/nonexistent.txt"])
Traceback (most recent call last):
...
decide.DecideError: /nonexistent.txt: no such file
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.core.errors import DecideError, SpecError
from decide.core.model import Criterion, Matrix, Strategy
from decide.io.article import (
    Article,
    ListItem,
    Paragraph,
    Table,
    first_words,
    item_label,
    list_locator,
    paragraph_locator,
    parse_article,
    read_article,
    table_locator,
)
from decide.rendering.result import Result, Section

if TYPE_CHECKING:
    import pandas as pd

SCALE = (1.0, 10.0)
KINDS = ("strategy", "effect", "both")

# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Actor:
    """An actor the text may name: its name, aliases, and its existing matrix if there is one."""

    name: str
    aliases: tuple[str, ...] = ()
    matrix: Matrix | None = field(default=None, compare=False)


def parse_actors(spec: str) -> list[Actor]:
    """Actors from ``"United States=US,Washington;China=Beijing,PRC"`` (aliases optional).

    >>> [(a.name, a.aliases) for a in parse_actors("Norway=Oslo; Russia")]
    [('Norway', ('Oslo',)), ('Russia', ())]
    >>> parse_actors("=US")
    Traceback (most recent call last):
    ...
    decide.SpecError: actors: '=US' names no actor; write NAME=ALIAS,ALIAS;NAME...
    """
    actors: list[Actor] = []
    for part in spec.split(";"):
        if not part.strip():
            continue
        name, _, aliases = part.partition("=")
        if not name.strip():
            raise SpecError(f"'{part.strip()}' names no actor; write NAME=ALIAS,ALIAS;NAME...", field="actors")
        actors.append(Actor(name.strip(), tuple(a.strip() for a in aliases.split(",") if a.strip())))
    if not actors:
        raise SpecError("names no actor; write NAME=ALIAS,ALIAS;NAME...", field="actors")
    return actors


#: Demonyms that do not follow the ``-a`` -> ``-an`` rule (Russia -> Russian, Korea -> Korean).
DEMONYMS = {
    "united states": "American", "china": "Chinese", "japan": "Japanese", "norway": "Norwegian",
    "united kingdom": "British", "france": "French", "germany": "German", "finland": "Finnish",
    "sweden": "Swedish", "denmark": "Danish", "iceland": "Icelandic", "vietnam": "Vietnamese",
    "taiwan": "Taiwanese", "netherlands": "Dutch", "philippines": "Filipino", "israel": "Israeli",
    "iran": "Iranian", "iraq": "Iraqi", "pakistan": "Pakistani", "turkey": "Turkish", "poland": "Polish",
}

_AUX = (r"may|might|could|can|cannot|should|must|will|would|shall|is|are|has|have|had|was|were|needs?|"
        r"seeks?|wants?|plans?|intends?|finds?|ought|appears?|remains?|continues?|pursues?|aims?|hopes?|"
        r"chooses?|decides?|prefers?|stands?|expects?|looks?|considers?|opts?|gets?")
_CAUSE = re.compile(
    r"\b(?:for|on|enables?|enabled|enabling|allows?|allowed|allowing|encourages?|encouraged|encouraging|urges?|"
    r"urged|urging|push(?:es|ed)?|prompts?|prompted|pressures?|pressured|helps?|helped|invites?|invited|"
    r"leads?|led|forces?|forced|compels?|asks?|asked|lets?)\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
_EMBOLDEN = re.compile(r"\bembolden(?:s|ed|ing)?\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
_TO_VERB = re.compile(r"^(?:’s|'s)?\s+to\s+[a-z]")
_SUBJECT_AFTER = re.compile(rf"^(?:\s+and\s+its\s+(?:allies|partners|neighbou?rs))?\s+(?:\w+ly\s+)?(?:{_AUX})\b")
_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+)?$", re.IGNORECASE)
PREPOSITIONS = frozenset([
    "with", "against", "from", "to", "of", "between", "on", "about", "toward", "towards", "among", "by", "in",
    "at", "over", "for", "into", "onto", "upon", "than", "like", "via", "around", "behind", "beyond", "under",
    "across", "through", "within", "without", "including", "amid", "amidst", "versus", "vs",
])
_NON_ACTOR_SUBJECT = re.compile(
    rf"(?:^|[,;]\s*)((?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?:\w+ly\s+)?(?:{_AUX})\b")
_NOT_NAMES = frozenset([
    "this", "that", "these", "those", "it", "its", "they", "we", "he", "she", "there", "such", "each", "both",
    "all", "some", "many", "other", "others", "one", "key", "the", "a", "an", "as", "while", "if", "when",
    "by", "moreover", "however", "furthermore", "additionally", "simultaneously",
])


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    demonym: bool


class ActorFinder:
    """Finds actor names, aliases and demonyms in text, and which actors a text makes the subject.

    All-capital aliases (``US``, ``PRC``) match only in capitals, dotted or not (``U.S.``); other
    names match in any case (``north korea``).

    >>> finder = ActorFinder([Actor("United States", ("US",)), Actor("China", ("Beijing",))])
    >>> finder.agents("Pressure on China to strengthen alliances and counterbalance American influence")
    ['China']
    >>> finder.agents("The U.S. and its allies may implement stricter sanctions")
    ['United States']
    >>> finder.agents("it's essential for both the United States and China to reassess")
    ['United States', 'China']
    >>> finder.agents("talks with China could help us")
    []
    """

    def __init__(self, actors: Sequence[Actor]):
        self.actors = list(actors)
        forms: dict[str, tuple[str, bool, bool]] = {}  # pattern -> (actor, demonym, case-sensitive)
        self.keys: dict[str, tuple[str, bool]] = {}
        for actor in self.actors:
            for form in (actor.name, *actor.aliases):
                self._add(forms, form, actor.name, demonym=False)
            base = actor.name.casefold()
            demonym = DEMONYMS.get(base) or (actor.name + "n" if base.endswith("a") else None)
            if demonym:
                self._add(forms, demonym, actor.name, demonym=True)
        patterns = sorted(forms, key=len, reverse=True)
        alternation = "|".join(f"(?-i:{p})" if forms[p][2] else p for p in patterns)
        self.pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])", re.IGNORECASE) if patterns else None

    def _add(self, forms: dict[str, tuple[str, bool, bool]], form: str, actor: str, *, demonym: bool) -> None:
        form = form.strip()
        if not form:
            return
        capitals = form.isupper() and len(form.replace(".", "")) <= 5
        letters = form.replace(".", "")
        if capitals:
            dotted = r"\.".join(letters) + r"\."
            forms[dotted] = (actor, demonym, True)
            forms[re.escape(letters)] = (actor, demonym, True)
            self.keys[letters] = (actor, demonym)
        else:
            forms[r"\s+".join(re.escape(word) for word in form.split())] = (actor, demonym, False)
            self.keys[" ".join(form.casefold().split())] = (actor, demonym)

    def mentions(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            word = match.group(0)
            key = word.replace(".", "") if word.replace(".", "").isupper() else " ".join(word.casefold().split())
            actor, demonym = self.keys.get(key) or self.keys.get(" ".join(word.casefold().split()), ("", False))
            if actor:
                found.append(Mention(match.start(), match.end(), actor, demonym))
        return found

    def is_name(self, text: str) -> bool:
        """Whether ``text`` is an actor's name and nothing else (``the United States``, ``PRC``)."""
        text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
        found = self.mentions(text)
        return len(found) == 1 and not found[0].demonym and (found[0].start, found[0].end) == (0, len(text))

    def named(self, text: str, *, demonyms: bool = True) -> list[str]:
        """The actors ``text`` names, in order of first mention."""
        return list(dict.fromkeys(m.actor for m in self.mentions(text) if demonyms or not m.demonym))

    def _groups(self, text: str) -> list[list[Mention]]:
        groups: list[list[Mention]] = []
        for mention in self.mentions(text):
            if mention.demonym:
                continue
            if groups and _GAP.match(text[groups[-1][-1].end:mention.start]):
                groups[-1].append(mention)
            else:
                groups.append([mention])
        return groups

    def agents(self, text: str) -> list[str]:
        """The actors ``text`` makes the subject of an action: "China may ...", "for X and Y to ...",
        "Pressure on X to ...", "embolden X"; not the objects ("ties with X", "X's capabilities")."""
        found: list[str] = []
        for group in self._groups(text):
            before, after = text[:group[0].start], text[group[-1].end:]
            caused = _CAUSE.search(before) and _TO_VERB.match(after)
            subject = _SUBJECT_AFTER.match(after) and not _after_preposition(before)
            if caused or subject or _EMBOLDEN.search(before):
                found += [m.actor for m in group]
        return list(dict.fromkeys(found))

    def other_subject(self, text: str) -> str | None:
        """A named subject that is no known actor ("The West could ..."), or ``None``."""
        for match in _NON_ACTOR_SUBJECT.finditer(text):
            phrase = match.group(1)
            words = [w for w in phrase.split() if w.casefold() not in ("the",)]
            if not words or words[0].casefold().strip(".,") in _NOT_NAMES or self.named(phrase):
                continue
            return phrase
        return None


def _after_preposition(before: str) -> bool:
    words = re.findall(r"[\w’']+", before[-40:])
    while words and words[-1].casefold() in ("the", "both"):
        words.pop()
    return bool(words) and words[-1].casefold() in PREPOSITIONS


# --------------------------------------------------------------------------- criteria and cues

#: Words that bear on a criterion, by criterion name (other criteria use their name and description).
CRITERION_WORDS: dict[str, tuple[str, ...]] = {
    "stability": ("stabil", "stable", "calm", "tension", "escalat", "peace", "misunderstanding",
                  "confidence-building", "trust"),
    "deterrence": ("deter", "counter", "pressure", "defen", "readiness", "provocation", "threat"),
    "cost": ("cost", "expens", "spend", "budget", "outlay", "price", "afford", "cheap", "fund"),
    "risk": ("risk", "challenge", "resistance", "backfire", "dependenc", "conflicting", "danger", "hardliner",
             "fail", "vulnerab"),
    "benefit": ("benefit", "gain", "improve", "enhance", "strengthen", "advantage", "opportunit", "better"),
}
DEFAULT_CRITERIA = (
    Criterion("benefit", "max", 0.4, "What the option gains for the actor, as the article describes it."),
    Criterion("cost", "min", 0.3, "The actor's own outlay: money, forces, time, goodwill (1 = cheap, 10 = costly)."),
    Criterion("risk", "min", 0.3, "Chance that the option fails, backfires or escalates (1 = safe, 10 = risky)."),
)
_BENEFIT_HEADER = re.compile(r"benefit|advantage|outcome|\bpros?\b|gain|upside|result|effect|impact", re.I)
_CHALLENGE_HEADER = re.compile(r"challenge|risk|drawback|\bcons?\b|downside|obstacle|barrier|concern|cost", re.I)
_ACTOR_HEADER = re.compile(r"^(?:country|countries|actor|actors|state|nation|party|parties|government|player|who)$",
                           re.I)
_PARTNER_HEADER = re.compile(r"partner|all(?:y|ies)|with whom|together with", re.I)
_OPTION_HEADER = re.compile(r"strateg|option|possibilit|tactic|action|approach|recommend|measure|policy|polic"
                            r"|avenue|initiative|response|choice|alternative|move|step", re.I)
_CONTEXT_HEADER = re.compile(r"stance|position|factor|impact|implication|situation|context|current|status|"
                             r"consequence|trend|driver", re.I)
_EFFECT_LEAD = re.compile(r"factor|implication|consequence|effect|impact|dimension|area|shift|trend|driver|"
                          r"ramification", re.I)
_OPTION_LEAD = re.compile(r"recommend|avenue|strateg|option|response|leverage|consider|encompass|measure|"
                          r"step|action|approach|should|could|can|might|way|means|propos|tactic|choice|move", re.I)
_RECOMMEND = re.compile(
    r"\b(?:should|ought to|must|recommend\w*|(?:it(?:’|')?s|it is) (?:essential|crucial|vital|important|imperative|"
    r"necessary|wise|time)|needs? to|has room to|would do well|is advised|(?:an? |the )?(?:opportunity|chance|"
    r"room) for \w+(?: \w+){0,2} to|can|could|may|might)\b", re.IGNORECASE)
_STRONG_RECOMMEND = re.compile(
    r"\b(?:should|ought to|must|recommend\w*|essential|crucial|vital|imperative|needs? to|has room to|"
    r"would do well|is advised)\b", re.IGNORECASE)


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
    piece = clause[tokens[start].start():tokens[start + words - 1].end()]
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


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class Item:
    """One table row, list item or recommendation sentence, and what extract made of it."""

    article: str
    place: str
    """``table row``, ``list item`` or ``paragraph``."""
    section: str | None
    where: str
    """Where it is, as ``data/coverage.yaml`` says it (``table 'A | B'``, ``section 'S', list``)."""
    row: str
    """Its row label, list item label, or first words."""
    quote: str
    """Its main words, verbatim from the cleaned article."""
    locator: str
    name: str
    """The strategy name a draft gives it."""
    kind: str
    kind_why: str
    actors: tuple[str, ...]
    assigned_by: str
    """How the actors were found (``country column``, ``its subject``, ...) or why none was."""
    fragments: tuple[tuple[str, str], ...] = ()
    """(column or ``text``, words) pieces that cues are looked for in."""
    extra: tuple[tuple[str, str, str], ...] = ()
    """Further strategies the item gives (name, locator, quote): a table's current stance as a status quo."""
    held: str = ""
    """Why an option is not drafted (a sentence that only may recommend, or leads into a list); empty if drafted."""

    @property
    def drafted(self) -> bool:
        """Whether drafts carry it: an option (or both) for a known actor, not held back."""
        return bool(self.actors) and self.kind != "effect" and not self.held

    @property
    def assigned(self) -> bool:
        return bool(self.actors)


def _assign(finder: ActorFinder, own: Iterable[str], lead: str | None, before: Sequence[str],
            section: str | None, *, lead_checked: bool = True) -> tuple[tuple[str, ...], str]:
    """The actors of an item, and how they were found, trying in turn its own subject, the lead-in,
    the section's earlier paragraphs (nearest first), the section heading, the actors it names."""
    texts = [t for t in own if t]
    for text in texts:
        agents = finder.agents(text)
        if agents:
            return tuple(agents), "its subject"
    if lead:
        agents = finder.agents(lead)
        if agents:
            return tuple(agents), "the list's lead-in"
        other = finder.other_subject(lead) if lead_checked else None
        if other:
            return (), f"its list's lead-in names '{other}', not a known actor (pass --actors to name it)"
    for paragraph in before:
        agents = finder.agents(paragraph)
        if agents:
            return tuple(agents), "the paragraph before"
    if section:
        named = finder.named(section, demonyms=False)
        if named:
            return tuple(named), "the section heading"
    for text in texts:
        named = finder.named(text, demonyms=False)
        if named:
            return tuple(named), "named in it"
    for paragraph in before[:1]:
        named = finder.named(paragraph, demonyms=False)
        if named:
            return tuple(named), "named in the paragraph before"
    return (), "no actor named in it, its lead-in, its section or the paragraphs before it"


def _table_items(article: Article, table: Table, finder: ActorFinder) -> list[Item]:
    header = table.header
    first_cells = [row[0] for row in table.rows]
    actor_column = 0 if _ACTOR_HEADER.match(header[0]) or (
        sum(finder.is_name(c) for c in first_cells) * 2 > len(first_cells)) else None
    partners = [i for i, h in enumerate(header) if _PARTNER_HEADER.search(h)]
    options = [i for i, h in enumerate(header) if _OPTION_HEADER.search(h) and i != actor_column]
    contexts = [i for i, h in enumerate(header) if _CONTEXT_HEADER.search(h) and i not in options]
    if options and contexts:
        kind, kind_why = "both", f"column '{header[options[0]]}' gives an option, '{header[contexts[0]]}' context"
    elif options:
        kind, kind_why = "strategy", f"column '{header[options[0]]}' gives an option"
    elif contexts:
        kind, kind_why = "effect", f"column '{header[contexts[-1]]}' gives an effect or context, no option"
    else:
        kind, kind_why = "strategy", "a row of a table of options (no column says otherwise)"
    items = []
    for row in table.rows:
        label = row[0]
        quote_column = next((i for i in range(1, len(header)) if i not in partners and row[i]), 0)
        quote = row[quote_column] or label
        if actor_column is not None:
            named = finder.named(row[actor_column], demonyms=False)
            actors, how = (tuple(named), f"the '{header[actor_column]}' column") if named else (
                (), f"its '{header[actor_column]}' column names '{row[actor_column]}', not a known actor")
        else:
            # a table's rows are the options of whom its section and paragraphs speak of; a row's
            # cells describe effects on others ("Moscow may treat it as a provocation")
            cells = [row[i] for i in range(len(header)) if i not in partners]
            actors, how = _assign(finder, [], None, table.before, table.section or article.title)
            if not actors:
                actors, how = _assign(finder, [" ".join(cells[1:]), *cells[:1]], None, (), None)
        if partners and (actors or actor_column is None):
            extra_actors = [a for i in partners for a in finder.named(row[i], demonyms=False)]
            if extra_actors and actors:
                actors = tuple(dict.fromkeys([*actors, *extra_actors]))
                how += f" and the '{header[partners[0]]}' column"
        option_cell = row[options[0]] if options and row[options[0]] else ""
        name = option_cell if actor_column is not None and option_cell else label
        if actor_column is not None and not option_cell:
            name = first_words(quote, 8)
        extras: tuple[tuple[str, str, str], ...] = ()
        stance = next((i for i in contexts if re.search(r"stance|position|current|status", header[i], re.I)), None)
        if stance is not None and row[stance] and options:
            extras = ((f"Status Quo: {_capital(row[stance])}",
                       table_locator(article.name, table, label, header[stance], row[stance]), row[stance]),)
        fragments = tuple((header[i], row[i]) for i in range(1, len(header)) if i not in partners and row[i])
        items.append(Item(article.name, "table row", table.section, f"table '{table.title}'", label, quote,
                          table_locator(article.name, table, label), name, kind, kind_why, actors, how,
                          fragments, extras))
    return items


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _list_kind(item: ListItem, finder: ActorFinder) -> tuple[str, str]:
    lead = item.lead or ""
    effect = bool(_EFFECT_LEAD.search(lead)) and not re.search(r"strateg|recommend|option", lead, re.I)
    acting = bool(finder.agents(item.text)) or bool(re.match(r"^[A-Z]?[a-z]*ing\b", item.label or item.text))
    if effect and acting:
        return "both", f"the list's lead-in '{lead}' gives factors, but the item names an action"
    if effect:
        return "effect", f"the list's lead-in '{lead}' gives factors or effects, not options"
    if lead and _OPTION_LEAD.search(lead):
        return "strategy", f"the list's lead-in '{lead}' gives options"
    return "strategy", "a list item (no lead-in says otherwise)"


def _list_items(article: Article, finder: ActorFinder) -> list[Item]:
    items = []
    for item in article.list_items:
        actors, how = _assign(finder, [item.text, item.label or ""], item.lead, item.before,
                              item.section or article.title)
        kind, why = _list_kind(item, finder)
        where = f"section '{item.section}', list" if item.section else "list"
        if item.lead and len(item.lead.split()) <= 12:
            where += f" '{item.lead}'"
        label = item_label(item)
        items.append(Item(article.name, "list item", item.section, where, label, item.text,
                          list_locator(article.name, item), label, kind, why, actors, how,
                          (("text", item.text),)))
    return items


_GERUND_START = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Moreover|Additionally|Furthermore|Also|Meanwhile|Thus|Therefore|Likewise|In addition)"
    r"\s*,?\s+)?(?:[A-Z][a-z]+|[a-z]+)ing\b(?![^,]*,\s*(?:the\s+)?[A-Z])")
_GERUND_VERB = re.compile(r"\b(?:can|could|may|might|will|would|should|serves?|helps?|fosters?|builds?|"
                          r"allows?|enables?|offers?|provides?)\b")


def held_back(sentence: str, paragraph: Paragraph) -> str:
    """Why a recommendation sentence is not drafted as a strategy, or ``""``: it leads into a list or
    table (whose items give the options), or its cue only may recommend ("could", "can", an action as
    the subject) rather than advise ("should", "it's essential for X to", "has room to").

    >>> held_back("The US could act.", Paragraph("The US could act.", None, 1, ("The US could act.",)))
    "a possible recommendation (cue 'could'), not advice: promote it by hand if it is an option"
    """
    if paragraph.leads:
        return "the paragraph leads into a list or table, whose items give the options"
    if _STRONG_RECOMMEND.search(sentence):
        return ""
    cue = _RECOMMEND.search(sentence)
    word = cue.group(0) if cue and not _GERUND_START.match(sentence) else "an action as the subject"
    return f"a possible recommendation (cue '{word}'), not advice: promote it by hand if it is an option"


def recommendations(paragraph: Paragraph, finder: ActorFinder) -> list[str]:
    """The sentences of ``paragraph`` that recommend an action to an actor: a cue ("should", "could",
    "it's essential for X to", "has room to", ...) and an actor as its subject; a strong cue
    ("should", "recommend") alone; or an action as the subject ("Establishing frameworks for aid
    could foster ..."). A sentence that leads into a list (ends with ':') is not one."""
    found = []
    for sentence in paragraph.sentences:
        if sentence.rstrip().endswith(":"):
            continue
        cue = _RECOMMEND.search(sentence)
        if (cue and (finder.agents(sentence) or _STRONG_RECOMMEND.search(sentence))) or (
                _GERUND_START.match(sentence) and _GERUND_VERB.search(sentence)):
            found.append(sentence)
    return found


def _sentence_name(sentence: str) -> str:
    cue = None if _GERUND_START.match(sentence) else _RECOMMEND.search(sentence)
    rest = sentence[cue.end():] if cue else re.sub(r"^[A-Z][a-z]+ly\s*,?\s+|^(?:Moreover|Additionally)\s*,?\s+",
                                                   "", sentence)
    rest = re.sub(r"^\s*(?:to\s+|be\s+)?", "", rest)
    words = first_words(rest, 8) or first_words(sentence, 8)
    return _capital(words)


def _paragraph_items(article: Article, finder: ActorFinder) -> list[Item]:
    items = []
    for paragraph in article.paragraphs:
        earlier: list[str] = []
        for sentence in paragraph.sentences:
            if sentence in recommendations(replace(paragraph, sentences=(sentence,)), finder):
                phrase = first_words(sentence, 10)
                actors, how = _assign(finder, [sentence], None, [*reversed(earlier), *paragraph.before],
                                      paragraph.section or article.title, lead_checked=False)
                where = f"section '{paragraph.section}', paragraph" if paragraph.section else "opening paragraph"
                items.append(Item(article.name, "paragraph", paragraph.section, where, phrase, sentence,
                                  paragraph_locator(article.name, paragraph.section, phrase),
                                  _sentence_name(sentence), "strategy", "a sentence that recommends an action",
                                  actors, how, (("text", sentence),), held=held_back(sentence, paragraph)))
            earlier.append(sentence)
    return items


def find_items(article: Article, finder: ActorFinder) -> list[Item]:
    """Every table row, list item and recommendation sentence of ``article``, in that order."""
    items = [item for table in article.tables for item in _table_items(article, table, finder)]
    return items + _list_items(article, finder) + _paragraph_items(article, finder)


# --------------------------------------------------------------------------- comparison with matrices


@dataclass(frozen=True)
class Match:
    """An existing strategy that carries an item, and how it was matched."""

    actor: str
    strategy: str
    how: str
    """``locator``, ``quote 'words'`` or ``similar name``."""

    def __str__(self) -> str:
        return f"{self.actor}: {self.strategy} ({self.how})"


_QUOTED = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")


def _segments(source: str) -> list[str]:
    return [part.strip() for part in re.split(r";\s*also\s+", source) if part.strip()]


def _locator_carries(item: Item, segments: Sequence[str]) -> bool:
    for segment in segments:
        if not segment.startswith(item.article + ";"):
            continue
        if item.place == "table row":
            if f"table '{item.where[len('table ') + 1:-1]}'" in segment and f"row '{item.row}'" in segment:
                return True
        elif item.place == "list item":
            section_ok = item.section is None or f"section '{item.section}'" in segment
            if section_ok and f"list item '{item.row}'" in segment:
                return True
        else:
            phrase = re.search(r"paragraph '(.+?)'(?:$|,)", segment)
            if phrase and phrase.group(1) in item.quote:
                return True
    return False


def _content_words(text: str) -> set[str]:
    stop = {"the", "and", "with", "for", "of", "to", "in", "on", "a", "an", "its", "their", "by", "from", "as",
            "status", "quo"}
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if w not in stop and len(w) > 2}


def _similar(name: str, other: str) -> bool:
    a, b = _content_words(name), _content_words(other)
    if not a or not b:
        return False
    if len(a & b) / len(a | b) >= 0.6:
        return True
    matcher = difflib.SequenceMatcher(None, name.casefold(), other.casefold())
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


@dataclass(frozen=True)
class _Known:
    """An existing strategy, with what matching needs read once: its source segments and long quotes."""

    actor: str
    name: str
    segments: tuple[str, ...]
    quotes: tuple[str, ...]
    source: str


def known_strategies(matrices: Sequence[Matrix]) -> list[_Known]:
    """The strategies of ``matrices``, prepared for :func:`carriers`."""
    known = []
    for matrix in matrices:
        for strategy in matrix.strategies:
            rationale = strategy.rationale if isinstance(strategy.rationale, str) else " ".join(
                strategy.rationale.values())
            quotes = tuple(q for q in _QUOTED.findall(rationale + " " + strategy.source) if len(q.split()) >= 4)
            known.append(_Known(matrix.actor, strategy.name, tuple(_segments(strategy.source)), quotes,
                                strategy.source))
    return known


def carriers(item: Item, known: Sequence[_Known]) -> list[Match]:
    """The existing strategies that carry ``item``: by its locator, by a quote of four or more words in
    common, or (in the assigned actors' matrices) by a similar name."""
    found: list[Match] = []
    for strategy in known:
        how = None
        if _locator_carries(item, strategy.segments):
            how = "locator"
        else:
            shared = next((q for q in strategy.quotes if q in item.quote or item.quote in q), None)
            if shared and item.article in strategy.source:
                how = f"quote '{first_words(shared, 8)}'"
            elif strategy.actor in item.actors and _similar(item.name, strategy.name):
                how = "similar name"
        if how:
            found.append(Match(strategy.actor, strategy.name, how))
    return found


# --------------------------------------------------------------------------- drafts


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "actor"


def _rationale(criterion: Criterion, cue: Cue | None, quote: str) -> str:
    if cue is not None:
        return f"{cue.source}: '{cue.phrase}'; a draft judgement over the whole scale until a planner scores it."
    return (f"The text ('{first_words(quote, 10)}') gives no cue for {criterion.name}; a draft judgement over "
            "the whole scale until a planner scores it.")


def draft_strategy(name: str, locator: str, quote: str, fragments: Sequence[tuple[str, str]],
                   criteria: Sequence[Criterion]) -> Strategy:
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


def build_drafts(items: Sequence[Item], actors: Sequence[Actor], *, only: Iterable[tuple[int, str]] | None = None
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
        drafts.append(Matrix(
            actor=actor_name,
            criteria=_criteria_for(actor),
            strategies=tuple(found.values()),
            aliases=actor.aliases if actor is not None else (),
            scale=SCALE,
            weights_rationale=("Draft: the weights of the existing matrix, to review." if actor and actor.matrix
                               else "Draft: default weights (benefit first), to review."),
            draft=True,
        ))
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
        {"name": c.name, "objective": c.objective, "weight": _number(c.weight),
         **({"description": c.description} if c.description else {})} for c in matrix.criteria]
    document["weights_rationale"] = matrix.weights_rationale
    document["scale"] = [_number(v) for v in matrix.scale or SCALE]
    document["strategies"] = [
        {
            "name": s.name,
            "basis": s.basis,
            "scores": {c: {"value": _number(v), "low": _number(s.ranges[c][0]), "high": _number(s.ranges[c][1])}
                       for c, v in s.scores.items()},
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

    header = (f"# DRAFT decision matrix for {matrix.actor}, drafted by 'decide extract' from "
              f"{', '.join(articles)}.\n# Every score is a judgement over the whole scale: review the names, "
              "the actors and the scores,\n# then remove 'draft: true'. Each source is the article's place; "
              "each rationale quotes its words.\n")
    body = yaml.safe_dump(draft_document(matrix), sort_keys=False, allow_unicode=True, width=100_000,
                          default_flow_style=None)
    return header + body


# --------------------------------------------------------------------------- the result


@dataclass(frozen=True)
class Extraction(Result):
    """What :func:`extract` found: the items (:meth:`to_frame`), the draft matrices, the coverage."""

    articles: tuple[Article, ...]
    items: tuple[Item, ...]
    drafts: tuple[Matrix, ...]
    actors: tuple[Actor, ...]
    carried_by: tuple[tuple[str, ...], ...]
    """For each item, the ``Actor: strategy`` names that carry it (drafted or existing)."""
    matches: tuple[tuple[Match, ...], ...] = ()
    """With ``against``: for each item, the existing strategies that carry it."""
    new: tuple[tuple[str, ...], ...] = ()
    """With ``against``: for each item, the actors it is new for."""
    against: str | None = None
    problems: tuple[str, ...] = ()

    @property
    def status(self) -> list[str]:
        """Per item: ``new for X``, ``carried``, ``effect``, ``unassigned``, or ``drafted``."""
        found = []
        for index, item in enumerate(self.items):
            if not item.actors:
                found.append("unassigned")
            elif self.against is not None and self.new and self.new[index]:
                found.append("new for " + ", ".join(self.new[index]))
            elif self.against is not None and self.matches and self.matches[index]:
                found.append("carried")
            elif item.kind == "effect":
                found.append("effect")
            elif item.held:
                found.append("held back")
            else:
                found.append("drafted")
        return found

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """One row per item: article, place, row, kind, actors, how assigned, quote, locator, status."""
        import pandas as pd

        rows = []
        for index, (item, status) in enumerate(zip(self.items, self.status, strict=True)):
            rows.append({
                "article": item.article, "place": item.place, "section": item.section or "", "row": item.row,
                "kind": item.kind, "kind why": item.kind_why, "actors": ", ".join(item.actors),
                "assigned by": item.assigned_by, "held back": item.held, "quote": item.quote, "locator": item.locator,
                "status": status, "carried by": "; ".join(self.carried_by[index]),
                "matches": "; ".join(map(str, self.matches[index])) if self.matches else "",
            })
        return pd.DataFrame(rows)

    def coverage(self) -> list[dict[str, Any]]:
        """Every item in the format of ``data/coverage.yaml``: carried_by, or context_only with a reason."""
        entries = []
        for index, item in enumerate(self.items):
            entry: dict[str, Any] = {"source": item.article, "where": item.where, "row": item.row,
                                     "quote": item.quote}
            carriers_ = list(self.carried_by[index])
            if carriers_:
                entry["carried_by"] = carriers_
            elif not item.actors:
                entry["context_only"] = f"unassigned: {item.assigned_by}"
            elif item.kind == "effect":
                entry["context_only"] = f"effect or context for {', '.join(item.actors)}: {item.kind_why}"
            elif item.held:
                entry["context_only"] = f"{item.held} (assigned to {', '.join(item.actors)})"
            else:
                entry["context_only"] = "not drafted"
            entries.append(entry)
        return entries

    def coverage_yaml(self) -> str:
        import yaml

        names = ", ".join(a.name for a in self.articles)
        lines = [f"# Coverage of {names} by 'decide extract': every table row, list item and recommendation",
                 "# sentence, with the strategies that carry it ('Actor: strategy') or context_only and why.",
                 "items:"]
        for entry in self.coverage():
            text = yaml.safe_dump(entry, default_flow_style=True, allow_unicode=True, width=100_000, sort_keys=False)
            lines.append("  - " + text.strip())
        return "\n".join(lines) + "\n"

    def write(self, folder: str | os.PathLike[str]) -> list[str]:
        """Write the drafts (``FOLDER/matrices/<actor>.yaml``) and ``FOLDER/coverage.yaml``; return what was
        written. Never writes over an article, nor into the folder of matrices compared against."""
        from decide.io.files import write_output

        root = Path(folder)
        target = root / "matrices"
        if self.against is not None and target.resolve() == Path(self.against).resolve():
            raise DecideError(f"{target}: is the folder compared against; write the additions elsewhere")
        from decide.io.load import shipped_matrices_dir

        if target.resolve() == shipped_matrices_dir().resolve():
            raise DecideError(f"{target}: is the shipped matrices' folder; write the drafts elsewhere")
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DecideError(f"{target}: cannot create the folder ({error.strerror or error})") from None
        inputs = [a.path for a in self.articles if a.path is not None]
        names = [a.name for a in self.articles]
        written = [write_output(target / f"{_slug(m.actor)}.yaml", draft_yaml(m, names), inputs=inputs)
                   for m in self.drafts]
        written.append(write_output(root / "coverage.yaml", self.coverage_yaml(), inputs=inputs))
        return written

    def summary(self) -> str:
        """One line per article: what was found and drafted."""
        lines = []
        for article in self.articles:
            mine = [i for i in self.items if i.article == article.name]
            counts = {place: sum(i.place == place for i in mine) for place in ("table row", "list item", "paragraph")}
            assigned = sum(bool(i.actors) for i in mine)
            lines.append(
                f"{article.name}: {len(article.sections)} sections, {len(article.tables)} tables "
                f"({counts['table row']} rows), {counts['list item']} list items, {counts['paragraph']} "
                f"recommendation sentences; {assigned} of {len(mine)} assigned; {article.removed} pieces of "
                "encoding debris removed")
        return "; ".join(lines)

    def sections(self) -> list[Section]:
        import pandas as pd

        statuses = self.status
        rows = [{"#": i + 1, "place": f"{item.place} ({item.article[:3]})" if len(self.articles) > 1 else item.place,
                 "row": item.row, "kind": item.kind, "actors": ", ".join(item.actors) or "-", "status": statuses[i]}
                for i, item in enumerate(self.items)]
        caption = self.summary()
        if self.against is not None:
            new = sum(bool(n) for n in self.new)
            caption += f"\ncompared with {self.against}: {new} item(s) new, " \
                       f"{sum(s == 'carried' for s in statuses)} carried"
        note = "; ".join(self.problems)
        sections = [Section("Items", caption, pd.DataFrame(rows), note=note)]
        if self.drafts:
            drafts = pd.DataFrame([{"actor": m.actor, "strategies": len(m.strategies),
                                    "criteria": ", ".join(m.criterion_names)} for m in self.drafts])
            what = "additions (new strategies only)" if self.against is not None else "draft matrices"
            sections.append(Section("Drafts", f"{what}: draft: true, every score a judgement over the whole "
                                    "scale", drafts))
        if self.against is not None and self.matches:
            speaks = [{"#": i + 1, "row": item.row, "new evidence for": "; ".join(
                f"{m.actor}: {m.strategy}" for m in self.matches[i])}
                for i, item in enumerate(self.items)
                if any(m.how != "locator" for m in self.matches[i]) and not any(
                    m.how == "locator" for m in self.matches[i])]
            if speaks:
                sections.append(Section("Evidence", "existing strategies this article speaks to (matched by "
                                        "quote or similar name)", pd.DataFrame(speaks)))
        return sections

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.name for a in self.articles],
            "items": self.to_frame().to_dict(orient="records"),
            "drafts": [draft_document(m) for m in self.drafts],
            "coverage": self.coverage(),
            "problems": list(self.problems),
        }


# --------------------------------------------------------------------------- the verb


def default_actors(against: Sequence[Matrix] = ()) -> list[Actor]:
    """The actors of the shipped matrices (and of ``against``), with their names and aliases."""
    found: dict[str, Actor] = {}
    for matrix in [*_shipped_quietly(), *against]:
        found[matrix.actor.casefold()] = Actor(matrix.actor, matrix.aliases, matrix)
    return list(found.values())


def extract(
    articles: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    actors: str | Sequence[Actor] | None = None,
    against: str | os.PathLike[str] | None = None,
) -> Extraction:
    """Find the items of ``articles`` (paths, or one article's text), assign them to ``actors``
    (``"Name=Alias,Alias;Name"``, :class:`Actor` objects, or by default the shipped matrices' actors),
    and draft a matrix per actor; with ``against`` (a folder or file of matrices), compare instead
    and draft only the additions.
    """
    existing: list[Matrix] = []
    if against is not None:
        from decide.io.load import load_matrices, shipped_matrices_dir

        shipped = Path(against).resolve() == shipped_matrices_dir().resolve()
        existing = _shipped_quietly() if shipped else load_matrices(Path(against))
    if isinstance(actors, str):
        chosen = parse_actors(actors)
        known = {m.actor.casefold(): m for m in [*existing, *_shipped_quietly()]}
        chosen = [replace(a, matrix=known.get(a.name.casefold())) for a in chosen]
    elif actors is None:
        chosen = default_actors(existing)
    else:
        chosen = list(actors)
    parsed = _read_all(articles)
    finder = ActorFinder(chosen)
    items: list[Item] = []
    problems: list[str] = []
    for article in parsed:
        found = find_items(article, finder)
        items += found
        problems += article.problems
        if not found:
            problems.append(f"{article.name}: no table, list or recommendation sentence found; nothing to draft")
        elif not any(i.actors for i in found):
            problems.append(f"{article.name}: no known actor found; pass --actors 'Name=Alias,...;Name'")
    if against is None:
        drafts, carried = build_drafts(items, chosen)
        carried_by = tuple(tuple(carried.get(i, [])) for i in range(len(items)))
        return Extraction(tuple(parsed), tuple(items), tuple(drafts), tuple(chosen), carried_by,
                          problems=tuple(problems))
    prepared = known_strategies(existing)
    matches = [tuple(carriers(item, prepared)) for item in items]
    new: list[tuple[str, ...]] = []
    pairs: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        if not item.drafted or matches[index]:
            new.append(())
            continue
        new.append(item.actors)
        pairs += [(index, actor) for actor in item.actors]
    drafts, carried = build_drafts(items, chosen, only=pairs)
    carried_by = tuple(
        tuple(dict.fromkeys([*(f"{m.actor}: {m.strategy}" for m in matches[i]), *carried.get(i, [])]))
        for i in range(len(items)))
    return Extraction(tuple(parsed), tuple(items), tuple(drafts), tuple(chosen), carried_by, tuple(matches),
                      tuple(new), str(against), tuple(problems))


_SHIPPED: list[Matrix] = []


def _shipped_quietly() -> list[Matrix]:
    """The shipped matrices, read once per process (none if they cannot be read)."""
    from decide.io.load import load_matrices

    if not _SHIPPED:
        try:
            _SHIPPED.extend(load_matrices())
        except DecideError:
            return []
    return list(_SHIPPED)


def _read_all(articles: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[Article]:
    if isinstance(articles, str) and ("\n" in articles or len(articles) > 4096):
        if not articles.strip():
            raise DecideError("<text>: the article is empty")
        return [parse_article(articles, "<text>")]
    paths = [articles] if isinstance(articles, (str, os.PathLike)) else list(articles)
    if not paths:
        raise DecideError("no article given; name one or more article files")
    parsed = [read_article(Path(path)) for path in paths]
    names = [a.name for a in parsed]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise DecideError(f"{duplicate}: two articles have this file name; locators name articles by file name")
    return parsed
