"""Compiled labelled-vertex method for stacks of small games: blocks of games per thread, no Python per game.

The mathematics of :mod:`solver.equilibria.core.polytope` and :mod:`solver.equilibria.methods.labelled_vertices` (von
Stengel 2002, §3; Avis, Rosenberg, Savani & von Stengel 2010, §3), specialised for throughput:

* every basis ``(S, T)`` of ``{z ≥ 0 : Cᵀz ≤ 1}`` with ``k ≤ 4`` is solved and labelled for a block of games
  at once (:mod:`solver.equilibria.kernels.basis_filter`); larger bases are solved here, by Gaussian elimination with
  partial pivoting in a reused work array, skipping those whose tight set holds a strictly dominated
  constraint (:mod:`solver.equilibria.kernels.dominance`);
* a vertex is kept as one of its bases with its labels as a bit mask, deduplicated by that mask: two distinct
  vertices cannot share their tight constraints, since any ``d`` linearly independent ones among them fix the
  point; ``P`` is only enumerated on supports that a kept vertex of ``Q`` can answer;
* extreme equilibria are the completely labelled pairs (:mod:`solver.equilibria.kernels.completely_labelled`),
  sorted as :func:`~solver.equilibria.core.assembly.build_equilibrium_set` sorts them; components are the
  connected components of the bipartite graph of extreme equilibria (union–find), numbered in that order as
  :func:`~solver.equilibria.core.components.equilibrium_components` numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations

import numba
import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.polytope import normalise_payoffs
from solver.equilibria.core.verification import relative_regret
from solver.equilibria.kernels.basis_filter import INFEASIBLE, LANES, LARGEST, UNDECIDED, small_basis_labels
from solver.equilibria.kernels.completely_labelled import completely_labelled_pairs, label_count
from solver.equilibria.kernels.cramer import (
    SINGULAR_PIVOT,
    unit_solution_1,
    unit_solution_2,
    unit_solution_3,
    unit_solution_4,
)
from solver.equilibria.kernels.dominance import (
    MARGIN_PER_TOLERANCE,
    dominated_in,
    redundant_constraints,
    row_dominance,
    surviving_strategies,
)
from solver.equilibria.kernels.jit import compiled, compiled_parallel

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
Table = tuple[IntArray, IntArray, IntArray, IntArray, IntArray]

#: Probabilities closer than this are equal when equilibria are put in order.
ORDER_TOLERANCE = 1e-12


@dataclass(frozen=True)
class BasisTable:
    """Every basis ``(S, T)``, ``|S| = |T| = k ≥ 1``, of a ``d``-dimensional polytope with ``e`` constraints.

    Ordered by ``k``, then support, then tight set, as :func:`solver.equilibria.core.polytope.polytope_vertices`
    visits them, so that both keep the same representative basis of a degenerate vertex.
    """

    supports: IntArray
    tights: IntArray
    sizes: IntArray
    support_masks: IntArray
    tight_masks: IntArray

    @property
    def arrays(self) -> Table:
        """The four arrays, as the compiled kernels take them."""
        return self.supports, self.tights, self.sizes, self.support_masks, self.tight_masks

    @property
    def capacity(self) -> int:
        """Number of bases: an upper bound on the number of non-zero vertices."""
        return int(self.sizes.shape[0])


@cache
def basis_table(d: int, e: int) -> BasisTable:
    """The :class:`BasisTable` of ``{z ∈ ℝᵈ : z ≥ 0, Cᵀz ≤ 1}`` with ``e`` constraints."""
    width = min(d, e)
    pairs = [
        (support, tight)
        for k in range(1, width + 1)
        for support in combinations(range(d), k)
        for tight in combinations(range(e), k)
    ]
    supports = np.full((len(pairs), width), -1, dtype=np.int64)
    tights = np.full((len(pairs), width), -1, dtype=np.int64)
    for b, (support, tight) in enumerate(pairs):
        supports[b, : len(support)] = support
        tights[b, : len(tight)] = tight
    sizes = np.array([len(s) for s, _ in pairs], dtype=np.int64)
    support_masks = np.array([sum(1 << i for i in s) for s, _ in pairs], dtype=np.int64)
    tight_masks = np.array([sum(1 << j for j in t) for _, t in pairs], dtype=np.int64)
    return BasisTable(supports, tights, sizes, support_masks, tight_masks)


#: :func:`~solver.equilibria.core.polytope.normalise_payoffs` compiled, so both methods build the same polytopes.
normalised = compiled(normalise_payoffs)


@compiled
def solve_by_cramer(system: FloatArray, k: int) -> bool:
    """Solve a ``k × k`` system with right-hand side one, ``k ≤ 4``, in place, by Cramer's rule (``kernels.cramer``)."""
    if k == 1:
        regular, z0 = unit_solution_1(system[0, 0])
        system[0, 1] = z0
        return regular
    if k == 2:
        regular, z0, z1 = unit_solution_2(system[0, 0], system[0, 1], system[1, 0], system[1, 1])
        system[0, 2], system[1, 2] = z0, z1
        return regular
    if k == 3:
        regular, z0, z1, z2 = unit_solution_3(
            system[0, 0],
            system[0, 1],
            system[0, 2],
            system[1, 0],
            system[1, 1],
            system[1, 2],
            system[2, 0],
            system[2, 1],
            system[2, 2],
        )
        system[0, 3], system[1, 3], system[2, 3] = z0, z1, z2
        return regular
    regular, z0, z1, z2, z3 = unit_solution_4(
        system[0, 0],
        system[0, 1],
        system[0, 2],
        system[0, 3],
        system[1, 0],
        system[1, 1],
        system[1, 2],
        system[1, 3],
        system[2, 0],
        system[2, 1],
        system[2, 2],
        system[2, 3],
        system[3, 0],
        system[3, 1],
        system[3, 2],
        system[3, 3],
    )
    system[0, 4], system[1, 4], system[2, 4], system[3, 4] = z0, z1, z2, z3
    return regular


@compiled
def solve_in_place(system: FloatArray, k: int) -> bool:
    """Solve ``system[:k, :k] z = system[:k, k]``, the solution replacing column ``k``; False when singular.

    The right-hand side is all ones, as basis enumeration needs. Cramer's rule up to ``k = 4``, Gaussian
    elimination with partial pivoting beyond (singular when a pivot falls to ``SINGULAR_PIVOT`` times the
    largest entry).
    """
    if k <= 4:
        return solve_by_cramer(system, k)
    largest = 0.0
    for r in range(k):
        for c in range(k):
            largest = max(largest, abs(system[r, c]))
    for c in range(k):
        pivot = c
        for r in range(c + 1, k):
            if abs(system[r, c]) > abs(system[pivot, c]):
                pivot = r
        if abs(system[pivot, c]) <= SINGULAR_PIVOT * largest:
            return False
        if pivot != c:
            for q in range(c, k + 1):
                system[c, q], system[pivot, q] = system[pivot, q], system[c, q]
        for r in range(c + 1, k):
            factor = system[r, c] / system[c, c]
            for q in range(c + 1, k + 1):
                system[r, q] -= factor * system[c, q]
    for c in range(k - 1, -1, -1):
        value = system[c, k]
        for q in range(c + 1, k):
            value -= system[c, q] * system[q, k]
        system[c, k] = value / system[c, c]
    return True


@compiled
def basis_solution(constraints: FloatArray, table: Table, b: int, system: FloatArray) -> bool:
    """Solve basis ``b``, ``C[S, T]ᵀ z_S = 1``, into column ``k`` of ``system``; False when singular."""
    supports, tights, sizes, _, _ = table
    k = sizes[b]
    for r in range(k):
        for c in range(k):
            system[r, c] = constraints[supports[b, c], tights[b, r]]
        system[r, k] = 1.0
    return solve_in_place(system, k)


@compiled
def cleaned_point(system: FloatArray, k: int, support: IntArray, tol: float, z: FloatArray) -> bool:
    """The solved basis (column ``k`` of ``system``, on ``support``) as a point ``z``, entries ``|z_i| ≤ tol`` set
    to zero; whether any was."""
    z[:] = 0.0
    cleaned = False
    for c in range(k):
        value = system[c, k]
        if abs(value) <= tol:
            cleaned = True
        else:
            z[support[c]] = value
    return cleaned


@compiled
def basis_vertex(
    constraints: FloatArray,
    table: Table,
    b: int,
    redundant: int,
    tol: float,
    system: FloatArray,
    z: FloatArray,
    totals: FloatArray,
) -> bool:
    """Solve basis ``b`` into ``z`` and ``totals = Cᵀz``; False when singular or infeasible.

    Tolerances as in :func:`solver.equilibria.core.polytope.polytope_vertices`: feasible when ``z ≥ −tol`` and
    ``Cᵀz ≤ 1 + tol``; then entries ``|z_i| ≤ tol`` are set to zero and ``totals`` is ``Cᵀz`` of the cleaned
    ``z`` (recomputed only when an entry was cleaned). Redundant constraints are neither checked nor computed.
    """
    supports, _, sizes, _, _ = table
    k = sizes[b]
    if not basis_solution(constraints, table, b, system):
        return False
    for c in range(k):
        if system[c, k] < -tol:
            return False
    for j in range(constraints.shape[1]):
        if (redundant >> j) & 1:
            continue
        total = 0.0
        for c in range(k):
            total += constraints[supports[b, c], j] * system[c, k]
        if total > 1.0 + tol:
            return False
        totals[j] = total
    if cleaned_point(system, k, supports[b], tol, z):
        for j in range(constraints.shape[1]):
            total = 0.0
            for c in range(k):
                total += constraints[supports[b, c], j] * z[supports[b, c]]
            totals[j] = total
    return True


@compiled
def vertex_mask(z: FloatArray, totals: FloatArray, redundant: int, zero_bit: int, tight_bit: int, tol: float) -> int:
    """Labels of vertex ``z``: bit ``zero_bit + i`` if ``z_i = 0``, ``tight_bit + j`` if ``|(Cᵀz)_j − 1| ≤ tol``."""
    mask = 0
    for i in range(z.shape[0]):
        if z[i] == 0.0:
            mask |= 1 << (zero_bit + i)
    for j in range(totals.shape[0]):
        if not (redundant >> j) & 1 and abs(totals[j] - 1.0) <= tol:
            mask |= 1 << (tight_bit + j)
    return mask


@compiled
def supports_within(eligible: int, labels: IntArray, d: int) -> BoolArray:
    """``within[S]`` for every ``S ⊆ {0 … d−1}``: ``S ⊆ eligible`` and ``S ⊆ L`` for some ``L`` in ``labels``.

    A vertex ``x`` of one polytope is in an equilibrium only with a vertex ``y`` of the other that has label
    ``i`` wherever ``x_i > 0`` (von Stengel 2002, Thm. 3.1): the support of ``x`` lies within the labels of
    ``y``. Each ``L`` is marked, then every subset of a marked set (``O(2ᵈ d)``).
    """
    within = np.zeros(1 << d, dtype=np.bool_)
    for mask in labels:
        within[mask & eligible] = True
    for support in range((1 << d) - 1, 0, -1):
        if within[support]:
            rest = support
            while rest:
                lowest = rest & -rest
                within[support & ~lowest] = True
                rest &= ~lowest
    return within


@compiled
def undecided_labels(
    constraints: FloatArray,
    table: Table,
    b: int,
    beaten_by: IntArray,
    redundant: int,
    zero_bit: int,
    tight_bit: int,
    tol: float,
    work: tuple[FloatArray, FloatArray, FloatArray],
) -> int:
    """The label mask of basis ``b``'s vertex, or ``INFEASIBLE``, for a basis whose code is ``UNDECIDED``.

    An undecided basis (``k ≥ 5``, left by :func:`~solver.equilibria.kernels.basis_filter.small_basis_labels`) is
    solved and labelled by :func:`basis_vertex` and :func:`vertex_mask` — unless its tight set holds a constraint
    strictly dominated on its support (:func:`~solver.equilibria.kernels.dominance.dominated_in`), which is never
    tight there. ``work`` is ``(system, z, totals)`` scratch space. Callers read every other basis's code as it
    is, without calling: each call passes a dozen arrays, whose reference counts (atomic operations) cost more
    than the rest of a scan over known codes.
    """
    _, _, _, support_masks, tight_masks = table
    system, z, totals = work
    if dominated_in(beaten_by, support_masks[b], tight_masks[b]):
        return INFEASIBLE
    if not basis_vertex(constraints, table, b, redundant, tol, system, z, totals):
        return INFEASIBLE
    return vertex_mask(z, totals, redundant, zero_bit, tight_bit, tol)


@compiled
def basis_strategy(constraints: FloatArray, table: Table, b: int, tol: float, strategy: FloatArray) -> None:
    """The mixed strategy ``z / Σz`` of feasible basis ``b``'s vertex ``z`` (entries ``|z_i| ≤ tol`` zero)."""
    supports, _, sizes, _, _ = table
    k = sizes[b]
    system = np.empty((k, k + 1))
    basis_solution(constraints, table, b, system)
    cleaned_point(system, k, supports[b], tol, strategy)
    strategy /= strategy.sum()


@compiled
def scratch(table: Table, d: int, e: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Work space for :func:`undecided_labels`: the system, the point and its constraint values.

    Empty where every basis has ``k ≤ LARGEST`` (all labelled in blocks, none undecided): three allocations
    saved per scan, which on small games cost about as much as the scan.
    """
    width = table[0].shape[1]
    if width <= LARGEST:
        return np.empty((0, 1)), np.zeros(0), np.zeros(0)
    return np.empty((width, width + 1)), np.zeros(d), np.zeros(e)


@compiled
def live_bases(codes: IntArray) -> IntArray:
    """The bases whose code is not ``INFEASIBLE``, in table order: the only ones the scans below visit.

    Most bases of a game are infeasible, and their codes are known from the block labelling, so the
    per-game scans run over this short list instead of the whole table (a branch-free pass over the codes).
    """
    live = np.empty(codes.shape[0], dtype=np.int64)
    count = 0
    for b in range(codes.shape[0]):
        live[count] = b
        count += codes[b] != INFEASIBLE
    return live[:count]


@compiled
def polytope_vertex_masks(
    constraints: FloatArray,
    table: Table,
    codes: IntArray,
    live: IntArray,
    beaten_by: IntArray,
    redundant: int,
    candidates: BoolArray,
    zero_bit: int,
    tight_bit: int,
    tol: float,
    bases: IntArray,
    masks: IntArray,
) -> tuple[int, bool]:
    """Vertices of ``{z ≥ 0 : Cᵀz ≤ 1}`` from bases with ``candidates[S]``: a basis of each into ``bases``, its
    labels into ``masks``.

    Returns ``(count, degenerate)``: ``degenerate`` when one of them has more than ``d`` labels. A vertex with
    exactly ``d`` labels has a single basis (its support and its tight set), so only vertices with surplus
    labels, reached from several bases, are compared with those stored before. A vertex whose basis support
    holds a zero coordinate is also reached from the basis on its true support, which is a subset. Bases are
    labelled by their ``codes`` or, undecided, by :func:`undecided_labels` (``beaten_by``, ``redundant`` as
    there); only those of ``live`` (:func:`live_bases` of ``codes``) are visited.
    """
    support_masks = table[3]
    d, e = constraints.shape
    work = scratch(table, d, e)
    surplus = np.empty(masks.shape[0], dtype=np.int64)
    surplus_count = 0
    count = 0
    for b in live:
        if not candidates[support_masks[b]]:
            continue
        mask = codes[b]
        if mask == UNDECIDED:
            mask = undecided_labels(constraints, table, b, beaten_by, redundant, zero_bit, tight_bit, tol, work)
        if mask == INFEASIBLE:
            continue
        if label_count(mask) > d:
            duplicate = False
            for s in range(surplus_count):
                if masks[surplus[s]] == mask:
                    duplicate = True
                    break
            if duplicate:
                continue
            surplus[surplus_count] = count
            surplus_count += 1
        bases[count] = b
        masks[count] = mask
        count += 1
    return count, surplus_count > 0


@compiled
def degenerate_elsewhere(
    constraints: FloatArray,
    table: Table,
    codes: IntArray,
    live: IntArray,
    beaten_by: IntArray,
    redundant: int,
    candidates: BoolArray,
    tol: float,
) -> bool:
    """Whether a basis *outside* ``candidates`` gives a vertex with more than ``d`` labels.

    Stops at the first such vertex. Bases with ``k`` at least the number of non-redundant constraints are
    skipped: a vertex with ``k`` non-zeros and ``k + 1`` tight constraints is also reached from a basis with
    ``k`` no larger than that number minus one. Arguments as for :func:`polytope_vertex_masks`.
    """
    _, _, sizes, support_masks, _ = table
    d, e = constraints.shape
    useful = e - label_count(redundant)
    work = scratch(table, d, e)
    for b in live:
        if candidates[support_masks[b]] or sizes[b] >= useful:
            continue
        mask = codes[b]
        if mask == UNDECIDED:
            mask = undecided_labels(constraints, table, b, beaten_by, redundant, 0, d, tol, work)
        if mask != INFEASIBLE and label_count(mask) > d:
            return True
    return False


@compiled
def profile_precedes(rows: FloatArray, cols: FloatArray, first: int, second: int) -> bool:
    """The order of :func:`~solver.equilibria.core.assembly.build_equilibrium_set`, by ``(−row, −col)``.

    Probabilities within ``ORDER_TOLERANCE`` count as equal, so that rounding noise between two vertices with
    the same coordinate (1/6 reached by two different bases) cannot decide the order.
    """
    for i in range(rows.shape[1]):
        if abs(rows[first, i] - rows[second, i]) > ORDER_TOLERANCE:
            return bool(rows[first, i] > rows[second, i])
    for j in range(cols.shape[1]):
        if abs(cols[first, j] - cols[second, j]) > ORDER_TOLERANCE:
            return bool(cols[first, j] > cols[second, j])
    return False


@compiled
def root(parent: IntArray, node: int) -> int:
    """Union–find root with path halving."""
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return int(node)


@compiled
def edge_components(left: IntArray, right: IntArray, left_size: int, components: IntArray) -> None:
    """``components[e]``: the connected component of edge ``e`` of a bipartite graph, numbered from 0 in order
    of first appearance.

    Edge ``e`` joins node ``left[e]`` (of ``left_size``) and node ``right[e]`` of the other side — an
    equilibrium joining its row and column strategies, so that the components are those of the equilibrium set
    (Avis et al. 2010, §3; union–find with path halving).
    """
    total = left_size + (right.max() + 1 if right.shape[0] else 0)
    parent = np.arange(total)
    for e in range(left.shape[0]):
        parent[root(parent, left[e])] = root(parent, left_size + right[e])
    label = np.full(total, -1, dtype=np.int64)
    next_label = 0
    for e in range(left.shape[0]):
        r = root(parent, left[e])
        if label[r] < 0:
            label[r] = next_label
            next_label += 1
        components[e] = label[r]


@compiled
def game_equilibria(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    p_constraints: FloatArray,
    q_constraints: FloatArray,
    p_table: Table,
    q_table: Table,
    p_codes: IntArray,
    q_codes: IntArray,
    p_beaten: IntArray,
    q_beaten: IntArray,
    p_redundant: int,
    q_redundant: int,
    tol: float,
    rows: FloatArray,
    cols: FloatArray,
    components: IntArray,
    regrets: FloatArray,
) -> tuple[int, bool]:
    """Extreme equilibria of one game into ``rows``, ``cols``, ``components``; returns ``(count, degenerate)``.

    ``p_constraints`` and ``q_constraints`` are the normalised ``B`` and ``Aᵀ``; ``p_codes`` and ``q_codes``
    their bases' labels from :func:`~solver.equilibria.kernels.basis_filter.small_basis_labels`; ``p_beaten`` and
    ``q_beaten`` their :func:`~solver.equilibria.kernels.dominance.row_dominance`, ``p_redundant`` and ``q_redundant``
    their :func:`~solver.equilibria.kernels.dominance.redundant_constraints`. ``regrets`` receives each
    equilibrium's :func:`~solver.equilibria.core.verification.relative_regret` (scale-aware: relative to the payoffs
    at stake as well as the range), for the caller to check. The count
    is ``-1`` when the game has more extreme equilibria than the output arrays hold.
    """
    m, n = row_payoffs.shape
    p_bases = np.empty(p_table[2].shape[0], dtype=np.int64)
    p_masks = np.empty(p_table[2].shape[0], dtype=np.int64)
    q_bases = np.empty(q_table[2].shape[0], dtype=np.int64)
    q_masks = np.empty(q_table[2].shape[0], dtype=np.int64)
    rows_left, cols_left = surviving_strategies(p_constraints, q_constraints, MARGIN_PER_TOLERANCE * tol)
    p_live, q_live = live_bases(p_codes), live_bases(q_codes)
    q_candidates = supports_within(cols_left, np.array([cols_left]), n)
    q_count, degenerate = polytope_vertex_masks(
        q_constraints, q_table, q_codes, q_live, q_beaten, q_redundant, q_candidates, m, 0, tol, q_bases, q_masks
    )
    p_candidates = supports_within(rows_left, q_masks[:q_count], m)
    p_count, p_degenerate = polytope_vertex_masks(
        p_constraints, p_table, p_codes, p_live, p_beaten, p_redundant, p_candidates, 0, m, tol, p_bases, p_masks
    )
    degenerate = (
        degenerate
        or p_degenerate
        or degenerate_elsewhere(p_constraints, p_table, p_codes, p_live, p_beaten, p_redundant, p_candidates, tol)
        or degenerate_elsewhere(q_constraints, q_table, q_codes, q_live, q_beaten, q_redundant, q_candidates, tol)
    )

    p_vertex, q_vertex = completely_labelled_pairs(p_masks[:p_count], m, q_masks[:q_count], n)
    count = p_vertex.shape[0]
    if count > rows.shape[0]:
        return -1, degenerate
    for e in range(count):
        basis_strategy(p_constraints, p_table, p_bases[p_vertex[e]], tol, rows[e])
        basis_strategy(q_constraints, q_table, q_bases[q_vertex[e]], tol, cols[e])
    order = np.arange(count)
    for i in range(1, count):
        current = order[i]
        j = i
        while j > 0 and profile_precedes(rows, cols, current, order[j - 1]):
            order[j] = order[j - 1]
            j -= 1
        order[j] = current
    if count > 1:
        rows[:count] = rows[order].copy()
        cols[:count] = cols[order].copy()

    edge_components(p_vertex[order], q_vertex[order], p_count, components[:count])
    for e in range(count):
        regrets[e] = relative_regret(row_payoffs, col_payoffs, rows[e], cols[e])
    return count, degenerate


@compiled
def block_equilibria(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    p_table: Table,
    q_table: Table,
    tol: float,
    counts: IntArray,
    degenerate: BoolArray,
    rows: FloatArray,
    cols: FloatArray,
    components: IntArray,
    regrets: FloatArray,
) -> None:
    """:func:`game_equilibria` for a block of at most ``LANES`` games (arguments as for :func:`stack_equilibria`).

    The block is normalised, labelled by :func:`~solver.equilibria.kernels.basis_filter.small_basis_labels` (vectorised
    over its games), then solved game by game.
    """
    size, m, n = row_payoffs.shape
    margin = MARGIN_PER_TOLERANCE * tol
    p_constraints = np.empty((size, m, n))
    q_constraints = np.empty((size, n, m))
    p_beaten = np.empty((size, m, n), dtype=np.int64)
    q_beaten = np.empty((size, n, m), dtype=np.int64)
    p_redundant = np.empty(size, dtype=np.int64)
    q_redundant = np.empty(size, dtype=np.int64)
    for g in range(size):
        p_constraints[g] = normalised(col_payoffs[g])
        q_constraints[g] = normalised(row_payoffs[g]).T
        p_beaten[g] = row_dominance(p_constraints[g], margin)
        q_beaten[g] = row_dominance(q_constraints[g], margin)
        p_redundant[g] = redundant_constraints(p_beaten[g])
        q_redundant[g] = redundant_constraints(q_beaten[g])
    p_codes = small_basis_labels(p_constraints, p_redundant, p_table, 0, m, tol)
    q_codes = small_basis_labels(q_constraints, q_redundant, q_table, m, 0, tol)
    for g in range(size):
        counts[g], degenerate[g] = game_equilibria(
            row_payoffs[g],
            col_payoffs[g],
            p_constraints[g],
            q_constraints[g],
            p_table,
            q_table,
            p_codes[g],
            q_codes[g],
            p_beaten[g],
            q_beaten[g],
            p_redundant[g],
            q_redundant[g],
            tol,
            rows[g],
            cols[g],
            components[g],
            regrets[g],
        )


@compiled_parallel
def stack_equilibria(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    p_table: Table,
    q_table: Table,
    tol: float,
    counts: IntArray,
    degenerate: BoolArray,
    rows: FloatArray,
    cols: FloatArray,
    components: IntArray,
    regrets: FloatArray,
) -> None:
    """:func:`game_equilibria` for every game of an ``N × m × n`` stack, in parallel over blocks of games.

    Outputs per game: ``counts`` (``-1`` when the slots are too few), ``degenerate``, and ``rows``, ``cols``,
    ``components``, ``regrets`` in its slots. The loop body is one call, so that numba's parallel lowering
    leaves the block's code as compiled on its own (inlined into the loop it ran about three times slower).
    """
    games = row_payoffs.shape[0]
    for block in numba.prange((games + LANES - 1) // LANES):
        start = block * LANES
        stop = min(start + LANES, games)
        block_equilibria(
            row_payoffs[start:stop],
            col_payoffs[start:stop],
            p_table,
            q_table,
            tol,
            counts[start:stop],
            degenerate[start:stop],
            rows[start:stop],
            cols[start:stop],
            components[start:stop],
            regrets[start:stop],
        )


@compiled
def gather_slots(
    counts: IntArray,
    offsets: IntArray,
    slots: tuple[FloatArray, FloatArray, IntArray, FloatArray],
    flat: tuple[FloatArray, FloatArray, IntArray, FloatArray],
) -> None:
    """Copy each game's used slots (rows, columns, components, regrets) to rows ``offsets[g] …`` of ``flat``.

    Games the kernel could not hold (count ``-1``) are left for the caller.
    """
    for g in range(counts.shape[0]):
        for e in range(counts[g]):
            at = offsets[g] + e
            flat[0][at, :] = slots[0][g, e]
            flat[1][at, :] = slots[1][g, e]
            flat[2][at] = slots[2][g, e]
            flat[3][at] = slots[3][g, e]
