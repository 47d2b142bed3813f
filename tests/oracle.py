"""The exact oracle for equilibrium tests: Gambit's ``enummixed`` in rational arithmetic (pygambit, GPL).

Only the tests import it; the package never does. Float payoffs are converted to the exact rationals they
are (``Fraction(float)``), so the oracle solves precisely the game the engine was given.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pygambit as gbt
from numpy.typing import ArrayLike, NDArray

from solver.equilibria import EquilibriumSet

Profile = tuple[NDArray[np.float64], NDArray[np.float64]]

_exact = np.vectorize(Fraction, otypes=[object])


def gambit_extreme_equilibria(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> list[Profile]:
    """Every extreme equilibrium by Gambit's exact mixed-strategy enumeration, as float arrays.

    On degenerate games ``enummixed`` lists some equilibria more than once (once per basis of a degenerate
    vertex), so the exact profiles are deduplicated before conversion.
    """
    a = np.asarray(row_payoffs, dtype=np.float64)
    b = np.asarray(col_payoffs, dtype=np.float64)
    game = gbt.Game.from_arrays(_exact(a), _exact(b))
    result = gbt.nash.enummixed_solve(game, rational=True)
    row_player, col_player = list(game.players)
    exact = {
        (
            tuple(Fraction(str(eq[s])) for s in row_player.strategies),
            tuple(Fraction(str(eq[s])) for s in col_player.strategies),
        )
        for eq in result.equilibria
    }
    return [(np.array([float(p) for p in x]), np.array([float(q) for q in y])) for x, y in sorted(exact)]


def unmatched(ours: EquilibriumSet, oracle: list[Profile], atol: float = 1e-8) -> tuple[list[Profile], list[Profile]]:
    """Profiles found by only one side: ``(missing from ours, extra in ours)``, matched one to one."""
    remaining = list(oracle)
    extra: list[Profile] = []
    for eq in ours:
        for k, (x, y) in enumerate(remaining):
            if np.allclose(eq.row, x, atol=atol) and np.allclose(eq.col, y, atol=atol):
                del remaining[k]
                break
        else:
            extra.append((eq.row, eq.col))
    return remaining, extra
