"""SMAA: sampling, known properties of acceptability indices, reproducibility, exports."""

from __future__ import annotations

import importlib
import json
from types import SimpleNamespace

import numpy as np
import pytest

from decide.analysis.smaa import smaa, smaa_matrix
from decide.cli.options import ProgressBar
from decide.core.errors import SpecError, UnknownNameError
from decide.core.model import Criterion, Matrix, Strategy
from decide.core.ranks import sample_weights
from decide.methods.base import Method
from decide.rendering.formats import FORMATS, export, render
from decide.weights.spec import parse_order

cli_module = importlib.import_module("decide.cli.options")

CRITERIA = (
    Criterion("stability", "max", 0.3),
    Criterion("deterrence", "max", 0.25),
    Criterion("cost", "min", 0.2),
    Criterion("risk", "min", 0.25),
)


def make_matrix(rows: dict[str, tuple[float, ...]]) -> Matrix:
    names = [c.name for c in CRITERIA]
    strategies = tuple(Strategy(n, dict(zip(names, v, strict=True))) for n, v in rows.items())
    return Matrix("Testland", CRITERIA, strategies, scale=(1.0, 10.0))


DOMINATED = make_matrix(
    {
        "Best": (9, 9, 2, 2),
        "Middle": (6, 5, 5, 6),
        "Cheap": (3, 2, 3, 4),
        "Worst": (2, 1, 9, 9),
    }
)
TRADE_OFF = make_matrix(
    {
        "Talks": (8, 3, 2, 3),
        "Exercises": (5, 9, 7, 6),
        "Sanctions": (4, 6, 4, 5),
        "Aid": (7, 2, 3, 2),
    }
)


def test_uniform_simplex_mean_is_one_over_n():
    weights = sample_weights(np.random.default_rng(0), 40_000, [0.25] * 4)
    assert np.allclose(weights.sum(axis=1), 1) and weights.min() >= 0
    assert np.allclose(weights.mean(axis=0), 0.25, atol=0.005)


def test_ordered_weights_have_the_known_means():
    # Uniform weights ordered w1 >= w2 >= w3: E = (11/18, 5/18, 2/18).
    weights = sample_weights(np.random.default_rng(1), 40_000, [1 / 3] * 3, order=[[0, 1, 2]])
    assert np.all(np.diff(weights, axis=1) <= 0)
    assert np.allclose(weights.mean(axis=0), [11 / 18, 5 / 18, 2 / 18], atol=0.005)


def test_spread_stays_near_the_current_weights():
    current = np.array([0.4, 0.3, 0.2, 0.1])
    weights = sample_weights(np.random.default_rng(2), 10_000, current, spread=0.05)
    assert np.allclose(weights.sum(axis=1), 1) and weights.min() >= 0
    assert np.abs(weights - current).max() < 0.12
    assert np.allclose(weights.mean(axis=0), current, atol=0.01)


def test_a_dominating_strategy_is_always_first():
    result = smaa(DOMINATED, method="topsis", samples=3000, seed=1, score_noise=0.5)["Testland"]
    assert result.first_rank_acceptability.to_dict() == {"Best": 1.0, "Middle": 0.0, "Cheap": 0.0, "Worst": 0.0}
    assert result.rank_acceptability.loc["Worst", "rank 4"] == 1.0
    assert result.confidence["Best"] == 1.0 and np.isnan(result.confidence["Worst"])
    # its central weights are the mean of all draws: about 1/4 each
    assert np.allclose(result.central_weights.loc["Best"], 0.25, atol=0.02)


@pytest.mark.parametrize("method", ["wsm", "wpm", "topsis", "vikor"])
def test_acceptability_rows_sum_to_one_and_central_weights_are_weights(method):
    result = smaa(TRADE_OFF, method=method, samples=2000, seed=3)["Testland"]
    assert np.allclose(result.rank_acceptability.sum(axis=1), 1)
    central = result.central_weights.dropna()
    assert np.allclose(central.sum(axis=1), 1)
    # without score noise a strategy ranks first at its central weights or not at all
    assert set(result.confidence.dropna()) <= {0.0, 1.0}


def test_central_weights_lean_towards_what_a_strategy_is_good_at():
    result = smaa(TRADE_OFF, method="wsm", samples=4000, seed=4)["Testland"]
    central = result.central_weights
    assert central.loc["Exercises", "deterrence"] > 0.4 > central.loc["Talks", "deterrence"]


def test_same_seed_same_result_and_independent_of_block_size():
    one = smaa_matrix(TRADE_OFF, "topsis", samples=1000, seed=5, score_noise=1, chunk_size=1000)
    two = smaa_matrix(TRADE_OFF, "topsis", samples=1000, seed=5, score_noise=1, chunk_size=64)
    assert one.rank_acceptability.equals(two.rank_acceptability)
    assert np.allclose(one.central_weights, two.central_weights, equal_nan=True)
    other = smaa_matrix(TRADE_OFF, "topsis", samples=1000, seed=6, score_noise=1)
    assert not one.rank_acceptability.equals(other.rank_acceptability)


def test_one_at_a_time_fallback_agrees_with_the_batched_engine(monkeypatch):
    batched = smaa_matrix(TRADE_OFF, "topsis", samples=60, seed=7)
    from decide.methods.distance import TOPSIS

    monkeypatch.setattr(TOPSIS, "vectorised", False)
    assert isinstance(TOPSIS(), Method) and not TOPSIS().vectorised
    one_by_one = smaa_matrix(TRADE_OFF, "topsis", samples=60, seed=7)
    assert one_by_one.rank_acceptability.equals(batched.rank_acceptability)


def test_an_unseeded_run_reports_the_seed_that_reproduces_it():
    first = smaa(TRADE_OFF, method="wsm", samples=500)
    again = smaa(TRADE_OFF, method="wsm", samples=500, seed=first.seed)
    assert first["Testland"].rank_acceptability.equals(again["Testland"].rank_acceptability)


def test_order_and_spread_are_checked():
    assert parse_order("deterrence > stability, cost>risk", TRADE_OFF) == [[1, 0], [2, 3]]
    for spec, message in [
        ("deterrence", "is not NAME>NAME"),
        ("a>>b", "is not NAME>NAME"),
        ("cost>risk>cost", "criterion 'cost' appears twice"),
        (" , ", "order is empty"),
    ]:
        with pytest.raises(SpecError, match=message):
            parse_order(spec, TRADE_OFF)
    with pytest.raises(UnknownNameError, match="unknown criterion 'price'; choose from: stability"):
        parse_order("price>risk", TRADE_OFF)
    with pytest.raises(SpecError, match="spread is 0; give a number in"):
        smaa(TRADE_OFF, spread=0, samples=10)
    with pytest.raises(SpecError, match="cannot be combined"):
        smaa(TRADE_OFF, spread=0.1, order="cost>risk", samples=10)
    with pytest.raises(SpecError, match="samples is 0"):
        smaa(TRADE_OFF, samples=0)


def test_every_export_format(tmp_path):
    result = smaa(TRADE_OFF, method="vikor", samples=500, seed=8)
    for fmt in FORMATS:
        if fmt == "xlsx":
            assert export(result, tmp_path / "smaa.xlsx").stat().st_size > 0
            continue
        text = render(result, fmt)
        assert "Talks" in text, fmt
    data = json.loads(render(result, "json"))
    (actor,) = data["actors"]
    assert data["samples"] == 500 and data["seed"] == 8
    assert {s["strategy"] for s in actor["strategies"]} == {"Talks", "Exercises", "Sanctions", "Aid"}
    assert (
        "SMAA with vikor (v=0.5, use_compromise_set=true); ranks by Q alone, not the compromise "
        "set; 500 draws, seed 8" in render(result, wide=True)
    )
    csv = render(result, "csv").splitlines()
    assert csv[0].startswith("actor,strategy,rank now,first-rank acceptability,confidence")


def test_progress_bar_appears_only_for_long_runs(monkeypatch, capsys):
    clock = iter(range(100))
    monkeypatch.setattr(cli_module, "time", SimpleNamespace(perf_counter=lambda: float(next(clock))))
    bar = ProgressBar()
    for done in range(1, 11):
        bar("SMAA slow", done, 10)
    assert "SMAA slow" in capsys.readouterr().err
    monkeypatch.setattr(cli_module, "time", SimpleNamespace(perf_counter=lambda: 0.0))
    quick = ProgressBar()
    quick("SMAA quick", 10, 10)
    quick.close()
    assert capsys.readouterr().err == ""


def test_the_library_reports_progress_through_a_callback():
    calls = []
    smaa(TRADE_OFF, method="topsis", samples=25_000, seed=1, progress=lambda *args: calls.append(args))
    assert calls[-1] == ("SMAA Testland", 25_000, 25_000) and len(calls) == 3


def test_pandas_views_are_built_once_indexed_by_strategy():
    item = smaa_matrix(TRADE_OFF, "topsis", samples=500, seed=1)
    assert item.rank is item.rank and item.rank_acceptability is item.rank_acceptability
    for table in (item.rank, item.rank_acceptability, item.central_weights, item.confidence):
        assert table.index.name == "strategy" and list(table.index) == TRADE_OFF.strategy_names
    assert item.rank.name == "rank now" and item.rank.dtype.kind == "i"
    assert list(item.central_weights.columns) == TRADE_OFF.criterion_names
    assert list(item.rank_acceptability.columns) == ["rank 1", "rank 2", "rank 3", "rank 4"]
    assert f"rank={item.rank!r}, rank_acceptability={item.rank_acceptability!r}" in repr(item)  # as before


def test_text_tables_say_what_the_pandas_summary_says():
    """sections() builds plain Tables; their cells are summary()'s (a never-first strategy's
    missing values shown as '-') and rank_acceptability's, ranks past 10 summed as '10+'."""
    rows = {f"S{i}": (1 + i % 9, 9 - i % 7, 1 + (i * 3) % 9, 1 + (i * 7) % 9) for i in range(11)}
    rows["Worst"] = (1, 1, 10, 10)  # dominated: never first
    result = smaa(make_matrix(rows), method="wsm", samples=3000, seed=2)
    (item,) = result.results
    summary, ranks = result.sections()
    expected = item.summary().astype(object)
    expected = expected.where(expected.notna(), "-")
    assert summary.frame.columns == list(expected.columns)
    assert [list(row) for row in summary.frame.rows] == expected.values.tolist()
    assert expected.set_index("strategy").loc["Worst", "confidence"] == "-"
    assert summary.compact.columns == ["strategy", "rank now", "first-rank acceptability", "confidence"]
    shares = item.rank_acceptability.loc[expected["strategy"]]
    assert [list(row[1:]) for row in ranks.frame.rows] == shares.values.tolist()
    assert ranks.compact.columns == ["strategy", *map(str, range(1, 10)), "10+"]
    for row, rest in zip(ranks.compact.rows, shares.iloc[:, 9:].sum(axis=1), strict=True):
        assert row[-1] == (f"{100 * rest:.0f}%" if rest else "")


def test_csv_written_without_pandas_is_what_pandas_writes():
    """CSV comes from to_table(); it must be byte for byte what to_frame() gives through
    pandas, also for actors with different numbers of strategies (a rank column only some have)."""
    from dataclasses import replace

    from decide.rendering.escape import neutralise_frame

    rows = {"A": (8, 3, 2, 3), "B": (5, 9, 7, 6), "C": (4, 6, 4, 5), "D": (7, 2, 3, 2), "E": (6, 6, 6, 6)}
    bigger = replace(make_matrix(rows), actor="Other")
    for result in (
        smaa(TRADE_OFF, method="wsm", samples=500, seed=3),
        smaa([DOMINATED, bigger], method="topsis", samples=400, seed=4, score_noise=0.5),
    ):
        frame = result.to_frame(provenance=True)
        assert render(result, "csv") == neutralise_frame(frame).to_csv(index=False, lineterminator="\n")
        assert render(result, "csv", raw=True) == frame.to_csv(index=False, lineterminator="\n")
