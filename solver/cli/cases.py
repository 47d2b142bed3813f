"""Commands on one case: solve (any view, or a plain .nfg game), explain a cell, export, list the catalogue.

Each command imports the solvers it runs when it runs (``hedge scenarios`` needs no equilibrium solver, and
``hedge solve`` no sweep machinery); the module itself imports only what the options need.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from solver.cli.app import JsonOpt, ScenarioArg, app, choose, fail, scenario_or_exit, stdout_console
from solver.cli.checks import output_file
from solver.cli.view_options import PrecisionOpt, TieBreakingOpt, ViewOpt, chosen_view, view_choice
from solver.views.result import VIEWS

if TYPE_CHECKING:
    from games import Scenario
    from games.gambit_files import StrategicGame
    from solver.equilibria import Method
    from solver.fit import ViewFit
    from solver.views import ViewName, ViewResult

#: The equilibrium methods, in the order of :data:`solver.equilibria.METHODS` (a test holds the two equal):
#: written out so that the command line reads its options without importing the solvers.
METHODS: tuple[Method, ...] = ("labelled-vertices", "nashpy-vertex", "nashpy-support", "lex-pivoting", "auto")


@app.command()
def solve(
    scenario: Annotated[
        str, typer.Argument(help="A shipped scenario id, a scenario .toml path, or a Gambit .nfg game file.")
    ],
    as_json: JsonOpt = False,
    method: Annotated[str, typer.Option(help=f"Equilibrium method: {', '.join(METHODS)}.")] = "auto",
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
    exact: Annotated[
        bool, typer.Option("--exact", help="Two-player Nash view: equilibria in rationals, verified exactly.")
    ] = False,
) -> None:
    """Solve a scenario (or a plain .nfg game): payoffs, every equilibrium, and its hedging-portfolio reading."""
    from solver.analysis import analyse
    from solver.report import render_analysis, render_fit_line, render_view
    from solver.views import get_view

    if method not in METHODS:
        raise fail(f"unknown --method {method!r}; choose one of {', '.join(METHODS)}")
    if exact and method not in ("auto", "labelled-vertices"):
        raise fail(f"--exact enumerates labelled vertices in rationals; drop --method {method} or --exact")
    if scenario.endswith(".nfg"):
        chosen, _ = chosen_view(view, precision, tie_breaking)
        if chosen != "two-player":
            raise fail(f"a .nfg file is solved as a plain two-player game; drop --view {chosen}")
        _solve_nfg(Path(scenario), method, as_json, exact)
        return
    if exact and view != "two-player":
        raise fail(f"--exact applies to the two-player Nash view only, not --view {view}; drop --exact")
    case = scenario_or_exit(scenario)
    chosen, options = view_choice(case, view, precision, tie_breaking)
    if chosen != "two-player":
        try:
            result = get_view(chosen).solve(case, options)
        except ValueError as error:
            raise fail(str(error)) from None
        observed = _observed_fit(case, chosen, result)
        if as_json:
            typer.echo(
                json.dumps({**result.to_document(), "observed_fit": observed and observed.to_document()}, indent=2)
            )
        else:
            render_view(result, stdout_console())
            render_fit_line(observed, stdout_console())
        return
    try:
        analysis = analyse(case, method=method, exact=exact)
    except ValueError as error:  # a game beyond what the method handles, as for the other views
        raise fail(f"{case.id}: {error}") from None
    observed = _observed_fit(case, "two-player")
    if as_json:
        typer.echo(
            json.dumps({**analysis.to_document(), "observed_fit": observed and observed.to_document()}, indent=2)
        )
    else:
        render_analysis(analysis, stdout_console())
        render_fit_line(observed, stdout_console())


def _observed_fit(case: Scenario, view: ViewName, result: ViewResult | None = None) -> ViewFit | None:
    """The fit of the solutions shown (``result``; the view's defaults otherwise), or None without observations."""
    from solver.fit import fit_view

    return None if case.observed is None else fit_view(case, view, result=result)


@app.command()
def fit(
    scenario: ScenarioArg,
    as_json: JsonOpt = False,
    view: Annotated[
        list[str] | None, typer.Option("--view", help=f"Only these views (repeatable): {', '.join(VIEWS)}.")
    ] = None,
) -> None:
    """Hold every declared view against what actually happened (the scenario's observed profile)."""
    from solver.fit import NoObservedProfileError, fit_case
    from solver.report import render_fit

    case = scenario_or_exit(scenario)
    chosen = tuple(choose(v, VIEWS, "--view") for v in view or ())
    undeclared = [v for v in chosen if v not in case.scenario.views]
    if undeclared:
        raise fail(f"scenario {case.id!r} does not declare the view(s) {', '.join(undeclared)}; it lists "
                   f"{', '.join(case.scenario.views)}")  # fmt: skip
    try:
        result = fit_case(case, chosen or None)
    except NoObservedProfileError as error:
        raise fail(str(error)) from None
    if as_json:
        typer.echo(json.dumps(result.to_document(), indent=2))
        return
    console = stdout_console()
    render_fit(result, console)
    for view_fit in result.views:
        console.print(f"  {view_fit.summary()}", highlight=False, markup=False)


def _solve_nfg(path: Path, method: Method, as_json: bool, exact: bool) -> None:
    """Equilibria of a two-player Gambit game file, labelled, without a portfolio reading (it has no scenario)."""
    from games.gambit_files import GameFileError, read_nfg_file
    from solver.equilibria import equilibria

    try:
        game = read_nfg_file(path)
    except GameFileError as error:
        raise fail(str(error)) from None
    if len(game.players) != 2:
        raise fail(f"{path}: {len(game.players)} players; only two-player .nfg games can be solved here")
    try:
        result = equilibria(game.payoffs[0], game.payoffs[1], method=method, exact=exact)
    except ValueError as error:
        raise fail(f"{path}: {error}") from None
    frame = result.to_frame(game.strategies[0], game.strategies[1])
    if as_json:
        records = [
            {**record, **({"exact": eq.exact.to_document()} if eq.exact else {})}
            for record, eq in zip(frame.to_dict(orient="records"), result, strict=True)
        ]
        typer.echo(json.dumps({"game": game.title, "players": list(game.players),
                               "strategies": [list(s) for s in game.strategies], "degenerate": result.degenerate,
                               "equilibria": records}, indent=2))  # fmt: skip
        return
    console = stdout_console()
    console.print(Text.assemble((game.title, "bold"), f": {game.players[0]} (rows) vs {game.players[1]} (columns)"))
    console.print(f"{len(result)} extreme equilibria; degenerate: {result.degenerate}; method {result.method}")
    console.print(frame.to_string())


@app.command()
def export(
    scenario: ScenarioArg,
    file_format: Annotated[
        str, typer.Option("--format", help="nfg (strategic form) or efg (sequential view).")
    ] = "nfg",
    view: Annotated[str, typer.Option(help="For nfg: two-player, bayesian or three-player.")] = "two-player",
    out: Annotated[
        Path | None, typer.Option(callback=output_file(), help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Write a scenario's game as a Gambit file: .nfg for a strategic view, .efg for the sequential view."""
    from games import build_game
    from games.gambit_files import write_nfg

    case = scenario_or_exit(scenario)
    chosen_format = choose(file_format, ("nfg", "efg"), "--format")
    try:
        if chosen_format == "efg":
            text = build_game(case).to_efg()
        else:
            strategic_views = ("two-player", "bayesian", "three-player")
            chosen = choose(view, strategic_views, "--view")
            text = write_nfg(_strategic(case, chosen), comment=f"{case.id} ({chosen} view), hash {case.content_hash}")
    except ValueError as error:
        raise fail(str(error)) from None
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _strategic(case: Scenario, view: str) -> StrategicGame:
    """The strategic form of one view of ``case``: two-player, bayesian or three-player."""
    from games import build_game
    from games.bayesian import build_bayesian_game
    from games.three_player import build_three_player_game

    if view == "bayesian":
        return build_bayesian_game(case).to_strategic()
    if view == "three-player":
        return build_three_player_game(case).to_strategic()
    return build_game(case).to_strategic()


@app.command()
def explain(
    scenario: ScenarioArg,
    row: Annotated[str, typer.Argument(help="Instrument id, label or index.")],
    col: Annotated[str, typer.Argument(help="Response id, label or index.")],
    as_json: JsonOpt = False,
) -> None:
    """Decompose one payoff cell into named terms that sum to it."""
    from games import build_game
    from solver.report import render_explanation

    case = scenario_or_exit(scenario)
    try:
        explanation = build_game(case).explain(row, col)
    except KeyError as error:
        raise fail(str(error.args[0])) from None
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
        render_explanation(explanation, case, stdout_console())


@app.command()
def scenarios(as_json: JsonOpt = False) -> None:
    """List the shipped scenario catalogue."""
    from games import catalogue
    from solver.report import render_catalogue

    shipped = catalogue()
    if as_json:
        typer.echo(json.dumps([
            {"id": s.id, "year": s.scenario.year, "small_state": s.scenario.small_state, "patron": s.scenario.patron,
             "second_pole": s.scenario.second_pole, "title": s.scenario.title, "views": list(s.scenario.views),
             "observed": s.observed is not None}
            for s in shipped.values()
        ], indent=2))  # fmt: skip
        return
    render_catalogue(shipped, stdout_console())


@app.command("version")
def show_version() -> None:
    """Print the package version."""
    from solver.analysis import package_version

    typer.echo(package_version())
