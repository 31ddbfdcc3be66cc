"""Property-based tests (hypothesis): every method on random valid matrices.

Random matrices have 2-30 strategies and 2-10 criteria, random objectives, weights and
scores within the scale (integers, as people score, or reals). For every method:
either a ranking (dense ranks 1..k, ties sharing a rank, finite scores) or one clean
:class:`~decide.errors.DecideError`; the same output on a second run; the same ranking
when every weight is multiplied by a constant; a dominated strategy never ranked above
a strategy that dominates it; and the library and the CLI's JSON agree.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from decide.core.errors import DecideError
from decide.core.limits import MIN_MAGNITUDE
from decide.core.model import Criterion, Matrix, Strategy
from decide.methods import METHODS, get_method
from decide.methods.run import evaluate

SCALE = (1.0, 10.0)


@st.composite
def matrices(draw: st.DrawFn, min_strategies: int = 2, max_strategies: int = 30) -> Matrix:
    """A random valid matrix: scores on the 1-10 scale, weights 0 or in [1e-12, 1] (not all zero)."""
    strategies = draw(st.integers(min_strategies, max_strategies))
    criteria = draw(st.integers(2, 10))
    integer = draw(st.booleans())
    score = st.integers(1, 10).map(float) if integer else st.floats(1, 10, allow_nan=False)
    table = draw(
        st.lists(st.lists(score, min_size=criteria, max_size=criteria), min_size=strategies, max_size=strategies)
    )
    objectives = draw(st.lists(st.sampled_from(["max", "min"]), min_size=criteria, max_size=criteria))
    weights = draw(
        st.lists(
            st.sampled_from([0.0, 0.05, 0.1, 0.2, 0.25, 1 / 3, 0.5, 1.0]) | st.floats(MIN_MAGNITUDE, 1),
            min_size=criteria,
            max_size=criteria,
        ).filter(lambda w: sum(w) > 1e-6)
    )
    names = [f"c{j}" for j in range(criteria)]
    return Matrix(
        "Random",
        tuple(Criterion(n, o, w) for n, o, w in zip(names, objectives, weights, strict=True)),
        tuple(Strategy(f"s{i}", dict(zip(names, row, strict=True))) for i, row in enumerate(table)),
        scale=SCALE,
    )


def ranked(method: str, matrix: Matrix) -> tuple[np.ndarray, np.ndarray] | None:
    """Ranks and scores, or None when the method refuses the matrix with a DecideError."""
    try:
        return evaluate(get_method(method), matrix)
    except DecideError as error:
        assert "\n" not in str(error)
        return None


def is_dense_ranking(ranks: np.ndarray) -> bool:
    """1..k, every value used, ties sharing a rank."""
    values = sorted(set(ranks.tolist()))
    return values == list(range(1, len(values) + 1))


ALL_METHODS = list(METHODS)


@pytest.mark.slow
@pytest.mark.parametrize("method", ALL_METHODS)
@given(matrix=matrices())
def test_every_method_ranks_or_refuses_cleanly_and_repeats(method: str, matrix: Matrix) -> None:
    first = ranked(method, matrix)
    if first is None:
        return
    ranks, scores = first
    assert is_dense_ranking(ranks), ranks
    assert np.all(np.isfinite(scores))
    second = ranked(method, matrix)
    assert second is not None
    assert second[0].tolist() == ranks.tolist()
    assert second[1].tolist() == scores.tolist()


@pytest.mark.slow
@pytest.mark.parametrize("method", [m for m in ALL_METHODS if METHODS[m].uses_weights])
@given(matrix=matrices(), factor=st.sampled_from([1e-3, 0.1, 7.0, 1e3]))
def test_scaling_every_weight_never_changes_a_ranking(method: str, matrix: Matrix, factor: float) -> None:
    scaled = matrix.with_criterion_weights({c.name: c.weight * factor for c in matrix.criteria})
    before, after = ranked(method, matrix), ranked(method, scaled)
    assert (before is None) == (after is None)
    if before is not None and after is not None:
        assert after[0].tolist() == before[0].tolist()


def dominance_violations(matrix: Matrix, ranks: np.ndarray) -> list[tuple[str, str]]:
    """(dominated, dominator) pairs where the dominated strategy is ranked strictly better."""
    position = {name: i for i, name in enumerate(matrix.strategy_names)}
    return [
        (loser, winner)
        for loser, winners in matrix.dominators().items()
        for winner in winners
        if ranks[position[loser]] < ranks[position[winner]]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("method", [m for m in ALL_METHODS if METHODS[m].respects_dominance])
@given(matrix=matrices())
def test_a_dominated_strategy_never_ranks_above_its_dominator(method: str, matrix: Matrix) -> None:
    result = ranked(method, matrix)
    if result is not None:
        assert dominance_violations(matrix, result[0]) == []


@pytest.mark.slow
@given(matrix=matrices(max_strategies=12))
def test_the_library_and_the_cli_json_agree(matrix: Matrix, tmp_path_factory: pytest.TempPathFactory) -> None:
    import yaml
    from click.testing import CliRunner

    from decide.analysis.ranking import rank
    from decide.cli.main import cli

    document = {
        "actor": matrix.actor,
        "scale": list(SCALE),
        "criteria": [{"name": c.name, "objective": c.objective, "weight": c.weight} for c in matrix.criteria],
        "strategies": [{"name": s.name, "scores": dict(s.scores)} for s in matrix.strategies],
    }
    path = tmp_path_factory.mktemp("json") / "random.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    outcome = CliRunner().invoke(cli, ["rank", str(path), "-m", "wsm", "-f", "json"])
    assert outcome.exit_code == 0, outcome.output
    shown = json.loads(outcome.output)["actors"][0]["ranking"]
    expected = rank(matrix, method="wsm").results[0].table
    assert [row["strategy"] for row in shown] == expected["strategy"].tolist()
    assert [row["rank"] for row in shown] == expected["rank"].tolist()
    assert np.allclose([row["score"] for row in shown], expected["score"].to_numpy(), rtol=1e-12)


# -- the loader, fuzzed: nothing but a DecideError escapes, the CLI never prints a traceback ----

YAML_PIECES = [
    "actor: X\n",
    "criteria:\n",
    "strategies:\n",
    "  - {name: a, objective: max, weight: 1}\n",
    "  - name: s\n    scores: {a: 3}\n",
    "scale: [1, 10]\n",
    "&x [*x]\n",
    "? [a, b]\n: 1\n",
    "!!python/object:os.system\n",
    "!!int abc\n",
    "!!float x\n",
    "!!bool maybe\n",
    "!!timestamp x\n",
    "!!map [a]\n",
    "a: 1\na: 2\n",
    "\t- x\n",
    "[[[[[[[[[[",
    "{",
    "<<: *c\n",
    "- &c {name: b}\n",
    "1e308\n",
    "9" * 400 + "\n",
    ".nan\n",
    "\ufeff",
    "\x00",
    "\u2028",
    "\r\n",
    "--- \n",
    "...\n",
    "%YAML 1.1\n",
    "'unterminated\n",
    '"\\x"\n',
    "name: \x1b[31mred\n",
]

#: Arbitrary YAML-like structures: what a document can decode to.
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(text=st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=20), max_size=12).map("".join))
def test_the_loader_raises_only_decide_errors_on_arbitrary_text(text: str, tmp_path_factory) -> None:
    from decide.io.load import load_matrix, validate

    path = tmp_path_factory.mktemp("fuzz") / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_matrix(path)
    except DecideError as error:
        assert "\n" not in str(error)
    report = validate(str(path))
    assert all("\n" not in problem for problems in report.values() for problem in problems)


@pytest.mark.slow
@given(
    document=st.fixed_dictionaries(
        {},
        optional={
            "actor": yaml_values,
            "aliases": yaml_values,
            "scale": yaml_values,
            "criteria": st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "name": yaml_values,
                        "objective": st.sampled_from(["max", "min"]) | yaml_values,
                        "weight": yaml_values,
                    },
                ),
                max_size=4,
            )
            | yaml_values,
            "strategies": st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "name": yaml_values,
                        "scores": st.dictionaries(st.text(max_size=4), yaml_values, max_size=4) | yaml_values,
                    },
                ),
                max_size=4,
            )
            | yaml_values,
        },
    )
)
def test_the_validator_raises_only_decide_errors_on_arbitrary_structures(document: dict) -> None:
    from pathlib import Path

    from decide.io.load import _check_document

    problems, matrix = _check_document(document, Path("fuzz.yaml"))
    assert (matrix is None) == bool(problems)
    assert all(isinstance(p, str) and "\n" not in p for p in problems)


@given(text=st.lists(st.sampled_from(YAML_PIECES), min_size=1, max_size=8).map("".join))
def test_the_cli_never_prints_a_traceback(text: str, tmp_path_factory) -> None:
    from click.testing import CliRunner

    from decide.cli.main import cli

    path = tmp_path_factory.mktemp("cli") / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (["validate", str(path)], ["rank", str(path)], ["show", str(path), "-a", "X"]):
        outcome = CliRunner().invoke(cli, args)
        assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
        assert "Traceback" not in outcome.output
        errors = [line for line in outcome.stderr.splitlines() if line.startswith("Error")]
        assert len(errors) <= 1
