"""``hedge report``: one scenario as a self-contained HTML page to send (solver.reporting)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from solver.cli.app import ScenarioArg, app, scenario_or_exit, user_errors
from solver.cli.checks import output_file


@app.command()
def report(
    scenario: ScenarioArg,
    out: Annotated[
        Path,
        typer.Option(
            "--out", callback=output_file((".html", ".htm")), help="The HTML file to write (overwritten if it exists)."
        ),
    ],
    quick: Annotated[
        bool, typer.Option("--quick", help="Small robustness and Sobol' samples: seconds, not minutes.")
    ] = False,
) -> None:
    """Write one self-contained HTML page: sources, payoffs, every view's readings, fit, robustness, Sobol'."""
    from solver.reporting import FULL, QUICK, case_report, render_page  # matplotlib, the studies: only here

    case = scenario_or_exit(scenario)
    with user_errors():
        page = render_page(case_report(case, QUICK if quick else FULL))
    out.write_text(page, encoding="utf-8")
    typer.echo(f"wrote {out} ({len(page.encode('utf-8')) / 1e6:.1f} MB)", err=True)  # a path is never wrapped
