"""The JSON Schema shipped for scenario files agrees with the scenario loader on valid and invalid files."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from decide.io.load import load_matrices
from decide.io.scenarios import scenario_file

from .test_scenarios import SCENARIOS, broken

SCHEMA = json.loads((resources.files("decide.io") / "scenarios.schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_shipped_scenario_files_match_the_schema():
    files = [scenario_file(m) for m in load_matrices()]
    assert all(files)
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMA)


def test_the_test_document_matches():
    jsonschema.validate(SCENARIOS, SCHEMA)


def renamed(name: str) -> dict:
    document = yaml.safe_load(yaml.safe_dump(SCENARIOS))
    document["scenarios"][0]["name"] = name
    return document


@pytest.mark.parametrize(
    "document",
    [
        broken(score=4),
        broken(change=None),
        broken(change="lots"),
        broken(rationale=None),
        broken(weight=2),
        renamed("baseline"),
        renamed("two words"),
        {"actor": "Testland"},
        {"scenarios": []},
    ],
)
def test_documents_the_loader_refuses_fail_the_schema(document):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
