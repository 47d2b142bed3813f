"""All extreme Nash equilibria of a bimatrix game by enumeration of completely labelled vertex pairs.

A pair ``(x, y) ≠ (0, 0)`` of vertices of the best-response polytopes ``P`` and ``Q`` (see
:mod:`solver.equilibria.polytope`) is *completely labelled* when every label ``0 … m + n − 1`` is a label of
``x`` or of ``y``; the extreme Nash equilibria are exactly ``(x / Σx, y / Σy)`` for those pairs (von Stengel
2002, Thm. 3.1 and §3.2; Avis et al. 2010, §3 "EEE"). Nothing here assumes the game is non-degenerate:
vertices with more labels than dimensions are found by basis enumeration, and such a vertex is the witness
that the game is degenerate.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.components import equilibrium_components, maximal_nash_subsets
from solver.equilibria.polytope import PolytopeVertices, normalise_payoffs, polytope_vertices
from solver.equilibria.result import DegeneracyWitness, Equilibrium, EquilibriumSet
from solver.equilibria.verification import verify_profile

FloatArray = NDArray[np.float64]

#: Feasibility and label tolerance on the normalised polytopes (payoffs mapped onto [1, 2]).
DEFAULT_TOLERANCE = 1e-10


def degeneracy_witnesses(p: PolytopeVertices, q: PolytopeVertices) -> tuple[DegeneracyWitness, ...]:
    """Vertices of ``P`` or ``Q`` with more labels than the polytope's dimension."""
    m, n = p.points.shape[1], q.points.shape[1]
    witnesses = []
    for v in np.flatnonzero(p.label_counts > m):
        witnesses.append(
            DegeneracyWitness(
                player="row",
                strategy=p.points[v] / p.points[v].sum(),
                support_size=int(np.count_nonzero(p.points[v])),
                best_responses=tuple(int(j) for j in np.flatnonzero(p.tight[v])),
            )
        )
    for v in np.flatnonzero(q.label_counts > n):
        witnesses.append(
            DegeneracyWitness(
                player="column",
                strategy=q.points[v] / q.points[v].sum(),
                support_size=int(np.count_nonzero(q.points[v])),
                best_responses=tuple(int(i) for i in np.flatnonzero(q.tight[v])),
            )
        )
    return tuple(witnesses)


def build_equilibrium_set(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    profiles: list[tuple[FloatArray, FloatArray]],
    *,
    method: str,
    complete: bool,
    degeneracy_witnesses: tuple[DegeneracyWitness, ...],
) -> EquilibriumSet:
    """Verify extreme equilibrium profiles and assemble them with their Nash subsets and components.

    Profiles are sorted (row strategy, then column strategy, descending, compared to 12 decimals so that one
    probability reached by two computations sorts the same way) so that results are reproducible.
    Distinct strategies are identified exactly: callers pass cleaned, deduplicated vertices.
    """
    profiles = sorted(profiles, key=lambda xy: (tuple(-np.round(xy[0], 12)), tuple(-np.round(xy[1], 12))))
    row_keys: dict[bytes, int] = {}
    col_keys: dict[bytes, int] = {}
    edges = [
        (row_keys.setdefault(x.tobytes(), len(row_keys)), col_keys.setdefault(y.tobytes(), len(col_keys)))
        for x, y in profiles
    ]
    subsets = maximal_nash_subsets(edges)
    components = equilibrium_components(edges, subsets)
    component_of = {i: c for c, component in enumerate(components) for i in component.equilibria}
    equilibria = tuple(
        Equilibrium(
            row=x,
            col=y,
            row_payoff=float(x @ row_payoffs @ y),
            col_payoff=float(x @ col_payoffs @ y),
            max_regret=verify_profile(row_payoffs, col_payoffs, x, y),
            component=component_of[i],
            nash_subsets=tuple(
                s
                for s, subset in enumerate(subsets)
                if edges[i][0] in subset.row_strategies and edges[i][1] in subset.col_strategies
            ),
            row_strategy_index=edges[i][0],
            col_strategy_index=edges[i][1],
        )
        for i, (x, y) in enumerate(profiles)
    )
    return EquilibriumSet(
        equilibria=equilibria,
        nash_subsets=tuple(subsets),
        components=tuple(components),
        degenerate=bool(degeneracy_witnesses),
        degeneracy_witnesses=degeneracy_witnesses,
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        method=method,
        complete=complete,
    )


def best_response_vertices(
    row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float = DEFAULT_TOLERANCE
) -> tuple[PolytopeVertices, PolytopeVertices]:
    """Vertices of ``P`` (row player's mixed strategies) and ``Q`` (column player's) of the normalised game."""
    p = polytope_vertices(normalise_payoffs(col_payoffs), tol)
    q = polytope_vertices(normalise_payoffs(row_payoffs).T, tol)
    return p, q


def labelled_vertex_equilibria(
    row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float = DEFAULT_TOLERANCE
) -> EquilibriumSet:
    """Every extreme Nash equilibrium of ``(A, B)``, verified, with components and degeneracy.

    Parameters
    ----------
    row_payoffs, col_payoffs:
        ``m × n`` payoff matrices ``A`` (row player) and ``B`` (column player), finite floats.
    tol:
        Tolerance on the normalised polytopes; entries of a strategy at or below it are exactly zero.
    """
    p, q = best_response_vertices(row_payoffs, col_payoffs, tol)
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
