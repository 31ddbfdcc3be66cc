"""The items of an article: its table rows, list items and recommendation sentences, each with its actors.

:func:`find_items` turns every table row, list item and sentence that recommends an action into an
:class:`Item`: where it is (its locator), its words, whether it is an option (``strategy``), an
``effect`` or context, or ``both``, and the actors it is assigned to (:mod:`.extract_actors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from decide.analysis.extract_actors import ActorFinder, assign_actors, share_with_allies
from decide.io.article_parts import (
    Article,
    ListItem,
    Paragraph,
    Table,
    first_words,
    item_label,
    list_locator,
    paragraph_locator,
    table_locator,
)

KINDS = ("strategy", "effect", "both")

_ACTOR_HEADER = re.compile(
    r"^(?:country|countries|actor|actors|state|nation|party|parties|government|player|who)$", re.I
)
_PARTNER_HEADER = re.compile(r"partner|all(?:y|ies)|with whom|together with", re.I)
_OPTION_HEADER = re.compile(
    r"strateg|option|possibilit|tactic|action|approach|recommend|measure|policy|polic"
    r"|avenue|initiative|response|choice|alternative|move|step",
    re.I,
)
_CONTEXT_HEADER = re.compile(
    r"stance|position|factor|impact|implication|situation|context|current|status|"
    r"consequence|trend|driver",
    re.I,
)
_EFFECT_LEAD = re.compile(
    r"factor|implication|consequence|effect|impact|dimension|area|shift|trend|driver|"
    r"ramification",
    re.I,
)
_OPTION_LEAD = re.compile(
    r"recommend|avenue|strateg|option|response|leverage|consider|encompass|measure|"
    r"step|action|approach|should|could|can|might|way|means|propos|tactic|choice|move",
    re.I,
)
_RECOMMEND = re.compile(
    r"\b(?:should|ought to|must|recommend\w*|(?:it(?:’|')?s|it is) (?:essential|crucial|vital|important|imperative|"
    r"necessary|wise|time)|needs? to|has room to|would do well|is advised|(?:an? |the )?(?:opportunity|chance|"
    r"room) for \w+(?: \w+){0,2} to|can|could|may|might)\b",
    re.IGNORECASE,
)
_STRONG_RECOMMEND = re.compile(
    r"\b(?:should|ought to|must|recommend\w*|essential|crucial|vital|imperative|needs? to|has room to|"
    r"would do well|is advised)\b",
    re.IGNORECASE,
)

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


def _table_items(article: Article, table: Table, finder: ActorFinder) -> list[Item]:
    header = table.header
    first_cells = [row[0] for row in table.rows]
    actor_column = (
        0
        if _ACTOR_HEADER.match(header[0]) or (sum(finder.is_name(c) for c in first_cells) * 2 > len(first_cells))
        else None
    )
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
            actors, how = (
                (tuple(named), f"the '{header[actor_column]}' column")
                if named
                else ((), f"its '{header[actor_column]}' column names '{row[actor_column]}', not a known actor")
            )
        else:
            # a table's rows are the options of whom its section and paragraphs speak of; a row's
            # cells describe effects on others ("Moscow may treat it as a provocation")
            cells = [row[i] for i in range(len(header)) if i not in partners]
            actors, how = assign_actors(finder, [], None, table.before, table.section or article.title)
            if actors:
                actors, shared = share_with_allies(finder, actors, cells)
                how += shared
            else:
                actors, how = assign_actors(finder, [" ".join(cells[1:]), *cells[:1]], None, (), None)
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
            extras = (
                (
                    f"Status Quo: {_capital(row[stance])}",
                    table_locator(article.name, table, label, header[stance], row[stance]),
                    row[stance],
                ),
            )
        fragments = tuple((header[i], row[i]) for i in range(1, len(header)) if i not in partners and row[i])
        items.append(
            Item(
                article.name,
                "table row",
                table.section,
                f"table '{table.title}'",
                label,
                quote,
                table_locator(article.name, table, label),
                name,
                kind,
                kind_why,
                actors,
                how,
                fragments,
                extras,
            )
        )
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
        actors, how = assign_actors(
            finder, [item.text, item.label or ""], item.lead, item.before, item.section or article.title
        )
        kind, why = _list_kind(item, finder)
        where = f"section '{item.section}', list" if item.section else "list"
        if item.lead and len(item.lead.split()) <= 12:
            where += f" '{item.lead}'"
        label = item_label(item)
        items.append(
            Item(
                article.name,
                "list item",
                item.section,
                where,
                label,
                item.text,
                list_locator(article.name, item),
                label,
                kind,
                why,
                actors,
                how,
                (("text", item.text),),
            )
        )
    return items


_GERUND_START = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Moreover|Additionally|Furthermore|Also|Meanwhile|Thus|Therefore|Likewise|In addition)"
    r"\s*,?\s+)?(?:[A-Z][a-z]+|[a-z]+)ing\b(?![^,]*,\s*(?:the\s+)?[A-Z])"
)
_GERUND_VERB = re.compile(
    r"\b(?:can|could|may|might|will|would|should|serves?|helps?|fosters?|builds?|"
    r"allows?|enables?|offers?|provides?)\b"
)


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
            _GERUND_START.match(sentence) and _GERUND_VERB.search(sentence)
        ):
            found.append(sentence)
    return found


def _sentence_name(sentence: str) -> str:
    cue = None if _GERUND_START.match(sentence) else _RECOMMEND.search(sentence)
    rest = (
        sentence[cue.end() :]
        if cue
        else re.sub(r"^[A-Z][a-z]+ly\s*,?\s+|^(?:Moreover|Additionally)\s*,?\s+", "", sentence)
    )
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
                actors, how = assign_actors(
                    finder,
                    [sentence],
                    None,
                    [*reversed(earlier), *paragraph.before],
                    paragraph.section or article.title,
                    lead_checked=False,
                )
                where = f"section '{paragraph.section}', paragraph" if paragraph.section else "opening paragraph"
                items.append(
                    Item(
                        article.name,
                        "paragraph",
                        paragraph.section,
                        where,
                        phrase,
                        sentence,
                        paragraph_locator(article.name, paragraph.section, phrase),
                        _sentence_name(sentence),
                        "strategy",
                        "a sentence that recommends an action",
                        actors,
                        how,
                        (("text", sentence),),
                        held=held_back(sentence, paragraph),
                    )
                )
            earlier.append(sentence)
    return items


def find_items(article: Article, finder: ActorFinder) -> list[Item]:
    """Every table row, list item and recommendation sentence of ``article``, in that order."""
    items = [item for table in article.tables for item in _table_items(article, table, finder)]
    return items + _list_items(article, finder) + _paragraph_items(article, finder)
