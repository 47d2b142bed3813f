"""All extreme Nash equilibria of a bimatrix game by enumeration of completely labelled vertex pairs.

A pair ``(x, y) ≠ (0, 0)`` of vertices of the best-response polytopes ``P`` and ``Q`` (see
:mod:`solver.equilibria.core.polytope`) is *completely labelled* when every label ``0 … m + n − 1`` is a label of
``x`` or of ``y``; the extreme Nash equilibria are exactly ``(x / Σx, y / Σy)`` for those pairs (von Stengel
2002, Thm. 3.1 and §3.2; Avis et al. 2010, §3 "EEE"). Nothing here assumes the game is non-degenerate:
vertices with more labels than dimensions are found by basis enumeration, and such a vertex is the witness
that the game is degenerate.
"""

from __future__ import annotations

from math import comb

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.assembly import build_equilibrium_set, degeneracy_witnesses
from solver.equilibria.core.polytope import DEFAULT_TOLERANCE, best_response_vertices, checked_tolerance
from solver.equilibria.core.result import EquilibriumSet

FloatArray = NDArray[np.float64]

#: Largest ``C(m + n, m) − 1`` (systems per polytope) basis enumeration takes on: a 10 × 10 game is 184,755.
BASIS_ENUMERATION_LIMIT = 1_000_000


def check_enumerable(m: int, n: int) -> None:
    """Raise :class:`ValueError` when an ``m × n`` game is too large for basis enumeration."""
    bases = comb(m + n, m) - 1
    if bases > BASIS_ENUMERATION_LIMIT:
        raise ValueError(
            f"a {m} × {n} game is too large for labelled-vertex enumeration ({bases:.3g} systems per polytope, "
            f"limit {BASIS_ENUMERATION_LIMIT:,}); lex-pivoting handles m + n ≤ 62, and 'nashpy-support' searches "
            "larger games without a guarantee of completeness"
        )


def labelled_vertex_equilibria(
    row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float = DEFAULT_TOLERANCE
) -> EquilibriumSet:
    """Every extreme Nash equilibrium of ``(A, B)``, verified, with components and degeneracy.

    Parameters
    ----------
    row_payoffs, col_payoffs:
        ``m × n`` payoff matrices ``A`` (row player) and ``B`` (column player), finite floats.
    tol:
        Tolerance on the normalised polytopes (within
        :data:`~solver.equilibria.core.polytope.TOLERANCE_RANGE`); entries of a strategy at or below it are
        exactly zero.
    """
    check_enumerable(*row_payoffs.shape)
    p, q = best_response_vertices(row_payoffs, col_payoffs, checked_tolerance(tol))
    labels_p = np.hstack([p.zero, p.tight]).astype(np.int64)
    labels_q = np.hstack([q.tight, q.zero]).astype(np.int64)
    missing = (1 - labels_p) @ (1 - labels_q).T
    profiles = [
        (p.points[a] / p.points[a].sum(), q.points[b] / q.points[b].sum()) for a, b in np.argwhere(missing == 0)
    ]
    return build_equilibrium_set(
        row_payoffs,
        col_payoffs,
        profiles,
        method="labelled-vertices",
        complete=True,
        degeneracy_witnesses=degeneracy_witnesses(p, q),
    )
