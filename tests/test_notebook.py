"""The example notebook runs from top to bottom (so it cannot rot) and its outputs are tables and charts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs the example notebook in a Jupyter kernel

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "briefing.ipynb"

nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel", reason="ipykernel is in the test extra")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_example_notebook_runs_and_shows_tables_and_charts(tmp_path):
    copy = tmp_path / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    notebook = nbformat.read(copy, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(html) >= 6 and all("<table" in h for h in html)
    assert len(images) >= 5
    # the exports go to a fresh temporary folder, never into the working folder (a user's files)
    assert [p.name for p in tmp_path.iterdir()] == [NOTEBOOK.name]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    for written in ("ranking.tex", "ranking.xlsx", "briefing.html"):
        assert written in printed
