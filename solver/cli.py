"""The ``hedge`` command line: solve, explain and list scenarios; sweep, sensitivity, robustness and plots.

User errors (a missing or invalid scenario file, an unknown instrument, a bad sweep specification) print one
message to standard error and exit with status 2, without a traceback. An interrupted sweep exits with 130
and resumes when run again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from matplotlib.axes import Axes
from rich.console import Console
from rich.table import Table

from games import Scenario, ScenarioError, build_game, catalogue, load_scenario
from games.bayesian import build_bayesian_game
from games.gambit_files import GameFileError, StrategicGame, read_nfg, write_nfg
from games.three_player import build_three_player_game
from solver.analysis import analyse, package_version
from solver.equilibria import METHODS, Method, equilibria
from solver.phase import phase_diagram
from solver.plots import plot_phase, plot_sobol, plot_tracks
from solver.report import render_analysis, render_catalogue, render_explanation, render_view
from solver.robustness import robustness
from solver.selection import RULES
from solver.sensitivity import DEFAULT_OUTPUTS, sobol_analysis
from solver.sweeps import (
    DEFAULT_CHUNK_SIZE,
    SweepSpecError,
    SweepStoreError,
    choose_backend,
    make_spec,
    read_sweep,
    run_sweep,
)
from solver.sweeps.spec import SAMPLED, Design
from solver.tracking import track_equilibria
from solver.views import DEFAULT_PRECISION, VIEWS, solve_view

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
    scenario: Annotated[
        str, typer.Argument(help="A shipped scenario id, a scenario .toml path, or a Gambit .nfg game file.")
    ],
    as_json: JsonOpt = False,
    method: Annotated[str, typer.Option(help=f"Equilibrium method: {', '.join(METHODS)}.")] = "auto",
    view: Annotated[str, typer.Option(help=f"View of the scenario: {', '.join(VIEWS)}.")] = "two-player",
    precision: Annotated[float, typer.Option(help="Logit precision λ for --view qre.")] = DEFAULT_PRECISION,
) -> None:
    """Solve a scenario (or a plain .nfg game): payoffs, every equilibrium, and its hedging-portfolio reading."""
    if method not in METHODS:
        raise _fail(f"unknown --method {method!r}; choose one of {', '.join(METHODS)}")
    if scenario.endswith(".nfg"):
        _solve_nfg(Path(scenario), method, as_json)
        return
    chosen = _choice(view, VIEWS, "--view")
    case = _scenario(scenario)
    if chosen != "two-player":
        try:
            result = solve_view(case, chosen, precision=precision)
        except ValueError as error:
            raise _fail(str(error)) from None
        if as_json:
            typer.echo(json.dumps(result.to_document(), indent=2))
        else:
            render_view(result, Console())
        return
    analysis = analyse(case, method=method)
    if as_json:
        typer.echo(json.dumps(analysis.to_document(), indent=2))
    else:
        render_analysis(analysis, Console())


def _solve_nfg(path: Path, method: Method, as_json: bool) -> None:
    """Equilibria of a two-player Gambit game file, labelled, without a portfolio reading (it has no scenario)."""
    try:
        game = read_nfg(path.read_text(encoding="utf-8"), origin=str(path))
    except OSError as error:
        raise _fail(f"{path}: cannot read the game file ({error.strerror}).") from None
    except GameFileError as error:
        raise _fail(str(error)) from None
    if len(game.players) != 2:
        raise _fail(f"{path}: {len(game.players)} players; only two-player .nfg games can be solved here")
    result = equilibria(game.payoffs[0], game.payoffs[1], method=method)
    frame = result.to_frame(game.strategies[0], game.strategies[1])
    if as_json:
        typer.echo(json.dumps({"game": game.title, "players": list(game.players),
                               "strategies": [list(s) for s in game.strategies], "degenerate": result.degenerate,
                               "equilibria": frame.to_dict(orient="records")}, indent=2))  # fmt: skip
        return
    console = Console()
    console.print(f"[bold]{game.title}[/bold]: {game.players[0]} (rows) vs {game.players[1]} (columns)")
    console.print(f"{len(result)} extreme equilibria; degenerate: {result.degenerate}; method {result.method}")
    console.print(frame.to_string())


@app.command()
def export(
    scenario: ScenarioArg,
    file_format: Annotated[
        str, typer.Option("--format", help="nfg (strategic form) or efg (sequential view).")
    ] = "nfg",
    view: Annotated[str, typer.Option(help="For nfg: two-player, bayesian or three-player.")] = "two-player",
    out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None,
) -> None:
    """Write a scenario's game as a Gambit file: .nfg for a strategic view, .efg for the sequential view."""
    case = _scenario(scenario)
    chosen_format = _choice(file_format, ("nfg", "efg"), "--format")
    try:
        if chosen_format == "efg":
            text = build_game(case).to_efg()
        else:
            strategic_views = ("two-player", "bayesian", "three-player")
            chosen = _choice(view, strategic_views, "--view")
            text = write_nfg(_strategic(case, chosen), comment=f"{case.id} ({chosen} view), hash {case.content_hash}")
    except ValueError as error:
        raise _fail(str(error)) from None
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _strategic(case: Scenario, view: str) -> StrategicGame:
    if view == "bayesian":
        return build_bayesian_game(case).to_strategic()
    if view == "three-player":
        three = build_three_player_game(case)
        info = case.scenario
        return StrategicGame(
            title=f"{info.title} (three players)",
            players=(info.small_state, info.patron, info.second_pole),
            strategies=(three.two_player.row_labels, three.two_player.col_labels, three.pole_labels),
            payoffs=three.tensors(),
        )
    return build_game(case).to_strategic()


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


# ---------------------------------------------------------------- sweeps and sensitivity (issue 4)

VaryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--vary",
        help="A varied parameter, repeatable: name=start:stop:count on a grid; name or name=low:high in a sample.",
    ),
]
WorkersOpt = Annotated[int | None, typer.Option(help="Local worker processes (default: all cores; 1 = no pool).")]
SchedulerOpt = Annotated[str | None, typer.Option(help="Address of a Dask scheduler, e.g. tcp://host:8786.")]
DaskLocalOpt = Annotated[int | None, typer.Option("--dask-local", help="Start a local Dask cluster of N workers.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
SeedOpt = Annotated[int, typer.Option(help="Seed of the sample.")]
RuleOpt = Annotated[
    str, typer.Option(help=f"Rule for points with several equilibria: {', '.join(RULES)} (docs/sensitivity.md).")
]


def _scenario(name: str) -> Scenario:
    try:
        return load_scenario(name)
    except ScenarioError as error:
        raise _fail(str(error)) from None


def _choice(value: str, allowed: tuple[Choice, ...], option: str) -> Choice:
    for choice in allowed:
        if value == choice:
            return choice
    raise _fail(f"unknown {option} {value!r}; choose one of {', '.join(allowed)}")


Choice = TypeVar("Choice", bound=str)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn specification, storage and backend errors into one message and exit 2; Ctrl-C into exit 130."""
    try:
        yield
    except (SweepSpecError, SweepStoreError, ScenarioError) as error:
        raise _fail(str(error)) from None
    except KeyboardInterrupt:
        err.print("interrupted: finished chunks are kept; run the same command again to resume")
        raise typer.Exit(code=130) from None


def _save(figure_path: Path, ax: Axes) -> None:
    figure_path.parent.mkdir(parents=True, exist_ok=True)
    ax.get_figure(root=True).savefig(figure_path, dpi=150, bbox_inches="tight")  # type: ignore[union-attr]
    err.print(f"figure written to {figure_path}")


@app.command("sweep")
def sweep_command(
    scenario: ScenarioArg,
    vary: VaryOpt = None,
    out: Annotated[Path | None, typer.Option(help="Output parquet file (resumed if interrupted).")] = None,
    sample: Annotated[str | None, typer.Option(help=f"Sample instead of a grid: {', '.join(SAMPLED)}.")] = None,
    n: Annotated[int | None, typer.Option("--n", help="Sample size.")] = None,
    seed: SeedOpt = 0,
    chunk_size: Annotated[int, typer.Option(help="Parameter points per chunk.")] = DEFAULT_CHUNK_SIZE,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
    overwrite: Annotated[bool, typer.Option(help="Replace an output that holds a different sweep.")] = False,
) -> None:
    """Solve a scenario over a grid or sample of parameters: one parquet row per (point, equilibrium)."""
    case = _scenario(scenario)
    if out is None:
        raise _fail("give the output file: --out runs/NAME.parquet")
    design: Design = _choice(sample, SAMPLED, "--sample") if sample else "grid"
    if scheduler and dask_local:
        raise _fail("give --scheduler or --dask-local, not both")
    with _user_errors():
        spec = make_spec(case, vary or [], design, n, seed)
        backend = choose_backend(workers, scheduler, dask_local)
        report = run_sweep(
            case,
            spec,
            out,
            chunk_size=chunk_size,
            backend=backend,
            progress=False if quiet else None,
            overwrite=overwrite,
        )
    labels = read_sweep(report.path).groupby("point")["label"].agg(lambda s: " | ".join(sorted(set(s))))
    Console().print(
        f"{report.points:,} points ({len(report.computed)} chunks computed, {report.reused} reused"
        + (f", {len(report.discarded)} damaged and redone" if report.discarded else "")
        + f") → {report.path}"
    )
    for phase, count in labels.value_counts().items():
        Console().print(f"  {phase}: {count / report.points:.1%} of points")


@app.command()
def sensitivity(
    scenario: ScenarioArg,
    method: Annotated[str, typer.Option(help="Method of global sensitivity analysis: sobol.")] = "sobol",
    n: Annotated[int, typer.Option("--n", help="Base sample size (power of two); n (d + 2) model runs.")] = 1024,
    vary: VaryOpt = None,
    output: Annotated[
        list[str] | None, typer.Option("--output", help="Measure to analyse, repeatable (default: the main ones).")
    ] = None,
    rule: RuleOpt = "mean",
    seed: SeedOpt = 0,
    out: Annotated[Path | None, typer.Option(help="Write the indices as CSV.")] = None,
    runs: Annotated[Path | None, typer.Option(help="Keep the model runs in this parquet file (resumable).")] = None,
    plot: Annotated[Path | None, typer.Option(help="Bar chart (PNG/SVG) of the first output's indices.")] = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """First-order and total Sobol' indices of the portfolio measures over the plausible parameter box."""
    case = _scenario(scenario)
    _choice(method, ("sobol",), "--method")
    chosen_rule = _choice(rule, RULES, "--rule")
    outputs = tuple(output or DEFAULT_OUTPUTS)
    with _user_errors():
        result = sobol_analysis(
            case,
            n=n,
            factors=vary or None,
            outputs=outputs,
            rule=chosen_rule,
            seed=seed,
            out=runs,
            workers=workers,
            scheduler=scheduler,
            dask_local=dask_local,
            quiet=quiet,
        )
    table = Table(title=f"Sobol' indices, {case.id}: {result.points:,} runs, rule {rule}", title_justify="left")
    for column in ("output", "parameter", "S1", "± S1", "ST", "± ST"):
        table.add_column(column, justify="left" if column in ("output", "parameter") else "right")
    values = result.indices[["S1", "S1_conf", "ST", "ST_conf"]].to_numpy()
    for (name, parameter), row in zip(result.indices.index, values, strict=True):
        table.add_row(str(name), str(parameter), *(f"{value:.3f}" for value in row))
    Console().print(table)
    if result.fallback_points:
        err.print(f"{result.fallback_points} points had no risk-dominant equilibrium; payoff dominance was used")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        result.indices.to_csv(out)
        err.print(f"indices written to {out}")
    if plot is not None:
        _save(plot, plot_sobol(result.indices, outputs[0]))


@app.command("robustness")
def robustness_command(
    scenario: ScenarioArg,
    n: Annotated[int, typer.Option("--n", help="Sample size (a power of two for Sobol').")] = 4096,
    sample: Annotated[str, typer.Option(help=f"Sample design: {', '.join(SAMPLED[:3])}.")] = "sobol",
    vary: VaryOpt = None,
    rule: RuleOpt = "mean",
    seed: SeedOpt = 0,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Share of the plausible parameter box in which each label holds, against the shipped verdict."""
    case = _scenario(scenario)
    design = _choice(sample, SAMPLED[:3], "--sample")
    chosen_rule = _choice(rule, RULES, "--rule")
    with _user_errors():
        report = robustness(
            case,
            n=n,
            design=design,
            factors=vary or None,
            rule=chosen_rule,
            seed=seed,
            workers=workers,
            scheduler=scheduler,
            dask_local=dask_local,
            quiet=quiet,
        )
    table = Table(title=f"Where each label holds in {case.id}'s plausible box", title_justify="left")
    for column in ("label", "every equilibrium", "± 95%", "some equilibrium", f"by rule ({rule})", "verdict"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label, row in report.shares.iterrows():
        table.add_row(
            str(label),
            f"{row['every_equilibrium']:.1%}",
            f"{row['ci95']:.1%}",
            f"{row['some_equilibrium']:.1%}",
            f"{row['by_rule']:.1%}",
            "◀" if row["verdict"] else "",
        )
    Console().print(table)
    Console().print(report.summary())


plot_app = typer.Typer(help="Figures: phase diagrams and equilibrium tracks.", no_args_is_help=True)
app.add_typer(plot_app, name="plot")
FigureOpt = Annotated[Path, typer.Option(help="Figure file; the suffix (.png, .svg, .pdf) picks the format.")]


@plot_app.command("phase")
def plot_phase_command(
    scenario: ScenarioArg,
    x: Annotated[str, typer.Option(help="Horizontal axis: name=start:stop:count.")],
    y: Annotated[str, typer.Option(help="Vertical axis: name=start:stop:count.")],
    out: FigureOpt = Path("phase.png"),
    workers: WorkersOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A 2-D phase diagram: which label holds where; points with several equilibria hatched."""
    case = _scenario(scenario)
    with _user_errors():
        frame = phase_diagram(case, x, y, workers=workers, quiet=quiet)
    names = [axis["name"] for axis in frame.attrs["sweep"]["spec"]["axes"]]
    _save(out, plot_phase(frame, names[0], names[1], mark=(case.value(names[0]), case.value(names[1]))))


@plot_app.command("track")
def plot_track_command(
    scenario: ScenarioArg,
    vary: Annotated[str, typer.Option(help="The moving parameter: name=start:stop:count (a fine grid).")],
    measure: Annotated[str, typer.Option(help="Portfolio measure on the vertical axis.")] = "mean_alignment",
    out: FigureOpt = Path("track.png"),
    workers: WorkersOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Follow each equilibrium as one parameter moves; mark where equilibria appear, vanish or switch label."""
    case = _scenario(scenario)
    with _user_errors():
        tracks = track_equilibria(case, vary, workers=workers, quiet=quiet)
    if measure not in tracks.table.columns:
        raise _fail(f"unknown --measure {measure!r}; choose a column of the sweep table such as mean_alignment")
    for event in tracks.events.itertuples(index=False):
        Console().print(
            f"{tracks.parameter} = {event[0]:g}: equilibrium {event[1]} {event[2]} "
            f"({event[3] or '·'} → {event[4] or '·'})"
        )
    _save(out, plot_tracks(tracks, measure))


def main() -> None:
    """Entry point of the ``hedge`` script."""
    app()
