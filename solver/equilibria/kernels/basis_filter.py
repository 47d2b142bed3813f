"""Labels of every small basis, for a block of games at once: basis enumeration vectorised over games.

Basis enumeration (:mod:`solver.equilibria.kernels.basis_kernel`) solves ``C[S, T]ᵀ z_S = 1`` for every support ``S``
and tight set ``T`` of the same size ``k``, and most bases turn out infeasible. For ``k ≤ 4`` the whole test is
short and branch-free:

    z = C[S, T]ᵀ⁻¹ 1  (regular),    z ≥ −tol,    (Cᵀz)_j ≤ 1 + tol  for every non-redundant constraint j,

and so are the labels of a feasible ``z``, once entries ``|z_i| ≤ tol`` are set to zero: ``z_i = 0`` and
``(Cᵀz)_j = 1`` where ``|(Cᵀz)_j − 1| ≤ tol``. They are computed for every basis on a block of games laid out
game-innermost (``C[i, j, g]``), so that the loop over the games of the block reads contiguous memory and
compiles to vector instructions: an order of magnitude faster per basis than one game at a time. Flags are
64-bit integers rather than booleans, the width of the vector lanes.

The solutions come from :mod:`solver.equilibria.kernels.cramer`, and the tests and labels are those of
:func:`~solver.equilibria.kernels.basis_kernel.basis_vertex` and
:func:`~solver.equilibria.kernels.basis_kernel.vertex_mask` in the same floating-point operations (unused
coordinates of a smaller basis are exact zeros, which add nothing), so a label mask found here is the mask the
per-game kernel would find. Bases with ``k ≥ 5`` are left to that kernel (:data:`UNDECIDED`). Redundant
constraints (dominated on every row,
:func:`~solver.equilibria.kernels.dominance.redundant_constraints`) are neither tested nor labelled, as there.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.cramer import unit_solution_1, unit_solution_2, unit_solution_3, unit_solution_4
from solver.equilibria.kernels.jit import compiled, compiled_inline

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Table = tuple[IntArray, IntArray, IntArray, IntArray, IntArray]

#: Games per block: enough for full vector registers, few enough for the block to stay in cache.
LANES = 32
#: Largest basis size labelled here.
LARGEST = 4
#: Label code of an infeasible (or singular) basis.
INFEASIBLE = -1
#: Label code of a basis the per-game kernel must solve and label itself.
UNDECIDED = -2


@compiled_inline
def block_solutions(
    lanes: FloatArray,
    s: IntArray,
    t: IntArray,
    k: int,
    z: tuple[FloatArray, FloatArray, FloatArray, FloatArray],
    regular: IntArray,
) -> None:
    """Solve one basis (support ``s``, tight set ``t``, size ``k ≤ 4``) for every game of the block.

    Row ``r`` of the system is ``C[s_c, t_r]`` over ``c``; ``z[c][g]`` receives the solution (zero for
    ``c ≥ k``), ``regular[g]`` whether game ``g``'s system is regular.
    """
    games = lanes.shape[2]
    z0, z1, z2, z3 = z
    s0, s1, s2, s3 = s[0], s[1], s[2], s[3]
    t0, t1, t2, t3 = t[0], t[1], t[2], t[3]
    for g in range(games):
        z0[g], z1[g], z2[g], z3[g] = 0.0, 0.0, 0.0, 0.0
    if k == 1:
        for g in range(games):
            regular[g], z0[g] = unit_solution_1(lanes[s0, t0, g])
    elif k == 2:
        for g in range(games):
            regular[g], z0[g], z1[g] = unit_solution_2(
                lanes[s0, t0, g], lanes[s1, t0, g], lanes[s0, t1, g], lanes[s1, t1, g]
            )
    elif k == 3:
        for g in range(games):
            regular[g], z0[g], z1[g], z2[g] = unit_solution_3(
                lanes[s0, t0, g],
                lanes[s1, t0, g],
                lanes[s2, t0, g],
                lanes[s0, t1, g],
                lanes[s1, t1, g],
                lanes[s2, t1, g],
                lanes[s0, t2, g],
                lanes[s1, t2, g],
                lanes[s2, t2, g],
            )
    else:
        for g in range(games):
            regular[g], z0[g], z1[g], z2[g], z3[g] = unit_solution_4(
                lanes[s0, t0, g],
                lanes[s1, t0, g],
                lanes[s2, t0, g],
                lanes[s3, t0, g],
                lanes[s0, t1, g],
                lanes[s1, t1, g],
                lanes[s2, t1, g],
                lanes[s3, t1, g],
                lanes[s0, t2, g],
                lanes[s1, t2, g],
                lanes[s2, t2, g],
                lanes[s3, t2, g],
                lanes[s0, t3, g],
                lanes[s1, t3, g],
                lanes[s2, t3, g],
                lanes[s3, t3, g],
            )


@compiled
def small_basis_labels(
    constraints: FloatArray, redundant: IntArray, table: Table, zero_bit: int, tight_bit: int, tol: float
) -> IntArray:
    """``codes[g, b]``: the label mask of basis ``b``'s vertex in game ``g``, or ``INFEASIBLE`` or ``UNDECIDED``.

    ``constraints`` is the block's ``G × d × e`` stack of normalised constraint matrices, ``redundant`` each
    game's mask of redundant constraints; ``table`` is :func:`~solver.equilibria.kernels.basis_kernel.basis_table`
    ``(d, e)``. ``z_i = 0`` sets bit ``zero_bit + i`` and ``(Cᵀz)_j = 1`` bit ``tight_bit + j``, as in
    :func:`~solver.equilibria.kernels.basis_kernel.vertex_mask`.
    """
    games, d, e = constraints.shape
    supports, tights, sizes, support_masks, _ = table
    lanes = np.empty((d, e, games))
    unchecked = np.empty((e, games), dtype=np.int64)
    tight_bits = np.empty((e, games), dtype=np.int64)
    for g in range(games):
        for j in range(e):
            unchecked[j, g] = (redundant[g] >> j) & 1
            tight_bits[j, g] = 0 if unchecked[j, g] else 1 << (tight_bit + j)
            for i in range(d):
                lanes[i, j, g] = constraints[g, i, j]
    codes = np.full((games, sizes.shape[0]), UNDECIDED, dtype=np.int64)
    feasible = np.empty(games, dtype=np.int64)
    regular = np.empty(games, dtype=np.int64)
    mask = np.empty(games, dtype=np.int64)
    z = (np.zeros(games), np.zeros(games), np.zeros(games), np.zeros(games))
    z0, z1, z2, z3 = z
    w = (np.zeros(games), np.zeros(games), np.zeros(games), np.zeros(games))
    w0, w1, w2, w3 = w
    s = np.empty(LARGEST, dtype=np.int64)
    t = np.empty(LARGEST, dtype=np.int64)
    for b in range(sizes.shape[0]):
        k = sizes[b]
        if k > LARGEST:
            continue
        for c in range(LARGEST):
            s[c], t[c] = supports[b, min(c, k - 1)], tights[b, min(c, k - 1)]
        block_solutions(lanes, s, t, k, z, regular)
        s0, s1, s2, s3 = s[0], s[1], s[2], s[3]
        outside = (((1 << d) - 1) & ~support_masks[b]) << zero_bit
        bit0, bit1 = 1 << (zero_bit + s0), (1 << (zero_bit + s1)) if k > 1 else 0
        bit2, bit3 = (1 << (zero_bit + s2)) if k > 2 else 0, (1 << (zero_bit + s3)) if k > 3 else 0
        for g in range(games):
            feasible[g] = regular[g] & (z0[g] >= -tol) & (z1[g] >= -tol) & (z2[g] >= -tol) & (z3[g] >= -tol)
            small0, small1 = abs(z0[g]) <= tol, abs(z1[g]) <= tol
            small2, small3 = abs(z2[g]) <= tol, abs(z3[g]) <= tol
            small = (small0 * bit0) | (small1 * bit1) | (small2 * bit2) | (small3 * bit3)
            mask[g] = outside | small
            w0[g], w1[g] = 0.0 if small0 else z0[g], 0.0 if small1 else z1[g]
            w2[g], w3[g] = 0.0 if small2 else z2[g], 0.0 if small3 else z3[g]
        for j in range(e):
            if k == 1:
                for g in range(games):
                    total = lanes[s0, j, g] * z0[g]
                    value = lanes[s0, j, g] * w0[g]
                    feasible[g] &= (total <= 1.0 + tol) | unchecked[j, g]
                    mask[g] |= (abs(value - 1.0) <= tol) * tight_bits[j, g]
            elif k == 2:
                for g in range(games):
                    total = lanes[s0, j, g] * z0[g] + lanes[s1, j, g] * z1[g]
                    value = lanes[s0, j, g] * w0[g] + lanes[s1, j, g] * w1[g]
                    feasible[g] &= (total <= 1.0 + tol) | unchecked[j, g]
                    mask[g] |= (abs(value - 1.0) <= tol) * tight_bits[j, g]
            elif k == 3:
                for g in range(games):
                    total = lanes[s0, j, g] * z0[g] + lanes[s1, j, g] * z1[g] + lanes[s2, j, g] * z2[g]
                    value = lanes[s0, j, g] * w0[g] + lanes[s1, j, g] * w1[g] + lanes[s2, j, g] * w2[g]
                    feasible[g] &= (total <= 1.0 + tol) | unchecked[j, g]
                    mask[g] |= (abs(value - 1.0) <= tol) * tight_bits[j, g]
            else:
                for g in range(games):
                    total = lanes[s0, j, g] * z0[g] + lanes[s1, j, g] * z1[g]
                    total = total + lanes[s2, j, g] * z2[g] + lanes[s3, j, g] * z3[g]
                    value = lanes[s0, j, g] * w0[g] + lanes[s1, j, g] * w1[g]
                    value = value + lanes[s2, j, g] * w2[g] + lanes[s3, j, g] * w3[g]
                    feasible[g] &= (total <= 1.0 + tol) | unchecked[j, g]
                    mask[g] |= (abs(value - 1.0) <= tol) * tight_bits[j, g]
        for g in range(games):
            codes[g, b] = mask[g] if feasible[g] else INFEASIBLE
    return codes
