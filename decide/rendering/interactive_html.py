"""The interactive brief: per actor, weight sliders and a method choice (wsm, topsis, vikor with
their default parameters) that re-rank the table and redraw the bars in the browser, in plain
JavaScript inside the page (no network, no library), with a reset button and the ``-w``
string that reproduces the view with ``decide rank``. Printing prints the current state.

The scores follow decide's numpy engines (:mod:`decide.methods.additive`,
:mod:`decide.methods.distance`) step for step; the tests compare them to 1e-9.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from decide.rendering.escape import escape_html

#: The methods the page can re-rank with.
BROWSER_METHODS = ("wsm", "topsis", "vikor")


def actor_data(
    actor: str,
    anchor: str,
    file_label: str,
    shipped: bool,
    criteria: Sequence[tuple[str, bool]],
    weights: Sequence[float],
    strategies: Sequence[str],
    table: Any,
    method: str,
) -> dict[str, Any]:
    """One actor's matrix as the page needs it (criteria as (name, is_cost))."""
    return {
        "actor": actor,
        "anchor": anchor,
        "file": file_label,
        "shipped": shipped,
        "criteria": [name for name, _ in criteria],
        "cost": [bool(c) for _, c in criteria],
        "weights": [float(w) for w in weights],
        "strategies": list(strategies),
        "table": [[float(v) for v in row] for row in table],
        "method": method if method in BROWSER_METHODS else "topsis",
    }


def controls_html(data: dict[str, Any], index: int) -> str:
    """The block of one actor: method choice, sliders, reset, the ``-w`` line, the table and bars."""
    options = "".join(
        f'<option value="{m}"{" selected" if m == data["method"] else ""}>{m}</option>' for m in BROWSER_METHODS
    )
    sliders = "".join(
        f'<label class="slider"><span class="name">{escape_html(name)}</span>'
        f'<input type="range" min="0" max="100" step="1" data-criterion="{i}" '
        f'value="{round(100 * data["weights"][i])}" aria-label="weight of {escape_html(name)}">'
        f'<output data-criterion="{i}"></output></label>'
        for i, name in enumerate(data["criteria"])
    )
    return (
        f'<div class="interactive" data-index="{index}">'
        f"<h3>Try other weights</h3>"
        f'<div class="controls"><label>method <select class="method">{options}</select></label> '
        f'<button type="button" class="reset">reset</button></div>'
        f'<div class="sliders">{sliders}</div>'
        f'<p class="reproduce">To reproduce: <code class="command"></code></p>'
        f'<p class="status" aria-live="polite"></p>'
        f'<div class="bars"></div>'
        f'<table class="decide live"><thead><tr><th class="num">rank</th><th>strategy</th>'
        f'<th class="num">score</th></tr></thead><tbody></tbody></table>'
        f"</div>"
    )


INTERACTIVE_STYLE = """
div.interactive { border: 1px solid #c6d4e6; border-radius: 4px; padding: 0.5em 0.9em; margin: 0.8em 0; }
div.interactive h3 { margin-top: 0.2em; }
div.sliders { display: grid; grid-template-columns: repeat(auto-fill, minmax(18em, 1fr)); gap: 0.2em 1.5em; }
label.slider { display: grid; grid-template-columns: 7em minmax(0, 1fr) 3em; align-items: center; gap: 0.4em; }
label.slider input { width: 100%; min-width: 0; margin: 0; }
label.slider output { text-align: right; font-variant-numeric: tabular-nums; }
p.reproduce code { font-size: 0.85em; word-break: break-all; }
p.status { color: #8a3b00; font-size: 0.9em; }
div.bars svg { width: 100%; height: auto; display: block; }
@media print { div.interactive button, p.reproduce { display: none; } div.interactive { break-inside: avoid; } }
"""


def script() -> str:
    """The page's code (``interactive_brief.js`` beside this module): decide's wsm (min-max),
    topsis (vector) and vikor (v = 0.5), ranked as decide ranks."""
    from importlib import resources

    return (resources.files("decide.rendering") / "interactive_brief.js").read_text(encoding="utf-8")


def page_parts(data: Sequence[dict[str, Any]]) -> tuple[str, str]:
    """The stylesheet addition and the ``<script>`` elements (the data as JSON, then the code)."""
    payload = json.dumps(list(data), ensure_ascii=False).replace("</", "<\\/")
    return INTERACTIVE_STYLE, (
        f'<script type="application/json" id="decide-data">{payload}</script>\n<script>{script()}</script>\n'
    )


__all__ = ["BROWSER_METHODS", "INTERACTIVE_STYLE", "actor_data", "controls_html", "page_parts", "script"]
