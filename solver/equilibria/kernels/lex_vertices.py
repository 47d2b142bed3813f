"""Every vertex of a best-response polytope by lexicographic pivoting, degenerate polytopes included.

The polytope ``{z ∈ ℝᵈ : z ≥ 0, Cᵀz ≤ 1}`` becomes ``Cᵀz + s = 1`` with slacks ``s ≥ 0``; a basis is a set of
``e`` basic variables and its tableau ``B⁻¹[1 | Cᵀ | I]``. Starting at the origin (all slacks basic), a
depth-first search pivots every non-basic variable into the basis and visits each basis once.

Degeneracy is handled as in lrs (Avis 2000, "lrs: a revised implementation of the reverse search vertex
enumeration algorithm"; Avis, Rosenberg, Savani & von Stengel 2010, §4): the leaving row is chosen by the
*lexicographic* minimum ratio rule — ties in ``b̄_r / t_rv`` are broken by the rows of ``B⁻¹`` divided by
``t_rv`` (Dantzig, Orden & Wolfe 1955). This is the simplex method on the polytope perturbed to
``Cᵀz ≤ 1 + (ε, ε², …)``, which is simple: its vertices are the lexico-feasible bases, its edges are
lexicographic pivots, its graph is connected, and every vertex of the original polytope is one or more of
them. The search therefore reaches every vertex, however many facets meet there, while visiting only
feasible bases — far fewer than the ``Σ_k C(d, k) C(e, k)`` bases that basis enumeration solves.

Labels follow :mod:`solver.equilibria.core.polytope`: ``z_i = 0`` gives bit ``zero_bit + i``, a tight constraint
``(Cᵀz)_j = 1`` (slack zero) bit ``tight_bit + j``; values within ``tol`` of zero count as zero. Constraints
flagged redundant (strictly dominated, :mod:`solver.equilibria.kernels.dominance`) are never tight and are left out of
the tableau.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.int_hash import EMPTY, grown, new_table, slot
from solver.equilibria.kernels.jit import compiled

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Entries of a pivot column at or below this are not candidates for the ratio test. Entries that are zero in
#: exact arithmetic come out near 1e-11 in degenerate tableaux; pivoting on them gave near-singular bases and
#: thousands of spurious vertices (seen on the merged three-player Belarus game), so the bar sits well above.
PIVOT_TOLERANCE = 1e-9


@compiled
def initial_tableau(constraints: FloatArray, kept: IntArray) -> FloatArray:
    """``[1 | Cᵀ | I]`` for the kept constraints: the origin, every slack basic."""
    d = constraints.shape[0]
    e = kept.shape[0]
    tableau = np.zeros((e, 1 + d + e))
    for r in range(e):
        tableau[r, 0] = 1.0
        for i in range(d):
            tableau[r, 1 + i] = constraints[i, kept[r]]
        tableau[r, 1 + d + r] = 1.0
    return tableau


@compiled
def leaving_row(tableau: FloatArray, entering: int, tol: float) -> int:
    """Row leaving the basis when variable ``entering`` enters: lexicographic minimum ratio; ``-1`` if none.

    Compares ``(b̄_r, (B⁻¹)_r) / t_r`` for rows with pivot entry ``t_r = tableau[r, 1 + entering] > 0``;
    ``B⁻¹`` is the slack block of the tableau.
    """
    e = tableau.shape[0]
    first_slack = tableau.shape[1] - e
    column = 1 + entering
    best = -1
    best_ratio = 0.0
    for r in range(e):
        pivot = tableau[r, column]
        if pivot <= PIVOT_TOLERANCE:
            continue
        ratio = tableau[r, 0] / pivot
        if best < 0 or ratio < best_ratio - tol:
            best, best_ratio = r, ratio
            continue
        if ratio > best_ratio + tol:
            continue
        best_pivot = tableau[best, column]
        for c in range(first_slack, first_slack + e):
            here = tableau[r, c] / pivot
            there = tableau[best, c] / best_pivot
            if here < there - tol:
                best, best_ratio = r, ratio
                break
            if here > there + tol:
                break
    return best


@compiled
def refactored(tableau: FloatArray, basic: IntArray, initial: FloatArray) -> None:
    """Overwrite ``tableau`` with ``B⁻¹[1 | Cᵀ | I]`` computed afresh from the original rows for basis ``basic``.

    A depth-first search may pivot thousands of times along one path; recomputing the tableau from the
    original data keeps floating-point error from accumulating along it (lrs avoids the issue with exact
    arithmetic). Gauss–Jordan elimination with partial pivoting on ``[B | 1 | Cᵀ | I]``, in place: for these
    small systems it is several times quicker than a LAPACK call with its copies.
    """
    e = initial.shape[0]
    columns = np.empty((e, e))
    for k in range(e):
        columns[:, k] = initial[:, 1 + basic[k]]
    tableau[:, :] = initial
    for k in range(e):
        best = k
        for r in range(k + 1, e):
            if abs(columns[r, k]) > abs(columns[best, k]):
                best = r
        if best != k:
            for c in range(k, e):
                columns[k, c], columns[best, c] = columns[best, c], columns[k, c]
            for c in range(tableau.shape[1]):
                tableau[k, c], tableau[best, c] = tableau[best, c], tableau[k, c]
        scale = 1.0 / columns[k, k]
        for c in range(k, e):
            columns[k, c] *= scale
        for c in range(tableau.shape[1]):
            tableau[k, c] *= scale
        for r in range(e):
            factor = columns[r, k]
            if r == k or factor == 0.0:
                continue
            for c in range(k, e):
                columns[r, c] -= factor * columns[k, c]
            for c in range(tableau.shape[1]):
                tableau[r, c] -= factor * tableau[k, c]


@compiled
def basis_key(basic: IntArray) -> int:
    """The basis as a bit mask of its basic variables."""
    key = 0
    for variable in basic:
        key |= 1 << variable
    return key


@compiled
def vertex_labels(
    tableau: FloatArray, basic: IntArray, kept: IntArray, zero_bit: int, tight_bit: int, tol: float, z: FloatArray
) -> int:
    """Write the basis's vertex into ``z`` and return its label mask.

    Every kept constraint is tight except those whose slack is basic and positive; every ``z_i`` is zero except
    the basic and positive ones.
    """
    d = z.shape[0]
    e = basic.shape[0]
    z[:] = 0.0
    mask = 0
    for r in range(e):
        mask |= 1 << (tight_bit + kept[r])
    for r in range(e):
        value = tableau[r, 0]
        if basic[r] < d:
            z[basic[r]] = value if value > tol else 0.0
        elif value > tol:
            mask &= ~(1 << (tight_bit + kept[basic[r] - d]))
    for i in range(d):
        if z[i] == 0.0:
            mask |= 1 << (zero_bit + i)
    return mask


@compiled
def polytope_vertex_labels(
    constraints: FloatArray, redundant: int, zero_bit: int, tight_bit: int, tol: float
) -> tuple[FloatArray, IntArray]:
    """Every non-zero vertex of ``{z ≥ 0 : Cᵀz ≤ 1}`` (``C`` positive, ``d × e``) and its label mask.

    Returns ``(points, masks)``: ``points[v]`` the vertex (entries within ``tol`` of zero exactly zero),
    ``masks[v]`` its labels. Each vertex appears once, at the first basis that reached it.

    The search walks one tableau along the depth-first tree; at every step, down or back, the tableau of the
    new basis is recomputed from the original rows (:func:`refactored`), so no tableau carries the rounding
    error of the pivots before it. Stepping by a pivot down and the inverse pivot back, refactoring every 32
    steps, was 2.5× faster (0.21 against 0.52 s CPU on a 15×15 game), but the error those pivots accumulate sent
    the walk of a merged three-player Belarus game (the three-player view's Sobol' point 7739) to 3,314
    spurious "vertices" instead of its 20, some with a zero sum; a walk that bounds its drift (refactoring when
    the tableau's residual against the original rows grows) would earn the speed back safely, and is not built.
    The stack holds, per depth, only the next variable to try, the row pivoted on and the variable that left
    there.
    """
    d = constraints.shape[0]
    kept_list = [j for j in range(constraints.shape[1]) if not (redundant >> j) & 1]
    kept = np.array(kept_list, dtype=np.int64)
    e = kept.shape[0]

    initial = initial_tableau(constraints, kept)
    tableau = initial.copy()
    basic = np.arange(d, d + e)
    key = basis_key(basic)
    visited_keys, visited_values = new_table(64)
    visited_keys[slot(visited_keys, key)] = key
    visited = 1

    next_entering = np.zeros(16, dtype=np.int64)
    pivot_row = np.zeros(16, dtype=np.int64)
    left_variable = np.zeros(16, dtype=np.int64)
    points = np.empty((16, d))
    masks = np.empty(16, dtype=np.int64)
    mask_keys, mask_values = new_table(16)
    count = 0
    z = np.empty(d)
    depth = 1
    fresh = True
    while depth > 0:
        top = depth - 1
        if fresh:
            mask = vertex_labels(tableau, basic, kept, zero_bit, tight_bit, tol, z)
            position = slot(mask_keys, mask)
            if z.sum() > 0.0 and mask_keys[position] == EMPTY:
                mask_keys[position] = mask
                mask_values[position] = count
                if count == points.shape[0]:
                    points = np.concatenate((points, np.empty_like(points)))
                    masks = np.concatenate((masks, np.empty_like(masks)))
                points[count] = z
                masks[count] = mask
                count += 1
                mask_keys, mask_values = grown(mask_keys, mask_values, count)
        fresh = False
        for entering in range(next_entering[top], d + e):
            next_entering[top] = entering + 1
            if (key >> entering) & 1 or (top > 0 and entering == left_variable[top]):
                continue
            row = leaving_row(tableau, entering, tol)
            if row < 0:
                continue
            neighbour = key ^ (1 << entering) ^ (1 << basic[row])
            position = slot(visited_keys, neighbour)
            if visited_keys[position] != EMPTY:
                continue
            visited_keys[position] = neighbour
            visited += 1
            visited_keys, visited_values = grown(visited_keys, visited_values, visited)
            if depth == next_entering.shape[0]:
                next_entering = np.concatenate((next_entering, np.empty_like(next_entering)))
                pivot_row = np.concatenate((pivot_row, np.empty_like(pivot_row)))
                left_variable = np.concatenate((left_variable, np.empty_like(left_variable)))
            next_entering[depth] = 0
            pivot_row[depth] = row
            left_variable[depth] = basic[row]
            basic[row] = entering
            key = neighbour
            fresh = True
            break
        if not fresh:
            depth -= 1
            if top == 0:
                break
            row = pivot_row[top]
            basic[row] = left_variable[top]
            key = basis_key(basic)
        else:
            depth += 1
        refactored(tableau, basic, initial)
    return points[:count].copy(), masks[:count].copy()
