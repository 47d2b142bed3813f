"""All extreme Nash equilibria of a bimatrix game by enumeration of completely labelled vertex pairs.

A pair ``(x, y) ≠ (0, 0)`` of vertices of the best-response polytopes ``P`` and ``Q`` (see
:mod:`solver.equilibria.polytope`) is *completely labelled* when every label ``0 … m + n − 1`` is a label of
``x`` or of ``y``; the extreme Nash equilibria are exactly ``(x / Σx, y / Σy)`` for those pairs (von Stengel
2002, Thm. 3.1 and §3.2; Avis et al. 2010, §3 "EEE"). Nothing here assumes the game is non-degenerate:
vertices with more labels than dimensions are found by basis enumeration, and such a vertex is the witness
that the game is degenerate.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from math import comb

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.components import equilibrium_components, maximal_nash_subsets
from solver.equilibria.polytope import PolytopeVertices, normalise_payoffs, polytope_vertices
from solver.equilibria.result import DegeneracyWitness, Equilibrium, EquilibriumSet, ExactProfile
from solver.equilibria.verification import verify_profile

FloatArray = NDArray[np.float64]

#: Feasibility and label tolerance on the normalised polytopes (payoffs mapped onto [1, 2]).
DEFAULT_TOLERANCE = 1e-10
#: Tolerances the float methods accept. Measured on 240 games of the seeded test corpus against the exact
#: oracle: 1e-14 … 1e-6 all agree; 1e-16 is below float noise and misses equilibria in 72 games; 1e-4 merges
#: distinct vertices (9 games wrong, one failing verification); tol = 1 returned the "equilibrium" [nan, nan].
#: The bounds keep a factor of ten inside the measured range on each side.
TOLERANCE_RANGE = (1e-13, 1e-8)


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


def checked_tolerance(tol: float) -> float:
    """``tol`` if it lies in ``TOLERANCE_RANGE``; otherwise :class:`ValueError` saying what to pass."""
    low, high = TOLERANCE_RANGE
    if not low <= tol <= high:  # also refuses NaN
        raise ValueError(
            f"tol must lie between {low:g} and {high:g} (a tolerance on payoffs mapped onto [1, 2]), got {tol!r}; "
            f"the default {DEFAULT_TOLERANCE:g} suits every game, and exact=True needs none"
        )
    return tol


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


def _ordered(
    profiles: list[tuple[FloatArray, FloatArray]], exact: Sequence[ExactProfile] | None
) -> tuple[list[int], list[tuple[Hashable, Hashable]]]:
    """The order of the profiles (row strategy, then column strategy, descending) and a key per strategy.

    Float profiles are compared to 12 decimals so that one probability reached by two computations sorts the
    same way, and identified by their bytes (callers pass cleaned, deduplicated vertices); exact profiles are
    compared and identified as rationals.
    """
    if exact is None:
        rounded = [(tuple(-np.round(x, 12)), tuple(-np.round(y, 12))) for x, y in profiles]
        keys: list[tuple[Hashable, Hashable]] = [(x.tobytes(), y.tobytes()) for x, y in profiles]
        return sorted(range(len(profiles)), key=rounded.__getitem__), keys
    negated = [(tuple(-p for p in e.row), tuple(-q for q in e.col)) for e in exact]
    return sorted(range(len(exact)), key=negated.__getitem__), [(e.row, e.col) for e in exact]


def build_equilibrium_set(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    profiles: list[tuple[FloatArray, FloatArray]],
    *,
    method: str,
    complete: bool,
    degeneracy_witnesses: tuple[DegeneracyWitness, ...],
    exact: Sequence[ExactProfile] | None = None,
) -> EquilibriumSet:
    """Verify extreme equilibrium profiles and assemble them with their Nash subsets and components.

    Float profiles pass the regret check of :func:`~solver.equilibria.verification.verify_profile`. With
    ``exact`` (one exactly verified :class:`ExactProfile` per profile, ``profiles`` being their nearest floats)
    the equilibria carry their rationals, payoffs are the exact ones rounded, and ``max_regret`` is 0.
    Profiles are sorted (row strategy, then column strategy, descending) so that results are reproducible.
    """
    order, keys = _ordered(profiles, exact)
    row_keys: dict[Hashable, int] = {}
    col_keys: dict[Hashable, int] = {}
    edges = [
        (row_keys.setdefault(keys[k][0], len(row_keys)), col_keys.setdefault(keys[k][1], len(col_keys))) for k in order
    ]
    subsets = maximal_nash_subsets(edges)
    components = equilibrium_components(edges, subsets)
    component_of = {i: c for c, component in enumerate(components) for i in component.equilibria}
    equilibria = []
    for i, k in enumerate(order):
        x, y = profiles[k]
        certificate = None if exact is None else exact[k]
        equilibria.append(
            Equilibrium(
                row=x,
                col=y,
                row_payoff=float(x @ row_payoffs @ y) if certificate is None else float(certificate.row_payoff),
                col_payoff=float(x @ col_payoffs @ y) if certificate is None else float(certificate.col_payoff),
                max_regret=verify_profile(row_payoffs, col_payoffs, x, y) if certificate is None else 0.0,
                component=component_of[i],
                nash_subsets=tuple(
                    s
                    for s, subset in enumerate(subsets)
                    if edges[i][0] in subset.row_strategies and edges[i][1] in subset.col_strategies
                ),
                row_strategy_index=edges[i][0],
                col_strategy_index=edges[i][1],
                exact=certificate,
            )
        )
    return EquilibriumSet(
        equilibria=tuple(equilibria),
        nash_subsets=tuple(subsets),
        components=tuple(components),
        degenerate=bool(degeneracy_witnesses),
        degeneracy_witnesses=degeneracy_witnesses,
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        method=method,
        complete=complete,
        is_exact=exact is not None,
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
        Tolerance on the normalised polytopes (within ``TOLERANCE_RANGE``); entries of a strategy at or below it
        are exactly zero.
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
