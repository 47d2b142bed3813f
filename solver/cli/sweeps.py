"""Commands over many parameter points: sweep, sensitivity, robustness, and the phase and track figures.

Each command imports the studies, pandas, pyarrow, matplotlib or dask when it runs; the module itself imports
only what the options need, so that the other commands of ``hedge`` start without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from solver.cli.app import ScenarioArg, app, choose, err, fail, scenario_or_exit, stdout_console, user_errors
from solver.cli.checks import figure_suffixes, output_file, scheduler_address, table_suffixes
from solver.cli.view_options import PrecisionOpt, TieBreakingOpt, ViewOpt, view_choice
from solver.studies.selection import RULES
from solver.studies.sweeps.spec import DEFAULT_CHUNK_SIZE, SAMPLED

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from games import Scenario
    from solver.studies.robustness import Robustness
    from solver.studies.sweeps.spec import Design
    from solver.views import ViewName, ViewOptions

VaryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--vary",
        help="A varied parameter, repeatable: name=start:stop:count on a grid; name or name=low:high in a sample.",
    ),
]
WorkersOpt = Annotated[
    int | None, typer.Option(min=1, help="Local worker processes (default: all cores; 1 = no pool).")
]
SchedulerOpt = Annotated[
    str | None, typer.Option(callback=scheduler_address, help="Address of a Dask scheduler, e.g. tcp://host:8786.")
]
DaskLocalOpt = Annotated[
    int | None, typer.Option("--dask-local", min=1, help="Start a local Dask cluster of N workers.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
SeedOpt = Annotated[int, typer.Option(help="Seed of the sample.")]
RuleOpt = Annotated[
    str, typer.Option(help=f"Rule for points with several equilibria: {', '.join(RULES)} (docs/sensitivity.md).")
]


def view_settings(view: ViewName, options: ViewOptions) -> dict[str, Any]:
    """The view and the options it uses, for a result table's sidecar."""
    from solver.views import used_options

    return {"view": view, "view_options": used_options(view, options)}


def write_report_table(frame: pd.DataFrame, out: Path, case: Scenario, table: str, settings: dict[str, Any]) -> None:
    """Write a result table (CSV or parquet by extension) with its scenario, version and settings in the sidecar."""
    from solver.analysis import package_version
    from solver.studies.sweeps.tables import sidecar_path, write_table

    metadata = {
        "table": table,
        "scenario": case.id,
        "scenario_hash": case.content_hash,
        "package_version": package_version(),
        "settings": settings,
    }
    with user_errors():
        write_table(frame, out, metadata)
    err.print(f"{table} written to {out} (metadata and checksum in {sidecar_path(out).name})")


def save_figure(figure_path: Path, ax: Axes) -> None:
    """Write the figure of ``ax`` (the suffix of ``figure_path`` picks the format) and say where."""
    ax.get_figure(root=True).savefig(figure_path, dpi=150, bbox_inches="tight")  # type: ignore[union-attr]
    err.print(f"figure written to {figure_path}")


@app.command("sweep")
def sweep_command(
    scenario: ScenarioArg,
    vary: VaryOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            callback=output_file(table_suffixes),
            help="Output table, .parquet or .csv by its extension (resumed if interrupted).",
        ),
    ] = None,
    sample: Annotated[str | None, typer.Option(help=f"Sample instead of a grid: {', '.join(SAMPLED)}.")] = None,
    n: Annotated[int | None, typer.Option("--n", help="Sample size.")] = None,
    seed: SeedOpt = 0,
    chunk_size: Annotated[int, typer.Option(min=1, help="Parameter points per chunk.")] = DEFAULT_CHUNK_SIZE,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
    overwrite: Annotated[bool, typer.Option(help="Replace an output that holds a different sweep.")] = False,
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
) -> None:
    """Solve a scenario in any view over a grid or sample of parameters: one table row per (point, solution)."""
    from solver.studies.sweeps import choose_backend, make_spec, read_sweep, run_sweep
    from solver.views import view_parameters

    case = scenario_or_exit(scenario)
    chosen_view, options = view_choice(case, view, precision, tie_breaking)
    if out is None:
        raise fail("give the output file: --out runs/NAME.parquet (or runs/NAME.csv)")
    design: Design = choose(sample, SAMPLED, "--sample") if sample else "grid"
    with user_errors():
        spec = make_spec(case, vary or [], design, n, seed, known=view_parameters(chosen_view))
        backend = choose_backend(workers, scheduler, dask_local)
        report = run_sweep(
            case,
            spec,
            out,
            view=chosen_view,
            options=options,
            chunk_size=chunk_size,
            backend=backend,
            progress=False if quiet else None,
            overwrite=overwrite,
        )
        table = read_sweep(report.path)
    for note in report.warnings:
        err.print(f"warning: {note}")
    labels = table.groupby("point")["label"].agg(lambda s: " | ".join(sorted(set(s))))
    stdout_console().print(
        f"{report.points:,} points ({len(report.computed)} chunks computed, {report.reused} reused"
        + (f", {len(report.discarded)} damaged and redone" if report.discarded else "")
        + f") → {report.path}"
    )
    for phase, count in labels.value_counts().items():
        stdout_console().print(f"  {phase}: {count / report.points:.1%} of points")


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
    out: Annotated[
        Path | None,
        typer.Option(callback=output_file(table_suffixes), help="Write the indices as a table: .csv or .parquet."),
    ] = None,
    runs: Annotated[
        Path | None,
        typer.Option(
            callback=output_file(table_suffixes), help="Keep the model runs in this .parquet or .csv table (resumable)."
        ),
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(callback=output_file(figure_suffixes), help="Bar chart (PNG/SVG) of the first output's indices."),
    ] = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
) -> None:
    """First-order and total Sobol' indices of the portfolio measures of any view over the plausible box."""
    from solver.plots import plot_sobol
    from solver.studies.sensitivity import DEFAULT_OUTPUTS, sobol_analysis
    from solver.studies.sweeps import choose_backend

    case = scenario_or_exit(scenario)
    chosen_view, options = view_choice(case, view, precision, tie_breaking)
    choose(method, ("sobol",), "--method")
    chosen_rule = choose(rule, RULES, "--rule")
    outputs = tuple(output or DEFAULT_OUTPUTS)
    with user_errors():
        result = sobol_analysis(
            case,
            n=n,
            factors=vary or None,
            outputs=outputs,
            rule=chosen_rule,
            seed=seed,
            out=runs,
            view=chosen_view,
            options=options,
            backend=choose_backend(workers, scheduler, dask_local),
            quiet=quiet,
        )
    title = f"Sobol' indices, {case.id} ({chosen_view} view): {result.points:,} runs, rule {rule}"
    table = Table(title=title, title_justify="left")
    for column in ("output", "parameter", "S1", "± S1", "ST", "± ST"):
        table.add_column(column, justify="left" if column in ("output", "parameter") else "right")
    values = result.indices[["S1", "S1_conf", "ST", "ST_conf"]].to_numpy()
    for (name, parameter), row in zip(result.indices.index, values, strict=True):
        table.add_row(str(name), str(parameter), *(f"{value:.3f}" for value in row))
    stdout_console().print(table)
    if result.fallback_points:
        err.print(f"{result.fallback_points} points had no risk-dominant equilibrium; payoff dominance was used")
    if out is not None:
        settings = {"method": method, "n": n, "points": result.points, "rule": rule, "seed": seed,
                    **view_settings(chosen_view, options)}  # fmt: skip
        parameters = list(dict.fromkeys(result.indices.index.get_level_values("parameter")))
        write_report_table(result.indices.reset_index(), out, case, "sobol indices",
                           {**settings, "parameters": parameters, "outputs": list(outputs)})  # fmt: skip
    if plot is not None:
        save_figure(plot, plot_sobol(result.indices, outputs[0]))


@app.command("robustness")
def robustness_command(
    scenario: ScenarioArg,
    n: Annotated[
        int | None,
        typer.Option(
            "--n", help="Sample size, a power of two for Sobol' (default 4096; 256 for views solved point by point)."
        ),
    ] = None,
    sample: Annotated[str, typer.Option(help=f"Sample design: {', '.join(SAMPLED[:3])}.")] = "sobol",
    vary: VaryOpt = None,
    rule: RuleOpt = "mean",
    seed: SeedOpt = 0,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    dask_local: DaskLocalOpt = None,
    quiet: QuietOpt = False,
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            callback=output_file(table_suffixes), help="Write the shares per label as a table: .csv or .parquet."
        ),
    ] = None,
) -> None:
    """Share of the plausible parameter box in which each label holds in a view, against its shipped verdict."""
    from solver.studies.robustness import robustness
    from solver.studies.sweeps import choose_backend
    from solver.views import get_view

    case = scenario_or_exit(scenario)
    design = choose(sample, SAMPLED[:3], "--sample")
    chosen_rule = choose(rule, RULES, "--rule")
    chosen_view, options = view_choice(case, view, precision, tie_breaking)
    batch = get_view(chosen_view).batched  # stacks solved in the compiled engine: large samples are cheap
    with user_errors():
        try:
            report = robustness(
                case,
                n=(4096 if batch else 256) if n is None else n,
                design=design,
                factors=vary or None,
                rule=chosen_rule,
                seed=seed,
                view=chosen_view,
                options=options,
                backend=choose_backend(workers, scheduler, dask_local),
                quiet=quiet,
            )
        except ValueError as error:
            raise fail(str(error)) from None
    _print_robustness(f"{case.id} ({chosen_view} view)", report, rule)
    if out is not None:
        settings = {"points": report.points, "design": design, "rule": rule, "seed": seed,
                    **view_settings(chosen_view, options)}  # fmt: skip
        write_report_table(report.shares.reset_index(), out, case, "robustness shares",
                           {**settings, "factors": list(report.factors), "verdict": list(report.verdict)})  # fmt: skip


def _print_robustness(case_id: str, report: Robustness, rule: str) -> None:
    table = Table(title=f"Where each label holds in {case_id}'s plausible box", title_justify="left")
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
    stdout_console().print(table)
    main = report.verdict[0]
    moved = Table(title="Label stability with each threshold moved by ±10%", title_justify="left")
    for column in ("moved threshold", "points keeping every label", f"{main} at every equilibrium"):
        first = column == "moved threshold"
        moved.add_column(column, justify="left" if first else "right", overflow="fold" if first else "ellipsis")
    for name, row in report.threshold_stability.iterrows():
        moved.add_row(str(name), f"{row['labels_kept']:.1%}", f"{row[f'{main}_every_equilibrium']:.1%}")
    stdout_console().print(moved)
    stdout_console().print(report.summary())


plot_app = typer.Typer(help="Figures: phase diagrams and equilibrium tracks.", no_args_is_help=True)
app.add_typer(plot_app, name="plot")
FigureOpt = Annotated[
    Path,
    typer.Option(
        callback=output_file(figure_suffixes), help="Figure file; the suffix (.png, .svg, .pdf) picks the format."
    ),
]


@plot_app.command("phase")
def plot_phase_command(
    scenario: ScenarioArg,
    x: Annotated[str, typer.Option(help="Horizontal axis: name=start:stop:count.")],
    y: Annotated[str, typer.Option(help="Vertical axis: name=start:stop:count.")],
    out: FigureOpt = Path("phase.png"),
    workers: WorkersOpt = None,
    quiet: QuietOpt = False,
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
) -> None:
    """A 2-D phase diagram of any view: which label holds where; points with several solutions hatched."""
    from solver.plots import plot_phase
    from solver.studies.phase import phase_diagram
    from solver.studies.sweeps import choose_backend
    from solver.studies.sweeps.spec import SweepSpec

    case = scenario_or_exit(scenario)
    chosen_view, options = view_choice(case, view, precision, tie_breaking)
    with user_errors():
        frame = phase_diagram(
            case, x, y, view=chosen_view, options=options, backend=choose_backend(workers), quiet=quiet
        )
    names = SweepSpec.of_table(frame).names
    save_figure(out, plot_phase(frame, names[0], names[1], mark=(case.value(names[0]), case.value(names[1]))))


@plot_app.command("track")
def plot_track_command(
    scenario: ScenarioArg,
    vary: Annotated[str, typer.Option(help="The moving parameter: name=start:stop:count (a fine grid).")],
    measure: Annotated[str, typer.Option(help="Portfolio measure on the vertical axis.")] = "mean_alignment",
    out: FigureOpt = Path("track.png"),
    workers: WorkersOpt = None,
    quiet: QuietOpt = False,
    view: ViewOpt = "two-player",
    precision: PrecisionOpt = None,
    tie_breaking: TieBreakingOpt = None,
) -> None:
    """Follow each solution of a view as one parameter moves; mark where they appear, vanish or switch label."""
    from solver.plots import plot_tracks
    from solver.studies.sweeps import choose_backend
    from solver.studies.tracking import track_equilibria

    case = scenario_or_exit(scenario)
    chosen_view, options = view_choice(case, view, precision, tie_breaking)
    with user_errors():
        tracks = track_equilibria(
            case, vary, view=chosen_view, options=options, backend=choose_backend(workers), quiet=quiet
        )
    if measure not in tracks.table.columns:
        raise fail(f"unknown --measure {measure!r}; choose a column of the sweep table such as mean_alignment")
    for event in tracks.events.itertuples(index=False):
        stdout_console().print(
            f"{tracks.parameter} = {event[0]:g}: equilibrium {event[1]} {event[2]} "
            f"({event[3] or '·'} → {event[4] or '·'})"
        )
    save_figure(out, plot_tracks(tracks, measure))
