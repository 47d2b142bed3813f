"""Agreement of a solver's equilibria with the exact ones: the same extreme equilibria, one to one."""

from __future__ import annotations

from benchmarks.solvers import Profile
from solver.matching import profile_difference

#: Probabilities closer than this are the same (float solvers against exact rationals converted to floats).
MATCH_TOLERANCE = 1e-6


def same_equilibria(found: list[Profile], exact: list[Profile]) -> bool:
    """True when ``found`` and ``exact`` hold the same profiles, matched one to one within the tolerance."""
    missing, extra = profile_difference(found, exact, MATCH_TOLERANCE)
    return not missing and not extra
