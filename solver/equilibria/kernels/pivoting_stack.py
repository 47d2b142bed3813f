"""Lexicographic pivoting for stacks of games past the basis limit: the lean result, compiled, parallel over games.

``equilibria_batch`` on shapes too large for compiled basis enumeration (a Belarus Bayesian game is 8 × 9:
``C(17, 8) − 1 = 24,309`` bases per polytope) solved each game through
:func:`~solver.equilibria.methods.lex_pivoting.pivoting_equilibria`, which builds the full
:class:`~solver.equilibria.core.result.EquilibriumSet` in Python, of which the batch keeps only the strategies,
components, regrets and the degeneracy flag. :func:`pivoting_game` computes exactly those, in the same
floating-point operations, so the flat arrays are equal bit for bit:

* the polytopes as ``pivoting_equilibria`` prepares them, their vertices by
  :func:`~solver.equilibria.kernels.lex_vertices.polytope_vertex_labels`, and the completely labelled pairs
  (:func:`~solver.equilibria.kernels.completely_labelled.completely_labelled_pairs`);
* strategies ``z / Σz`` with NumPy's pairwise sum (:func:`numpy_total`), checked as probability vectors and by
  :func:`~solver.equilibria.core.verification.relative_regret` as ``verify_profile`` checks them;
* the order of :func:`~solver.equilibria.core.assembly.assemble` (descending, on probabilities rounded to 12
  decimals as ``np.round`` rounds them, ties kept in pair order) and its components: strategies identified by
  equal bits, components of the bipartite equilibrium graph numbered by first equilibrium
  (:func:`~solver.equilibria.core.components.equilibrium_components`);
* degenerate when a vertex of ``P`` has more than ``m`` labels or one of ``Q`` more than ``n``
  (:func:`~solver.equilibria.core.assembly.degeneracy_witnesses`).

A game whose profile fails a check, or with more equilibria than its slots, gets count ``-1`` and is left to
the caller's one-by-one path (which falls back on the exact method), as before.
"""

from __future__ import annotations

import numba
import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.verification import REGRET_TOLERANCE, relative_regret
from solver.equilibria.kernels.basis_kernel import edge_components, normalised
from solver.equilibria.kernels.completely_labelled import completely_labelled_pairs, label_count
from solver.equilibria.kernels.dominance import MARGIN_PER_TOLERANCE, redundant_constraints, row_dominance
from solver.equilibria.kernels.jit import compiled, compiled_parallel
from solver.equilibria.kernels.lex_vertices import polytope_vertex_labels

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: NumPy sums blocks of up to this many entries by eight interleaved partial sums (longer ones it halves).
PAIRWISE_BLOCK = 128
#: ``np.round(x, 12)`` is ``rint(x · 10¹²) / 10¹²`` (10¹² is exact in binary floating point).
ORDER_SCALE = 1e12


@compiled
def numpy_total(values: FloatArray) -> float:
    """``values.sum()`` exactly as NumPy computes it for a contiguous vector of at most ``PAIRWISE_BLOCK`` entries.

    NumPy's pairwise summation: below eight entries one running sum from ``-0.0``; otherwise eight partial
    sums over blocks of eight, combined as ``((r₀ + r₁) + (r₂ + r₃)) + ((r₄ + r₅) + (r₆ + r₇))``, then the
    remaining entries one by one, all added to an initial zero.
    """
    n = values.shape[0]
    if n < 8:
        total = -0.0
        for i in range(n):
            total += values[i]
        return 0.0 + total
    partial = values[:8].copy()
    i = 8
    while i < n - n % 8:
        for j in range(8):
            partial[j] += values[i + j]
        i += 8
    total = ((partial[0] + partial[1]) + (partial[2] + partial[3])) + (
        (partial[4] + partial[5]) + (partial[6] + partial[7])
    )
    while i < n:
        total += values[i]
        i += 1
    return float(0.0 + total)


@compiled
def probability_vector(strategy: FloatArray) -> bool:
    """Non-negative and summing (as NumPy sums) to one within ``1e-12`` per entry, as ``verify_profile`` requires."""
    for p in strategy:
        if p < 0.0:
            return False
    return bool(abs(numpy_total(strategy) - 1.0) <= 1e-12 * strategy.shape[0])


@compiled
def rounded_precedes(rows: FloatArray, cols: FloatArray, first: int, second: int) -> bool:
    """Whether profile ``first`` sorts before ``second`` in :func:`~solver.equilibria.core.assembly.assemble`:
    by the row strategy, then the column strategy, descending, each probability rounded to 12 decimals."""
    for strategies in (rows, cols):
        for i in range(strategies.shape[1]):
            a = np.rint(strategies[first, i] * ORDER_SCALE) / ORDER_SCALE
            b = np.rint(strategies[second, i] * ORDER_SCALE) / ORDER_SCALE
            if a != b:
                return bool(a > b)
    return False


@compiled
def strategy_ids(strategies: FloatArray, count: int) -> IntArray:
    """For each of the first ``count`` strategies, the first index holding the same floats (``assemble``'s key)."""
    ids = np.empty(count, dtype=np.int64)
    for e in range(count):
        ids[e] = e
        for f in range(e):
            if ids[f] == f and np.all(strategies[f] == strategies[e]):
                ids[e] = f
                break
    return ids


@compiled
def pivoting_game(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    tol: float,
    rows: FloatArray,
    cols: FloatArray,
    components: IntArray,
    regrets: FloatArray,
) -> tuple[int, bool]:
    """Extreme equilibria of one game by lexicographic pivoting into the slots; returns ``(count, degenerate)``.

    ``count`` is ``-1`` when the slots are too few or a profile fails verification (see the module docstring);
    ``degenerate`` is the game's flag in every case.
    """
    m, n = row_payoffs.shape
    margin = MARGIN_PER_TOLERANCE * tol
    p_constraints = normalised(col_payoffs)
    q_constraints = np.ascontiguousarray(normalised(row_payoffs).T)
    p_points, p_masks = polytope_vertex_labels(
        p_constraints, redundant_constraints(row_dominance(p_constraints, margin)), 0, m, tol
    )
    q_points, q_masks = polytope_vertex_labels(
        q_constraints, redundant_constraints(row_dominance(q_constraints, margin)), m, 0, tol
    )
    degenerate = False
    for mask in p_masks:
        degenerate |= label_count(mask) > m
    for mask in q_masks:
        degenerate |= label_count(mask) > n
    p_vertex, q_vertex = completely_labelled_pairs(p_masks, m, q_masks, n)
    count = p_vertex.shape[0]
    if count > rows.shape[0]:
        return -1, degenerate
    for e in range(count):
        rows[e] = p_points[p_vertex[e]] / numpy_total(p_points[p_vertex[e]])
        cols[e] = q_points[q_vertex[e]] / numpy_total(q_points[q_vertex[e]])
    order = np.arange(count)
    for i in range(1, count):
        current = order[i]
        j = i
        while j > 0 and rounded_precedes(rows, cols, current, order[j - 1]):
            order[j] = order[j - 1]
            j -= 1
        order[j] = current
    rows[:count] = rows[order].copy()
    cols[:count] = cols[order].copy()

    for e in range(count):
        if not (probability_vector(rows[e]) and probability_vector(cols[e])):
            return -1, degenerate
        regrets[e] = relative_regret(row_payoffs, col_payoffs, rows[e], cols[e])
        if not regrets[e] <= REGRET_TOLERANCE:
            return -1, degenerate
    edge_components(strategy_ids(rows, count), strategy_ids(cols, count), count, components[:count])
    return count, degenerate


@compiled_parallel
def stack_pivoting_equilibria(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    tol: float,
    counts: IntArray,
    degenerate: BoolArray,
    rows: FloatArray,
    cols: FloatArray,
    components: IntArray,
    regrets: FloatArray,
) -> None:
    """:func:`pivoting_game` for every game of an ``N × m × n`` stack (``m + n ≤ 62``), in parallel over games.

    Outputs as for :func:`~solver.equilibria.kernels.basis_kernel.stack_equilibria`: ``counts`` (``-1`` for the
    caller to solve one by one), ``degenerate``, and each game's slots of ``rows``, ``cols``, ``components``,
    ``regrets``.
    """
    for g in numba.prange(row_payoffs.shape[0]):
        counts[g], degenerate[g] = pivoting_game(
            row_payoffs[g], col_payoffs[g], tol, rows[g], cols[g], components[g], regrets[g]
        )
