"""The sequential view: the patron observes the small state's instrument, then responds.

Solution concept: every pure subgame-perfect equilibrium by backward induction (:mod:`solver.concepts.sequential`),
with the credibility of each red line (whether the patron would carry out its threat after the crossing).

A stack of parameter points is solved on whole arrays: at point ``g`` the patron answers instrument ``i`` with
``r*(g, i) = argmax_r B[g, i, r]`` and the small state picks ``argmax_i A[g, i, r*(g, i)]``. Where either
argmax is tied (within ``10⁻⁹`` of the player's payoff range, as :func:`~solver.concepts.sequential.solve_sequential`
counts ties), the point has several SPE and is solved by that exact enumeration instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario, build_game
from games.payoff_batch import payoff_stack
from solver.concepts.sequential import solve_sequential
from solver.portfolio import ReadingRules
from solver.views.base import PointByPoint
from solver.views.result import NO_COMPONENT, PointSolutions, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Ties within this share of a player's payoff range count as ties (the tolerance of ``solve_sequential``).
TIE_TOLERANCE = 1e-9


def _tied(values: FloatArray, axis: int, scale: FloatArray) -> BoolArray:
    """Whether the maximum along ``axis`` is attained more than once within ``TIE_TOLERANCE × scale``."""
    top = values.max(axis=axis, keepdims=True)
    return np.asarray((values >= top - TIE_TOLERANCE * scale).sum(axis=axis) > 1)


def backward_induction_stack(a: FloatArray, b: FloatArray) -> tuple[IntArray, IntArray, BoolArray]:
    """``(choice, response, tied)`` for each game of ``N × m × n`` stacks: the SPE path of the points without
    ties, and which points have a tie (their ``choice``/``response`` are then one of several SPE paths)."""
    n_games = a.shape[0]
    scale_a = np.maximum(np.ptp(a.reshape(n_games, -1), axis=1), 1.0)[:, None, None]
    scale_b = np.maximum(np.ptp(b.reshape(n_games, -1), axis=1), 1.0)[:, None, None]
    best = b.argmax(axis=2)  # N × m: the patron's answer to each instrument
    values = np.take_along_axis(a, best[:, :, None], axis=2)[:, :, 0]  # N × m
    choice = values.argmax(axis=1)
    tied = _tied(b, 2, scale_b).any(axis=1) | _tied(values, 1, scale_a[:, :, 0])
    response = best[np.arange(n_games), choice]
    return choice.astype(np.int64), response.astype(np.int64), tied


class SequentialView(PointByPoint):
    """The patron moves second, having seen the instrument; every pure subgame-perfect equilibrium."""

    name: ClassVar[ViewName] = "sequential"
    batched: ClassVar[bool] = True

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

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """Backward induction on the whole stack; points with ties by the exact enumeration (module docstring)."""
        a, b = payoff_stack(scenario, names, values)
        choice, response, tied = backward_induction_stack(a, b)
        exact = PointByPoint.solve_points(self, scenario, names, np.asarray(values)[tied], options)
        m, n = a.shape[1:]
        counts = np.ones(len(a), dtype=np.int64)
        counts[tied] = exact.counts
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        point = np.repeat(np.arange(len(a)), counts)
        rows, cols = np.zeros((len(point), m)), np.zeros((len(point), n))
        small, patron = np.empty(len(point)), np.empty(len(point))
        plain = ~tied[point]
        at = np.flatnonzero(~tied)
        rows[plain, choice[at]] = 1.0
        cols[plain, response[at]] = 1.0
        small[plain] = a[at, choice[at], response[at]]
        patron[plain] = b[at, choice[at], response[at]]
        rows[~plain], cols[~plain] = exact.small_state, exact.patron
        small[~plain], patron[~plain] = exact.small_state_payoff, exact.patron_payoff
        return PointSolutions(offsets, rows, cols, small, patron, np.full(len(point), NO_COMPONENT, dtype=np.int64),
                              np.zeros(len(a), dtype=bool))  # fmt: skip
