"""The sequential view: the patron observes the small state's instrument, then responds.

Solution concept: every pure subgame-perfect equilibrium by backward induction (:mod:`solver.sequential`),
with the credibility of each red line (whether the patron would carry out its threat after the crossing).
"""

from __future__ import annotations

from typing import ClassVar

from games import Scenario, build_game
from solver.portfolio import ReadingRules
from solver.sequential import solve_sequential
from solver.views.base import PointByPoint
from solver.views.result import NO_COMPONENT, ViewName, ViewOptions, ViewResult


class SequentialView(PointByPoint):
    """The patron moves second, having seen the instrument; every pure subgame-perfect equilibrium."""

    name: ClassVar[ViewName] = "sequential"

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """Every pure SPE path read as a portfolio; the notes say which red lines are credible."""
        game = build_game(scenario)
        solution = solve_sequential(game)
        found = solution.equilibria
        return ViewResult(
            self.name, "subgame-perfect equilibrium", game, found, solution.readings(self.rules(rules)), True,
            tuple(r.reason for r in solution.red_lines),
            patron_responses=tuple(eq.col for eq in found),
            payoffs=tuple((eq.row_payoff, eq.col_payoff) for eq in found),
            components=(NO_COMPONENT,) * len(found),
        )  # fmt: skip
