"""Every extreme equilibrium of a larger bimatrix game by lexicographic pivoting (lrs-style), verified.

Basis enumeration (:mod:`solver.equilibria.methods.labelled_vertices`) solves ``Σ_k C(m, k) C(n, k) = C(m + n, m) − 1``
linear systems per polytope: 184,755 for a 10×10 game, 155 million for a 15×15. The vertices of a best-response
polytope are far fewer (thousands for a random 12×12), and lexicographic pivoting
(:mod:`solver.equilibria.kernels.lex_vertices`) visits only them — every one, degenerate polytopes included — as
lrsnash does (Avis, Rosenberg, Savani & von Stengel 2010, §4); the two polytopes of a larger game are walked at
once, on two threads. Their vertices are then matched by their labels
(:mod:`solver.equilibria.kernels.completely_labelled`), and the equilibria pass the same verification, component
and degeneracy analysis as every other method.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.assembly import build_equilibrium_set, degeneracy_witnesses
from solver.equilibria.core.polytope import DEFAULT_TOLERANCE, PolytopeVertices, checked_tolerance, normalise_payoffs
from solver.equilibria.core.result import EquilibriumSet
from solver.equilibria.kernels.completely_labelled import completely_labelled_pairs
from solver.equilibria.kernels.dominance import MARGIN_PER_TOLERANCE, redundant_constraints, row_dominance
from solver.equilibria.kernels.lex_vertices import polytope_vertex_labels

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

#: Labels are bits of an int64: the method takes games with ``m + n`` up to this.
MAX_STRATEGIES = 62

#: From this many strategies (``m + n``) on, ``P`` and ``Q`` are walked on two threads. Measured on the 2-core
#: development machine: starting and joining the helper thread costs about 0.25 ms, a whole 7×4 game 0.6 ms,
#: while a 10×10 polytope takes milliseconds and a 15×15 one a second.
PARALLEL_STRATEGIES = 20


def surplus_vertices(points: FloatArray, masks: IntArray, zero_bit: int, tight_bit: int, e: int) -> PolytopeVertices:
    """The vertices with more labels than the dimension ``d`` (the degeneracy witnesses), labels unpacked.

    Only these are unpacked into the zero and tight label arrays of :class:`PolytopeVertices`: a 20×20 polytope
    has millions of vertices, and 64 label bits for each would take gigabytes.
    """
    d = points.shape[1]
    surplus = np.bitwise_count(masks) > d
    bits = (masks[surplus, None] >> np.arange(64, dtype=np.int64)) & 1
    return PolytopeVertices(
        points=points[surplus],
        zero=bits[:, zero_bit : zero_bit + d].astype(bool),
        tight=bits[:, tight_bit : tight_bit + e].astype(bool),
    )


def pivoting_equilibria(
    row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float = DEFAULT_TOLERANCE
) -> EquilibriumSet:
    """Every extreme Nash equilibrium of ``(A, B)`` by lexicographic pivoting, verified, with components.

    Parameters
    ----------
    row_payoffs, col_payoffs:
        ``m × n`` payoff matrices ``A`` and ``B``, finite floats, ``m + n ≤ MAX_STRATEGIES``.
    tol:
        Label and feasibility tolerance on the normalised polytopes, as for the labelled-vertex method.
    """
    m, n = row_payoffs.shape
    if m + n > MAX_STRATEGIES:
        raise ValueError(
            f"lex-pivoting handles games with m + n ≤ {MAX_STRATEGIES} strategies, got {m} × {n}; "
            "use method 'labelled-vertices' (or 'auto', which does)"
        )
    tol = checked_tolerance(tol)
    p_constraints = normalise_payoffs(col_payoffs)
    q_constraints = np.ascontiguousarray(normalise_payoffs(row_payoffs).T)
    margin = MARGIN_PER_TOLERANCE * tol
    p_redundant = redundant_constraints(row_dominance(p_constraints, margin))
    q_redundant = redundant_constraints(row_dominance(q_constraints, margin))
    p_args = (p_constraints, p_redundant, 0, m, tol)
    q_args = (q_constraints, q_redundant, m, 0, tol)
    if m + n < PARALLEL_STRATEGIES:
        p_points, p_masks = polytope_vertex_labels(*p_args)
        q_points, q_masks = polytope_vertex_labels(*q_args)
    else:  # the kernel releases the GIL: P's vertices on a helper thread while this one enumerates Q's
        with ThreadPoolExecutor(max_workers=1) as helper:
            p_future = helper.submit(polytope_vertex_labels, *p_args)
            q_points, q_masks = polytope_vertex_labels(*q_args)
            p_points, p_masks = p_future.result()
    p_vertex, q_vertex = completely_labelled_pairs(p_masks, m, q_masks, n)
    profiles = [
        (p_points[a] / p_points[a].sum(), q_points[b] / q_points[b].sum())
        for a, b in zip(p_vertex.tolist(), q_vertex.tolist(), strict=True)
    ]
    return build_equilibrium_set(
        row_payoffs,
        col_payoffs,
        profiles,
        method="lex-pivoting",
        complete=True,
        degeneracy_witnesses=degeneracy_witnesses(
            surplus_vertices(p_points, p_masks, 0, m, n), surplus_vertices(q_points, q_masks, m, 0, m)
        ),
    )
