"""The three-player view: small state × patron × second pole, the second pole's support a choice.

Solution concept: Nash equilibria of the star polymatrix game (:func:`games.three_player.build_three_player_game`)
containing every extreme one, through the merged two-player game (:mod:`solver.concepts.three_player`). The notes say
what the second pole plays at each solution. A stack of parameter points is solved with its merged games in one
batch of the compiled engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario
from games.three_player import ThreePlayerGame, build_three_player_game
from solver.concepts.three_player import ThreePlayerEquilibrium, three_player_equilibria, three_player_equilibria_stack
from solver.portfolio import ReadingRules, read_portfolio
from solver.views.base import WITH_SECOND_POLE, PointByPoint, point_scenarios
from solver.views.result import NO_COMPONENT, PointSolutions, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]


class ThreePlayerView(PointByPoint):
    """Small state, patron and second pole each choose; every extreme Nash equilibrium of the star game."""

    name: ClassVar[ViewName] = "three-player"
    parameters: ClassVar[frozenset[str]] = WITH_SECOND_POLE
    batched: ClassVar[bool] = True

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The equilibria with the second pole's play in the notes, each read as a portfolio."""
        three = build_three_player_game(scenario)
        return self._result(three, three_player_equilibria(three), rules)

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """Every point's three-player game built, their merged games solved in one batch."""
        games = [build_three_player_game(case) for case in point_scenarios(scenario, names, values)]
        points = [[(e.row, e.col, (e.payoffs[0], e.payoffs[1]), NO_COMPONENT) for e in found]
                  for found in three_player_equilibria_stack(games)]  # fmt: skip
        return PointSolutions.of_points(
            points, [False] * len(games), len(scenario.instruments), len(scenario.responses)
        )

    def _result(
        self, three: ThreePlayerGame, solutions: tuple[ThreePlayerEquilibrium, ...], rules: ReadingRules | None
    ) -> ViewResult:
        pole = three.scenario.scenario.second_pole
        notes = tuple(
            f"solution {k}: {pole} plays "
            + ", ".join(f"{label} {p:.3f}" for label, p in zip(three.pole_labels, e.pole, strict=True) if p > 0)
            for k, e in enumerate(solutions)
        )
        chosen = self.rules(rules)
        return ViewResult(
            self.name, "Nash equilibrium (three players)", three.two_player, solutions,
            tuple(read_portfolio(three.two_player, e, chosen) for e in solutions), True, notes,
            patron_responses=tuple(e.col for e in solutions),
            payoffs=tuple((e.payoffs[0], e.payoffs[1]) for e in solutions),
            components=(NO_COMPONENT,) * len(solutions),
        )  # fmt: skip
