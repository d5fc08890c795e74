"""The examples in the docstrings, the README and the documentation site run."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import newsmine
import newsmine._api
import newsmine.frames
import newsmine.partition


@pytest.mark.parametrize("module", [newsmine, newsmine._api, newsmine.frames, newsmine.partition])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def _readme_blocks() -> list[str]:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has Python examples"
    return blocks


# The Spark and Ray recipes need a cluster's DataFrame (`sdf`, `ds`); they are
# run as written in test_scale.py when pyspark or ray is installed.
ENGINE_RECIPES = ("sdf.mapInPandas", "ds.map_batches")


def test_readme_examples_run_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("dask.dataframe")
    ns: dict[str, object] = {}
    ran = 0
    for block in _readme_blocks():
        if any(r in block for r in ENGINE_RECIPES):
            continue
        exec(compile(block, "README.md", "exec"), ns)
        ran += 1
    assert ran >= 2
    assert "Elena Vasquez PER" in capsys.readouterr().out


DOCS = sorted((Path(__file__).parent.parent / "docs").glob("*.md"))


@pytest.mark.parametrize("page", DOCS, ids=[p.name for p in DOCS])
def test_documentation_examples(page: Path) -> None:
    if page.name == "scale.md":
        pytest.importorskip("dask.dataframe")
        pytest.importorskip("pyarrow")
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, raise_on_error=False
    )
    assert result.failed == 0
    assert result.attempted > 0 or page.name == "api.md"


def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    import json
    import shutil
    import subprocess
    import sys

    pytest.importorskip("pyarrow")
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- commands:", 1)[1].split("```", 2)[1]
    lines = [line for line in block.splitlines() if line.strip()]
    assert lines[0] == "newsmine --version"
    rows = [
        {"id": "a", "text": "Mayor Elena Vasquez said the plan would cost $2.5 billion."},
        {"id": "b", "text": "the u s said on thursday it sent 1 510 kg of aid"},
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp_path / "dev.iob2").write_text("-DOCSTART- O\n\nElena B-PER\nVasquez I-PER\nspoke O\n")
    # The installed `newsmine` script of this interpreter's environment.
    script = shutil.which("newsmine", path=str(Path(sys.executable).parent))
    assert script is not None, "the newsmine command is installed beside python"
    for line in lines:
        program, *args = line.split()
        argv = [sys.executable if program == "python" else script, *args]
        res = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert res.returncode == 0, f"{line}: {res.stderr}"
    assert (tmp_path / "results" / "entities").is_dir()
