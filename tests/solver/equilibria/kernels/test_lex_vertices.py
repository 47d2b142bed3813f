"""Lexicographic pivoting reaches every vertex of degenerate and non-degenerate polytopes."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria.core.polytope import normalise_payoffs, polytope_vertices
from solver.equilibria.kernels.lex_vertices import polytope_vertex_labels


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
    """9×9 polytopes have hundreds of vertices: long walks."""
    rng = np.random.default_rng(9)
    payoffs = rng.integers(-99, 100, size=(9, 9)).astype(float) if kind == "integer" else rng.normal(size=(9, 9))
    constraints = normalise_payoffs(payoffs)
    reference = polytope_vertices(constraints)
    points, masks = polytope_vertex_labels(constraints, 0, 0, 9, 1e-10)
    assert len(masks) > 4
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


def test_the_merged_three_player_game_whose_walk_drifted_has_only_its_true_vertices() -> None:
    """Point 7739 of the three-player view's 8,192-point Belarus Sobol' sample: its merged 8×9 game is highly
    degenerate (columns are sums of a patron and a second-pole part). Stepping by pivots, refactoring every 32
    steps, the walk returned 3,314 points for the patron's polytope, some with a zero sum, where basis enumeration
    finds 20 vertices."""
    from games import load_scenario
    from games.three_player import build_three_player_game
    from solver.concepts.three_player import merged_game

    values = {
        "subsidy_value": 5.540527202002704, "red_line_cost": 6.519924616441131,
        "enforcement_cost": 6.505598606541753, "red_line_stake": 26.68032576330006,
        "loyalty_value": 18.18428715877235, "autonomy_value": 6.96527197426185,
        "second_pole_offer": 0.3971690475475043, "second_pole_support": 0.6738749455660581,
        "patron_aggressiveness": 0.6089988391846419, "patron_relative_decline": 0.1912381198257208,
        "instrument_cost": 0.8710592526942491, "second_pole_engagement_value": 1.6710001308470963,
        "second_pole_interest": 0.5761827868409455, "second_pole_support_cost": 0.37429590672254565,
        "coercion_cost": 1.0074682268314064,
    }  # fmt: skip
    _, col_payoffs = merged_game(build_three_player_game(load_scenario("belarus-2014").with_values(**values)))
    constraints = normalise_payoffs(col_payoffs)
    reference = polytope_vertices(constraints)
    points, masks = polytope_vertex_labels(constraints, 0, 0, constraints.shape[0], 1e-10)
    reference_masks = _masks(reference.zero, reference.tight)
    assert sorted(masks.tolist()) == sorted(reference_masks)
    assert points.sum(axis=1).min() >= 0.5 - 1e-9  # payoffs normalised onto [1, 2]: Σz ≥ 1/2 at every vertex
