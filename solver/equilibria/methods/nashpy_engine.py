"""nashpy's equilibrium algorithms behind the safeguards this project needs.

nashpy (Knight & Campbell 2018) is used as published, with three safeguards around it:

* **cleaning**: probabilities within the tolerance of zero (nashpy's vertex enumeration returns values such as
  ``-5.6e-17``) are set to zero and the strategies renormalised;
* **verification**: every profile must pass the regret check (:mod:`solver.equilibria.core.verification`);
  duplicates are merged;
* **honesty about completeness**: nashpy's support enumeration applies no tolerance to the sign of the solved
  probabilities and only considers supports of equal size, so it misses equilibria of ordinary float games and
  of every degenerate game; its vertex enumeration relies on Qhull's halfspace intersection. Results from
  either are marked ``complete=False``; the labelled-vertex method is the complete one. The degeneracy report
  comes from this project's polytope enumeration, which nashpy does not provide.

nashpy is imported when one of its methods is first run, so that ``import solver.equilibria`` does not pay
for it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.assembly import build_equilibrium_set, degeneracy_witnesses
from solver.equilibria.core.polytope import DEFAULT_TOLERANCE, best_response_vertices
from solver.equilibria.core.result import EquilibriumSet
from solver.equilibria.core.verification import REGRET_TOLERANCE, relative_regret

FloatArray = NDArray[np.float64]
NashpyMethod = Literal["vertex", "support"]


class NashpyError(RuntimeError):
    """nashpy raised an error on a game (Qhull and linear programs fail on some degenerate polytopes)."""


def clean_strategy(strategy: FloatArray, tol: float = DEFAULT_TOLERANCE) -> FloatArray:
    """Set entries with ``|p| ≤ tol`` to zero and renormalise to sum one."""
    cleaned = np.where(np.abs(strategy) <= tol, 0.0, np.asarray(strategy, dtype=np.float64))
    return np.asarray(cleaned / cleaned.sum(), dtype=np.float64)


def _unique_verified(
    row_payoffs: FloatArray, col_payoffs: FloatArray, raw: Iterable[tuple[FloatArray, FloatArray]]
) -> list[tuple[FloatArray, FloatArray]]:
    kept: list[tuple[FloatArray, FloatArray]] = []
    for x_raw, y_raw in raw:
        x, y = clean_strategy(x_raw), clean_strategy(y_raw)
        if (x < 0).any() or (y < 0).any():
            continue
        if relative_regret(row_payoffs, col_payoffs, x, y) > REGRET_TOLERANCE:
            continue
        if any(np.abs(x - a).max() <= 1e-8 and np.abs(y - b).max() <= 1e-8 for a, b in kept):
            continue
        kept.append((x, y))
    return kept


def nashpy_equilibria(
    row_payoffs: FloatArray, col_payoffs: FloatArray, algorithm: NashpyMethod = "vertex"
) -> EquilibriumSet:
    """Equilibria found by nashpy's vertex or support enumeration, cleaned and verified.

    Profiles nashpy returns that fail the regret check after cleaning are dropped, never returned.

    Raises
    ------
    NashpyError
        When nashpy itself raises (e.g. its vertex enumeration on a constant game).
    """
    import nashpy  # here, not at the top: it costs a third of a second to import, and only these methods need it

    game = nashpy.Game(row_payoffs, col_payoffs)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            raw = list(game.vertex_enumeration() if algorithm == "vertex" else game.support_enumeration())
    except Exception as error:  # nashpy and Qhull fail in many ways on degenerate polytopes
        raise NashpyError(
            f"nashpy's {algorithm} enumeration failed on this {row_payoffs.shape[0]}×{row_payoffs.shape[1]} game "
            f"({type(error).__name__}: {error}); use method='labelled-vertices', which is complete"
        ) from error
    p, q = best_response_vertices(row_payoffs, col_payoffs)
    return build_equilibrium_set(
        row_payoffs,
        col_payoffs,
        _unique_verified(row_payoffs, col_payoffs, raw),
        method=f"nashpy-{algorithm}",
        complete=False,
        degeneracy_witnesses=degeneracy_witnesses(p, q),
    )
