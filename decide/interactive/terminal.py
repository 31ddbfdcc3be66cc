"""``decide tune``: the full-screen terminal front end (Textual) of :mod:`decide.interactive.session`.

Left, the criteria with their weights as bars (the selected one marked ``>``) and,
drawn on the selected bar, the interval in which the current leader stays first;
right, the live ranking. Every change goes through a :class:`~decide.interactive.session.TuneSession`;
this module only draws it. Nothing here relies on colour alone (``NO_COLOR`` works):
the selection, the interval and the dominated strategies are also marked with characters.

Textual is imported when this module is, so only ``decide tune`` pays for it.
"""

from __future__ import annotations

import copy
import shutil
import sys
import textwrap
from typing import IO, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static
from textual.worker import get_current_worker

from decide.core.errors import DecideError
from decide.interactive.session import BIG_STEP, STEP, Contribution, Interval, TuneSession, View

#: The smallest terminal the screen is drawn in; below it a message asks for a bigger one.
MIN_WIDTH, MIN_HEIGHT = 40, 12
#: Below this width the ranking goes under the weights instead of beside them.
SIDE_BY_SIDE_WIDTH = 72

KEYS_HELP = (
    "up/down select  left/right +-0.01 (shift +-0.05)  0 zero  = equal  r reset  "
    "m method  p profile  u undo  e why  s save  q quit"
)
#: The keys in one short line, for terminals under :data:`TALL_ENOUGH` lines.
KEYS_SHORT = "arrows  0 = r  m p u  e s  q quit (decide tune --help)"
TALL_ENOUGH = 20


def _bar(fraction: float, width: int, full: str = "█", empty: str = "░") -> str:
    cells = round(max(0.0, min(1.0, fraction)) * width)
    return full * cells + empty * (width - cells)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, padded to ``width``."""
    if width <= 0:
        return ""
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…"
    return text.ljust(width)


def weights_text(session: TuneSession, interval: Interval | None, width: int, compact: bool = False) -> Text:
    """The criteria, their weights as bars, and the interval drawn under the selected bar
    (``compact``: no heading, the interval in one line)."""
    names = session.criteria
    label = min(max(len(n) for n in names), max(6, width // 3))
    bar_width = max(5, width - label - 10)
    text = Text()
    if not compact:
        text.append(_fit("Weights", width) + "\n", style="bold")
    for index, (name, weight) in enumerate(session.weight_map.items()):
        selected = index == session.selected
        marker = ">" if selected else " "
        style = "bold reverse" if selected else ""
        text.append(f"{marker} {_fit(name, label)} ", style=style)
        bar = _bar(weight, bar_width)
        if selected and interval is not None:
            for cell, char in enumerate(bar):
                middle = (cell + 0.5) / bar_width
                inside = interval.low <= middle <= interval.high
                text.append(char, style="green" if inside else "dim")
        else:
            text.append(bar, style="cyan" if selected else "")
        text.append(f" {weight:5.3f}\n", style="bold" if selected else "")
        if selected and interval is not None:
            start = min(bar_width - 1, int(interval.low * bar_width))
            end = max(start, min(bar_width - 1, round(interval.high * bar_width) - 1))
            line = [" "] * bar_width
            for cell in range(start, end + 1):
                line[cell] = "─"
            line[start], line[end] = "[", "]"
            text.append(" " * (label + 3) + "".join(line) + "\n", style="green")
    if interval is not None and compact:
        text.append(_fit(f"stays 1st for w in [{interval.low:.3f}, {interval.high:.3f}]", width) + "\n", style="bold")
    elif interval is not None:
        how = "exact" if interval.exact else "sampled"
        text.append("\n" + _fit(f"1st: {interval.leader}", width) + "\n", style="bold")
        text.append(_fit(f"stays 1st while {interval.criterion}", width) + "\n")
        text.append(_fit(f"is in [{interval.low:.3f}, {interval.high:.3f}] ({how})", width) + "\n")
    text.rstrip()
    return text


def contributions_text(contribution: Contribution, width: int) -> Text:
    """Why the leader is first: its weighted parts per criterion against the runner-up's."""
    names = contribution.criteria
    label = min(max(len(n) for n in names), max(6, width - 22))
    text = Text()
    text.append(_fit(f"why 1st: {contribution.leader}", width) + "\n", style="bold")
    text.append(_fit(f"2nd: {contribution.runner_up}", width) + "\n")
    heading = contribution.heading
    label = max(label, min(len(heading), width - 21))
    text.append(_fit(f"{heading:<{label}} {'1st':>6} {'2nd':>6} {'diff':>6}", width) + "\n", style="dim")
    for name, mine, theirs in zip(names, contribution.leader_parts, contribution.runner_up_parts, strict=True):
        text.append(_fit(f"{_fit(name, label)} {mine:6.3f} {theirs:6.3f} {mine - theirs:+6.3f}", width) + "\n")
    return text


def ranking_text(view: View, width: int, height: int) -> Text:
    """The live ranking in ``height`` lines: rank, strategy, score bar, score, places moved;
    dominated marked; the rows that do not fit are counted."""
    text = Text()
    better = view.method.better
    text.append(_fit(f"Ranking: {view.method.name} ({better} is better)", width) + "\n", style="bold")
    scores = [row.score for row in view.rows]
    low, high = min(scores), max(scores)
    span = high - low or 1.0
    rows = list(view.rows)
    legend = any(row.dominated for row in rows) and height >= len(rows) + 3
    lead = view.lead is not None and height >= 4  # its line only when the ranking keeps two rows
    room = max(1, height - 2 - legend - lead)
    if len(rows) > room:
        rows = rows[: max(1, room - 1)]
    hidden = len(view.rows) - len(rows) if room >= 2 else 0  # counted when there is a line for it
    name_width = max(8, width - 24)
    for row in rows:
        fraction = (row.score - low) / span if better == "higher" else (high - row.score) / span
        moved = f"▲{row.moved}" if row.moved > 0 else f"▼{-row.moved}" if row.moved < 0 else "="
        mark = "d" if row.dominated else " "
        style = "bold" if row.rank == 1 else "dim" if row.dominated else ""
        text.append(f"{row.rank:2d} {_fit(row.strategy, name_width)} ", style=style)
        text.append(_bar(0.1 + 0.9 * fraction, 5), style="magenta")
        text.append(f" {row.score:6.3f} ")
        moved_style = "green" if row.moved > 0 else "red" if row.moved < 0 else "dim"
        text.append(f"{moved:>3}", style=moved_style)
        text.append(f" {mark}\n", style="bold")
    if hidden:
        text.append(_fit(f"   ... {hidden} more", width) + "\n", style="dim")
    text.append(_fit(f"margin of 1st over 2nd: {view.margin:.4f}", width) + "\n")
    if lead and view.lead is not None:
        text.append(_fit(f"lead: {view.lead.short()}", width) + "\n")
    if legend:
        text.append(_fit("d = Pareto-dominated", width) + "\n", style="dim")
    text.rstrip()
    return text


class SaveProfile(ModalScreen[str | None]):
    """Asks for the name of the profile to save; Enter saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]
    DEFAULT_CSS = """
    SaveProfile { align: center middle; }
    SaveProfile > Vertical { width: 60; height: auto; border: round $accent; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Save the weights as profile (Enter; Escape cancels):")
            yield Input(placeholder="profile name", id="profile-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TuneApp(App[str]):
    """The ``decide tune`` screen; ``run()`` returns the final ``-w`` string."""

    TITLE = "decide tune"
    CSS = """
    Screen { layout: vertical; }
    #title { height: 1; background: $primary-background; }
    #panes { height: 1fr; }
    #left { width: 36; padding: 0 1; }
    #ranking { width: 1fr; padding: 0 1; }
    #status { height: 1; }
    #help { height: auto; color: $text-muted; }
    #too-small { display: none; }
    .small #panes, .small #title, .small #help, .small #status { display: none; }
    .small #too-small { display: block; }
    .narrow #panes { layout: vertical; }
    .narrow #left, .narrow #ranking { width: 100%; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "select(-1)", "previous", show=False),
        Binding("down", "select(1)", "next", show=False),
        Binding("left", f"nudge({-STEP})", "-0.01", show=False),
        Binding("right", f"nudge({STEP})", "+0.01", show=False),
        Binding("shift+left", f"nudge({-BIG_STEP})", "-0.05", show=False),
        Binding("shift+right", f"nudge({BIG_STEP})", "+0.05", show=False),
        Binding("0", "zero", "zero", show=False),
        Binding("equals_sign", "equal", "equal", show=False),
        Binding("r", "restore", "reset", show=False),
        Binding("m", "method", "method", show=False),
        Binding("p", "profile", "profile", show=False),
        Binding("u", "undo", "undo", show=False),
        Binding("e", "explain", "why", show=False),
        Binding("s", "save", "save", show=False),
        Binding("q", "finish", "quit", show=False),
    ]

    def __init__(self, session: TuneSession) -> None:
        super().__init__()
        self.session = session
        self.view: View | None = None
        self.explaining = False
        self.message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static(id="weights")
                yield Static(id="explain")
            yield Static(id="ranking")
        yield Static(id="status")
        yield Static(id="help")
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._layout_for(self.size.width, self.size.height)
        self.recompute()

    def on_resize(self, event: Any) -> None:
        self._layout_for(event.size.width, event.size.height)
        self.draw()

    def _layout_for(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.screen.set_class(small, "small")
        self.screen.set_class(width < SIDE_BY_SIDE_WIDTH, "narrow")
        self.query_one("#too-small", Static).update(
            f"The terminal is {width}x{height}; decide tune needs at least {MIN_WIDTH}x{MIN_HEIGHT}. "
            "Enlarge it, or press q to quit."
        )

    # -- computing and drawing -----------------------------------------------------------

    def recompute(self) -> None:
        """Re-rank now (vectorised methods) or in a worker thread, showing 'computing...'."""
        if self.session.method.vectorised:
            try:
                self.view = self.session.view()
            except DecideError as error:
                self.message = f"Error: {error}"
            self.draw()
        else:
            self.message = f"computing... ({self.session.method.name} has no vectorised engine)"
            self.draw()
            frozen = copy.copy(self.session)
            frozen.weights = self.session.weights.copy()
            frozen._cache = {}
            self._compute_slowly(frozen)

    @work(thread=True, exclusive=True, group="rank")
    def _compute_slowly(self, frozen: TuneSession) -> None:
        worker = get_current_worker()
        try:
            view = frozen.view(with_interval=False)
            if worker.is_cancelled:
                return
            self.call_from_thread(self._show, view, "computing the interval...")
            view = frozen.view()
        except DecideError as error:
            if not worker.is_cancelled:
                self.call_from_thread(self._fail, str(error))
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._show, view, "")

    def _show(self, view: View, message: str) -> None:
        self.view = view
        self.message = message
        self.draw()

    def _fail(self, message: str) -> None:
        self.message = f"Error: {message}"
        self.draw()

    def draw(self) -> None:
        """Redraw every panel from the session and the last computed view."""
        session = self.session
        width, height = self.size.width, self.size.height
        narrow = width < SIDE_BY_SIDE_WIDTH
        pane_width = max(10, width - 2) if narrow else 34
        ranking_width = max(10, width - 2) if narrow else max(10, width - 36 - 2)
        interval = self.view.interval if self.view is not None else None
        if interval is not None and interval.criterion != session.criterion:
            interval = None
        title = (
            f"decide tune  {session.matrix.actor}  method {session.method.name}  "
            f"profile '{session.profile}'{' (changed)' if session.profile_changed else ''}"
        )
        self.query_one("#title", Static).update(Text(_fit(title, width), style="bold"))
        help_lines = textwrap.wrap(KEYS_HELP if height >= TALL_ENOUGH else KEYS_SHORT, max(width, 10))
        if height < TALL_ENOUGH:
            help_lines = help_lines[:1]
        self.query_one("#help", Static).update("\n".join(help_lines))
        weights = weights_text(session, interval, pane_width, compact=narrow)
        self.query_one("#weights", Static).update(weights)
        explain = self.query_one("#explain", Static)
        explained = Text()
        if self.explaining:
            contribution = session.contributions()
            if contribution is None:
                explained = Text(_fit("a single strategy: nothing to explain", pane_width))
            else:
                explained = contributions_text(contribution, pane_width)
                if contribution.kind == "normalised":
                    explained.append(
                        _fit(f"(no exact parts for {session.method.name}; wsm has)", pane_width), style="dim"
                    )
            explained = Text("\n") + explained
        explain.update(explained)
        explain.display = self.explaining
        ranking = self.query_one("#ranking", Static)
        if self.view is not None:
            room = height - 2 - len(help_lines)  # the title and status lines, the keys
            if narrow:
                room -= len(weights.plain.splitlines()) + (len(explained.plain.splitlines()) if self.explaining else 0)
            ranking.update(ranking_text(self.view, ranking_width, max(room, 1)))
        self.query_one("#status", Static).update(Text(_fit(self.message, width), style="bold"))

    # -- actions --------------------------------------------------------------------------

    def _change(self, change: Any, *args: Any) -> None:
        try:
            change(*args)
        except DecideError as error:
            self.message = f"Error: {error}"
            self.draw()
            return
        self.message = ""
        self.recompute()

    def action_select(self, delta: int) -> None:
        self.session.move_selection(delta)
        self.recompute()

    def action_nudge(self, delta: float) -> None:
        self._change(self.session.nudge, delta)

    def action_zero(self) -> None:
        self._change(self.session.zero)

    def action_equal(self) -> None:
        self._change(self.session.equalise)

    def action_restore(self) -> None:
        self._change(self.session.restore)

    def action_method(self) -> None:
        self._change(self.session.cycle_method)

    def action_profile(self) -> None:
        self._change(self.session.cycle_profile)
        if len(self.session.profiles) == 1:
            self.message = f"only the {self.session.base_profile}: press s to save the current weights as a profile"
            self.draw()

    def action_undo(self) -> None:
        if not self.session.undo():
            self.message = "nothing to undo"
            self.draw()
            return
        self.message = ""
        self.recompute()

    def action_explain(self) -> None:
        self.explaining = not self.explaining
        self.draw()

    def action_save(self) -> None:
        def saved(name: str | None) -> None:
            if not name:
                self.message = "not saved"
            else:
                try:
                    path = self.session.save_profile(name)
                    self.message = f"saved profile '{name}' in {path.name}"
                except DecideError as error:
                    self.message = f"Error: {error}"
            self.draw()

        self.push_screen(SaveProfile(), saved)

    def action_finish(self) -> None:
        self.exit(self.session.weight_spec())


def screenshot(session: TuneSession, keys: tuple[str, ...] = (), size: tuple[int, int] = (80, 24)) -> str:
    """The screen as an SVG (Textual's own screenshot) after pressing ``keys``, run headless.

    The README's picture is made with it (``python tests/test_tui.py --update``).
    """
    import asyncio

    app = TuneApp(session)
    shots: list[str] = []

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if keys:
                await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            shots.append(app.export_screenshot(title=f"decide tune -a '{session.matrix.actor}'"))

    asyncio.run(run())
    return shots[0]


def closing_note(session: TuneSession) -> str:
    """What ``decide tune`` prints on quitting: the weights and the command reproducing the ranking."""
    return f"weights: -w {session.weight_spec()}\nreproduce: {session.command()}\n"


def run_tune(session: TuneSession, stdin: IO[Any] | None = None, stdout: IO[Any] | None = None) -> str:
    """Run the screen in this terminal; returns the closing note.

    Refuses (a :class:`DecideError`) when stdin or stdout is not a terminal (``decide tune | cat``)
    or the terminal is smaller than :data:`MIN_WIDTH` x :data:`MIN_HEIGHT`.
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    for name, stream in (("stdin", stdin), ("stdout", stdout)):
        if not (hasattr(stream, "isatty") and stream.isatty()):
            raise DecideError(
                f"decide tune needs an interactive terminal, but {name} is not one (piped or redirected?); "
                "run it in a terminal, or use 'decide sensitivity' for a printable report"
            )
    size = shutil.get_terminal_size((0, 0))
    if size.columns < MIN_WIDTH or size.lines < MIN_HEIGHT:
        raise DecideError(
            f"the terminal is {size.columns}x{size.lines}; decide tune needs at least {MIN_WIDTH}x{MIN_HEIGHT}"
        )
    TuneApp(session).run()
    return closing_note(session)


__all__ = [
    "MIN_HEIGHT",
    "MIN_WIDTH",
    "TuneApp",
    "closing_note",
    "contributions_text",
    "ranking_text",
    "run_tune",
    "screenshot",
    "weights_text",
]
