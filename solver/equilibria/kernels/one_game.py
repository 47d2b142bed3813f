"""The compiled labelled-vertex method for one game: a single call from payoffs to verified equilibria.

:func:`one_game_equilibria` is :func:`~solver.equilibria.kernels.basis_kernel.block_equilibria` for a block of
one game, without the block: the same normalisation, dominance, per-game solution
(:func:`~solver.equilibria.kernels.basis_kernel.game_equilibria`) and regret of each equilibrium, and the
regret check of :func:`~solver.equilibria.core.verification.verify_profile` — so that a single game costs
one dispatch of compiled code and no Python per basis, vertex or equilibrium.

The small bases are labelled all at once by :func:`~solver.equilibria.kernels.basis_filter.small_basis_labels`
on a block of one game, as the batch kernel labels them, so the equilibria are the batch kernel's to the bit.
Measured against labelling only the bases the search reaches (each solved as it comes): equal on 3 × 3
games, 15 % faster on 7 × 4 ones, since the degeneracy check visits nearly every basis anyway.

:func:`degenerate_vertices` lists the witnesses of degeneracy — the vertices of either polytope with more
labels than its dimension (von Stengel 2002, Def. 3.2) — by the same basis labelling over every support, each
vertex once (by its label mask) at its first basis, which is the order of
:func:`~solver.equilibria.core.polytope.polytope_vertices`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.verification import REGRET_TOLERANCE
from solver.equilibria.kernels.basis_filter import small_basis_labels
from solver.equilibria.kernels.basis_kernel import (
    Table,
    basis_strategy,
    game_equilibria,
    live_bases,
    normalised,
    polytope_vertex_masks,
)
from solver.equilibria.kernels.completely_labelled import label_count
from solver.equilibria.kernels.dominance import MARGIN_PER_TOLERANCE, redundant_constraints, row_dominance
from solver.equilibria.kernels.jit import compiled
from solver.equilibria.kernels.pivoting_stack import probability_vector

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Status of a solved game whose every equilibrium passed the regret check.
VERIFIED = 0
#: Status of a game with more extreme equilibria than the slots hold (nothing was checked).
OVERFLOW = 1
#: Status of a game one of whose profiles failed the regret check (a badly scaled game).
UNVERIFIED = 2


@compiled
def polytopes(
    row_payoffs: FloatArray, col_payoffs: FloatArray, p_table: Table, q_table: Table, tol: float
) -> tuple[FloatArray, FloatArray, IntArray, IntArray, IntArray, IntArray, int, int]:
    """``P`` and ``Q`` as the batch kernel prepares them for one game: ``(p_constraints, q_constraints, p_codes,
    q_codes, p_beaten, q_beaten, p_redundant, q_redundant)``, what
    :func:`~solver.equilibria.kernels.basis_kernel.game_equilibria` takes besides the tables."""
    m = row_payoffs.shape[0]
    margin = MARGIN_PER_TOLERANCE * tol
    p_constraints = normalised(col_payoffs)
    q_constraints = np.ascontiguousarray(normalised(row_payoffs).T)
    p_beaten = row_dominance(p_constraints, margin)
    q_beaten = row_dominance(q_constraints, margin)
    p_redundant, q_redundant = redundant_constraints(p_beaten), redundant_constraints(q_beaten)
    p_codes = small_basis_labels(np.expand_dims(p_constraints, 0), np.array([p_redundant]), p_table, 0, m, tol)[0]
    q_codes = small_basis_labels(np.expand_dims(q_constraints, 0), np.array([q_redundant]), q_table, m, 0, tol)[0]
    return p_constraints, q_constraints, p_codes, q_codes, p_beaten, q_beaten, p_redundant, q_redundant


@compiled
def one_game_equilibria(
    row_payoffs: FloatArray, col_payoffs: FloatArray, p_table: Table, q_table: Table, tol: float, slots: int
) -> tuple[int, bool, FloatArray, FloatArray]:
    """Extreme equilibria of one ``m × n`` game: ``(status, degenerate, rows, cols)``.

    ``p_table`` and ``q_table`` are :func:`~solver.equilibria.kernels.basis_kernel.basis_table` ``(m, n)`` and
    ``(n, m)``; at most ``slots`` equilibria are held. ``status`` is :data:`VERIFIED` (the arrays hold the
    equilibria in the batch kernel's order, each with relative regret at most ``REGRET_TOLERANCE`` and
    probability vectors for strategies), :data:`OVERFLOW` or :data:`UNVERIFIED` (the arrays are then not to
    be used). ``degenerate`` is the game's degeneracy flag in every case.
    """
    m, n = row_payoffs.shape
    rows = np.empty((slots, m))
    cols = np.empty((slots, n))
    components = np.empty(slots, dtype=np.int64)
    regrets = np.empty(slots)
    p_constraints, q_constraints, p_codes, q_codes, p_beaten, q_beaten, p_redundant, q_redundant = polytopes(
        row_payoffs, col_payoffs, p_table, q_table, tol
    )
    count, degenerate = game_equilibria(
        row_payoffs,
        col_payoffs,
        p_constraints,
        q_constraints,
        p_table,
        q_table,
        p_codes,
        q_codes,
        p_beaten,
        q_beaten,
        p_redundant,
        q_redundant,
        tol,
        rows,
        cols,
        components,
        regrets,
    )
    if count < 0:
        return OVERFLOW, degenerate, rows[:0], cols[:0]
    for e in range(count):
        if not (regrets[e] <= REGRET_TOLERANCE and probability_vector(rows[e]) and probability_vector(cols[e])):
            return UNVERIFIED, degenerate, rows[:0], cols[:0]
    return VERIFIED, degenerate, rows[:count], cols[:count]


@compiled
def surplus_vertices(
    constraints: FloatArray,
    table: Table,
    codes: IntArray,
    beaten_by: IntArray,
    redundant: int,
    zero_bit: int,
    tight_bit: int,
    tol: float,
) -> tuple[FloatArray, IntArray]:
    """Every vertex of ``{z ≥ 0 : Cᵀz ≤ 1}`` with more than ``d`` labels, once, in the order of its first basis:
    its strategy ``z / Σz`` (one row each) and its label mask (bits as for
    :func:`~solver.equilibria.kernels.basis_kernel.polytope_vertex_masks`, which finds them)."""
    d = constraints.shape[0]
    capacity = table[2].shape[0]
    bases = np.empty(capacity, dtype=np.int64)
    masks = np.empty(capacity, dtype=np.int64)
    everywhere = np.ones(1 << d, dtype=np.bool_)
    count, _ = polytope_vertex_masks(
        constraints,
        table,
        codes,
        live_bases(codes),
        beaten_by,
        redundant,
        everywhere,
        zero_bit,
        tight_bit,
        tol,
        bases,
        masks,
    )
    surplus = np.array([v for v in range(count) if label_count(masks[v]) > d], dtype=np.int64)
    strategies = np.empty((surplus.shape[0], d))
    for w in range(surplus.shape[0]):
        basis_strategy(constraints, table, bases[surplus[w]], tol, strategies[w])
    return strategies, masks[surplus]


@compiled
def degenerate_vertices(
    row_payoffs: FloatArray, col_payoffs: FloatArray, p_table: Table, q_table: Table, tol: float
) -> tuple[FloatArray, IntArray, FloatArray, IntArray]:
    """The vertices of ``P`` and of ``Q`` with surplus labels (:func:`surplus_vertices`), which witness that
    the game is degenerate: ``(p_strategies, p_masks, q_strategies, q_masks)``. In a mask of ``P`` bit ``m + j``
    says that column ``j`` is a best response; in a mask of ``Q`` bit ``i`` says that row ``i`` is."""
    m = row_payoffs.shape[0]
    p_constraints, q_constraints, p_codes, q_codes, p_beaten, q_beaten, p_redundant, q_redundant = polytopes(
        row_payoffs, col_payoffs, p_table, q_table, tol
    )
    p_strategies, p_masks = surplus_vertices(p_constraints, p_table, p_codes, p_beaten, p_redundant, 0, m, tol)
    q_strategies, q_masks = surplus_vertices(q_constraints, q_table, q_codes, q_beaten, q_redundant, m, 0, tol)
    return p_strategies, p_masks, q_strategies, q_masks
