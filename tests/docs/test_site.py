"""The documentation site builds with warnings as errors, and its generated pages are complete.

Builds the whole site into a temporary folder (``mkdocs build --strict``, about half a minute), then checks the
pages generated at build time: every source of every shipped case, every ``hedge`` command, every public name of
``games`` and ``solver``, every notebook. Needs the ``docs`` extra; skipped without it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
import typer

import games
import solver
from games import load_scenario
from solver.cli import app

pytestmark = pytest.mark.docs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs", reason="needs the docs extra: pip install -e '.[docs]'")
    pytest.importorskip("mkdocstrings_handlers.python", reason="needs the docs extra: pip install -e '.[docs]'")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "NO_MKDOCS_2_WARNING": "1"}  # fmt: skip
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    return out


def _page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_case_library_shows_every_source_of_every_case(site: Path) -> None:
    page = _page(site, "cases")
    files = sorted((ROOT / "games" / "catalogue").glob("*.toml"))
    assert files
    for path in files:
        case = load_scenario(path)
        assert f'id="{case.id}"' in page
        texts = [p.source for p in case.parameters.values()]
        texts += [i.evidence for i in case.instruments] + [r.evidence for r in case.responses]
        texts += [c.source for c in case.subsidies] + [t.source for t in case.patron_types]
        if case.observed is not None:
            blocks = (case.observed.instruments, case.observed.patron, case.observed.second_pole)
            texts += [entry.source for block in blocks for entry in block.values()]
        missing = [text[:60] for text in texts if escape(text) not in page]
        assert missing == [], case.id


def test_cli_reference_lists_every_command(site: Path) -> None:
    page = _page(site, "cli")
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    for name in command.commands:
        assert f'id="hedge-{name}"' in page


def test_api_reference_documents_every_public_name(site: Path) -> None:
    for package in (games, solver):
        page = _page(site, f"api/{package.__name__}")
        for name in package.__all__:
            # solver.equilibria is a subpackage and its main function; the page documents the function by its path
            anchor = (
                "solver.equilibria.equilibria"
                if (package, name) == (solver, "equilibria")
                else f"{package.__name__}.{name}"
            )
            assert f'id="{anchor}"' in page, name


def test_every_notebook_is_a_page(site: Path) -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for notebook in notebooks:
        assert (site / "notebooks" / notebook.stem / "index.html").is_file()
