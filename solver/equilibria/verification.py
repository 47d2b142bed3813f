"""Regret of a strategy profile: the check that every returned equilibrium must pass.

For a bimatrix game ``(A, B)`` and a profile ``(x, y)`` the regrets are

    row regret    = max_i (A y)_i − xᵀ A y
    column regret = max_j (xᵀ B)_j − xᵀ B y

and ``(x, y)`` is a Nash equilibrium exactly when both are zero (Nash 1951). Regrets are reported in payoff
units and relative to each player's payoff range ``max − min`` (1 when the range is zero), so that one
tolerance serves games of any scale.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.jit import compiled

FloatArray = NDArray[np.float64]

#: Largest relative regret accepted for a returned equilibrium.
REGRET_TOLERANCE = 1e-9


class VerificationError(RuntimeError):
    """A computed profile failed the regret check: a bug in an engine, never a property of the game."""


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
def relative_regret(row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray) -> float:
    """Largest regret of the two players, each divided by that player's payoff range."""
    row_regret, col_regret = regrets(row_payoffs, col_payoffs, row, col)
    return max(row_regret / payoff_range(row_payoffs), col_regret / payoff_range(col_payoffs))


def verify_profile(row_payoffs: FloatArray, col_payoffs: FloatArray, row: FloatArray, col: FloatArray) -> float:
    """Return the relative regret of a profile, raising :class:`VerificationError` if it is not an equilibrium.

    Also checks that both strategies are probability vectors (non-negative, summing to one).
    """
    for name, strategy in (("row", row), ("column", col)):
        if (strategy < 0).any() or abs(float(strategy.sum()) - 1.0) > 1e-12 * len(strategy):
            raise VerificationError(f"{name} strategy {strategy} is not a probability vector")
    regret = relative_regret(row_payoffs, col_payoffs, row, col)
    if regret > REGRET_TOLERANCE:
        raise VerificationError(f"profile ({row}, {col}) has relative regret {regret:.3g} > {REGRET_TOLERANCE:g}")
    return regret
