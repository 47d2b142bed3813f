"""Matching vertices by labels: the hash lookup for large vertex sets finds exactly the pairs a full scan finds."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria.core.polytope import normalise_payoffs
from solver.equilibria.kernels.completely_labelled import SCAN_LIMIT, completely_labelled_pairs, scanned_pairs
from solver.equilibria.kernels.lex_vertices import polytope_vertex_labels


@pytest.mark.parametrize("kind", ["integer", "float"])
def test_hash_lookup_matches_full_scan(kind: str) -> None:
    rng = np.random.default_rng(2)
    m = n = 11
    draw = (
        (lambda: rng.integers(0, 3, size=(m, n)).astype(float))
        if kind == "integer"
        else (lambda: rng.normal(size=(m, n)))
    )
    a, b = draw(), draw()
    _, p_masks = polytope_vertex_labels(normalise_payoffs(b), 0, 0, m, 1e-10)
    _, q_masks = polytope_vertex_labels(np.ascontiguousarray(normalise_payoffs(a).T), 0, m, 0, 1e-10)
    assert len(p_masks) * len(q_masks) > SCAN_LIMIT
    full = (1 << (m + n)) - 1
    expected = sorted(zip(*(x.tolist() for x in scanned_pairs(p_masks, q_masks, full)), strict=True))
    found = sorted(zip(*(x.tolist() for x in completely_labelled_pairs(p_masks, m, q_masks, n)), strict=True))
    assert found == expected
    assert found
