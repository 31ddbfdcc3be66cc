"""``decide tune``, driven with Textual's test pilot (``App.run_test``), and its command line."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import decide
from decide.cli.main import cli
from decide.core.errors import DecideError
from decide.interactive.session import file_profiles, session
from decide.interactive.terminal import MIN_HEIGHT, MIN_WIDTH, TuneApp, closing_note, run_tune, screenshot


def drive(app: TuneApp, steps: Callable[[Any], Awaitable[None]], size: tuple[int, int] = (80, 24)) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(run())


def shown(app: TuneApp, widget: str) -> str:
    return str(app.query_one(f"#{widget}").content)


def test_keys_move_weights_and_the_screen_follows(matrix_file):
    tuned = session(matrix_file(), method="wsm")  # stability .30, deterrence .25, cost .20, risk .25
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        seen["start"] = shown(app, "ranking")
        await pilot.press("down", "right", "right", "shift+right")  # deterrence .25 -> .32
        seen["weights"] = shown(app, "weights")
        seen["ranking"] = shown(app, "ranking")
        await pilot.press("u")  # undo the last move: .27
        seen["undone"] = tuned.weight_spec()
        await pilot.press("equals_sign")
        seen["equal"] = tuned.weight_spec()
        await pilot.press("0")
        seen["zero"] = tuned.weight_spec()
        await pilot.press("r")
        seen["restored"] = tuned.weight_spec()
        await pilot.press("q")

    drive(app, steps)
    assert "> deterrence" in seen["weights"] and " 0.320" in seen["weights"]
    assert "stays 1st while deterrence" in seen["weights"] and "(exact)" in seen["weights"]
    assert "Ranking: wsm (higher is better)" in seen["start"]
    assert "margin of 1st over 2nd" in seen["ranking"]
    assert "deterrence=0.27," in seen["undone"]
    assert seen["equal"] == "stability=0.25,deterrence=0.25,cost=0.25,risk=0.25"
    assert seen["zero"] == "stability=0.333333,deterrence=0,cost=0.333333,risk=0.333333"
    assert seen["restored"] == "stability=0.3,deterrence=0.25,cost=0.2,risk=0.25"
    assert app.return_value == seen["restored"]


def test_interval_is_drawn_and_the_leader_changes_past_its_end():
    tuned = session(actor="United States", method="wsm")
    app = TuneApp(tuned)
    interval = tuned.interval(1)
    seen: dict[str, Any] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("down")
        seen["weights"] = shown(app, "weights")
        # walk deterrence past the top of the interval, one step at a time
        while tuned.weights[1] <= interval.high:
            await pilot.press("right")
        seen["ranking"] = shown(app, "ranking")
        seen["leader"] = app.view.leader if app.view else None

    drive(app, steps)
    assert f"[{interval.low:.3f}, {interval.high:.3f}] (exact)" in seen["weights"]
    assert "[" in seen["weights"].splitlines()[3] and "]" in seen["weights"].splitlines()[3]  # under the bar
    assert seen["leader"] != interval.leader
    assert seen["ranking"].splitlines()[1].startswith(" 1 " + seen["leader"][:10])


class RecordingApp(TuneApp):
    """Remembers every status line drawn (a worker may finish before the test looks)."""

    statuses: list[str]

    def draw(self) -> None:
        super().draw()
        self.statuses = [*getattr(self, "statuses", []), self.message]


def test_method_cycle_shows_computing_for_methods_without_a_numpy_engine():
    tuned = session(actor="China", method="promethee2")  # the last with a numpy engine
    app = RecordingApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("m")  # promethee2 -> moora, evaluated in a worker thread
        seen["status"] = next(s for s in app.statuses if s)
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen["ranking"] = shown(app, "ranking")
        seen["after"] = shown(app, "status")
        await pilot.press("e")
        seen["explain"] = shown(app, "explain")

    drive(app, steps)
    assert seen["status"].startswith("computing...")
    assert "Ranking: moora" in seen["ranking"]
    assert seen["after"].strip() == ""
    assert "w x minmax" in seen["explain"] and "no exact parts for moora" in seen["explain"]


@pytest.mark.slow
def test_keys_pressed_while_a_slow_method_computes_end_on_the_last_weights():
    tuned = session(actor="China", method="moora")
    app = TuneApp(tuned)
    seen: dict[str, Any] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("right", "right", "right", "down", "shift+left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen["view"] = app.view
        seen["status"] = shown(app, "status")

    drive(app, steps)
    assert seen["view"].weights == tuned.weight_map
    assert seen["view"].ranking == tuned.view(with_interval=False).ranking
    assert seen["view"].interval is not None and seen["view"].interval.criterion == "deterrence"
    assert seen["status"].strip() == ""


def test_explain_shows_the_leaders_contributions():
    tuned = session(actor="South Korea", method="wsm")
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("e")
        seen["explain"] = shown(app, "explain")

    drive(app, steps)
    contribution = tuned.contributions()
    assert contribution is not None
    assert f"why 1st: {contribution.leader[:20]}" in seen["explain"]
    for name, part in zip(contribution.criteria, contribution.leader_parts, strict=True):
        assert any(line.startswith(name) and f"{part:6.3f}" in line for line in seen["explain"].splitlines())


def test_save_a_profile_then_cycle_to_it(matrix_file):
    path = matrix_file()
    path.write_text("# Testland, for the tests\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    tuned = session(path, method="wsm")
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("p")
        seen["only"] = shown(app, "status")
        await pilot.press("right", "right", "right", "s")
        await pilot.press(*"cost-blind", "enter")
        await pilot.pause()
        seen["saved"] = shown(app, "status")
        seen["title saved"] = shown(app, "title")
        seen["spec"] = tuned.weight_spec()
        await pilot.press("r", "p")
        seen["title"] = shown(app, "title")
        seen["after_p"] = tuned.weight_spec()
        await pilot.press("s", "escape")
        seen["cancelled"] = shown(app, "status")

    drive(app, steps)
    assert "only the file weights" in seen["only"]
    assert seen["saved"].startswith("saved profile 'cost-blind' in testland.yaml")
    assert "profile 'cost-blind'" in seen["title saved"] and "(changed)" not in seen["title saved"]
    saved = ",".join(f"{k}={v:g}" for k, v in file_profiles(decide.load_matrix(path))["cost-blind"].items())
    assert saved == seen["spec"]
    assert "profile 'cost-blind'" in seen["title"]
    assert seen["after_p"] == seen["spec"]
    assert seen["cancelled"].startswith("not saved")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and "- name: cost-blind" in text  # comments kept


def ranking_rows(text: str) -> list[tuple[int, str]]:
    """(rank, strategy name as shown, without the ellipsis) of each ranking line on screen."""
    rows = []
    for line in text.splitlines()[1:]:
        if not line[:2].strip().isdigit():
            break
        name = line[3:].split("  ")[0].split(" █")[0].split(" ░")[0]
        rows.append((int(line[:2]), name.rstrip().rstrip("…")))
    return rows


def test_quitting_prints_weights_that_decide_rank_reproduces():
    tuned = session(actor="China", method="topsis")
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("down", "down", "shift+right", "shift+right", "up", "left", "left", "left")
        seen["ranking"] = shown(app, "ranking")
        await pilot.press("q")

    drive(app, steps, size=(100, 30))
    note = closing_note(tuned)
    spec = note.splitlines()[0].removeprefix("weights: -w ")
    assert spec == app.return_value
    assert note.splitlines()[1] == f"reproduce: decide rank -a China -m topsis -w {spec}"
    result = CliRunner().invoke(cli, ["rank", "-a", "China", "-m", "topsis", "-w", spec, "-f", "json"])
    assert result.exit_code == 0, result.output
    ranked = json.loads(result.output)["actors"][0]["ranking"]
    rows = ranking_rows(seen["ranking"])
    assert len(rows) == len(ranked) == len(tuned.matrix.strategies)
    for (rank, name), row in zip(rows, ranked, strict=True):
        assert rank == row["rank"] and row["strategy"].startswith(name) and len(name) >= 10


@pytest.mark.parametrize("size", [(30, 8), (MIN_WIDTH - 1, 24), (80, MIN_HEIGHT - 1)])
def test_a_terminal_too_small_says_so(size):
    app = TuneApp(session(actor="China"))
    seen: dict[str, bool] = {}

    async def steps(pilot: Any) -> None:
        seen["small"] = app.screen.has_class("small")
        seen["message"] = f"needs at least {MIN_WIDTH}x{MIN_HEIGHT}" in shown(app, "too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        seen["big again"] = not app.screen.has_class("small")

    drive(app, steps, size=size)
    assert seen == {"small": True, "message": True, "big again": True}


def test_the_smallest_terminal_still_shows_weights_interval_and_leader():
    tuned = session(actor="United States", method="wsm")
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        seen["weights"] = shown(app, "weights")
        seen["ranking"] = shown(app, "ranking")
        seen["help"] = shown(app, "help")

    drive(app, steps, size=(MIN_WIDTH, MIN_HEIGHT))
    leader = tuned.view().leader
    interval = tuned.interval()
    assert seen["weights"].splitlines()[0].startswith("> stability")
    assert f"stays 1st for w in [{interval.low:.3f}, {interval.high:.3f}]" in seen["weights"]
    assert seen["ranking"].splitlines()[1].startswith(f" 1 {leader[:10]}")
    assert seen["help"].startswith("arrows") and "\n" not in seen["help"]
    lines = 1 + len(seen["weights"].splitlines()) + len(seen["ranking"].splitlines()) + 1 + 1
    assert lines <= MIN_HEIGHT


def test_narrow_terminal_stacks_the_panes():
    app = TuneApp(session(actor="United States"))
    seen: dict[str, Any] = {}

    async def steps(pilot: Any) -> None:
        seen["narrow"] = app.screen.has_class("narrow")
        seen["ranking"] = shown(app, "ranking")

    drive(app, steps, size=(50, 30))
    assert seen["narrow"]
    assert all(len(line) <= 48 for line in seen["ranking"].splitlines())


def test_no_color_keeps_every_mark_readable(monkeypatch):
    """Under NO_COLOR Textual draws in monochrome; selection, interval, moves and dominance
    are still told apart by characters."""
    monkeypatch.setenv("NO_COLOR", "1")
    tuned = session(actor="United States", method="wsm")
    app = TuneApp(tuned)
    seen: dict[str, str] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("right", "right")
        seen["weights"] = shown(app, "weights")
        seen["ranking"] = shown(app, "ranking")

    drive(app, steps)
    assert app.no_color
    assert seen["weights"].splitlines()[1].startswith("> stability")
    assert "[" in seen["weights"].splitlines()[2] and "]" in seen["weights"].splitlines()[2]
    assert "▲1" in seen["ranking"] and "▼1" in seen["ranking"]
    assert any(line.endswith(" d") for line in seen["ranking"].splitlines())


class FakeTerminal:
    def isatty(self) -> bool:
        return True


def test_run_refuses_a_terminal_too_small_before_drawing(monkeypatch):
    import os

    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback=(0, 0): os.terminal_size((30, 8)))
    with pytest.raises(DecideError, match=f"the terminal is 30x8; decide tune needs at least {MIN_WIDTH}x{MIN_HEIGHT}"):
        run_tune(session(actor="China"), stdin=FakeTerminal(), stdout=FakeTerminal())


def test_run_refuses_when_output_is_not_a_terminal():
    import io

    with pytest.raises(DecideError, match="but stdout is not one"):
        run_tune(session(actor="China"), stdin=FakeTerminal(), stdout=io.StringIO())


# -- the manual's picture and walk-through (docs/how-to/tune.md) --------------------------------

README_KEYS = ("right", "right", "e")
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "tune.svg"


def readme_session() -> Any:
    return session(actor="United States", method="wsm")


def visible_text(svg: str) -> str:
    """The characters an SVG screenshot shows, in reading order, without spacing or markup: the
    picture is current when the screen says the same, whatever styles or layout of the SVG a new
    Textual or Rich release writes."""
    import html
    import re

    texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.DOTALL)
    return "".join(html.unescape(re.sub(r"<[^>]*>", "", text)) for text in texts).translate(
        {ord(c): None for c in " \t\n\r\xa0"}
    )


def test_visible_text_sees_a_change_of_one_character():
    svg = '<svg><style>.a { fill: red }</style><text class="a" x="0">w&#160;0.270</text>'
    svg += '<text x="9">█<tspan>░</tspan></text></svg>'
    assert visible_text(svg) == "w0.270█░"
    assert visible_text(svg.replace("0.270", "0.280")) != visible_text(svg)


def test_the_manuals_screenshot_and_closing_note_are_current():
    tuned = readme_session()
    svg = screenshot(tuned, README_KEYS)
    assert visible_text(svg), "the screenshot shows no text"
    stale = "stale: run python tests/test_tui.py --update"
    assert visible_text(SCREENSHOT.read_text(encoding="utf-8")) == visible_text(svg), stale
    page = (SCREENSHOT.parent / "how-to" / "tune.md").read_text(encoding="utf-8")
    assert "](../tune.svg)" in page
    assert closing_note(tuned) in page, "the closing note in docs/how-to/tune.md is stale"


if __name__ == "__main__":
    if "--update" in sys.argv:
        SCREENSHOT.write_text(screenshot(readme_session(), README_KEYS), encoding="utf-8")
        print(f"wrote {SCREENSHOT}")


def test_the_save_dialog_shows_its_whole_prompt_at_80_columns(matrix_file):
    """The prompt said 'Save the weights as profile (Enter; Esca' in a box too narrow for it."""
    from textual.widgets import Label

    app = TuneApp(session(matrix_file(), method="wsm"))
    seen: dict[str, Any] = {}

    async def steps(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()
        label = app.screen.query_one(Label)
        box = label.parent.content_region  # the bordered box; a Label wider than it is cut off
        seen["text"], seen["fits"] = str(label.content), label.region.right <= box.right <= 80

    drive(app, steps, size=(80, 24))
    assert seen["text"].endswith("Escape cancels):") and seen["fits"]
