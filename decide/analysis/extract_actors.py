"""Who an article's item belongs to: the actors the text may name and the one an item makes its subject.

:class:`ActorFinder` finds actor names, aliases and demonyms in text and tells the actors a text
makes the subject of an action from those it only mentions; group terms ("The West could", "The
U.S. and its allies may") it resolves through a groups table (:mod:`.extract_groups`), and
back-references ("these major powers", "they") to the latest list of actors earlier in the section.
:func:`assign_actors` tries an item's own words, the lead-in of its list, the paragraphs before it
and the section heading in turn, then shares a joint action with the allies it names
(:func:`share_with_allies`); every assignment says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from decide.analysis.extract_groups import Group, build_groups, group_key
from decide.analysis.extract_words import _NOT_NAMES, DEMONYMS, PREPOSITIONS
from decide.core.errors import SpecError
from decide.core.model import Matrix
from decide.io.article_parts import split_sentences


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


_AUX = (
    r"may|might|could|can|cannot|should|must|will|would|shall|is|are|has|have|had|was|were|needs?|"
    r"seeks?|wants?|plans?|intends?|finds?|ought|appears?|remains?|continues?|pursues?|aims?|hopes?|"
    r"chooses?|decides?|prefers?|stands?|expects?|looks?|considers?|opts?|gets?"
)
_CAUSE = re.compile(
    r"\b(?:for|on|enables?|enabled|enabling|allows?|allowed|allowing|encourages?|encouraged|encouraging|urges?|"
    r"urged|urging|push(?:es|ed)?|prompts?|prompted|pressures?|pressured|helps?|helped|invites?|invited|"
    r"leads?|led|forces?|forced|compels?|asks?|asked|lets?)\s+(?:both\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_EMBOLDEN = re.compile(r"\bembolden(?:s|ed|ing)?\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
_TO_VERB = re.compile(r"^(?:’s|'s)?\s+to\s+[a-z]")
_SUBJECT_AFTER = re.compile(rf"^(?:\s+and\s+its\s+(?:allies|partners|neighbou?rs))?\s+(?:\w+ly\s+)?(?:{_AUX})\b")
_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+)?$", re.IGNORECASE)
_NON_ACTOR_SUBJECT = re.compile(
    rf"(?:^|[,;]\s*)((?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?:\w+ly\s+)?(?:{_AUX})\b"
)


_AND_ITS_ALLIES = re.compile(r"\s+and\s+(?:its|their)\s+allies\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(
    r"\b(?:these|those|both|the\s+two)\s+(?:[a-z]+\s+){0,2}?(?:powers|nations|countries|states|governments|"
    r"players|actors|parties|sides|capitals|neighbou?rs|partners)\b|\bthey\b",
    re.IGNORECASE,
)
#: where a clause starts: "they" refers back to actors only as a clause's subject, not in "instability they cause"
_CLAUSE_START = re.compile(
    r"(?:^|[.,;:—(]|\b(?:and|but|so|while|as|if|when|because|since|though|although|yet))\s*$", re.IGNORECASE
)
_AMONG_ALLIES = re.compile(
    r"\b(?:among|between|with)\s+(?:its\s+|their\s+|the\s+|other\s+)?(?:allied\s+[\w-]+|allies)\b", re.IGNORECASE
)
_WITH = re.compile(r"\bwith\s+(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str
    demonym: bool


@dataclass(frozen=True)
class Subject:
    """Actors a text makes the subject of an action, and how a group term or back-reference gave them."""

    start: int
    actors: tuple[str, ...]
    note: str = ""
    """``'The West' = United States (the default list)``; empty for actors named outright."""


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

    def __init__(self, actors: Sequence[Actor], groups: str | Mapping[str, Sequence[str]] | None = None):
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
        self.terms: dict[str, Group]
        self.allies: dict[str, Group]
        self.terms, self.allies = build_groups(self.actors, self.named, groups)
        words = sorted((r"\s+".join(map(re.escape, key.split())) for key in self.terms), key=len, reverse=True)
        self.term_pattern = (
            re.compile(rf"(?<![\w-])(?:the\s+)?(?:{'|'.join(words)})(?![\w-])(?!\s+(?-i:[A-Z][a-z]))", re.IGNORECASE)
            if words
            else None
        )

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

    def _lists(self, text: str) -> list[list[Mention]]:
        groups: list[list[Mention]] = []
        for mention in self.mentions(text):
            if mention.demonym:
                continue
            if groups and _GAP.match(text[groups[-1][-1].end : mention.start]):
                groups[-1].append(mention)
            else:
                groups.append([mention])
        return groups

    def agents(self, text: str) -> list[str]:
        """The actors ``text`` makes the subject of an action: "China may ...", "for X and Y to ...",
        "Pressure on X to ...", "embolden X"; not the objects ("ties with X", "X's capabilities")."""
        found: list[str] = []
        for group in self._lists(text):
            if _agent_at(text, group[0].start, group[-1].end):
                found += [m.actor for m in group]
        return list(dict.fromkeys(found))

    def subjects(self, text: str, context: Sequence[str] = (), section: str | None = None) -> list[Subject]:
        """What ``text`` makes the subject of an action, in order: named actors ("X and its allies"
        adds X's allies), group terms ("The West could"), back-references ("prompt these major powers
        to") resolved to the latest list of actors in an earlier sentence or in ``context`` (the
        section's earlier paragraphs, nearest first). A group with no known actor gives no actors.

        >>> finder = ActorFinder([Actor("United States", ("US",)), Actor("China")])
        >>> [(s.actors, s.note) for s in finder.subjects("The West could leverage this situation by")]
        [(('United States',), "'The West' = United States (the default list)")]
        >>> [s.note for s in finder.subjects("It may prompt these powers to act.", ["The US and China talk."])]
        ["'these powers' refers back to 'US and China'"]
        """
        found: list[Subject] = []
        for group in self._lists(text):
            if not _agent_at(text, group[0].start, group[-1].end):
                continue
            actors = [m.actor for m in group]
            tail = _AND_ITS_ALLIES.match(text, group[-1].end)
            if not tail:
                found.append(Subject(group[0].start, tuple(actors)))
                continue
            owned = [self.allies[a] for a in actors if a in self.allies]
            extra = [m for g in owned for m in g.actors if m not in actors]
            note = f"'{text[group[0].start : tail.end()]}', " + (
                "; ".join(f"{g.term} = {', '.join(g.actors)} ({g.source})" for g in owned)
                if owned
                else "no allies known (name them with --groups 'allies of X=...')"
            )
            found.append(Subject(group[0].start, tuple(dict.fromkeys([*actors, *extra])), note))
        taken: list[tuple[int, int]] = []
        for match in _BACK_REFERENCE.finditer(text):
            taken.append(match.span())
            pronoun = match.group(0).casefold() == "they"
            if pronoun and not _CLAUSE_START.search(text[: match.start()]):
                continue
            if _agent_at(text, match.start(), match.end()):
                earlier = self._refer_back(text[: match.start()], context)
                if earlier is not None:
                    note = f"'{match.group(0)}' refers back to '{earlier[1]}'"
                    found.append(Subject(match.start(), earlier[0], note))
        for match in self.term_pattern.finditer(text) if self.term_pattern else ():
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if _agent_at(text, match.start(), match.end()):
                found.append(self._group_subject(match.start(), match.group(0), section, context))
        return sorted(found, key=lambda s: s.start)

    def _group_subject(self, start: int, phrase: str, section: str | None, context: Sequence[str]) -> Subject:
        group = self.terms[group_key(phrase)]
        if group.section:
            scope = [section or "", *reversed(context)]
            actors = tuple(dict.fromkeys(a for text in scope for a in self.named(text, demonyms=False)))
            return Subject(
                start,
                actors,
                f"'{phrase}' = the actors the section names: {', '.join(actors) or 'none'} ({group.source})",
            )
        if not group.actors:
            return Subject(
                start, (), f"'{phrase}', a group with no known actor ({group.source}; name its members with --groups)"
            )
        return Subject(start, group.actors, f"'{phrase}' = {', '.join(group.actors)} ({group.source})")

    def _refer_back(self, head: str, context: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
        """The latest list of two or more actors (or a group term with known members) in the sentences
        of ``head`` before its last, else in ``context`` nearest first: what a back-reference means."""
        sentences = split_sentences(head)
        for text in [" ".join(sentences[:-1]), *context]:
            candidates: list[tuple[int, tuple[str, ...], str]] = []
            for group in self._lists(text):
                actors = tuple(dict.fromkeys(m.actor for m in group))
                if len(actors) >= 2:
                    candidates.append((group[-1].end, actors, text[group[0].start : group[-1].end]))
            for match in self.term_pattern.finditer(text) if self.term_pattern else ():
                group_ = self.terms[group_key(match.group(0))]
                if group_.actors and not group_.section:
                    candidates.append((match.end(), group_.actors, match.group(0)))
            if candidates:
                _, actors, phrase = max(candidates, key=lambda c: c[0])
                return actors, phrase
        return None

    def other_subject(self, text: str) -> str | None:
        """A named subject that is no known actor ("The West could ..."), or ``None``."""
        for match in _NON_ACTOR_SUBJECT.finditer(text):
            phrase = match.group(1)
            words = [w for w in phrase.split() if w.casefold() not in ("the",)]
            if not words or words[0].casefold().strip(".,") in _NOT_NAMES or self.named(phrase):
                continue
            return phrase
        return None


def _agent_at(text: str, start: int, end: int) -> bool:
    """Whether the words at ``text[start:end]`` are the subject of an action ("X may", "for X to")."""
    before, after = text[:start], text[end:]
    caused = _CAUSE.search(before) and _TO_VERB.match(after)
    subject = _SUBJECT_AFTER.match(after) and not _after_preposition(before)
    return bool(caused or subject or _EMBOLDEN.search(before))


def _after_preposition(before: str) -> bool:
    words = re.findall(r"[\w’']+", before[-40:])
    while words and words[-1].casefold() in ("the", "both"):
        words.pop()
    return bool(words) and words[-1].casefold() in PREPOSITIONS


def _found(subjects: Sequence[Subject]) -> tuple[tuple[str, ...], str]:
    """The actors of ``subjects`` and the notes of those a group or back-reference gave."""
    actors = tuple(dict.fromkeys(a for s in subjects for a in s.actors))
    notes = [s.note for s in subjects if s.note and s.actors]
    return actors, f": {'; '.join(notes)}" if notes else ""


def _lead_context(lead: str, before: Sequence[str]) -> list[str]:
    """The section's text before a list's lead-in, nearest first (the lead-in ends ``before[0]``)."""
    if before and lead in before[0]:
        return [" ".join(split_sentences(before[0])[:-1]), *before[1:]]
    return list(before)


def assign_actors(
    finder: ActorFinder,
    own: Iterable[str],
    lead: str | None,
    before: Sequence[str],
    section: str | None,
    *,
    lead_checked: bool = True,
) -> tuple[tuple[str, ...], str]:
    """The actors of an item, and how they were found, trying in turn its own subject, the lead-in,
    the section's earlier paragraphs (nearest first), the section heading, the actors it names; an
    action it shares with its actors' allies goes to them too (:func:`share_with_allies`)."""
    texts = [t for t in own if t]
    actors, how = _assign(finder, texts, lead, before, section, lead_checked=lead_checked)
    if actors:
        actors, shared = share_with_allies(finder, actors, texts)
        how += shared
    return actors, how


def _assign(
    finder: ActorFinder,
    texts: Sequence[str],
    lead: str | None,
    before: Sequence[str],
    section: str | None,
    *,
    lead_checked: bool,
) -> tuple[tuple[str, ...], str]:
    for text in texts:
        actors, notes = _found(finder.subjects(text, before, section))
        if actors:
            return actors, "its subject" + notes
    if lead:
        found = finder.subjects(lead, _lead_context(lead, before), section)
        actors, notes = _found(found)
        if actors:
            return actors, "the list's lead-in" + notes
        empty = next((s for s in found if not s.actors), None)
        if empty is not None and lead_checked:
            return (), f"its list's lead-in names {empty.note}"
        other = finder.other_subject(lead) if lead_checked else None
        if other:
            return (), f"its list's lead-in names '{other}', not a known actor (pass --actors or --groups to name it)"
    for index, paragraph in enumerate(before):
        actors, notes = _found(finder.subjects(paragraph, before[index + 1 :], section))
        if actors:
            return actors, "the paragraph before" + notes
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


def share_with_allies(finder: ActorFinder, actors: Sequence[str], texts: Iterable[str]) -> tuple[tuple[str, ...], str]:
    """``actors`` and the allies an item shares its action with, and a note saying why: allies it
    names as partners ("drills with South Korea and Japan"), or all of them when it acts among or
    with allies ("joint exercises among allied forces"). Allies come from :attr:`ActorFinder.allies`.

    >>> finder = ActorFinder([Actor("United States"), Actor("Japan")], "allies of United States=Japan")
    >>> share_with_allies(finder, ["United States"], ["Expanding joint drills with Japan"])
    (('United States', 'Japan'), "; shared with allies: 'with Japan', allies of United States = Japan (--groups)")
    """
    owned = {a: finder.allies[a] for a in actors if a in finder.allies and finder.allies[a].actors}
    found = list(actors)
    notes: list[str] = []
    for text in texts:
        among = _AMONG_ALLIES.search(text)
        if among:
            for group in owned.values():
                found += group.actors
            if owned:
                notes.append(
                    f"'{among.group(0)}', "
                    + "; ".join(f"{g.term} = {', '.join(g.actors)} ({g.source})" for g in owned.values())
                )
        for mentions in finder._lists(text):
            if not _WITH.search(text[: mentions[0].start]):
                continue
            named = [m.actor for m in mentions]
            for group in owned.values():
                partners = [a for a in named if a in group.actors]
                if partners:
                    found += partners
                    notes.append(
                        f"'with {text[mentions[0].start : mentions[-1].end]}', {group.term} = "
                        f"{', '.join(group.actors)} ({group.source})"
                    )
    shared = tuple(dict.fromkeys(found))
    if len(shared) == len(actors):
        return tuple(actors), ""
    return shared, f"; shared with allies: {'; '.join(dict.fromkeys(notes))}"
