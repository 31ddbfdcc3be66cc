"""decide extract: items from an article's tables, lists and recommendation sentences, drafted as matrices.

On the seed articles (``$DECIDE_SEEDS``; skipped when absent) the items are checked against the hand-made
``data/coverage.yaml``; on two articles written for these tests (tests/fixtures/articles: Arctic basing as
plain text, Baltic cables as HTML saved from a browser) against what each was written to contain.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import decide
from decide import DecideError, extract
from decide.analysis.extract_actors import Actor, ActorFinder, parse_actors
from decide.io.article import clean_text, parse_article, read_article
from decide.io.load import check_files, load_matrices

from .quotes import ARTICLES, QUOTE, TAG_AFTER, seeds_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
ARCTIC = FIXTURES / "arctic-basing.txt"
BALTIC = FIXTURES / "baltic-cables.html"
ARCTIC_ACTORS = "Norway=Oslo;Finland=Helsinki;Sweden=Stockholm;Russia=Moscow;United States=US,Washington"
BALTIC_ACTORS = "Estonia=Tallinn;Finland=Helsinki;Lithuania=Vilnius"
COVERAGE = yaml.safe_load((ROOT / "data" / "coverage.yaml").read_text(encoding="utf-8"))["items"]
needs_seeds = pytest.mark.skipif(seeds_dir() is None, reason="the seed articles are not found; set DECIDE_SEEDS")


def is_paragraph_level(entry: dict) -> bool:
    """A coverage entry that is a sentence of running text rather than a table row or list item."""
    return "paragraph" in entry["where"] or not re.search(r"\btable\b|\blist\b", entry["where"])


def seed_paths() -> list[Path]:
    folder = seeds_dir()
    assert folder is not None
    return [folder / name for name in ARTICLES.values()]


def quotes_in(text: str) -> list[str]:
    return [match.group(1) for match in QUOTE.finditer(text)]


def written_quotes(result) -> list[tuple[str, str]]:
    """(article, quote) for every quote the drafts and the coverage write."""
    found = []
    for matrix in result.drafts:
        for strategy in matrix.strategies:
            for segment in re.split(r";\s*also\s+", strategy.source):
                article = segment.split(";", 1)[0]
                found += [(article, q) for q in quotes_in(segment.split(";", 1)[1])]
                for text in strategy.rationale.values():
                    found += [(article, q) for q in quotes_in(text)]
    for entry in result.coverage():
        found.append((entry["source"], entry["quote"]))
    return found


# --------------------------------------------------------------------------- the seed articles


@pytest.fixture(scope="module")
def seeds():
    if seeds_dir() is None:
        pytest.skip("the seed articles are not found; set DECIDE_SEEDS")
    return extract(seed_paths())


def matching_item(result, entry):
    return [
        item
        for item in result.items
        if item.article == entry["source"] and entry["quote"] in item.quote and item.row == str(entry["row"])
    ]


@needs_seeds
def test_every_table_row_and_list_item_of_the_coverage_is_found(seeds):
    rows = [entry for entry in COVERAGE if not is_paragraph_level(entry)]
    assert len(rows) == 47
    missing = [entry["row"] for entry in rows if not matching_item(seeds, entry)]
    assert missing == []
    for entry in rows:  # in the section the coverage names, when it names one
        section = re.match(r"section '(.+?)'", entry["where"])
        if section:
            assert matching_item(seeds, entry)[0].section == section.group(1)


@needs_seeds
def test_nine_in_ten_items_go_to_exactly_the_actors_the_coverage_gives_them(seeds):
    """Exact agreement: extract names the same set of actors as the matrices that carry the item (or
    that it was merged into). Lenient agreement (some of them and no other) is printed beside it."""
    agree = exact = 0
    rows = [entry for entry in COVERAGE if not is_paragraph_level(entry)]
    for entry in rows:
        expected = {name.split(":")[0] for name in [*entry.get("carried_by", []), *entry.get("merged_into", [])]}
        got = set(matching_item(seeds, entry)[0].actors)
        agree += bool(got) and got <= expected
        exact += got == expected
    print(f"actors: {exact}/{len(rows)} the same set, {agree}/{len(rows)} agree (some of them, no other)")
    assert exact / len(rows) >= 0.9
    assert agree / len(rows) >= 0.9


@needs_seeds
def test_group_terms_back_references_and_allies_say_why(seeds):
    """The rules that give the seed items to a group, a back-referenced list or allies record the reason."""
    by_row = {(item.article[:3], item.row): item for item in seeds.items}
    west = by_row["000", "Reassessing Sanctions"]
    assert west.actors == ("United States",)
    assert "'The West' = United States (the default list)" in west.assigned_by
    presence = by_row["000", "Increased Military Presence"]
    assert set(presence.actors) == {"United States", "China"}
    assert "'these major powers' refers back to 'united States and China'" in presence.assigned_by
    sanctions = by_row["000", "Enhanced sanctions"]
    assert set(sanctions.actors) == {"United States", "Japan", "South Korea"}
    assert "allies of United States = Japan, South Korea (the matrices' alliance strategies)" in sanctions.assigned_by
    coordination = by_row["001", "Enhanced Military Coordination"]
    assert "'among allied forces'" in coordination.assigned_by and len(coordination.actors) == 3
    entry = next(e for e in seeds.coverage() if e["row"] == "Increased Military Presence")
    assert entry["actors"] == list(presence.actors) and entry["assigned_by"] == presence.assigned_by


@needs_seeds
def test_most_paragraph_level_items_are_found_as_recommendation_sentences(seeds):
    paragraphs = [entry for entry in COVERAGE if is_paragraph_level(entry)]
    found = [
        entry
        for entry in paragraphs
        if any(
            i.place == "paragraph" and entry["quote"] in i.quote and i.article == entry["source"] for i in seeds.items
        )
    ]
    print(f"paragraph-level items: {len(found)}/{len(paragraphs)}")
    assert len(found) >= 12


@needs_seeds
def test_every_written_quote_is_verbatim_in_the_cleaned_article(seeds):
    texts = {article.name: article.text for article in seeds.articles}
    quotes = written_quotes(seeds)
    assert len(quotes) > 200
    assert [(a, q) for a, q in quotes if q not in texts[a]] == []


@needs_seeds
def test_every_quote_of_the_shipped_matrices_survives_the_cleaning():
    texts = {tag: read_article(seeds_dir() / name).text for tag, name in ARTICLES.items()}
    checked, missing = 0, []
    for matrix in load_matrices():
        for strategy in matrix.strategies:
            tags = [tag for tag, name in ARTICLES.items() if name in strategy.source]
            for text in strategy.rationale.values():
                for match in QUOTE.finditer(text):
                    tag = TAG_AFTER.match(text, match.end())
                    where = [tag.group(1)] if tag else tags
                    if len(where) == 1:
                        checked += 1
                        if match.group(1) not in texts[where[0]]:
                            missing.append(match.group(1))
    assert checked > 100 and missing == []


@needs_seeds
def test_the_debris_goes_and_real_characters_stay():
    raw = (seeds_dir() / ARTICLES["000"]).read_text(encoding="utf-8")
    text = read_article(seeds_dir() / ARTICLES["000"]).text
    assert not re.search("â[˘¤Ł]|[⢠⣠⤠]", text)
    assert text.count("’") == raw.count("’") > 0
    assert "Build trust and clarify intentions" in text


@needs_seeds
@pytest.mark.parametrize("tag", ["000", "001"])
def test_a_seed_article_against_the_shipped_matrices_has_nothing_new(tag):
    result = extract(seeds_dir() / ARTICLES[tag], against=ROOT / "matrices")
    assert [item.row for item, new in zip(result.items, result.new, strict=True) if new] == []
    assert result.drafts == ()
    rows = [i for i in result.items if i.place != "paragraph" and i.drafted]
    assert rows and all(result.matches[result.items.index(i)] for i in rows)


@needs_seeds
def test_seed_drafts_validate_with_a_warning_and_rank_says_draft_scores(seeds, tmp_path, cli):
    written = seeds.write(tmp_path)
    assert len(written) == 7  # six actors and the coverage
    report = check_files(tmp_path / "matrices")
    assert all(problems == [] for problems, _ in report.values())
    result = cli("validate", str(tmp_path / "matrices"))
    assert result.exit_code == 0 and "warning: draft: true" in result.output
    ranked = cli("rank", str(tmp_path / "matrices"), "--actor", "China")
    assert "draft scores" in ranked.output
    coverage = yaml.safe_load((tmp_path / "coverage.yaml").read_text(encoding="utf-8"))["items"]
    assert len(coverage) == len(seeds.items)
    assert all(bool(entry.get("carried_by")) != bool(entry.get("context_only")) for entry in coverage)


# --------------------------------------------------------------------------- the fixture articles

ARCTIC_ITEMS = {  # row -> actors, as the article was written
    "Permanent Allied Base": ("Norway",),
    "Rotational Basing": ("Norway",),
    "Expanded Surveillance": ("Norway",),
    "Russia": ("Russia",),
    "United States": ("United States",),
    "Pre-positioned Equipment": ("Norway",),
    "Keep the Base Policy": ("Norway",),
    "Joint air policing with Norway and Sweden": ("Finland",),
    "Opening Lapland ranges for allied exercises": ("Finland",),
    "A cross-border rail link to the Norwegian coast": ("Finland",),
}
BALTIC_ITEMS = {
    "Second Interconnector": ("Estonia",),
    "Battery Reserve": ("Estonia",),
    "Ask NATO to patrol the cable routes with": ("Estonia",),
    "Seabed Sensors": ("Finland",),
    "Faster repair ships on standby in Porvoo": ("Finland",),
    "Repair Ships": ("Finland",),
}


@pytest.mark.parametrize(
    ("path", "actors", "expected"), [(ARCTIC, ARCTIC_ACTORS, ARCTIC_ITEMS), (BALTIC, BALTIC_ACTORS, BALTIC_ITEMS)]
)
def test_a_fixture_article_gives_each_row_and_item_to_its_actor(path, actors, expected):
    result = extract(path, actors=actors)
    rows = {item.row: item.actors for item in result.items if item.place != "paragraph"}
    assert rows == expected
    kinds = {item.place for item in result.items}
    assert kinds == {"table row", "list item", "paragraph"}


@pytest.mark.parametrize(("path", "actors"), [(ARCTIC, ARCTIC_ACTORS), (BALTIC, BALTIC_ACTORS)])
def test_fixture_drafts_validate_and_every_quote_is_verbatim(path, actors, tmp_path):
    result = extract(path, actors=actors)
    result.write(tmp_path)
    report = check_files(tmp_path / "matrices")
    assert report and all(problems == [] for problems, _ in report.values())
    text = result.articles[0].text
    assert [q for a, q in written_quotes(result) if q not in text] == []
    # every table row and list item is a strategy, or in the coverage with a reason
    for item, entry in zip(result.items, result.coverage(), strict=True):
        assert entry.get("carried_by") or entry.get("context_only"), item.row
        if item.place != "paragraph":
            assert item.drafted and entry["carried_by"]


def test_the_html_fixture_reads_as_text_without_scripts_menus_or_debris():
    article = read_article(BALTIC)
    assert article.kind == "html" and article.title.startswith("Keeping the Lights On")
    assert "Finland’s Next Steps" in article.sections
    assert "not an item" not in article.text and "Home" not in article.text and "©" not in article.text
    assert "Estonia’s and Finland’s governments" in article.text and "â" not in article.text
    assert [t.header for t in article.tables] == [("Option", "Benefit"), ("Measure", "Lead Agency", "Risk", "Timeline")]


def test_the_text_fixture_keeps_its_real_characters():
    text = read_article(ARCTIC).text
    for kept in ("Trøndelag", "“balance”", " — ", "Værnes", "Norway’s Arctic Dilemma", "It’s essential"):
        assert kept in text
    assert "faces hard choices" in text and "a provocation" in text and "of submarine" in text


def test_cues_quote_the_columns_that_bear_on_each_criterion():
    result = extract(ARCTIC, actors=ARCTIC_ACTORS)
    norway = next(m for m in result.drafts if m.actor == "Norway")
    base = next(s for s in norway.strategies if s.name == "Permanent Allied Base")
    assert base.rationale["benefit"].startswith("Benefits: 'Strong deterrence against Russian pressure'")
    assert base.rationale["risk"].startswith("Challenges: 'Moscow may treat it as a provocation'")
    assert base.rationale["cost"].startswith("Cost: 'Very high construction and upkeep'")
    assert all(base.ranges[c] == (1.0, 10.0) and base.certainty[c] == "judgement" for c in base.scores)
    rotational = next(s for s in norway.strategies if s.name == "Rotational Basing")
    assert "; also " in rotational.source  # the list item and the table row are one strategy


def test_locators_follow_the_shipped_format():
    result = extract(ARCTIC, actors=ARCTIC_ACTORS)
    locators = {item.row: item.locator for item in result.items}
    assert locators["Expanded Surveillance"] == (
        "arctic-basing.txt; table 'Option | Benefits | Challenges | Cost', row 'Expanded Surveillance'"
    )
    assert locators["Keep the Base Policy"] == (
        "arctic-basing.txt; section 'Options for Norway', list 'Norwegian planners weigh several courses of action',"
        " list item 'Keep the Base Policy'"
    )


def test_a_fixture_against_the_shipped_matrices_reports_exactly_its_new_items():
    result = extract(ARCTIC, actors=ARCTIC_ACTORS, against=ROOT / "matrices")
    new = {item.row: actors for item, actors in zip(result.items, result.new, strict=True) if actors}
    expected = dict(ARCTIC_ITEMS)
    expected["It’s essential for Norway to keep channels open with Moscow"] = ("Norway",)
    expected["Washington should fund the upgrade of Evenes air station"] = ("United States",)
    assert new == expected
    assert sorted(m.actor for m in result.drafts) == ["Finland", "Norway", "Russia", "United States"]
    us = next(m for m in result.drafts if m.actor == "United States")
    assert [c.name for c in us.criteria] == ["stability", "deterrence", "cost", "risk"]  # the existing matrix's


def test_against_writes_a_patch_and_never_into_the_compared_folder(tmp_path):
    folder = tmp_path / "mine"
    (folder / "matrices").mkdir(parents=True)
    (folder / "matrices" / "russia.yaml").write_text((ROOT / "matrices" / "russia.yaml").read_text("utf-8"), "utf-8")
    result = extract(ARCTIC, actors=ARCTIC_ACTORS, against=folder / "matrices")
    with pytest.raises(DecideError, match="folder compared against"):
        result.write(folder)
    written = result.write(tmp_path / "patch")
    assert any(w.endswith("russia.yaml") for w in written)
    patch = yaml.safe_load((tmp_path / "patch" / "matrices" / "russia.yaml").read_text("utf-8"))
    assert patch["draft"] is True and [s["name"] for s in patch["strategies"]] == [
        "More submarine patrols in the Barents Sea"
    ]


# --------------------------------------------------------------------------- actors and text


def test_actors_are_subjects_not_objects():
    finder = ActorFinder(
        [Actor("North Korea", ("DPRK", "Pyongyang")), Actor("Russia", ("Moscow",)), Actor("China", ("Beijing",))]
    )
    assert finder.agents("A united front could embolden North Korea in its aggressive posturing") == ["North Korea"]
    assert finder.agents("Joint ventures can provide Russia with a market") == []
    assert finder.agents("ties between Russia and North Korea have deepened") == []
    assert finder.agents("Moscow and Pyongyang may sign a pact") == ["Russia", "North Korea"]
    assert finder.named("North Korean infrastructure and Russian influence") == ["North Korea", "Russia"]
    assert finder.other_subject("The West could leverage this situation by") == "The West"
    assert finder.other_subject("china could consider strategies such as") is None


GROUPED = """Arctic Choices
Options for the North
The West could answer by:
- Joint Patrols: Joint air policing with Norway and Sweden.
- Cheaper Fuel: Buying fuel from any supplier.
Finland and Norway talk often. Pressure may push these neighbours to share bases, and they may join drills.
- Shared Ranges: Opening ranges for exercises among allied air forces.
"""


def test_group_terms_resolve_through_the_groups_table_and_say_where_from():
    result = extract(GROUPED, actors="Norway;Finland;Sweden")
    rows = {item.row: item for item in result.items if item.place == "list item"}
    assert rows["Joint Patrols"].actors == ("Norway", "Finland", "Sweden")  # the default West's known members
    assert rows["Joint Patrols"].assigned_by == (
        "the list's lead-in: 'The West' = Norway, Finland, Sweden (the default list)"
    )
    given = extract(GROUPED, actors="Norway;Finland;Sweden;Japan", groups="the West=Japan,Norway")
    assert {item.row: item.actors for item in given.items if item.place == "list item"}["Cheaper Fuel"] == (
        "Japan",
        "Norway",
    )
    alone = extract(GROUPED, actors="Russia")
    item = next(i for i in alone.items if i.row == "Cheaper Fuel")
    assert item.actors == () and "'The West', a group with no known actor" in item.assigned_by
    assert "--groups" in alone.coverage()[1]["context_only"]


def test_back_references_go_to_the_latest_actor_list_of_an_earlier_sentence():
    result = extract(GROUPED, actors="Norway;Finland;Sweden", groups="the West=Norway")
    shared = next(i for i in result.items if i.row == "Shared Ranges")
    assert set(shared.actors) == {"Finland", "Norway"}
    assert "'these neighbours' refers back to 'Finland and Norway'" in shared.assigned_by
    finder = ActorFinder([Actor("Norway"), Actor("Finland")])
    # "they" is a back-reference only as a clause's subject
    assert [s.actors for s in finder.subjects("Costs rise, and they may act.", ["Norway and Finland met."])] == [
        ("Norway", "Finland")
    ]
    assert finder.subjects("It shows the instability they may bring.", ["Norway and Finland met."]) == []


def test_allies_share_a_joint_action_only_when_named_or_acted_among():
    actors = "Norway;Finland;Sweden"
    plain = extract(GROUPED, actors=actors, groups="the West=Finland")
    assert next(i for i in plain.items if i.row == "Joint Patrols").actors == ("Finland",)  # no allies known
    allied = extract(GROUPED, actors=actors, groups="the West=Finland;allies of Finland=Norway,Sweden")
    rows = {item.row: item for item in allied.items if item.place == "list item"}
    assert rows["Joint Patrols"].actors == ("Finland", "Norway", "Sweden")
    assert "shared with allies: 'with Norway and Sweden', allies of Finland = Norway, Sweden (--groups)" in (
        rows["Joint Patrols"].assigned_by
    )
    assert rows["Cheaper Fuel"].actors == ("Finland",)  # neither names nor acts among allies
    arctic = extract(ARCTIC, actors=ARCTIC_ACTORS, groups="allies of Finland=Norway,Sweden")
    rows = {item.row: item.actors for item in arctic.items if item.place != "paragraph"}
    assert rows["Joint air policing with Norway and Sweden"] == ("Finland", "Norway", "Sweden")
    assert rows["Opening Lapland ranges for allied exercises"] == ("Finland",)  # for allies, not with them


def test_bad_groups_are_one_line(cli):
    for groups, message in (
        ("the West", "'the West' gives no members"),
        ("the West=Atlantis", "'the West' names 'Atlantis', no known actor"),
        ("allies of Atlantis=Norway", "'Atlantis' is no known actor"),
    ):
        result = cli("extract", str(ARCTIC), "--actors", ARCTIC_ACTORS, "--groups", groups)
        assert result.exit_code == 1 and result.stderr.startswith("Error: groups: ") and message in result.stderr
        assert result.stderr.count("\n") == 1


def test_actors_given_on_the_command_line():
    assert parse_actors("United States=US,Washington;China=Beijing,PRC")[1] == Actor("China", ("Beijing", "PRC"))
    with pytest.raises(DecideError, match="names no actor"):
        parse_actors(" ; ")


def test_ragged_rows_are_padded_or_joined_and_said():
    article = parse_article("Intro.\nA | B | C |\n---|---|---|\nx | 1 |\ny | 2 | 3 | 4 |\n", "r.txt")
    assert article.tables[0].rows == (("x", "1", ""), ("y", "2", "3 | 4"))
    assert len(article.problems) == 2 and "left empty" in article.problems[0] and "joined" in article.problems[1]


def test_mojibake_is_repaired_not_dropped():
    assert clean_text("Itâ€™s a cafÃ© â€” “quoted”")[0] == "It’s a café — “quoted”"


# --------------------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary\x00", "NUL byte"),
        (b"%PDF-1.4\n%\xe2\xe3", "looks like a PDF file"),
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_files_get_one_clean_line(tmp_path, cli, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = cli("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path, cli):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(20 * 1024 * 1024)
    result = cli("extract", str(path))
    assert result.exit_code == 1 and "over the 2 MB limit" in result.stderr and result.stderr.count("\n") == 1


def test_a_folder_or_a_missing_file_is_one_line(tmp_path, cli):
    for given, message in ((tmp_path, "is a folder"), (tmp_path / "none.txt", "no such file")):
        result = cli("extract", str(given))
        assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_an_article_with_no_known_actor_says_so_and_drafts_nothing(tmp_path, cli):
    path = tmp_path / "garden.txt"
    path.write_text("Garden Plans\nThe committee weighs options:\n- Roses: Plant more roses.\n", "utf-8")
    result = cli("extract", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "Warning: garden.txt: no known actor found; pass --actors" in result.stderr
    assert not (tmp_path / "out" / "matrices").exists() or not list((tmp_path / "out" / "matrices").iterdir())
    coverage = yaml.safe_load((tmp_path / "out" / "coverage.yaml").read_text("utf-8"))["items"]
    assert coverage[0]["context_only"].startswith("unassigned: ")


def test_a_ragged_table_still_drafts_and_warns(tmp_path, cli):
    path = tmp_path / "ragged.txt"
    path.write_text(
        "Options for Norway\nThe choices:\nOption | Benefits | Challenges |\n---|---|---|\n"
        "Rotational Basing | Flexible presence |\nSurveillance | Warning | Cost | Extra |\n",
        "utf-8",
    )
    result = cli("extract", str(path), "--actors", "Norway", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0 and result.stderr.count("Warning: ragged.txt: line") == 2
    assert (tmp_path / "out" / "matrices" / "norway.yaml").is_file()


def test_bad_actors_option_is_one_line(cli):
    result = cli("extract", str(ARCTIC), "--actors", "=US")
    assert result.exit_code == 1 and result.stderr == (
        "Error: actors: '=US' names no actor; write NAME=ALIAS,ALIAS;NAME...\n"
    )


# --------------------------------------------------------------------------- the library and the files


def test_extract_is_public_and_its_result_renders():
    assert "extract" in decide.__all__
    result = decide.extract(ARCTIC, actors=ARCTIC_ACTORS)
    assert type(result).__name__ == "Extraction"
    frame = result.to_frame()
    assert len(frame) == len(result.items) and {"actors", "kind", "locator", "quote"} <= set(frame.columns)
    assert "<table" in result._repr_html_()
    assert all(len(line) <= 80 for line in str(result).splitlines())


def test_extract_reads_text_given_directly():
    result = decide.extract("Options for Norway\nThe choices:\n- Basing: Host allied aircraft.\n", actors="Norway")
    assert [(i.row, i.actors) for i in result.items] == [("Basing", ("Norway",))]


def test_the_loader_accepts_draft_true_and_refuses_other_values(matrix_file):
    assert decide.load_matrix(matrix_file(draft=True)).draft is True
    assert decide.load_matrix(matrix_file()).draft is False
    with pytest.raises(decide.MatrixError, match="'draft' is 'yes'"):
        decide.load_matrix(matrix_file(draft="yes"))


def test_writes_never_go_over_an_article(tmp_path):
    article = tmp_path / "coverage.yaml"
    article.write_text("Options for Norway\nThe choices:\n- Basing: Host allied aircraft.\n", "utf-8")
    result = extract(article, actors="Norway")
    with pytest.raises(DecideError, match="is the input file"):
        result.write(tmp_path)
