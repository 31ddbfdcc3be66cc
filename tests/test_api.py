"""The public API is declared once, sorted, and importing it loads no heavy module."""

from __future__ import annotations

import subprocess
import sys

import pytest

import decide


def test_all_is_sorted_and_complete():
    assert decide.__all__ == sorted(decide.__all__, key=lambda name: (not name[0].isupper(), name))
    for name in decide.__all__:
        assert hasattr(decide, name), name


def test_the_public_api_is_small_and_every_name_is_documented():
    """About 25 names: the verbs (one per command), the few types a caller builds, the errors."""
    assert len(decide.__all__) <= 32
    assert set(decide.__all__) == set(decide._HOMES)
    for name in decide.__all__:
        assert getattr(decide, name).__doc__, name


def test_a_name_that_is_not_public_is_a_clear_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'Ranking'"):
        _ = decide.Ranking


HEAVY_MODULES = ("skcriteria", "matplotlib", "seaborn", "pymcdm", "pulp", "textual", "ipywidgets", "ruamel")


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(output.split())


@pytest.mark.slow
def test_help_list_show_validate_do_not_import_heavy_modules():
    for args in (
        ["--help"],
        ["list"],
        ["show", "--actor", "China"],
        ["validate", "matrices"],
        ["methods"],
        ["tune", "--help"],
    ):
        code = (
            "from click.testing import CliRunner\n"
            "from decide.cli.main import cli\n"
            f"result = CliRunner().invoke(cli, {args!r})\n"
            "assert result.exit_code == 0, result.output"
        )
        assert loaded_after(code) == set(), args


@pytest.mark.slow
def test_import_decide_is_light():
    assert loaded_after("import decide") == set()


@pytest.mark.slow
def test_vectorised_methods_rank_compare_and_analyse_without_scikit_criteria():
    code = (
        "import decide\n"
        "decide.rank(actors='China')\n"
        "decide.rank(actors='China', method='vikor')\n"
        "decide.compare(actor='China', methods='topsis,vikor,wsm,wpm')\n"
        "decide.sensitivity(actor='China', method='topsis', criterion='cost')\n"
        "decide.smaa(actors='China', samples=100, seed=1)"
    )
    assert loaded_after(code) == set()


@pytest.mark.slow
def test_other_methods_load_scikit_criteria_when_they_run():
    assert "skcriteria" in loaded_after("import decide; decide.rank(actors='China', method='moora')")


@pytest.mark.slow
def test_list_and_help_do_not_import_pandas():
    """``decide list`` renders a plain table and checks profiles without computing weights."""
    for args in (["--help"], ["list"]):
        code = (
            "import sys\n"
            "from click.testing import CliRunner\n"
            "from decide.cli.main import cli\n"
            f"result = CliRunner().invoke(cli, {args!r})\n"
            "assert result.exit_code == 0, result.output\n"
            "print('pandas' in sys.modules)"
        )
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert output.split() == ["False"], args
