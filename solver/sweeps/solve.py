"""The two numerical steps of a sweep: payoff matrices for many parameter points, and all their equilibria.

Both work on stacks (``N × m × n`` arrays), so that a batched payoff builder or equilibrium engine can be
dropped in without touching the rest of the sweep.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from games import Scenario, payoff_matrices
from solver.equilibria import EquilibriumSet, equilibria

FloatArray = NDArray[np.float64]


def payoff_stack(scenario: Scenario, names: Sequence[str], values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``(A, B)`` stacks of shape ``N × m × n``: the scenario's payoff matrices at each row of ``values``.

    Row ``k`` of ``values`` gives the parameters ``names`` their values at point ``k``; the other parameters
    keep the scenario's point values. Each point is checked against the parameters' domains
    (:meth:`games.Scenario.with_values`).
    """
    pairs = [payoff_matrices(scenario.with_values(**dict(zip(names, map(float, row), strict=True)))) for row in values]
    m, n = len(scenario.instruments), len(scenario.responses)
    row_payoffs = np.array([a for a, _ in pairs], dtype=np.float64).reshape(len(pairs), m, n)
    col_payoffs = np.array([b for _, b in pairs], dtype=np.float64).reshape(len(pairs), m, n)
    return row_payoffs, col_payoffs


def solve_stack(row_payoffs: FloatArray, col_payoffs: FloatArray) -> list[EquilibriumSet]:
    """Every extreme equilibrium (verified, with components and degeneracy) of each game of a stack."""
    return [equilibria(a, b) for a, b in zip(row_payoffs, col_payoffs, strict=True)]
