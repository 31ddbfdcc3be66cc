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

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decide.analysis.extract_actors import Actor, ActorFinder, parse_actors
from decide.analysis.extract_against import Match, carriers, known_strategies
from decide.analysis.extract_drafts import build_drafts, draft_document, draft_yaml, slug
from decide.analysis.extract_items import Item, find_items
from decide.core.counts import counted
from decide.core.errors import DecideError
from decide.core.model import Matrix
from decide.io.article import parse_article, read_article
from decide.io.article_parts import Article
from decide.rendering.result import Result, Section

if TYPE_CHECKING:
    import pandas as pd

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
            rows.append(
                {
                    "article": item.article,
                    "place": item.place,
                    "section": item.section or "",
                    "row": item.row,
                    "kind": item.kind,
                    "kind why": item.kind_why,
                    "actors": ", ".join(item.actors),
                    "assigned by": item.assigned_by,
                    "held back": item.held,
                    "quote": item.quote,
                    "locator": item.locator,
                    "status": status,
                    "carried by": "; ".join(self.carried_by[index]),
                    "matches": "; ".join(map(str, self.matches[index])) if self.matches else "",
                }
            )
        return pd.DataFrame(rows)

    def coverage(self) -> list[dict[str, Any]]:
        """Every item in the format of ``data/coverage.yaml``: carried_by, or context_only with a reason;
        an assigned item also says its actors and why (``assigned_by``)."""
        entries = []
        for index, item in enumerate(self.items):
            entry: dict[str, Any] = {"source": item.article, "where": item.where, "row": item.row, "quote": item.quote}
            carriers_ = list(self.carried_by[index])
            if item.actors:
                entry["actors"] = list(item.actors)
                entry["assigned_by"] = item.assigned_by
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
        lines = [
            f"# Coverage of {names} by 'decide extract': every table row, list item and recommendation",
            "# sentence, with the strategies that carry it ('Actor: strategy') or context_only and why;",
            "# assigned_by says why it went to its actors (a column, its subject, a group, a back-reference).",
            "items:",
        ]
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
        written = [
            write_output(target / f"{slug(m.actor)}.yaml", draft_yaml(m, names), inputs=inputs) for m in self.drafts
        ]
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
                "encoding debris removed"
            )
        return "; ".join(lines)

    def sections(self) -> list[Section]:
        import pandas as pd

        statuses = self.status
        rows = [
            {
                "#": i + 1,
                "place": f"{item.place} ({item.article[:3]})" if len(self.articles) > 1 else item.place,
                "row": item.row,
                "kind": item.kind,
                "actors": ", ".join(item.actors) or "-",
                "status": statuses[i],
            }
            for i, item in enumerate(self.items)
        ]
        caption = self.summary()
        if self.against is not None:
            new = sum(bool(n) for n in self.new)
            caption += (
                f"\ncompared with {self.against}: {counted(new, 'item')} new, "
                f"{sum(s == 'carried' for s in statuses)} carried"
            )
        note = "; ".join(self.problems)
        sections = [Section("Items", caption, pd.DataFrame(rows), note=note)]
        if self.drafts:
            drafts = pd.DataFrame(
                [
                    {"actor": m.actor, "strategies": len(m.strategies), "criteria": ", ".join(m.criterion_names)}
                    for m in self.drafts
                ]
            )
            what = "additions (new strategies only)" if self.against is not None else "draft matrices"
            sections.append(
                Section("Drafts", f"{what}: draft: true, every score a judgement over the whole scale", drafts)
            )
        if self.against is not None and self.matches:
            speaks = [
                {
                    "#": i + 1,
                    "row": item.row,
                    "new evidence for": "; ".join(f"{m.actor}: {m.strategy}" for m in self.matches[i]),
                }
                for i, item in enumerate(self.items)
                if any(m.how != "locator" for m in self.matches[i])
                and not any(m.how == "locator" for m in self.matches[i])
            ]
            if speaks:
                sections.append(
                    Section(
                        "Evidence",
                        "existing strategies this article speaks to (matched by quote or similar name)",
                        pd.DataFrame(speaks),
                    )
                )
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
    groups: str | Mapping[str, Sequence[str]] | None = None,
) -> Extraction:
    """Find the items of ``articles`` (paths, or one article's text), assign them to ``actors``
    (``"Name=Alias,Alias;Name"``, :class:`Actor` objects, or by default the shipped matrices' actors),
    and draft a matrix per actor; with ``against`` (a folder or file of matrices), compare instead
    and draft only the additions.

    ``groups`` names the members of group terms (``"the West=United States,Japan;allies of United
    States=Japan,South Korea"``, or a mapping of term to actor names); they replace the default list
    and the allies the matrices give (:mod:`decide.analysis.extract_groups`).
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
    finder = ActorFinder(chosen, groups)
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
        return Extraction(
            tuple(parsed), tuple(items), tuple(drafts), tuple(chosen), carried_by, problems=tuple(problems)
        )
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
        for i in range(len(items))
    )
    return Extraction(
        tuple(parsed),
        tuple(items),
        tuple(drafts),
        tuple(chosen),
        carried_by,
        tuple(matches),
        tuple(new),
        str(against),
        tuple(problems),
    )


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
