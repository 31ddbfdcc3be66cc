"""The JSON Schema shipped for editors agrees with the loader on valid and invalid files."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from decide.io.load import matrix_files

from .conftest import make_document

SCHEMA = json.loads((resources.files("decide.io") / "matrix.schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_shipped_matrices_match_the_schema():
    for path in matrix_files():
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMA)


def test_base_document_matches():
    jsonschema.validate(make_document(), SCHEMA)


def test_ranges_basis_and_certainty_match():
    strategy = {
        "name": "s",
        "basis": "inferred",
        "reasoning": "why",
        "scores": {"stability": 5, "deterrence": 5, "cost": {"value": 5, "low": 3, "high": 7}, "risk": 5},
        "certainty": {"cost": "judgement", "risk": "stated"},
    }
    jsonschema.validate(make_document(strategies=[strategy], weights_rationale="why"), SCHEMA)


@pytest.mark.parametrize(
    "overrides",
    [
        {"actor": ""},
        {"stratgies": []},
        {"criteria": [{"name": "a", "objective": "more", "weight": 1}]},
        {"criteria": [{"name": "a", "objective": "max", "weight": -1}]},
        {"strategies": [{"name": "s", "scores": {"stability": "high"}}]},
        {"strategies": [{"name": "s", "scores": {"cost": {"value": 5, "low": 3}}}]},
        {"strategies": [{"name": "s", "basis": "guessed", "scores": {"cost": 5}}]},
        {"strategies": [{"name": "s", "basis": "inferred", "scores": {"cost": 5}}]},
        {"strategies": [{"name": "s", "scores": {"cost": 5}, "certainty": {"cost": "likely"}}]},
        {"weights_rationale": 3},
    ],
)
def test_schema_rejects_what_the_loader_rejects(overrides, matrix_file):
    from decide import MatrixError, load_matrix

    document = make_document(**overrides)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
    with pytest.raises(MatrixError):
        load_matrix(matrix_file(**overrides))
