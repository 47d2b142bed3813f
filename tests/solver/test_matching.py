"""One-to-one matching of strategy profiles within a tolerance."""

from __future__ import annotations

import numpy as np

from solver.matching import match_profiles, profile_difference

A = (np.array([1.0, 0.0]), np.array([0.0, 1.0]))
B = (np.array([0.5, 0.5]), np.array([0.25, 0.75]))


def test_each_reference_profile_is_paired_with_a_distinct_found_one() -> None:
    near_b = (B[0] + 1e-10, B[1])
    assert match_profiles([near_b, A], [A, B], atol=1e-9) == [1, 0]
    assert match_profiles([A, A], [A, B], atol=1e-9) == [0, None]  # a found profile is used once


def test_the_difference_lists_what_each_side_has_alone() -> None:
    missing, extra = profile_difference([A, (B[0], B[1] + 1e-3)], [A, B], atol=1e-9)
    assert [np.allclose(m[1], B[1]) for m in missing] == [True]
    assert len(extra) == 1
    assert profile_difference([A, B], [B, A], atol=1e-9) == ([], [])
