"""``hedge report``: the output path is checked before anything is computed, and a page is written."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from typer.testing import CliRunner

import solver.reporting
from solver.cli import app
from solver.reporting import CaseReport, ReportSizes
from tests.solver.cli.output import flat

runner = CliRunner()


def _never(*_: object, **__: object) -> CaseReport:
    raise AssertionError("the report was computed before the output path was checked")


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("plain/report.html", "plain is a file, not a folder"),
        ("report.pdf", "name the output *.html or *.htm"),
        (".", "is a folder"),
        ("folder.html", "is a folder"),
    ],
)
def test_bad_output_paths_exit_2_before_computing(
    out: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "plain").write_text("in the way")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(solver.reporting, "case_report", _never)
    result = runner.invoke(app, ["report", "belarus-2014", "--out", out], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert message in flat(result.output)
    assert out in flat(result.output)
    assert "Traceback" not in result.output


def test_unknown_scenario_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver.reporting, "case_report", _never)
    result = runner.invoke(app, ["report", "no-such-case", "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "no-such-case" in result.output
    assert not (tmp_path / "r.html").exists()


def test_quick_report_is_written_as_one_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = ReportSizes(robustness_points=16, sobol_base=8)
    monkeypatch.setattr(solver.reporting, "QUICK", sizes)  # smaller still than --quick: this test is about the command
    out = tmp_path / "textbook.html"
    result = runner.invoke(app, ["report", "textbook-deterrence", "--out", str(out), "--quick"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    assert escape("(16 robustness points, Sobol' base 8)") in html
    assert f"wrote {out}" in result.output
