"""Who an article's item belongs to: the actors the text may name and the one an item makes its subject.

:class:`ActorFinder` finds actor names, aliases and demonyms in text and tells the actors a text
makes the subject of an action from those it only mentions; :func:`assign_actors` tries an item's
own words, the lead-in of its list, the paragraphs before it and the section heading in turn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from decide.core.errors import SpecError
from decide.core.model import Matrix


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


def assign_actors(finder: ActorFinder, own: Iterable[str], lead: str | None, before: Sequence[str],
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
