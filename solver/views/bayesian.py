"""The Bayesian view: instruments × the patron's type-contingent plans (:func:`games.bayesian.build_bayesian_game`).

Solution concept: every extreme Bayesian Nash equilibrium, i.e. every extreme Nash equilibrium of the normal
form (Harsanyi 1967-68). The patron's distribution over responses at a plan distribution ``y`` is ``y M``
with ``M[k, r] = Σ_t p_t 1[plan k gives response r to type t]`` (each type's share by its prior). A stack of
parameter points is evaluated on arrays (:func:`games.bayesian.bayesian_payoff_stack`) and solved at once in the
compiled batch engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario, TwoPlayerGame
from games.bayesian import bayesian_payoff_stack, build_bayesian_game, plan_responses
from solver.portfolio import ReadingRules
from solver.views.base import PointByPoint
from solver.views.nash import nash_result, nash_stack
from solver.views.result import PointSolutions, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]


def response_matrix(game: TwoPlayerGame) -> FloatArray:
    """``M`` (plans × responses): the prior-weighted responses each column of the game assigns.

    The identity where the game's columns are the scenario's responses (any view but the Bayesian one), so
    ``col @ response_matrix(game)`` is the patron's distribution over its responses in every view's game.
    """
    scenario = game.scenario
    responses = [r.id for r in scenario.responses]
    if tuple(game.col_ids) == tuple(responses):
        return np.eye(len(responses))
    priors = [t.prior for t in scenario.patron_types]
    matrix = np.zeros((len(game.col_ids), len(responses)))
    for k, plan in enumerate(game.col_ids):
        for prior, response in zip(priors, plan_responses(plan), strict=True):
            matrix[k, responses.index(response)] += prior
    return matrix


class BayesianView(PointByPoint):
    """Instruments × type-contingent plans; every extreme Bayesian Nash equilibrium."""

    name: ClassVar[ViewName] = "bayesian"
    batched: ClassVar[bool] = True
    per_patron_type: ClassVar[bool] = True

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """Every extreme Bayesian Nash equilibrium, each read as a portfolio."""
        game = build_bayesian_game(scenario)
        matrix = response_matrix(game)
        return nash_result(self.name, "Bayesian Nash equilibrium", game, self.rules(rules), lambda col: col @ matrix)

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """The normal forms of every point evaluated on arrays, the stack solved at once in the batch engine."""
        matrix = response_matrix(build_bayesian_game(scenario))
        return nash_stack(*bayesian_payoff_stack(scenario, names, values), matrix)
