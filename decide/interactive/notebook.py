"""``decide.tune(...)`` in a notebook: a slider per criterion, a method and a profile menu,
and a live ranking table with score bars, all driven by a :class:`~decide.interactive.session.TuneSession`.

ipywidgets is an optional extra (``pip install 'decide-mcda[notebook]'``); without it
:func:`require_ipywidgets` raises a :class:`~decide.core.errors.DecideError` naming the extra.
"""

from __future__ import annotations

import html
from typing import Any, Unpack

from decide.analysis.selection import Selection, SelectionFields
from decide.core.errors import DecideError
from decide.interactive.session import TuneSession, View, method_cycle, session
from decide.io.load import MatrixSource

NOTEBOOK_EXTRA = "pip install 'decide-mcda[notebook]'"


def require_ipywidgets() -> Any:
    """The ipywidgets module, or a :class:`DecideError` saying which extra to install."""
    try:
        import ipywidgets
    except ImportError:
        raise DecideError(f"decide.tune needs ipywidgets, which is not installed; run: {NOTEBOOK_EXTRA}") from None
    return ipywidgets


def ranking_html(view: View, note: str = "") -> str:
    """The live ranking as an HTML table: rank, strategy, a score bar, score, places moved."""
    scores = [row.score for row in view.rows]
    low, high = min(scores), max(scores)
    span = high - low or 1.0
    lines = [
        "<table class='decide-tune'>",
        f"<caption style='text-align:left'>{html.escape(view.method.title)}; "
        f"{view.method.better} score is better; margin of 1st over 2nd {view.margin:.4f}"
        f"{'; lead: ' + html.escape(view.lead.short()) if view.lead is not None else ''}</caption>",
        "<tr><th>rank</th><th>strategy</th><th>score</th><th></th><th>moved</th></tr>",
    ]
    for row in view.rows:
        fraction = (row.score - low) / span if view.method.better == "higher" else (high - row.score) / span
        width = round(10 + 90 * fraction)
        moved = f"▲{row.moved}" if row.moved > 0 else f"▼{-row.moved}" if row.moved < 0 else "="
        dominated = " <i>(dominated)</i>" if row.dominated else ""
        lines.append(
            f"<tr><td>{row.rank}</td><td>{html.escape(row.strategy)}{dominated}</td>"
            f"<td><div style='background:#4c72b0;height:0.8em;width:{width}px'></div></td>"
            f"<td>{row.score:.4f}</td><td>{moved}</td></tr>"
        )
    lines.append("</table>")
    if note:
        lines.append(f"<p>{html.escape(note)}</p>")
    return "\n".join(lines)


class TuneWidget:
    """The notebook interface; displays itself. ``sliders`` (by criterion), ``method_menu``,
    ``profile_menu`` and ``table`` are the ipywidgets, ``session`` the state behind them.
    """

    def __init__(self, session: TuneSession) -> None:
        widgets = require_ipywidgets()
        self.session = session
        self._syncing = False
        self.sliders = {
            name: widgets.FloatSlider(
                value=weight,
                min=0.0,
                max=1.0,
                step=0.01,
                description=name,
                readout_format=".3f",
                continuous_update=True,
            )
            for name, weight in session.weight_map.items()
        }
        for slider in self.sliders.values():
            slider.observe(self._on_slider, names="value")
        names = method_cycle()
        if session.method.name not in names:
            names.append(session.method.name)
        self.method_menu = widgets.Dropdown(options=names, value=session.method.name, description="method")
        self.method_menu.observe(self._on_method, names="value")
        self.profile_menu = widgets.Dropdown(
            options=list(session.profiles), value=session.profile, description="profile"
        )
        self.profile_menu.observe(self._on_profile, names="value")
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        controls = widgets.VBox([*self.sliders.values(), self.method_menu, self.profile_menu, self.status])
        self.widget = widgets.HBox([controls, self.table])
        self.refresh()

    # -- events -------------------------------------------------------------------------

    def _on_slider(self, change: dict) -> None:
        if self._syncing:
            return
        index = list(self.sliders.values()).index(change["owner"])
        self.session.select(index)
        self._apply(self.session.set_weight, change["new"], index)

    def _on_method(self, change: dict) -> None:
        if not self._syncing:
            self._apply(self.session.set_method, change["new"])

    def _on_profile(self, change: dict) -> None:
        if not self._syncing:
            self._apply(self.session.use_profile, change["new"])

    def _apply(self, change: Any, *args: Any) -> None:
        try:
            change(*args)
        except DecideError as error:
            self.refresh(f"Error: {error}")
            return
        self.refresh()

    # -- drawing ------------------------------------------------------------------------

    def refresh(self, message: str = "") -> None:
        """Put the session's weights back on the sliders and redraw the ranking."""
        session = self.session
        self._syncing = True
        try:
            for name, weight in session.weight_map.items():
                self.sliders[name].value = weight
            self.method_menu.value = session.method.name
            if tuple(self.profile_menu.options) != tuple(session.profiles):
                self.profile_menu.options = list(session.profiles)
            self.profile_menu.value = session.profile
        finally:
            self._syncing = False
        try:
            view = session.view()
        except DecideError as error:
            self.status.value = f"<b>Error:</b> {html.escape(str(error))}"
            return
        interval = view.interval.describe() if view.interval is not None else ""
        self.table.value = ranking_html(view, interval)
        reproduce = html.escape(session.command())
        self.status.value = (f"<b>{html.escape(message)}</b><br>" if message else "") + f"<code>{reproduce}</code>"

    def save_profile(self, name: str, rationale: str = "") -> Any:
        """Save the sliders' weights as profile ``name`` in the matrix file (atomically); returns the path."""
        path = self.session.save_profile(name, rationale)
        self.refresh(f"saved profile '{name}' in {path.name}")
        return path

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def tune(
    source: MatrixSource = None,
    *,
    selection: Selection | None = None,
    **fields: Unpack[SelectionFields],
) -> Any:
    """In a notebook: sliders per criterion, a method and a profile menu, and the live ranking.

    Needs ipywidgets (``pip install 'decide-mcda[notebook]'``); returns the widget.
    """
    require_ipywidgets()
    return TuneWidget(session(source, selection=selection, **fields))


__all__ = ["NOTEBOOK_EXTRA", "TuneWidget", "ranking_html", "require_ipywidgets", "tune"]
