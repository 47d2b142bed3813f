"""The two-player view: the small state's instruments against the patron's responses, played simultaneously.

Solution concept: every extreme Nash equilibrium (complete on degenerate games, verified, with components;
:mod:`solver.equilibria`). A stack of parameter points is solved in the compiled batch engine on payoff stacks
evaluated on arrays (:func:`games.payoff_batch.payoff_stacks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario, build_game
from games.payoff_batch import payoff_stack
from solver.portfolio import ReadingRules
from solver.views.base import PointByPoint
from solver.views.nash import nash_result, nash_stack
from solver.views.result import PointSolutions, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]


class TwoPlayerView(PointByPoint):
    """Instruments × responses, simultaneous; every extreme Nash equilibrium."""

    name: ClassVar[ViewName] = "two-player"
    batched: ClassVar[bool] = True

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """Every extreme Nash equilibrium of the scenario's game, each read as a portfolio."""
        return nash_result(self.name, "Nash equilibrium", build_game(scenario), self.rules(rules), lambda col: col)

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """The whole stack in the compiled batch engine (the same equilibria as point by point)."""
        return nash_stack(*payoff_stack(scenario, names, values))
