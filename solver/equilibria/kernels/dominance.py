"""Strict dominance between pure strategies, as constraints of the best-response polytopes never tight.

Constraint ``j`` of ``{z ≥ 0 : Cᵀz ≤ 1}`` is strictly dominated on a support ``S`` when some ``j'`` has
``C[i, j] < C[i, j']`` for every ``i ∈ S``. Then ``(Cᵀz)_j < (Cᵀz)_{j'} ≤ 1`` for every ``z ≠ 0`` supported on
``S``, so no vertex with support ``S`` has ``j`` among its tight constraints and basis enumeration can skip
every basis ``(S, T)`` with ``j ∈ T``. For ``P = {x ≥ 0 : Bᵀx ≤ 1}`` this is a column strategy strictly
dominated against the row player's support (von Stengel 2002, §3; Fudenberg & Tirole 1991, §2.1); dominance
on *all* rows makes the constraint redundant for the whole polytope.

Iterated elimination across the players (:func:`surviving_strategies`) keeps every equilibrium, so the
vertices worth storing are those supported on the survivors; but it drops vertices of ``P`` and ``Q`` that
decide whether the full game is degenerate, which this package reports, so the polytopes are still scanned
with the within-polytope rule above for that question.

Consistency with the labelled-vertex method's tolerance ``tol`` on the normalised polytopes (payoffs mapped
onto ``[1, 2]``, so ``Σz ≥ 1/2`` at every non-zero vertex): dominance is required by the margin ``4·tol``, so a
dominated constraint stays at least ``2·tol`` below 1 wherever it is skipped.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.jit import compiled

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Dominance must hold by this multiple of the polytope tolerance (see the module docstring).
MARGIN_PER_TOLERANCE = 4.0


@compiled
def row_dominance(constraints: FloatArray, margin: float) -> IntArray:
    """Bit masks ``D[i, j]`` of the constraints ``j'`` beating ``j`` in row ``i``: ``C[i, j] + margin < C[i, j']``."""
    d, e = constraints.shape
    beaten_by = np.zeros((d, e), dtype=np.int64)
    for i in range(d):
        for j in range(e):
            for other in range(e):
                if constraints[i, j] + margin < constraints[i, other]:
                    beaten_by[i, j] |= 1 << other
    return beaten_by


@compiled
def redundant_constraints(beaten_by: IntArray) -> int:
    """Bit mask of the constraints strictly dominated on every row: never tight anywhere on the polytope.

    ``beaten_by`` is :func:`row_dominance` of the polytope's constraints.
    """
    redundant = 0
    for j in range(beaten_by.shape[1]):
        common = (1 << beaten_by.shape[1]) - 1
        for i in range(beaten_by.shape[0]):
            common &= beaten_by[i, j]
        if common:
            redundant |= 1 << j
    return redundant


@compiled
def dominated_in(beaten_by: IntArray, support: int, tight: int) -> bool:
    """Whether a constraint of ``tight`` is strictly dominated on ``support`` (both bit masks).

    Constraint ``j`` is dominated on ``S`` when one ``j'`` beats it in every row of ``S``: the intersection over
    ``i ∈ S`` of ``beaten_by[i, j]`` (:func:`row_dominance`) is not empty.
    """
    rest = tight
    while rest:
        j = 0
        while not (rest >> j) & 1:
            j += 1
        rest &= ~(1 << j)
        common = -1
        for i in range(beaten_by.shape[0]):
            if (support >> i) & 1:
                common &= beaten_by[i, j]
        if common:
            return True
    return False


@compiled
def dominated_on(constraints: FloatArray, support: int, candidates: int, margin: float) -> int:
    """Mask of the ``candidates`` constraints strictly dominated, on the rows in ``support``, by another candidate."""
    d, e = constraints.shape
    dominated = 0
    for j in range(e):
        if not (candidates >> j) & 1:
            continue
        for other in range(e):
            if other == j or not (candidates >> other) & 1:
                continue
            beaten = True
            for i in range(d):
                if (support >> i) & 1 and constraints[i, j] + margin >= constraints[i, other]:
                    beaten = False
                    break
            if beaten:
                dominated |= 1 << j
                break
    return dominated


@compiled
def surviving_strategies(p_constraints: FloatArray, q_constraints: FloatArray, margin: float) -> tuple[int, int]:
    """Row and column strategies (bit masks) surviving iterated elimination of strictly dominated strategies.

    ``p_constraints`` is ``B`` (rows × columns) and ``q_constraints`` is ``Aᵀ``, both normalised. A row is removed
    when another surviving row beats it, in ``A``, on every surviving column, and a column likewise in ``B``;
    no equilibrium plays a removed strategy (Fudenberg & Tirole 1991, §2.1), so every extreme equilibrium is a
    pair of vertices supported on the survivors.
    """
    rows = (1 << p_constraints.shape[0]) - 1
    cols = (1 << p_constraints.shape[1]) - 1
    while True:
        rows_out = dominated_on(q_constraints, cols, rows, margin)
        rows &= ~rows_out
        cols_out = dominated_on(p_constraints, rows, cols, margin)
        cols &= ~cols_out
        if not rows_out and not cols_out:
            return rows, cols
