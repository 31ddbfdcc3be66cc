"""SIMUS (Munier 2011): published example, weights ignored, PuLP warnings kept local."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from decide import MethodError, SpecError, UnknownNameError
from decide.methods import get_method
from tests.helpers import (
    check,
    evaluate,
    make_matrix,
    published,
    random_integer_matrix,
    zero_cost_matrix,
)

MUNIER_PROJECTS = [[250, 120, 20, 800], [130, 200, 40, 1000], [350, 340, 15, 600]]


MUNIER_OBJECTIVES = ["max", "max", "min", "max"]


@published("simus", "Munier, Carignano & Alberto")
@pytest.mark.parametrize(
    ("rank_by", "expected"),
    [(1, [0.0909, 0.6660, 0.7431]), (2, [-2.4545, 0.9962, 1.4583])],
)
def test_simus_munier_carignano_alberto(rank_by, expected):
    """Munier, N., Carignano, C. & Alberto, C. Un metodo de programacion multiobjetivo.
    Revista de la Escuela de Perfeccionamiento en Investigacion Operativa 24(39); three
    projects, four criteria, the limit of criterion 2 set to 500 (the others their best
    value). Scores of the first (rank_by=1) and second (rank_by=2) ranking, compared at
    4 decimals to the values scikit-criteria's test suite takes from that example;
    weights play no part (unequal ones below)."""
    matrix = make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 2, 3, 4])
    check(matrix, "simus", [3, 2, 1], expected, 4, params={"limits": "c2:500", "rank_by": rank_by})


def test_simus_ignores_weights_without_a_warning():
    # pytest turns warnings into errors: scikit-criteria's "SIMUS not take into account
    # the weights" and PuLP's deprecations would fail this test
    first = evaluate(make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 2, 3, 4]), "simus")
    second = evaluate(make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [4, 1, 1, 0]), "simus")
    assert first[0].tolist() == second[0].tolist()
    np.testing.assert_array_equal(first[1], second[1])


def test_simus_is_unchanged_by_rescaling_a_criterion():
    matrix = random_integer_matrix(31)
    values = matrix.to_frame().to_numpy() * np.array([10.0, 1.0, 0.5, 1.0])
    rescaled = make_matrix(values, matrix.objectives, list(matrix.weights.values()))
    np.testing.assert_allclose(evaluate(matrix, "simus")[1], evaluate(rescaled, "simus")[1])


def test_simus_prints_nothing(capfd):
    """CBC writes its log to the process's stdout (file descriptor 1), below Python."""
    import pulp

    before = pulp.LpSolverDefault.msg
    evaluate(random_integer_matrix(25), "simus")
    assert capfd.readouterr().out == ""
    assert pulp.LpSolverDefault.msg == before


def test_simus_needs_a_second_criterion_to_maximise():
    with pytest.raises(MethodError) as error:
        evaluate(zero_cost_matrix(), "simus")
    assert str(error.value) == (
        "Example: simus cannot rank this matrix: criterion 'gain' is the only one to maximise, so "
        "the linear program that maximises 'gain' has no bound; SIMUS limits each criterion's "
        "program by the other criteria to maximise; add a criterion to maximise with scores above "
        "0, or rank with another method"
    )


def test_simus_names_a_strategy_that_nothing_limits():
    matrix = make_matrix([[5, 2, 1], [3, 0, 4], [4, 1, 2]], ["max", "max", "min"], [1, 1, 1])
    with pytest.raises(MethodError, match="strategy 'A2' scores 0 on every criterion to maximise but 'c1'"):
        evaluate(matrix, "simus")


def test_simus_refuses_negative_values():
    matrix = make_matrix([[5, -2], [3, 1]], ["max", "max"], [1, 1])
    with pytest.raises(MethodError, match=r"criterion 'c2' has a negative value \(-2\) for strategy 'A1'"):
        evaluate(matrix, "simus")


def test_simus_names_an_infeasible_program():
    matrix = make_matrix(MUNIER_PROJECTS, MUNIER_OBJECTIVES, [1, 1, 1, 1])
    with pytest.raises(MethodError) as error:
        evaluate(matrix, "simus", {"limits": "c4:-1"})
    assert str(error.value) == (
        "Example: simus cannot rank this matrix: the linear program that maximises criterion "
        "'c1' is infeasible; check --param limits, or rank with another method"
    )


def test_simus_parameters_are_checked():
    with pytest.raises(SpecError, match=r"parameter 'rank_by' is 3; allowed: 1 <= rank_by <= 2"):
        get_method("simus", {"rank_by": "3"})
    with pytest.raises(UnknownNameError, match="names unknown criterion 'price'"):
        evaluate(random_integer_matrix(26), "simus", {"limits": "price:3"})


def test_pulp_deprecation_still_surfaces_outside_simus():
    import pulp

    filters = list(warnings.filters)
    evaluate(random_integer_matrix(27), "simus")
    assert warnings.filters == filters
    with pytest.raises(DeprecationWarning, match=r"Constructing LpVariable\(name, \.\.\.\)"):
        pulp.LpVariable("x")


def test_other_methods_still_surface_pulp_deprecations(monkeypatch):
    import pulp
    from skcriteria.agg.moora import RatioMOORA

    original = RatioMOORA._evaluate_data

    def with_pulp(self, **kwargs):
        pulp.LpVariable("x")
        return original(self, **kwargs)

    monkeypatch.setattr(RatioMOORA, "_evaluate_data", with_pulp)
    with pytest.raises(DeprecationWarning, match=r"Constructing LpVariable"):
        evaluate(random_integer_matrix(28), "moora")


PULP_VARIABLE = "Constructing LpVariable(name, ...) directly is deprecated; in PuLP 4.0"


@pytest.mark.parametrize(
    ("category", "message", "module"),
    [
        (DeprecationWarning, "LpProblem.to_dict is deprecated, use LpProblem.toDict instead", "pulp.pulp"),
        (DeprecationWarning, PULP_VARIABLE, "skcriteria.agg"),
        (UserWarning, PULP_VARIABLE, "pulp.pulp"),
    ],
)
def test_simus_surfaces_every_other_warning(monkeypatch, category, message, module):
    """Another message from PuLP, PuLP's message from another module, or its text as
    another category: each still reaches the caller (as an error under pytest)."""
    import skcriteria.agg.simus as simus_module

    original = simus_module.simus

    def warning_first(*args, **kwargs):
        warnings.warn_explicit(message, category, f"{module.replace('.', '/')}.py", 1, module=module)
        return original(*args, **kwargs)

    monkeypatch.setattr(simus_module, "simus", warning_first)
    with pytest.raises(category, match=message.split("(")[0]):
        evaluate(random_integer_matrix(33), "simus")


@pytest.mark.slow
def test_simus_runs_without_importing_scikit_learn():
    """scikit-criteria's SIMUS needs one function from a module that imports scikit-learn
    (a sixth of ``decide compare --all``): decide imports it without, and the real module
    is still there for anything that imports it afterwards."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from decide.methods.simus import simus_class\n"
        "from tests.helpers import evaluate, random_integer_matrix\n"
        "evaluate(random_integer_matrix(1), 'simus')\n"
        "assert simus_class() is simus_class()\n"
        "print('sklearn' in sys.modules, 'skcriteria.preprocessing.scalers' in sys.modules)\n"
        "from skcriteria.preprocessing.scalers import SumScaler, scale_by_sum\n"
        "print(hasattr(SumScaler, 'transform'), 'sklearn' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root).stdout
    assert output.split() == ["False", "False", "True", "True"]


@pytest.mark.parametrize("axis", [None, 0, 1])
def test_the_stand_in_scale_by_sum_is_scikit_criteria_s(axis):
    from skcriteria.preprocessing.scalers import scale_by_sum

    from decide.methods.simus import _scale_by_sum

    values = np.random.default_rng(3).uniform(0, 10, (5, 4))
    np.testing.assert_array_equal(_scale_by_sum(values, axis=axis), scale_by_sum(values, axis=axis))
