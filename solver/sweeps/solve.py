"""The two numerical steps of a sweep, on whole stacks: payoff matrices of many points, and all their equilibria.

Payoff stacks come from :func:`games.payoff_batch.payoff_stacks` (the model's term formulas evaluated on arrays
of parameter values), equilibria from the compiled batch engine :func:`solver.equilibria.equilibria_batch`
(complete and verified, as :func:`solver.equilibria.equilibria`). Both are elementwise over points, so a
point's result never depends on which other points share its chunk.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from games import Scenario
from games.payoff_batch import payoff_stacks
from solver.equilibria import BatchEquilibria, equilibria_batch

FloatArray = NDArray[np.float64]


def payoff_stack(scenario: Scenario, names: Sequence[str], values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``(A, B)`` stacks of shape ``N × m × n``: the scenario's payoff matrices at each row of ``values``.

    Row ``k`` of ``values`` gives the parameters ``names`` their values at point ``k``; the other parameters
    keep the scenario's point values (:func:`games.payoff_batch.payoff_stacks`).

    Examples
    --------
    >>> from games import build_game, load_scenario
    >>> belarus = load_scenario("belarus-2014")
    >>> a, b = payoff_stack(belarus, ["subsidy_value"], np.array([[7.0], [5.5]]))
    >>> bool(np.allclose(a[0], build_game(belarus).row_payoffs)), a.shape
    (True, (2, 8, 3))
    """
    values = np.asarray(values, dtype=np.float64)
    if not names:  # the scenario's own point, once per row
        a, b = payoff_stacks(scenario, {})
        return np.repeat(a, len(values), axis=0), np.repeat(b, len(values), axis=0)
    return payoff_stacks(scenario, {name: values[:, k] for k, name in enumerate(names)})


def solve_stack(row_payoffs: FloatArray, col_payoffs: FloatArray) -> BatchEquilibria:
    """Every extreme equilibrium (verified, with components and degeneracy) of each game of a stack."""
    return equilibria_batch(row_payoffs, col_payoffs)
