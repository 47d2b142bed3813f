"""The three-player view: small state × patron × second pole, the second pole's support a choice.

Solution concept: Nash equilibria of the star polymatrix game (:func:`games.three_player.build_three_player_game`)
containing every extreme one, through the merged two-player game (:mod:`solver.three_player`). The notes say
what the second pole plays at each solution.
"""

from __future__ import annotations

from typing import ClassVar

from games import Scenario
from games.three_player import build_three_player_game
from solver.portfolio import ReadingRules, read_portfolio
from solver.three_player import three_player_equilibria
from solver.views.base import WITH_SECOND_POLE, PointByPoint
from solver.views.result import NO_COMPONENT, ViewName, ViewOptions, ViewResult


class ThreePlayerView(PointByPoint):
    """Small state, patron and second pole each choose; every extreme Nash equilibrium of the star game."""

    name: ClassVar[ViewName] = "three-player"
    parameters: ClassVar[frozenset[str]] = WITH_SECOND_POLE

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The equilibria with the second pole's play in the notes, each read as a portfolio."""
        three = build_three_player_game(scenario)
        solutions = three_player_equilibria(three)
        pole = scenario.scenario.second_pole
        notes = tuple(
            f"solution {k}: {pole} plays "
            + ", ".join(f"{label} {p:.3f}" for label, p in zip(three.pole_labels, e.pole, strict=True) if p > 0)
            for k, e in enumerate(solutions)
        )
        rules = self.rules(rules)
        return ViewResult(
            self.name, "Nash equilibrium (three players)", three.two_player, solutions,
            tuple(read_portfolio(three.two_player, e, rules) for e in solutions), True, notes,
            patron_responses=tuple(e.col for e in solutions),
            payoffs=tuple((e.payoffs[0], e.payoffs[1]) for e in solutions),
            components=(NO_COMPONENT,) * len(solutions),
        )  # fmt: skip
