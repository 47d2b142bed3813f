"""``hedge report``: one scenario as a self-contained HTML page to send (solver.reporting)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from solver.cli.app import ScenarioArg, app, fail, scenario_or_exit, user_errors
from solver.reporting import FULL, QUICK, case_report, render_page


def writable_html_path(out: Path) -> Path:
    """``out`` if an HTML file can be written there, else exit 2 saying why (checked before any computing)."""
    if out.suffix.lower() not in (".html", ".htm"):
        raise fail(f"--out {out}: the report is an HTML page; give a path ending in .html")
    if out.is_dir():
        raise fail(f"--out {out}: is a directory; give a file path ending in .html")
    folder = out.parent
    if not folder.is_dir():
        raise fail(f"--out {out}: the folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise fail(f"--out {out}: not writable; choose another path")
    return out


@app.command()
def report(
    scenario: ScenarioArg,
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write (overwritten if it exists).")],
    quick: Annotated[
        bool, typer.Option("--quick", help="Small robustness and Sobol' samples: seconds, not minutes.")
    ] = False,
) -> None:
    """Write one self-contained HTML page: sources, payoffs, every view's readings, fit, robustness, Sobol'."""
    path = writable_html_path(out)
    case = scenario_or_exit(scenario)
    with user_errors():
        page = render_page(case_report(case, QUICK if quick else FULL))
    path.write_text(page, encoding="utf-8")
    typer.echo(f"wrote {path} ({len(page.encode('utf-8')) / 1e6:.1f} MB)", err=True)  # a path is never wrapped
