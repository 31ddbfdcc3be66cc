"""``decide.tune(...)`` in a notebook: set slider values in Python, read the ranking table."""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import sys

import pytest

import decide
from decide.core.errors import DecideError
from decide.interactive.notebook import NOTEBOOK_EXTRA, TuneWidget
from decide.io.load import shipped_matrices_dir

needs_ipywidgets = pytest.mark.skipif(
    importlib.util.find_spec("ipywidgets") is None, reason="the notebook extra (ipywidgets) is not installed"
)


def table_strategies(widget: TuneWidget) -> list[str]:
    return [html.unescape(name).strip() for name in re.findall(r"<tr><td>\d+</td><td>([^<]+)", widget.table.value)]


@needs_ipywidgets
def test_moving_a_slider_rescales_the_others_and_reranks():
    widget = decide.tune(actor="United States", method="wsm")
    assert isinstance(widget, TuneWidget)
    before = table_strategies(widget)
    start = dict(widget.session.weight_map)
    assert before == widget.session.view().ranking
    widget.sliders["deterrence"].value = 0.9
    weights = {name: slider.value for name, slider in widget.sliders.items()}
    assert weights["deterrence"] == pytest.approx(0.9)
    assert sum(weights.values()) == pytest.approx(1.0)
    assert weights["stability"] / weights["risk"] == pytest.approx(start["stability"] / start["risk"])
    after = table_strategies(widget)
    assert after != before
    assert (
        after
        == decide.rank(actors="United States", method="wsm", weights=widget.session.weight_spec())["United States"]
        .table["strategy"]
        .tolist()
    )
    assert "▲" in widget.table.value and "▼" in widget.table.value
    assert "stays first while deterrence" in widget.table.value
    assert widget.session.weight_spec() in widget.status.value


@needs_ipywidgets
def test_method_and_profile_menus(tmp_path):
    path = tmp_path / "china.yaml"
    shutil.copy(shipped_matrices_dir() / "china.yaml", path)
    widget = decide.tune(path, actor="China", method="wsm")
    assert widget.method_menu.options[:4] == ("wsm", "wpm", "topsis", "vikor")
    widget.method_menu.value = "vikor"
    assert widget.session.method.name == "vikor"
    assert "vikor" in widget.table.value and "lower score is better" in widget.table.value
    widget.sliders["cost"].value = 0.0
    shipped_profiles = widget.profile_menu.options
    widget.save_profile("no-cost")
    assert widget.profile_menu.options == (*shipped_profiles, "no-cost") and widget.profile_menu.value == "no-cost"
    assert "saved profile 'no-cost' in china.yaml" in html.unescape(widget.status.value)
    widget.sliders["cost"].value = 0.5
    fresh = decide.tune(path, actor="China", method="wsm")
    assert fresh.profile_menu.options == (*shipped_profiles, "no-cost")
    fresh.profile_menu.value = "no-cost"
    assert fresh.sliders["cost"].value == 0.0


@needs_ipywidgets
def test_a_method_that_cannot_rank_shows_an_error_and_keeps_the_ranking(matrix_file):
    path = matrix_file(
        scale=None,
        strategies=[
            {"name": "A", "scores": {"stability": 0, "deterrence": 3, "cost": 2, "risk": 3}},
            {"name": "B", "scores": {"stability": 5, "deterrence": 9, "cost": 7, "risk": 6}},
        ],
    )
    widget = decide.tune(path, method="wsm")
    shown = widget.table.value
    widget.method_menu.value = "wpm"  # the weighted product takes logarithms of the scores
    assert "Error:" in widget.status.value and "wpm cannot rank" in widget.status.value
    assert widget.method_menu.value == "wsm" and widget.table.value == shown


def test_without_ipywidgets_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(DecideError, match=re.escape(NOTEBOOK_EXTRA)):
        decide.tune(actor="China")
