"""The oracles of the equilibrium tests: the package's own exact path, and pygambit as an independent cross-check.

:func:`exact_extreme_equilibria` is ``equilibria(A, B, exact=True)``: the labelled-vertex method in rationals,
each equilibrium certified by an exact best-response check. It shares the labelled-vertex idea with the float
engine but none of its numerics (no tolerance, no float solve), so float mistakes cannot hide behind it.

:func:`gambit_extreme_equilibria` is Gambit's ``enummixed`` in rational arithmetic (pygambit, GPL, the
``oracle`` extra), an implementation by other people; the tests that use it are marked ``gambit`` and are
skipped, saying why, when pygambit is not installed. Float payoffs are converted to the exact rationals they
are (``Fraction(float)``) by both, so each solves precisely the game the engine was given.
"""

from __future__ import annotations

from fractions import Fraction
from types import ModuleType

import numpy as np
import pytest
from numpy.typing import ArrayLike, NDArray

from solver.equilibria import EquilibriumSet, equilibria
from solver.matching import profile_difference

Profile = tuple[NDArray[np.float64], NDArray[np.float64]]

#: Why the ``gambit`` tests are skipped without pygambit.
NO_PYGAMBIT = "pygambit is not installed: pip install -e '.[oracle]' to run the independent Gambit cross-check"

_exact = np.vectorize(Fraction, otypes=[object])


def pygambit() -> ModuleType:
    """The pygambit module, or a skip of the calling test with :data:`NO_PYGAMBIT`."""
    return pytest.importorskip("pygambit", reason=NO_PYGAMBIT)


def exact_extreme_equilibria(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> list[Profile]:
    """Every extreme equilibrium by the package's exact path, as the nearest float arrays."""
    return [(eq.row, eq.col) for eq in equilibria(row_payoffs, col_payoffs, exact=True)]


def gambit_extreme_equilibria(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> list[Profile]:
    """Every extreme equilibrium by Gambit's exact mixed-strategy enumeration, as float arrays.

    On degenerate games ``enummixed`` lists some equilibria more than once (once per basis of a degenerate
    vertex), so the exact profiles are deduplicated before conversion.
    """
    gbt = pygambit()
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
    missing, extra = profile_difference([(eq.row, eq.col) for eq in ours], oracle, atol)
    return [(np.asarray(x), np.asarray(y)) for x, y in missing], [(np.asarray(x), np.asarray(y)) for x, y in extra]
