"""Comparing two computations of one game's equilibria: same profiles, same components, same degeneracy."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria import EquilibriumSet
from solver.matching import match_profiles

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def disagreement(
    reference: EquilibriumSet, rows: FloatArray, cols: FloatArray, components: IntArray, degenerate: bool
) -> str | None:
    """Why ``(rows, cols, components, degenerate)`` differs from ``reference``, or None when they agree.

    Equilibria are matched one to one within ``1e-9``; components must induce the same partition (their
    numbering may differ where rounding noise orders two equal probabilities differently).
    """
    if bool(degenerate) != reference.degenerate:
        return f"degenerate {bool(degenerate)} but reference says {reference.degenerate}"
    if len(rows) != len(reference):
        return f"{len(rows)} equilibria but reference has {len(reference)}"
    found = [(rows[e], cols[e]) for e in range(len(rows))]
    match = match_profiles(found, [(eq.row, eq.col) for eq in reference], atol=1e-9)
    for eq, e in zip(reference, match, strict=True):
        if e is None:
            return f"reference equilibrium ({eq.row}, {eq.col}) has no match"
    pairs = {(eq.component, int(components[e])) for eq, e in zip(reference, match, strict=True)}
    if len(pairs) != len({a for a, _ in pairs}) or len(pairs) != len({b for _, b in pairs}):
        return f"components differ: reference → ours {sorted(pairs)}"
    return None


def set_disagreement(reference: EquilibriumSet, other: EquilibriumSet) -> str | None:
    """:func:`disagreement` between two :class:`EquilibriumSet` objects."""
    m, n = reference.row_payoffs.shape
    return disagreement(
        reference,
        np.array([eq.row for eq in other]).reshape(-1, m),
        np.array([eq.col for eq in other]).reshape(-1, n),
        np.array([eq.component for eq in other], dtype=np.int64),
        other.degenerate,
    )
