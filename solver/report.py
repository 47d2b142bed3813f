"""Human-readable reports of an analysis for the terminal (rich tables)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # what is rendered: `hedge scenarios` and `hedge explain` need none of the solvers
    from games import CellExplanation, Scenario
    from solver.analysis import CaseAnalysis
    from solver.fit import CaseFit, ViewFit
    from solver.portfolio import PortfolioReading
    from solver.structure import StructuralDiagnostics
    from solver.views import ViewResult


def bimatrix_table(analysis: CaseAnalysis) -> Table:
    """Both payoff matrices in one table, cells ``small state , patron``, with instrument and response names."""
    game, info = analysis.game, analysis.scenario.scenario
    table = Table(title=f"Payoffs ({info.small_state}, {info.patron}), bn USD/yr", title_justify="left")
    table.add_column(f"{info.small_state} \\ {info.patron}")
    for label in game.col_labels:
        table.add_column(label, justify="center")
    for i, label in enumerate(game.row_labels):
        table.add_row(
            label, *(f"{game.row_payoffs[i, j]:.3f} , {game.col_payoffs[i, j]:.3f}" for j in range(game.shape[1]))
        )
    return table


def _mix(weights: dict[str, float]) -> str:
    return ", ".join(f"{name} {w:.3f}" for name, w in weights.items() if w > 0)


def reading_panel(title: str, reading: PortfolioReading, context: list[str]) -> Panel:
    """One solution: ``context`` lines (who plays what, payoffs), weights, measures, the three filters, the label."""
    weights = Table(show_header=True, box=None, padding=(0, 1))
    weights.add_column("instrument")
    weights.add_column("weight", justify="right")
    for name, w in reading.weights.items():
        weights.add_row(name, f"{w:.3f}" if w > 0 else "·")
    measures = Table(show_header=False, box=None, padding=(0, 1))
    for name, value in reading.measures.items():
        measures.add_row(name.replace("_", " "), f"{value:.3f}")
    filters = Table(show_header=False, box=None, padding=(0, 1))
    for verdict in reading.filters:
        mark = Text("pass", style="green") if verdict.passed else Text("fail", style="red")
        filters.add_row(verdict.name, mark, verdict.reason)
    body: list[RenderableType] = [
        *(Text(line) for line in context),
        weights,
        measures,
        filters,
        Text.assemble(("label: ", "bold"), (reading.label.upper(), "bold cyan"), f" — {reading.label_reason}"),
        Text(
            "label stable with every threshold moved by ±10%"
            if reading.label_stable
            else f"label flips when moving: {', '.join(reading.fragile_under)}",
            style="green" if reading.label_stable else "yellow",
        ),
        Text(f"weights pinned by {reading.pinned_by}", style="dim"),
    ]
    return Panel(Group(*body), title=title, title_align="left")


def _equilibrium_context(analysis: CaseAnalysis, index: int, reading: PortfolioReading) -> list[str]:
    eq, info = analysis.equilibria[index], analysis.scenario.scenario
    return [
        f"{info.patron} plays: {_mix(reading.patron_response)}",
        f"payoffs: {info.small_state} {eq.row_payoff:.3f}, {info.patron} {eq.col_payoff:.3f}; max relative regret "
        f"{eq.max_regret:.1e}; component {eq.component}",
    ]


def render_view(result: ViewResult, console: Console) -> None:
    """Print one view's solutions with their readings and the view's notes (credibility, second pole, …)."""
    info = result.game.scenario.scenario
    console.print(Text.assemble((info.title, "bold"), f" — {result.view} view: {result.concept}"))
    for note in result.notes:
        console.print(f"  {note}")
    for index, reading in enumerate(result.readings):
        context = [f"{info.patron} plays: {_mix(reading.patron_response)}"]
        console.print(reading_panel(f"solution {index}", reading, context))


def render_structure(structure: StructuralDiagnostics, console: Console) -> None:
    """Print the strategies that can never be chosen anywhere in the plausible box (or say there are none)."""
    box = f"{len(structure.factors)} parameters, {structure.vertices:,} vertices"
    if not structure.never_chosen:
        console.print(f"no instrument or response is strictly dominated over the whole plausible box ({box})")
        return
    console.print(f"never chosen anywhere in the plausible box ({box}; simultaneous game):", style="yellow")
    for finding in structure.never_chosen:
        console.print(f"  {finding.player.replace('_', ' ')}: {finding.describe()}", highlight=False, markup=False)


def render_fit_line(fit: ViewFit | None, console: Console) -> None:
    """One line comparing the view's solutions with what was observed (or that nothing was observed)."""
    if fit is None:
        console.print("observed: this scenario has no [observed] profile to compare with", style="dim", markup=False)
        return
    console.print(f"observed vs model — {fit.summary()}", style="bold", highlight=False, markup=False)


def render_fit(fit: CaseFit, console: Console) -> None:
    """The observed-vs-model table: one row per view, then each view's one-line summary."""
    observed = fit.observed
    console.print(
        Text.assemble((fit.scenario.scenario.title, "bold"), f" — observed {observed.period} ({observed.years} years)")
    )
    console.print(f"pursued: {', '.join(observed.pursued)}", highlight=False, markup=False)
    console.print(f"not pursued: {', '.join(observed.not_pursued) or 'none recorded'}", highlight=False, markup=False)
    table = Table(title="Observed profile against each view", title_justify="left")
    columns = ("view", "solutions", "observed is a solution", "nearest distance", "missed", "stray weight",
               "patron distance", "ℓ(0)", "best ℓ (κ)", "gain")  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column in ("view", "missed") else "right", overflow="fold")
    for _, row in fit.to_frame().iterrows():
        table.add_row(
            str(row["view"]),
            str(row["solutions"]),
            "yes" if row["observed_is_solution"] else "no",
            f"{row['distance']:.2f}",
            str(row["missed"]) or "—",
            f"{row['stray_weight']:.2f}",
            "—" if row["patron_distance"] != row["patron_distance"] else f"{row['patron_distance']:.2f}",
            *(
                ("—", "—", "—")
                if row["loglik_gain"] != row["loglik_gain"]
                else (
                    f"{row['loglik_uniform']:.2f}",
                    f"{row['loglik_best']:.2f} ({row['best_kappa']:g})",
                    f"{row['loglik_gain']:+.2f}",
                )
            ),
        )
    console.print(table)
    console.print(
        "distance = share of pursued instruments missed + weight on instruments not pursued + patron's (and second "
        "pole's) total-variation distance; ℓ: log-likelihood under the view's logit QRE at λ = κ / payoff span",
        style="dim",
    )


def render_analysis(analysis: CaseAnalysis, console: Console) -> None:
    """Print the labelled payoff matrices, every equilibrium and its hedging reading."""
    scenario, game, result = analysis.scenario, analysis.game, analysis.equilibria
    info = scenario.scenario
    console.print(Text.assemble((info.title, "bold"), f" ({scenario.id}, hash {scenario.content_hash[:12]})"))
    console.print(f"{info.small_state} (rows) between {info.patron} (columns) and {info.second_pole}")
    console.print(bimatrix_table(analysis))
    status = "degenerate" if result.degenerate else "non-degenerate"
    console.print(
        Text.assemble(
            f"{len(result)} extreme equilibri{'um' if len(result) == 1 else 'a'} in {len(result.components)} "
            f"component(s); game is {status}; method {result.method}",
            ("" if result.complete else " (may be incomplete)", "yellow"),
        )
    )
    for witness in result.degeneracy_witnesses:
        own, other = (
            (game.row_labels, game.col_labels) if witness.player == "row" else (game.col_labels, game.row_labels)
        )
        console.print(f"  degeneracy: {witness.describe(own, other)}", style="yellow")
    render_structure(analysis.structure, console)
    for index, reading in enumerate(analysis.readings):
        console.print(reading_panel(f"equilibrium {index}", reading, _equilibrium_context(analysis, index, reading)))


def render_explanation(explanation: CellExplanation, scenario: Scenario, console: Console) -> None:
    """Print a cell's payoff decomposition: one line per named term, with each player's total."""
    info = scenario.scenario
    table = Table(title=f"{explanation.instrument} × {explanation.response}", title_justify="left")
    for column in ("player", "term", "formula"):
        table.add_column(column)
    table.add_column("value", justify="right")
    names = {"small_state": info.small_state, "patron": info.patron}
    for player, term, formula, value in explanation.terms:
        table.add_row(names[player], term, formula, f"{value:.4f}")
    table.add_section()
    table.add_row(info.small_state, "total", "", f"{explanation.small_state:.4f}", style="bold")
    table.add_row(info.patron, "total", "", f"{explanation.patron:.4f}", style="bold")
    console.print(table)


def render_catalogue(scenarios: dict[str, Scenario], console: Console) -> None:
    """One line per shipped scenario; the id, which a user types next, is never truncated or wrapped."""
    table = Table(title="Shipped scenarios", title_justify="left")
    table.add_column("id", no_wrap=True, min_width=max(len(scenario_id) for scenario_id in scenarios))
    for column in ("year", "small state", "patron", "second pole", "title"):
        table.add_column(column, overflow="fold")
    for scenario in scenarios.values():
        info = scenario.scenario
        table.add_row(scenario.id, str(info.year), info.small_state, info.patron, info.second_pole, info.title)
    console.print(table)
