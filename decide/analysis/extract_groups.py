"""Group terms of an article ("the West", "the major powers", "its allies") and the actors they stand for.

An article often gives an option to a group rather than to a named actor: "The West could leverage
this situation by", "The U.S. and its allies may implement stricter sanctions". :func:`build_groups`
makes the table :class:`~decide.analysis.extract_actors.ActorFinder` resolves such terms through:

- **allies of X**: derived from the data: the actors that an alliance strategy of a matrix names
  ("Strengthen Alliances with South Korea and Japan" in the United States' matrix; "Strengthen
  Bilateral Alliance with the US" in Japan's), both ways;
- **a small default list** (:data:`DEFAULT_GROUPS`): "the West", "the major powers" (and "great
  powers", "global powers"), "regional players" (the actors the section names);
- **given groups** (``--groups "the West=United States,Japan;allies of United States=Japan"`` or
  ``groups=`` of :func:`decide.extract`), which replace a default or derived entry of the same term.

Every group keeps only the known actors among its members, and says where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from decide.core.errors import SpecError
from decide.core.model import Matrix


class Actor(Protocol):
    """What a group table needs of an actor (:class:`decide.analysis.extract_actors.Actor`)."""

    @property
    def name(self) -> str: ...

    @property
    def matrix(self) -> Matrix | None: ...


#: How a caller says which known actors a text names (:meth:`ActorFinder.named`).
Named = Callable[[str], list[str]]

#: The members of a group that stands for "the actors the section names".
SECTION = "@section"

_WEST = (
    "United States",
    "Canada",
    "United Kingdom",
    "Ireland",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Portugal",
    "Netherlands",
    "Belgium",
    "Luxembourg",
    "Austria",
    "Switzerland",
    "Denmark",
    "Norway",
    "Sweden",
    "Finland",
    "Iceland",
    "Poland",
    "Czech Republic",
    "Slovakia",
    "Hungary",
    "Slovenia",
    "Croatia",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Greece",
    "Malta",
    "Cyprus",
    "Romania",
    "Bulgaria",
    "Australia",
    "New Zealand",
    "European Union",
    "NATO",
)
_PERMANENT_FIVE = ("United States", "China", "Russia", "United Kingdom", "France")

#: Group terms every extraction knows, with their members (only the known actors among them count).
#: "the West": North America, Europe's democracies, Australia and New Zealand (not Japan or South
#: Korea: name them with ``--groups`` if an article counts them in); "the major powers": the permanent
#: members of the UN Security Council; "regional players": the known actors the section names.
DEFAULT_GROUPS: dict[str, tuple[str, ...]] = {
    "the West": _WEST,
    "Western powers": _WEST,
    "Western nations": _WEST,
    "Western countries": _WEST,
    "the major powers": _PERMANENT_FIVE,
    "great powers": _PERMANENT_FIVE,
    "global powers": _PERMANENT_FIVE,
    "world powers": _PERMANENT_FIVE,
    "regional players": (SECTION,),
    "regional powers": (SECTION,),
    "regional actors": (SECTION,),
}

_ALLIES_OF = re.compile(r"^allies\s+of\s+(.+)$", re.IGNORECASE)
_ALLIANCE = re.compile(r"\balli(?:ance|ances|ed|es)\b", re.IGNORECASE)


def group_key(term: str) -> str:
    """The key a group term is looked up by: no leading "the", one space between words, case folded.

    >>> group_key("The  Major Powers")
    'major powers'
    """
    return " ".join(re.sub(r"^the\s+", "", term.strip(), flags=re.IGNORECASE).casefold().split())


@dataclass(frozen=True)
class Group:
    """A group term, the known actors it stands for, and where that came from."""

    term: str
    actors: tuple[str, ...]
    source: str
    """``the default list``, ``--groups``, or ``the matrices' alliance strategies``."""
    section: bool = False
    """Whether it stands for the actors its section names (``regional players``)."""


def parse_groups(spec: str | Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Groups from ``"the West=United States,Japan;allies of United States=Japan,South Korea"`` (or a
    mapping of term to members).

    >>> parse_groups("the West=United States, Japan; allies of Japan=United States")
    {'the West': ('United States', 'Japan'), 'allies of Japan': ('United States',)}
    >>> parse_groups("the West")
    Traceback (most recent call last):
    ...
    decide.SpecError: groups: 'the West' gives no members; write TERM=ACTOR,ACTOR;TERM=...
    """
    if isinstance(spec, str):
        pairs = []
        for part in spec.split(";"):
            if not part.strip():
                continue
            term, equals, members = part.partition("=")
            if not equals or not term.strip():
                raise SpecError(f"'{part.strip()}' gives no members; write TERM=ACTOR,ACTOR;TERM=...", field="groups")
            pairs.append((term.strip(), tuple(m.strip() for m in members.split(",") if m.strip())))
    else:
        pairs = [(str(term).strip(), tuple(str(m).strip() for m in members)) for term, members in spec.items()]
    if not pairs:
        raise SpecError("names no group; write TERM=ACTOR,ACTOR;TERM=...", field="groups")
    return dict(pairs)


def derive_allies(actors: Sequence[Actor], named: Named) -> dict[str, tuple[str, ...]]:
    """Allies of each actor from its matrix's alliance strategies (a name with "alliance", "allies" or
    "allied" that names other known actors), both ways. ``named(text)`` gives the actors ``text`` names."""
    allies: dict[str, list[str]] = {}
    for actor in actors:
        if actor.matrix is None:
            continue
        name = actor.name
        for strategy in actor.matrix.strategies:
            if not _ALLIANCE.search(strategy.name):
                continue
            for other in named(strategy.name):
                if other != name:
                    allies.setdefault(name, []).append(other)
                    allies.setdefault(other, []).append(name)
    return {actor: tuple(dict.fromkeys(found)) for actor, found in allies.items()}


def build_groups(
    actors: Sequence[Actor], named: Named, given: str | Mapping[str, Sequence[str]] | None = None
) -> tuple[dict[str, Group], dict[str, Group]]:
    """The group terms (by :func:`group_key`) and the allies of each actor (by actor name): the default
    list and the allies the matrices give, with ``given`` groups replacing entries of the same term.

    A given member must be a known actor (its name or an alias); ``named(text)`` gives the actors
    ``text`` names."""
    folded = {a.name.casefold(): a.name for a in actors}

    def keep(members: Sequence[str]) -> tuple[str, ...]:  # the known members, in the order of the actors
        wanted = {m.casefold() for m in members}
        return tuple(name for key, name in folded.items() if key in wanted)

    terms = {
        group_key(term): Group(term, keep(members), "the default list", SECTION in members)
        for term, members in DEFAULT_GROUPS.items()
    }
    source = "the matrices' alliance strategies"
    allies = {
        actor: Group(f"allies of {actor}", members, source) for actor, members in derive_allies(actors, named).items()
    }
    for term, members in (parse_groups(given) if given is not None else {}).items():
        resolved = []
        for member in members:
            found = named(member)
            if len(found) != 1:
                raise SpecError(
                    f"'{term}' names '{member}', no known actor; name it in --actors as well", field="groups"
                )
            resolved.append(found[0])
        owner = _ALLIES_OF.match(term)
        if owner:
            whose = named(owner.group(1))
            if len(whose) != 1:
                raise SpecError(
                    f"'{term}': '{owner.group(1)}' is no known actor; name it in --actors as well", field="groups"
                )
            allies[whose[0]] = Group(term, tuple(dict.fromkeys(resolved)), "--groups")
        else:
            terms[group_key(term)] = Group(term, tuple(dict.fromkeys(resolved)), "--groups")
    return terms, allies
