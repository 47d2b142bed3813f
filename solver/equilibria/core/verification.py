"""Regret of a strategy profile: the check that every returned equilibrium must pass.

For a bimatrix game ``(A, B)`` and a profile ``(x, y)`` the regrets are

    row regret    = max_i (A y)_i − xᵀ A y
    column regret = max_j (xᵀ B)_j − xᵀ B y

and ``(x, y)`` is a Nash equilibrium exactly when both are zero (Nash 1951). Regrets are reported in payoff
units and relative to a *scale* per player, so that one tolerance serves games of any scale:

    row scale = min( max A − min A,  max_i Σ_j |A_ij| y_j )

(likewise for the column player with ``B`` and ``x``; 1 when it is zero). The payoff range alone is not enough
on badly scaled games: in ``A = [[1e300, 0], [0, 1]]`` a regret of 1 (choosing 0 over 1) is 1e-300 of the
range, and was accepted. The second term is the size of the payoffs the comparison is actually made
between — the magnitude a float computation of ``(Ay)_i`` carries its rounding error on — so a regret that
is large compared with the payoffs at stake is refused at any scale, while payoffs offset far from zero
(``1e6 + small``) are still judged by their range.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.jit import compiled, interpreted
from solver.single_games import COMPILED_SINGLE_GAMES

FloatArray = NDArray[np.float64]

#: Largest relative regret accepted for a returned equilibrium.
REGRET_TOLERANCE = 1e-9


class VerificationError(RuntimeError):
    """A computed profile failed the regret check: a bug in an engine, or a game too badly scaled for floats.

    :func:`solver.equilibria.equilibria` answers the second by solving the game exactly.
    """


@compiled
def payoff_range(payoffs: FloatArray) -> float:
    """``max − min`` of a payoff matrix, or 1 for a constant matrix."""
    span = payoffs.max() - payoffs.min()
    return float(span) if span > 0 else 1.0


@compiled
def regrets(row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray) -> tuple[float, float]:
    """Absolute regrets ``(row, column)`` of the profile ``(row, col)``.

    Compiled, so that the batch kernel checks each of its equilibria with this same function.
    """
    m, n = row_payoffs.shape
    row_best, row_value = -np.inf, 0.0
    for i in range(m):
        value = 0.0
        for j in range(n):
            value += row_payoffs[i, j] * col[j]
        row_best = max(row_best, value)
        row_value += row[i] * value
    col_best, col_value = -np.inf, 0.0
    for j in range(n):
        value = 0.0
        for i in range(m):
            value += row[i] * col_payoffs[i, j]
        col_best = max(col_best, value)
        col_value += value * col[j]
    return row_best - row_value, col_best - col_value


@compiled
def regret_scales(
    row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray
) -> tuple[float, float]:
    """The scales ``(row, column)`` the regrets are divided by (see the module docstring), each positive."""
    m, n = row_payoffs.shape
    row_stake, col_stake = 0.0, 0.0
    for i in range(m):
        stake = 0.0
        for j in range(n):
            stake += abs(row_payoffs[i, j]) * col[j]
        row_stake = max(row_stake, stake)
    for j in range(n):
        stake = 0.0
        for i in range(m):
            stake += row[i] * abs(col_payoffs[i, j])
        col_stake = max(col_stake, stake)
    row_scale = min(payoff_range(row_payoffs), row_stake)
    col_scale = min(payoff_range(col_payoffs), col_stake)
    return (row_scale if row_scale > 0 else 1.0), (col_scale if col_scale > 0 else 1.0)


@compiled
def relative_regret(row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray) -> float:
    """Largest regret of the two players, each divided by that player's scale (:func:`regret_scales`)."""
    row_regret, col_regret = regrets(row_payoffs, col_payoffs, row, col)
    row_scale, col_scale = regret_scales(row_payoffs, col_payoffs, row, col)
    return max(row_regret / row_scale, col_regret / col_scale)


def verify_profile(row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray) -> float:
    """Return the relative regret of a profile, raising :class:`VerificationError` if it is not an equilibrium.

    Also checks that both strategies are probability vectors (non-negative, summing to one). Where single games
    are solved without compiled code (:mod:`solver.single_games`), the regret is computed by the same code
    interpreted.
    """
    for name, strategy in (("row", row), ("column", col)):
        if (strategy < 0).any() or abs(float(strategy.sum()) - 1.0) > 1e-12 * len(strategy):
            raise VerificationError(f"{name} strategy {strategy} is not a probability vector")
    check = relative_regret if COMPILED_SINGLE_GAMES.get() else interpreted(relative_regret)
    regret = check(row_payoffs, col_payoffs, row, col)
    if regret > REGRET_TOLERANCE:
        raise VerificationError(f"profile ({row}, {col}) has relative regret {regret:.3g} > {REGRET_TOLERANCE:g}")
    return regret
