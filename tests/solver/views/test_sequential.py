"""The sequential view's stack solver equals backward induction point by point, ties included."""

from __future__ import annotations

import numpy as np

from games import load_scenario
from games.payoff_batch import payoff_stack
from solver.views import ViewOptions
from solver.views.base import PointByPoint
from solver.views.result import PointSolutions
from solver.views.sequential import SequentialView, backward_induction_stack


def _by_point(solutions: PointSolutions) -> list[list[tuple[float, ...]]]:
    table = np.hstack([solutions.small_state, solutions.patron, solutions.small_state_payoff[:, None]]).round(9)
    return [sorted(map(tuple, table[a:b])) for a, b in zip(solutions.offsets[:-1], solutions.offsets[1:], strict=True)]


def test_the_stack_equals_point_by_point_with_and_without_ties() -> None:
    scenario = load_scenario("textbook-deterrence")
    names = ("enforcement_cost", "red_line_stake")
    grid = np.array([[c, s] for c in np.linspace(0.0, 30.0, 7) for s in np.linspace(0.0, 30.0, 7)])
    view = SequentialView()
    _, _, tied = backward_induction_stack(*payoff_stack(scenario, names, grid))
    assert tied.any()  # the grid crosses indifference lines, where several SPE exist
    assert not tied.all()
    fast = view.solve_points(scenario, names, grid, ViewOptions())
    exact = PointByPoint.solve_points(view, scenario, names, grid, ViewOptions())
    assert _by_point(fast) == _by_point(exact)
    assert (fast.counts[~tied] == 1).all()
    assert fast.counts[tied].sum() > tied.sum()  # some tied points have several SPE
