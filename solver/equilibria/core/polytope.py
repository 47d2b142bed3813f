"""Vertices of the best-response polytopes of a bimatrix game, found by basis enumeration.

For a game ``(A, B)`` whose payoffs are all positive, von Stengel (2002, "Computing equilibria for two-person
games", Handbook of Game Theory vol. 3, ch. 45, §3) defines the best-response polytopes

    P = {x ∈ ℝᵐ : x ≥ 0,  Bᵀx ≤ 1}        Q = {y ∈ ℝⁿ : Ay ≤ 1,  y ≥ 0}.

A point of ``P`` carries label ``i`` (a row strategy) when ``x_i = 0`` and label ``m + j`` (a column strategy)
when ``(Bᵀx)_j = 1``; a point of ``Q`` carries label ``i`` when ``(Ay)_i = 1`` and ``m + j`` when ``y_j = 0``.

Both are instances of ``{z ≥ 0 : Cᵀz ≤ 1}`` (``C = B`` for ``P``, ``C = Aᵀ`` for ``Q``). Every vertex ``z ≠ 0``
of such a polytope solves ``C[S, T]ᵀ z_S = 1`` for a support ``S`` and a set ``T`` of tight constraints with
``|S| = |T| = k`` and ``C[S, T]`` non-singular (a vertex has ``d`` linearly independent tight constraints; the
``d - k`` of them that are ``z_i = 0`` leave a ``k × k`` system). Enumerating every such basis and keeping the
feasible solutions therefore finds every vertex, also when the polytope is degenerate (a vertex on more than
``d`` facets is found once per basis and deduplicated).

The float methods share this module's tolerance (``DEFAULT_TOLERANCE``, accepted within ``TOLERANCE_RANGE``
by :func:`checked_tolerance`) and :func:`best_response_vertices`, the vertices of ``P`` and ``Q`` of a game
whose payoffs :func:`normalise_payoffs` has mapped onto ``[1, 2]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import comb

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

#: Feasibility and label tolerance on the normalised polytopes (payoffs mapped onto [1, 2]).
DEFAULT_TOLERANCE = 1e-10
#: Tolerances the float methods accept. Measured on 240 games of the seeded test corpus against the exact
#: oracle: 1e-14 … 1e-6 all agree; 1e-16 is below float noise and misses equilibria in 72 games; 1e-4 merges
#: distinct vertices (9 games wrong, one failing verification); tol = 1 returned the "equilibrium" [nan, nan].
#: The bounds keep a factor of ten inside the measured range on each side.
TOLERANCE_RANGE = (1e-13, 1e-8)

#: Largest number of k×k systems solved in one vectorised call; bounds memory on larger games.
BASES_PER_CHUNK = 50_000


@dataclass(frozen=True)
class PolytopeVertices:
    """Non-zero vertices of ``{z ≥ 0 : Cᵀz ≤ 1}`` with their labels.

    Attributes
    ----------
    points:
        ``(V, d)`` array, one vertex per row, entries within ``tol`` of zero set to exactly zero.
    zero:
        ``(V, d)`` boolean array, ``zero[v, i]`` when ``z_i = 0`` at vertex ``v``.
    tight:
        ``(V, e)`` boolean array, ``tight[v, j]`` when ``(Cᵀz)_j = 1`` at vertex ``v``.
    """

    points: FloatArray
    zero: BoolArray
    tight: BoolArray

    @property
    def label_counts(self) -> NDArray[np.int64]:
        """Number of labels at each vertex (a simple vertex has exactly ``d``)."""
        return np.asarray(self.zero.sum(axis=1) + self.tight.sum(axis=1), dtype=np.int64)


def normalise_payoffs(payoffs: FloatArray) -> FloatArray:
    """Map payoffs affinely onto ``[1, 2]``: ``1 + (M - min M) / (max M - min M)``.

    Nash equilibria are invariant under positive affine maps of a player's payoffs, and positive payoffs make
    the polytopes bounded. A constant matrix maps to all ones.
    """
    low, high = float(payoffs.min()), float(payoffs.max())
    span = high - low
    if span == 0.0:
        return np.ones_like(payoffs, dtype=np.float64)
    return np.asarray(1.0 + (payoffs - low) / span, dtype=np.float64)


def _basis_batches(d: int, e: int, k: int) -> list[tuple[NDArray[np.intp], NDArray[np.intp]]]:
    """All (support, tight set) pairs of size ``k``, as index arrays cut into chunks."""
    supports = np.array(list(combinations(range(d), k)), dtype=np.intp)
    tights = np.array(list(combinations(range(e), k)), dtype=np.intp)
    total = comb(d, k) * comb(e, k)
    batches = []
    for start in range(0, total, BASES_PER_CHUNK):
        flat = np.arange(start, min(start + BASES_PER_CHUNK, total))
        batches.append((supports[flat // len(tights)], tights[flat % len(tights)]))
    return batches


def _solve_bases(
    constraints: FloatArray, supports: NDArray[np.intp], tights: NDArray[np.intp], tol: float
) -> FloatArray:
    """Solve ``C[S, T]ᵀ z_S = 1`` for every basis and return the feasible full-length solutions."""
    d = constraints.shape[0]
    systems = constraints[supports[:, :, None], tights[:, None, :]].transpose(0, 2, 1)
    singular_values = np.linalg.svd(systems, compute_uv=False)
    regular = singular_values[:, -1] > 1e-12 * singular_values[:, 0]
    if not regular.any():
        return np.empty((0, d))
    rhs = np.ones((*systems.shape[:2], 1))
    solved = np.linalg.solve(systems[regular], rhs[regular])[:, :, 0]
    points = np.zeros((solved.shape[0], d))
    np.put_along_axis(points, supports[regular], solved, axis=1)
    feasible = (points >= -tol).all(axis=1) & ((points @ constraints) <= 1.0 + tol).all(axis=1)
    return points[feasible]


def _deduplicate(points: FloatArray, tol: float) -> FloatArray:
    """Merge points closer than ``tol`` in max norm, keeping the first of each cluster.

    A point is dropped when an earlier kept point lies within ``tol``. Points that close have projections
    ``w·z`` within ``tol · Σw`` of each other (``w > 0``), so each point is compared only with the few whose
    projection is that near: thousands of vertices (a 60 × 3 game's ten thousand) cost a fraction of a second,
    not a quadratic scan.
    """
    if len(points) == 0:
        return points
    _, first = np.unique(np.round(points / tol).astype(np.int64), axis=0, return_index=True)
    candidates = points[np.sort(first)]
    weights = 1.0 + np.arange(candidates.shape[1]) / candidates.shape[1]
    projections = candidates @ weights
    order = np.argsort(projections, kind="stable")
    reach = tol * weights.sum()
    low = np.searchsorted(projections[order], projections - reach, side="left")
    high = np.searchsorted(projections[order], projections + reach, side="right")
    kept = np.zeros(len(candidates), dtype=bool)
    for j in range(len(candidates)):
        near = order[low[j] : high[j]]
        near = near[(near < j) & kept[near]]
        kept[j] = near.size == 0 or bool(np.abs(candidates[near] - candidates[j]).max(axis=1).min() > tol)
    return candidates[kept]


def polytope_vertices(constraints: FloatArray, tol: float = 1e-10) -> PolytopeVertices:
    """Every non-zero vertex of ``{z ∈ ℝᵈ : z ≥ 0, Cᵀz ≤ 1}`` for a positive ``d × e`` matrix ``C``.

    Parameters
    ----------
    constraints:
        The matrix ``C`` (``d × e``), entries positive (use :func:`normalise_payoffs`).
    tol:
        Feasibility and label tolerance on the polytope's own scale (coordinates are at most 1).

    Returns
    -------
    PolytopeVertices
        The vertices with their zero and tight labels; coordinates within ``tol`` of zero are exactly zero.
    """
    d, e = constraints.shape
    found = [
        _solve_bases(constraints, supports, tights, tol)
        for k in range(1, min(d, e) + 1)
        for supports, tights in _basis_batches(d, e, k)
    ]
    points = _deduplicate(np.concatenate(found) if found else np.empty((0, d)), tol * 100)
    points[np.abs(points) <= tol] = 0.0
    zero = points == 0.0
    tight = np.abs(points @ constraints - 1.0) <= tol
    return PolytopeVertices(points=points, zero=zero, tight=tight)


def checked_tolerance(tol: float) -> float:
    """``tol`` if it lies in ``TOLERANCE_RANGE``; otherwise :class:`ValueError` saying what to pass."""
    low, high = TOLERANCE_RANGE
    if not low <= tol <= high:  # also refuses NaN
        raise ValueError(
            f"tol must lie between {low:g} and {high:g} (a tolerance on payoffs mapped onto [1, 2]), got {tol!r}; "
            f"the default {DEFAULT_TOLERANCE:g} suits every game, and exact=True needs none"
        )
    return tol


def best_response_vertices(
    row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float = DEFAULT_TOLERANCE
) -> tuple[PolytopeVertices, PolytopeVertices]:
    """Vertices of ``P`` (row player's mixed strategies) and ``Q`` (column player's) of the normalised game."""
    p = polytope_vertices(normalise_payoffs(col_payoffs), tol)
    q = polytope_vertices(normalise_payoffs(row_payoffs).T, tol)
    return p, q
