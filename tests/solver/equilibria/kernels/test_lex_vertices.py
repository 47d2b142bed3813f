"""Lexicographic pivoting reaches every vertex of degenerate and non-degenerate polytopes."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria.core.polytope import normalise_payoffs, polytope_vertices
from solver.equilibria.kernels.lex_vertices import REFACTOR_INTERVAL, polytope_vertex_labels


def _masks(zero: np.ndarray, tight: np.ndarray) -> list[int]:
    d = zero.shape[1]
    return [
        sum(1 << i for i in np.flatnonzero(z)) | sum(1 << (d + j) for j in np.flatnonzero(t))
        for z, t in zip(zero, tight, strict=True)
    ]


@pytest.mark.parametrize("kind", ["integer", "float"])
def test_same_vertices_and_labels_as_basis_enumeration(kind: str) -> None:
    rng = np.random.default_rng(1)
    for _ in range(100):
        d, e = rng.integers(2, 7, size=2)
        payoffs = rng.integers(0, 3, size=(d, e)).astype(float) if kind == "integer" else rng.normal(size=(d, e))
        constraints = normalise_payoffs(payoffs)
        reference = polytope_vertices(constraints)
        points, masks = polytope_vertex_labels(constraints, 0, 0, d, 1e-10)
        reference_masks = _masks(reference.zero, reference.tight)
        assert sorted(masks.tolist()) == sorted(reference_masks)
        np.testing.assert_allclose(points[np.argsort(masks)], reference.points[np.argsort(reference_masks)], atol=1e-12)


def test_redundant_constraints_are_left_out() -> None:
    constraints = np.array([[2.0, 1.0], [1.5, 1.2]])  # column 1 is beaten by column 0 in both rows
    points, masks = polytope_vertex_labels(constraints, 0b10, 0, 2, 1e-10)
    full_points, _ = polytope_vertex_labels(constraints, 0, 0, 2, 1e-10)
    assert sorted(map(tuple, points)) == sorted(map(tuple, full_points))
    assert not any(mask & (1 << 3) for mask in masks.tolist())


@pytest.mark.parametrize("kind", ["integer", "float"])
def test_same_vertices_as_basis_enumeration_on_long_walks(kind: str) -> None:
    """9×9 polytopes have hundreds of vertices: the walk pivots its tableau far past a refactorisation interval."""
    rng = np.random.default_rng(9)
    payoffs = rng.integers(-99, 100, size=(9, 9)).astype(float) if kind == "integer" else rng.normal(size=(9, 9))
    constraints = normalise_payoffs(payoffs)
    reference = polytope_vertices(constraints)
    points, masks = polytope_vertex_labels(constraints, 0, 0, 9, 1e-10)
    assert len(masks) > 4 * REFACTOR_INTERVAL
    reference_masks = _masks(reference.zero, reference.tight)
    assert sorted(masks.tolist()) == sorted(reference_masks)
    np.testing.assert_allclose(points[np.argsort(masks)], reference.points[np.argsort(reference_masks)], atol=1e-12)


def test_walked_vertices_carry_exactly_their_labels() -> None:
    """On a 14×14 polytope (tens of thousands of vertices) every point is feasible and its mask is its labels."""
    rng = np.random.default_rng(14)
    constraints = normalise_payoffs(rng.integers(-99, 100, size=(14, 14)).astype(float))
    points, masks = polytope_vertex_labels(constraints, 0, 0, 14, 1e-10)
    assert len(masks) > 1000
    slack = 1.0 - points @ constraints
    assert points.min() >= 0.0
    assert slack.min() > -1e-9
    recomputed = _masks(points == 0.0, np.abs(slack) <= 1e-10)
    assert masks.tolist() == recomputed
    assert len(set(masks.tolist())) == len(masks)
