"""A scenario's whole two-player analysis in one object: game → equilibria → portfolio readings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from games import Scenario, TwoPlayerGame, build_game
from solver.equilibria import EquilibriumSet, Method, equilibria
from solver.portfolio import PortfolioReading, ReadingRules, read_portfolio
from solver.structure import StructuralDiagnostics, structural_diagnostics

if TYPE_CHECKING:
    import pandas as pd


def package_version() -> str:
    """The installed version of strategic-hedging ("unknown" when run from an uninstalled tree)."""
    try:
        return version("strategic-hedging")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class CaseAnalysis:
    """The labelled game of a scenario, all its extreme equilibria and the reading of each."""

    game: TwoPlayerGame
    equilibria: EquilibriumSet
    readings: tuple[PortfolioReading, ...]

    @property
    def scenario(self) -> Scenario:
        """The analysed scenario."""
        return self.game.scenario

    @cached_property
    def structure(self) -> StructuralDiagnostics:
        """Which instruments and responses are strictly dominated over the whole plausible box
        (:mod:`solver.structure`): they can never be chosen in the simultaneous game."""
        return structural_diagnostics(self.scenario)

    def to_frame(self) -> pd.DataFrame:
        """One row per equilibrium: its component, the portfolio weights, measures, filters and label."""
        import pandas as pd

        rows = []
        for index, (eq, reading) in enumerate(zip(self.equilibria, self.readings, strict=True)):
            row = pd.concat([pd.Series({"equilibrium": index, "component": eq.component}), reading.to_series()])
            rows.append(row)
        return pd.DataFrame(rows).reset_index(drop=True)

    def to_document(self) -> dict[str, Any]:
        """Everything as plain data: scenario name and hash, version, labelled payoffs, equilibria, readings."""
        game, result = self.game, self.equilibria
        return {
            "scenario": {
                "id": self.scenario.id,
                "title": self.scenario.scenario.title,
                "hash": self.scenario.content_hash,
            },
            "package_version": package_version(),
            "players": {"row": self.scenario.scenario.small_state, "column": self.scenario.scenario.patron},
            "instruments": [{"id": i, "label": label} for i, label in zip(game.row_ids, game.row_labels, strict=True)],
            "responses": [{"id": j, "label": label} for j, label in zip(game.col_ids, game.col_labels, strict=True)],
            "payoffs": {"small_state": game.row_payoffs.tolist(), "patron": game.col_payoffs.tolist()},
            "solver": {
                "method": result.method,
                "complete": result.complete,
                "degenerate": result.degenerate,
                "degeneracy": [
                    w.describe(game.row_labels, game.col_labels)
                    if w.player == "row"
                    else w.describe(game.col_labels, game.row_labels)
                    for w in result.degeneracy_witnesses
                ],
            },
            "never_chosen": [asdict(finding) for finding in self.structure.never_chosen],
            "components": [
                {"equilibria": list(c.equilibria), "nash_subsets": list(c.nash_subsets), "isolated": c.is_isolated}
                for c in result.components
            ],
            "equilibria": [
                {
                    "small_state": eq.row.tolist(),
                    "patron": eq.col.tolist(),
                    "payoffs": {"small_state": eq.row_payoff, "patron": eq.col_payoff},
                    "max_regret": eq.max_regret,
                    "component": eq.component,
                    "nash_subsets": list(eq.nash_subsets),
                    "reading": reading.to_dict(),
                    **({"exact": eq.exact.to_document()} if eq.exact else {}),
                }
                for eq, reading in zip(result, self.readings, strict=True)
            ],
        }


def analyse(
    case: Scenario | TwoPlayerGame,
    *,
    method: Method = "auto",
    rules: ReadingRules | None = None,
    exact: bool = False,
) -> CaseAnalysis:
    """Solve a scenario's two-player game and read every extreme equilibrium as a hedging portfolio.

    ``exact`` solves in rationals (:func:`solver.equilibria.equilibria`); each equilibrium's document then has
    an ``"exact"`` entry with every probability and payoff written ``"p/q"``.
    """
    game = case if isinstance(case, TwoPlayerGame) else build_game(case)
    result = equilibria(game, method=method, exact=exact)
    return CaseAnalysis(game=game, equilibria=result, readings=tuple(read_portfolio(game, eq, rules) for eq in result))
