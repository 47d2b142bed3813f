"""The ``hedge`` command line: solve, explain and list scenarios.

User errors (a missing or invalid scenario file, an unknown instrument) print one message to standard error
and exit with status 2, without a traceback.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from games import ScenarioError, build_game, catalogue, load_scenario
from solver.analysis import analyse, package_version
from solver.equilibria import METHODS
from solver.report import render_analysis, render_catalogue, render_explanation

app = typer.Typer(
    help="Strategic hedging: solve small-state/patron games and read equilibria as hedging portfolios.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

ScenarioArg = Annotated[str, typer.Argument(help="A shipped scenario id (see `hedge scenarios`) or a .toml path.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of tables.")]


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code=2)


@app.command()
def solve(
    scenario: ScenarioArg,
    as_json: JsonOpt = False,
    method: Annotated[str, typer.Option(help=f"Equilibrium method: {', '.join(METHODS)}.")] = METHODS[0],
) -> None:
    """Solve a scenario: payoff matrices, every equilibrium, and its hedging-portfolio reading."""
    if method not in METHODS:
        raise _fail(f"unknown --method {method!r}; choose one of {', '.join(METHODS)}")
    try:
        case = load_scenario(scenario)
    except ScenarioError as error:
        raise _fail(str(error)) from None
    analysis = analyse(case, method=method)
    if as_json:
        typer.echo(json.dumps(analysis.to_document(), indent=2))
    else:
        render_analysis(analysis, Console())


@app.command()
def explain(
    scenario: ScenarioArg,
    row: Annotated[str, typer.Argument(help="Instrument id, label or index.")],
    col: Annotated[str, typer.Argument(help="Response id, label or index.")],
    as_json: JsonOpt = False,
) -> None:
    """Decompose one payoff cell into named terms that sum to it."""
    try:
        case = load_scenario(scenario)
        explanation = build_game(case).explain(row, col)
    except ScenarioError as error:
        raise _fail(str(error)) from None
    except KeyError as error:
        raise _fail(str(error.args[0])) from None
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "scenario": case.id,
                    "instrument": explanation.instrument,
                    "response": explanation.response,
                    "terms": [
                        dict(zip(("player", "term", "formula", "value"), t, strict=True)) for t in explanation.terms
                    ],
                    "small_state": explanation.small_state,
                    "patron": explanation.patron,
                },
                indent=2,
            )
        )
    else:
        render_explanation(explanation, case, Console())


@app.command()
def scenarios() -> None:
    """List the shipped scenario catalogue."""
    render_catalogue(catalogue(), Console())


@app.command("version")
def show_version() -> None:
    """Print the package version."""
    typer.echo(package_version())


def main() -> None:
    """Entry point of the ``hedge`` script."""
    app()
