"""Nash equilibria of a bimatrix view (two-player, Bayesian normal form) as one view result or one stack.

Both views solve a bimatrix game with the complete, verified engine of :mod:`solver.equilibria`: one game with
:func:`~solver.equilibria.equilibria`, a stack of games of one shape with
:func:`~solver.equilibria.equilibria_batch` (the same set of extreme equilibria at every point). The players'
payoffs at an equilibrium ``(x, y)`` are ``xᵀAy`` and ``xᵀBy``, summed without BLAS so that a point's figures
do not depend on the other points of its stack.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from games import TwoPlayerGame
from solver.equilibria import equilibria, equilibria_batch
from solver.portfolio import ReadingRules, read_portfolio
from solver.views.result import PointSolutions, ViewName, ViewResult

FloatArray = NDArray[np.float64]

#: The patron's distribution over responses from a column strategy of the view's game.
ResponseMap = Callable[[FloatArray], FloatArray]


def nash_result(
    view: ViewName, concept: str, game: TwoPlayerGame, rules: ReadingRules, responses: ResponseMap
) -> ViewResult:
    """Every extreme Nash equilibrium of ``game``, read, with components and the degeneracy report."""
    result = equilibria(game)
    notes = (f"degenerate game: equilibria form {len(result.components)} component(s)",) if result.degenerate else ()
    found = tuple(result)
    return ViewResult(
        view, concept, game, found, tuple(read_portfolio(game, eq, rules) for eq in found), result.complete, notes,
        patron_responses=tuple(responses(eq.col) for eq in found),
        payoffs=tuple((eq.row_payoff, eq.col_payoff) for eq in found),
        components=tuple(eq.component for eq in found),
        degenerate=result.degenerate,
    )  # fmt: skip


def bilinear(stack: FloatArray, rows: FloatArray, cols: FloatArray) -> FloatArray:
    """``xᵀ M y`` for each row of ``rows``/``cols`` and its game's matrix in ``stack`` (no BLAS)."""
    return np.asarray((rows[:, :, None] * stack * cols[:, None, :]).sum(axis=(1, 2)), dtype=np.float64)


def nash_stack(row_payoffs: FloatArray, col_payoffs: FloatArray, responses: FloatArray | None = None) -> PointSolutions:
    """Every extreme equilibrium of each game of an ``N × m × n`` stack, as point solutions.

    ``responses`` (``n × r``) maps the game's columns to the patron's responses (the plan-to-response
    marginal of the Bayesian normal form); None where the columns are the responses.
    """
    result = equilibria_batch(row_payoffs, col_payoffs)
    game = result.game_index
    return PointSolutions(
        offsets=result.offsets.astype(np.int64),
        small_state=result.rows,
        patron=result.cols if responses is None else (result.cols[:, :, None] * responses).sum(axis=1),
        small_state_payoff=bilinear(row_payoffs[game], result.rows, result.cols),
        patron_payoff=bilinear(col_payoffs[game], result.rows, result.cols),
        components=result.components.astype(np.int64),
        degenerate=result.degenerate,
    )
