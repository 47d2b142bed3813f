"""Every extreme Nash equilibrium in exact rationals, each with an exact certificate (``equilibria(exact=True)``).

The labelled-vertex method of :mod:`solver.equilibria.methods.labelled_vertices`, carried out in rational arithmetic:
the payoffs are read as the rationals they are (:mod:`solver.equilibria.core.rationals`), the vertices of the
best-response polytopes ``P = {x ≥ 0 : Bᵀx ≤ 1}`` and ``Q = {y ≥ 0 : Ay ≤ 1}`` (payoffs made positive
integers by a positive affine map) are enumerated exactly (:mod:`solver.equilibria.core.exact_polytope`), and the
completely labelled pairs are the extreme equilibria (von Stengel 2002, Thm. 3.1; Avis et al. 2010, §3). Each
is then certified by comparing every pure strategy's payoff with the equilibrium payoff in rationals
(:mod:`solver.equilibria.core.exact_verification`), and the game is degenerate exactly when some vertex has more
labels than its polytope's dimension (von Stengel 2002, Def. 3.2) — decided without a tolerance, so games
whose payoffs differ at any scale (``1e300`` against ``1``) are solved as written.
"""

from __future__ import annotations

from math import comb
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.assembly import build_equilibrium_set
from solver.equilibria.core.exact_polytope import ExactVertex, exact_polytope_vertices
from solver.equilibria.core.exact_verification import verify_exact
from solver.equilibria.core.rationals import RationalMatrix, positive_integer_form, transpose
from solver.equilibria.core.result import DegeneracyWitness, EquilibriumSet

FloatArray = NDArray[np.float64]

#: Largest ``C(m + n, m) − 1`` (integer systems solved per polytope) the exact method takes on. Measured on
#: the 2-core development machine: random 8 × 8 games 1–3 s, 10 × 10 (184,755 systems) 22–28 s.
EXACT_BASIS_LIMIT = 200_000


def _floats(values: tuple[object, ...] | RationalMatrix) -> FloatArray:
    """Nearest floats of rationals (a vector or a matrix)."""
    return np.array(values, dtype=np.float64)


def _witnesses(
    vertices: list[ExactVertex], player: Literal["row", "column"], dimension: int, responses: int
) -> list[DegeneracyWitness]:
    """The vertices with more labels than ``dimension``, as witnesses of degeneracy."""
    witnesses = []
    for vertex in vertices:
        if vertex.label_count > dimension:
            strategy = vertex.strategy
            witnesses.append(
                DegeneracyWitness(
                    player=player,
                    strategy=_floats(strategy),
                    support_size=sum(1 for p in strategy if p),
                    best_responses=tuple(j for j in range(responses) if vertex.tight >> j & 1),
                    exact_strategy=strategy,
                )
            )
    return witnesses


def exact_equilibria(row_payoffs: RationalMatrix, col_payoffs: RationalMatrix) -> EquilibriumSet:
    """Every extreme Nash equilibrium of ``(A, B)`` in rationals, exactly verified, with components.

    Parameters
    ----------
    row_payoffs, col_payoffs:
        ``m × n`` matrices of exact rationals (:func:`~solver.equilibria.core.rationals.rational_matrix`).

    Raises
    ------
    ValueError
        When ``C(m + n, m) − 1`` exceeds ``EXACT_BASIS_LIMIT``, or a payoff is beyond the float range (the
        result also carries float payoffs).
    """
    m, n = len(row_payoffs), len(row_payoffs[0])
    if comb(m + n, m) - 1 > EXACT_BASIS_LIMIT:
        raise ValueError(
            f"a {m} × {n} game is too large for exact enumeration (C(m + n, m) − 1 = {comb(m + n, m) - 1:,} "
            f"integer systems per polytope, limit {EXACT_BASIS_LIMIT:,}); solve it without exact=True"
        )
    try:
        a, b = _floats(row_payoffs), _floats(col_payoffs)
    except OverflowError:
        raise ValueError("payoffs must lie within the float range (|value| < 1.8e308)") from None
    p = exact_polytope_vertices(positive_integer_form(col_payoffs))
    q = exact_polytope_vertices(positive_integer_form(transpose(row_payoffs)))
    full = (1 << (m + n)) - 1
    q_labels = [(vertex.tight | vertex.zero << m, vertex) for vertex in q]
    certificates = [
        verify_exact(row_payoffs, col_payoffs, x.strategy, y.strategy)
        for x in p
        for labels, y in q_labels
        if (x.zero | x.tight << m | labels) == full
    ]
    return build_equilibrium_set(
        a,
        b,
        [(_floats(c.row), _floats(c.col)) for c in certificates],
        method="exact-labelled-vertices",
        complete=True,
        degeneracy_witnesses=tuple(_witnesses(p, "row", m, n) + _witnesses(q, "column", n, m)),
        exact=certificates,
    )
