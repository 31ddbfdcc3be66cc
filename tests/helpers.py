"""Small helpers shared by the tests."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from decide.core.model import Criterion, Matrix, Strategy
from decide.methods import get_method
from decide.methods.run import evaluate as run_method


def evaluate(matrix: Matrix, method: str, params: Mapping[str, Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Ranks and scores of ``matrix`` under the method called ``method`` with ``params``."""
    return run_method(get_method(method, params), matrix)


def make_matrix(values, objectives, weights, *, names=None, criteria=None, scale=None) -> Matrix:
    """A Matrix from rows of numbers (strategies) and per-criterion objectives/weights."""
    values = np.asarray(values, dtype=float)
    criteria = criteria or [f"c{j + 1}" for j in range(values.shape[1])]
    names = names or [f"A{i + 1}" for i in range(values.shape[0])]
    return Matrix(
        actor="Example",
        criteria=tuple(Criterion(c, o, float(w)) for c, o, w in zip(criteria, objectives, weights, strict=True)),
        strategies=tuple(
            Strategy(n, dict(zip(criteria, map(float, row), strict=True))) for n, row in zip(names, values, strict=True)
        ),
        scale=scale,
    )


def random_matrix(seed: int, strategies: int = 6, criteria: int = 4, low: float = 1, high: float = 10) -> Matrix:
    """A random matrix with scores in [low, high], mixed objectives and random weights."""
    rng = np.random.default_rng(seed)
    objectives = ["max" if j % 2 == 0 else "min" for j in range(criteria)]
    return make_matrix(
        rng.uniform(low, high, (strategies, criteria)), objectives, rng.uniform(0.1, 1, criteria), scale=(low, high)
    )


def batch_scores(matrix: Matrix, method: str, weights, params=None, tables=None) -> np.ndarray:
    """Scores of ``matrix`` under each weight vector, for the method called ``method``."""
    from decide.methods.run import batch_scores as run_batch

    return run_batch(get_method(method, params), matrix, weights, tables)


def with_scores(matrix: Matrix, table) -> Matrix:
    """A copy of ``matrix`` whose scores are ``table`` (strategies x criteria)."""
    from dataclasses import replace

    names = matrix.criterion_names
    strategies = tuple(
        replace(s, scores={c: float(v) for c, v in zip(names, row, strict=True)})
        for s, row in zip(matrix.strategies, table, strict=True)
    )
    return replace(matrix, strategies=strategies)


def four_criteria_matrix(seed: int, strategies: int = 7) -> Matrix:
    """Scores on a [1, 10] scale, two benefit and two cost criteria, no ties."""
    rng = np.random.default_rng(seed)
    return make_matrix(
        rng.uniform(1, 10, (strategies, 4)),
        ["max", "max", "min", "min"],
        [1, 1, 1, 1],
        criteria=["stability", "deterrence", "cost", "risk"],
        scale=(1.0, 10.0),
    )


# -- which methods the tests check, read by tests/methods/test_registry.py --------------

PUBLISHED: dict[str, list[str]] = {}
"""Method name -> the tests that reproduce a published worked example for it."""
CROSS_CHECKED: dict[str, list[str]] = {}
"""Method name -> the tests that compare it with an independent (direct) pipeline."""


def published(method_name: str, citation: str) -> Callable:
    """Record that the decorated test reproduces ``citation``'s worked example for ``method_name``.

    >>> @published("topsis", "Tzeng & Huang (2011)")
    ... def test_example(): ...
    >>> test_example.published
    ('topsis', 'Tzeng & Huang (2011)')
    """

    def record(test: Callable) -> Callable:
        PUBLISHED.setdefault(method_name, []).append(f"{test.__module__}.{test.__name__}")
        test.published = (method_name, citation)  # type: ignore[attr-defined]
        return test

    return record


def cross_checked(*method_names: str) -> Callable:
    """Record that the decorated test compares each of ``method_names`` with a direct pipeline.

    >>> @cross_checked("wsm", "topsis")
    ... def test_parity(): ...
    >>> test_parity.cross_checked
    ('wsm', 'topsis')
    """

    def record(test: Callable) -> Callable:
        for name in method_names:
            CROSS_CHECKED.setdefault(name, []).append(f"{test.__module__}.{test.__name__}")
        test.cross_checked = method_names  # type: ignore[attr-defined]
        return test

    return record


# -- the direct pipelines and matrices the method tests share --------------------------


def random_integer_matrix(seed: int, strategies: int = 6, criteria: int = 4) -> Matrix:
    rng = np.random.default_rng(seed)
    values = rng.integers(1, 11, size=(strategies, criteria)).astype(float)
    objectives = ["max", "min"] + [str(o) for o in rng.choice(["max", "min"], criteria - 2)]
    weights = rng.uniform(0.1, 1.0, criteria)
    return make_matrix(values, objectives, weights, scale=(1.0, 10.0))


def zero_cost_matrix():
    return make_matrix(
        [[5, 2], [3, 0], [4, 1]],
        ["max", "min"],
        [0.5, 0.5],
        criteria=["gain", "cost"],
        names=["A", "X", "B"],
    )


def check(matrix, name, expected_ranks, expected_scores, decimals, params=None):
    ranks, scores = evaluate(matrix, name, params)
    assert ranks.tolist() == expected_ranks
    np.testing.assert_allclose(scores, expected_scores, atol=1.5 * 10.0**-decimals)


def direct(name: str, matrix: Matrix):
    """The pipeline each method's paper defines, spelled out with scikit-criteria or
    pymcdm."""
    import skcriteria.agg as agg
    from skcriteria.agg import moora, probid, simple
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing import invert_objectives as inv
    from skcriteria.preprocessing import scalers

    for family in (
        "aras",
        "cocoso",
        "codas",
        "copras",
        "edas",
        "electre",
        "ervd",
        "mabac",
        "mairca",
        "marcos",
        "ocra",
        "ram",
        "rim",
        "simus",
        "spotis",
        "topsis",
        "vikor",
        "waspas",
    ):
        importlib.import_module(f"skcriteria.agg.{family}")  # ``agg.<family>`` below needs the submodule loaded

    dm = matrix.to_skcriteria()
    vector = scalers.VectorScaler(target="matrix")
    pipelines = {
        "wsm": lambda: mkpipe(inv.MinMaxInverter(), simple.WeightedSumModel()),
        "wpm": lambda: mkpipe(inv.InvertMinimize(), simple.WeightedProductModel()),
        "topsis": lambda: mkpipe(inv.NegateMinimize(), vector, agg.topsis.TOPSIS()),
        "vikor": lambda: agg.vikor.VIKOR(),
        "moora": lambda: mkpipe(vector, moora.RatioMOORA()),
        "moora_refpoint": lambda: mkpipe(vector, moora.ReferencePointMOORA()),
        # the weighted full multiplicative form (weights as exponents) is a weighted
        # product of the vector-normalised scores
        "fmf": lambda: mkpipe(vector, inv.InvertMinimize(), simple.WeightedProductModel()),
        "multimoora": lambda: mkpipe(vector, moora.MultiMOORA()),
        "waspas": lambda: mkpipe(inv.BenefitCostInverter(), agg.waspas.WASPAS()),
        "edas": lambda: agg.edas.EDAS(),
        "codas": lambda: mkpipe(inv.BenefitCostInverter(), agg.codas.CODAS()),
        "copras": lambda: mkpipe(scalers.SumScaler(target="matrix"), agg.copras.COPRAS()),
        "mabac": lambda: mkpipe(inv.MinMaxInverter(), agg.mabac.MABAC()),
        "mairca": lambda: agg.mairca.MAIRCA(),
        "marcos": lambda: agg.marcos.MARCOS(),
        "cocoso": lambda: mkpipe(inv.MinMaxInverter(), agg.cocoso.CoCoSo()),
        "ocra": lambda: agg.ocra.OCRA(),
        "ram": lambda: mkpipe(scalers.SumScaler(target="matrix"), agg.ram.RAM()),
        "probid": lambda: mkpipe(inv.NegateMinimize(), vector, probid.PROBID()),
        "sprobid": lambda: mkpipe(inv.NegateMinimize(), vector, probid.SimplifiedPROBID()),
        "electre2": lambda: agg.electre.ELECTRE2(),
    }
    if name in pipelines:
        return pipelines[name]().evaluate(dm).rank_
    if name == "aras":
        inverted = inv.InvertMinimize().transform(dm).matrix.to_numpy()
        ideal = inverted.max(axis=0)
        totals = inverted.sum(axis=0) + ideal
        normalised = dm.replace(matrix=inverted / totals, objectives=[max] * inverted.shape[1])
        return agg.aras.ARAS().evaluate(normalised, ideal=ideal / totals).rank_
    if name == "spotis":
        bounds = np.array([[1.0, 10.0]] * len(matrix.criteria))
        return agg.spotis.SPOTIS().evaluate(dm, bounds=bounds).rank_
    if name == "rim":
        ranges = [(1.0, 10.0)] * len(matrix.criteria)
        ideals = [(10.0, 10.0) if o == "max" else (1.0, 1.0) for o in matrix.objectives]
        return agg.rim.RIM().evaluate(dm, ref_ideals=ideals, ranges=ranges).rank_
    if name == "ervd":
        reference = np.full(len(matrix.criteria), 5.5)  # the middle of the scale [1, 10]
        totals = matrix.to_frame().to_numpy().sum(axis=0)
        scaled = scalers.SumScaler(target="matrix").transform(dm)
        return agg.ervd.ERVD().evaluate(scaled, reference_points=reference / totals).rank_
    if name == "simus":
        equal = dm.replace(weights=np.ones(len(matrix.criteria)))  # SIMUS ignores weights
        with warnings.catch_warnings():  # PuLP's deprecations, see decide.methods
            warnings.simplefilter("ignore", DeprecationWarning)
            return agg.simus.SIMUS().evaluate(equal).rank_
    if name == "promethee2":
        from pymcdm.helpers import rrankdata
        from pymcdm.methods import PROMETHEE_II

        types = np.array([1 if o == "max" else -1 for o in matrix.objectives])
        weights = np.array(list(matrix.weights.values()))
        flows = PROMETHEE_II("usual")(matrix.to_frame().to_numpy(), weights, types, validation=False)
        return rrankdata(flows)
    raise AssertionError(f"no direct pipeline for {name}")


def _dense(ranks) -> list[int]:
    """Ranks with ties sharing a rank and no gaps (pymcdm averages tied ranks)."""
    order = sorted(set(ranks))
    return [order.index(r) + 1 for r in ranks]


def chakraborty_2015_example_2() -> Matrix:
    """Chakraborty, Zavadskas & Antucheviciene (2015), example 2: ten alternatives, three
    cost criteria and one benefit criterion, with the paper's weights."""
    return make_matrix(
        [
            [581818, 54.49, 3, 5500],
            [595454, 49.73, 3, 4500],
            [586060, 51.24, 3, 5000],
            [522727, 45.71, 3, 5800],
            [561818, 52.66, 3, 5200],
            [543030, 74.46, 4, 5600],
            [522727, 75.42, 4, 5800],
            [486970, 62.62, 4, 5600],
            [509394, 65.87, 4, 6400],
            [513333, 70.67, 4, 6000],
        ],
        ["min", "min", "min", "max"],
        [0.467, 0.160, 0.095, 0.278],
    )
