"""Matching the strategy profiles of two computations of one game, one to one within a tolerance.

Used wherever two equilibrium sets are compared — the tests against the exact oracle, the batch engine against
the single-game one, the benchmark's agreement column — so that "the same equilibria" means one thing: every
reference profile ``(x, y)`` is paired with a distinct found profile ``(x', y')`` with
``max(|x − x'|, |y − y'|) ≤ atol`` componentwise, and nothing is left over on either side.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

#: A strategy profile: the row player's and the column player's mixed strategies.
Profile = tuple[ArrayLike, ArrayLike]


def match_profiles(found: Sequence[Profile], reference: Sequence[Profile], atol: float) -> list[int | None]:
    """For each reference profile, the index of the found profile paired with it (greedily, each used once), or
    None where no unused found profile is within ``atol``."""
    used: set[int] = set()
    pairs: list[int | None] = []
    for x, y in reference:
        match = next(
            (k for k, (a, b) in enumerate(found)
             if k not in used and np.allclose(a, x, atol=atol) and np.allclose(b, y, atol=atol)),
            None,
        )  # fmt: skip
        if match is not None:
            used.add(match)
        pairs.append(match)
    return pairs


def profile_difference(
    found: Sequence[Profile], reference: Sequence[Profile], atol: float
) -> tuple[list[Profile], list[Profile]]:
    """``(missing, extra)``: reference profiles no found profile matches, and found profiles left unmatched."""
    pairs = match_profiles(found, reference, atol)
    matched = {k for k in pairs if k is not None}
    missing = [profile for profile, k in zip(reference, pairs, strict=True) if k is None]
    return missing, [profile for k, profile in enumerate(found) if k not in matched]
