"""Wrong-type calls into the Python API raise decide's own error naming the argument: random
values of the wrong type for every parameter of every verb, never a raw TypeError,
AttributeError, KeyError, IndexError, ZeroDivisionError or OverflowError."""

from __future__ import annotations

import inspect
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import decide
from decide.analysis.arguments import _hints, _namespace, matches
from decide.core.errors import DecideError, SpecError

VERBS = [
    "rank",
    "compare",
    "sensitivity",
    "make_top",
    "smaa",
    "explain",
    "robust",
    "report",
    "show",
    "overview",
    "scenarios",
    "profiles",
    "load_matrices",
    "load_matrix",
    "validate",
    "export",
    "render",
]

#: The least each verb needs to run at all (one small shipped actor), so one argument at a time is wrong.
BASE = {
    "compare": {"actor": "japan"},
    "sensitivity": {"actor": "japan"},
    "make_top": {"actor": "japan", "strategy": "x"},
    "smaa": {"actors": "japan", "samples": 50, "seed": 1},
    "explain": {"actors": ["japan"]},
    "robust": {"actors": "japan", "methods": "wsm"},
    "report": {"actors": "japan", "samples": 20},
    "show": {"actor": "japan"},
    "rank": {"actors": ["japan"]},
    "scenarios": {"actors": ["japan"]},
    "profiles": {"actors": ["japan"]},
}

WRONG = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.binary(max_size=5),
    st.complex_numbers(max_magnitude=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.integers(), st.integers(), max_size=2),
    st.sets(st.integers(), max_size=2),
    st.builds(object),
    st.just(math.inf),
    st.just(10**400),
    st.tuples(st.floats(), st.none()),
    st.text(max_size=4).map(lambda t: t.encode()),
)
UNCLEAN = (TypeError, AttributeError, KeyError, IndexError, ZeroDivisionError, OverflowError, ValueError)
TRIED = {"calls": 0, "unclean": 0}


def _parameters(verb: str) -> list[str]:
    function = getattr(decide, verb).__wrapped__
    return [
        name
        for name, p in inspect.signature(function).parameters.items()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verb=st.sampled_from(VERBS), data=st.data())
def test_wrong_type_calls_raise_decides_own_error_naming_the_argument(verb, data):
    function = getattr(decide, verb)
    parameter = data.draw(st.sampled_from(_parameters(verb)), label="parameter")
    value = data.draw(WRONG, label="value")
    inner = function.__wrapped__
    hint = _hints(inner).get(parameter)
    if hint is not None and matches(value, hint, _namespace(inspect.getmodule(inner))):
        return  # the right type: not what this test is about
    arguments = {**BASE.get(verb, {}), parameter: value}
    if verb in ("save_profile", "export", "render", "apply_scenario", "load_matrix") and parameter not in (
        "path",
        "result",
        "matrix",
    ):
        arguments.setdefault(
            {
                "save_profile": "path",
                "export": "result",
                "render": "result",
                "apply_scenario": "matrix",
                "load_matrix": "path",
            }[verb],
            7,
        )
    TRIED["calls"] += 1
    try:
        function(**arguments)
    except DecideError as error:
        assert "\n" not in str(error)
        if isinstance(error, SpecError) and error.field is not None:
            assert error.field in arguments
    except UNCLEAN as error:  # pragma: no cover - what this test is here to catch
        TRIED["unclean"] += 1
        raise AssertionError(f"{verb}({parameter}={value!r}) raised {type(error).__name__}: {error}") from None


def test_the_error_names_the_argument_and_what_it_takes():
    with pytest.raises(SpecError, match=r"^samples is 'many' \(str\); expected a whole number"):
        decide.smaa(samples="many")
    with pytest.raises(SpecError, match=r"^method is 5 \(int\); expected a text or a Method"):
        decide.rank(method=5)
    with pytest.raises(SpecError, match="unexpected keyword argument 'sample'"):
        decide.smaa(sample=5)


def test_right_types_still_run(tmp_path):
    assert decide.rank(actors=["japan"], method="wsm").results
    assert decide.export(decide.rank(actors="japan"), Path(tmp_path) / "r.csv").exists()
