"""Agreement of a solver's equilibria with the exact ones: the same extreme equilibria, one to one."""

from __future__ import annotations

import numpy as np

from benchmarks.solvers import Profile

#: Probabilities closer than this are the same (float solvers against exact rationals converted to floats).
MATCH_TOLERANCE = 1e-6


def same_equilibria(found: list[Profile], exact: list[Profile]) -> bool:
    """True when ``found`` and ``exact`` hold the same profiles, matched one to one within the tolerance."""
    if len(found) != len(exact):
        return False
    remaining = list(exact)
    for x, y in found:
        for k, (a, b) in enumerate(remaining):
            if np.allclose(x, a, atol=MATCH_TOLERANCE) and np.allclose(y, b, atol=MATCH_TOLERANCE):
                del remaining[k]
                break
        else:
            return False
    return True
