"""The stack solver of commitment equals the exact single-point solver wherever it decides, and defers elsewhere."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from solver.concepts import commitment_batch
from solver.concepts.commitment import CommitmentSolution, TieBreaking, threshold_commitment
from solver.concepts.commitment_batch import CommitmentStack, Followers, threshold_commitment_stack
from solver.concepts.commitment_kernel import FAILED, INFEASIBLE, OPTIMAL, solve_stack, unique_optimum


def _reference(followers: Followers, exposure: np.ndarray, g: int, rule: TieBreaking) -> CommitmentSolution:
    pole = None if followers.pole is None else (followers.pole[0][g], followers.pole[1][g])
    return threshold_commitment(
        (list(followers.below[0][g]), list(followers.below[1][g])),
        (list(followers.across[0][g]), list(followers.across[1][g])),
        exposure, list(followers.tolerances[g]), priors=list(followers.priors), tie_breaking=rule, second_pole=pole,
    )  # fmt: skip


def _assert_same(stack: CommitmentStack, g: int, reference: CommitmentSolution) -> None:
    np.testing.assert_allclose(stack.leader[g], reference.leader, atol=1e-9)
    assert tuple(stack.responses[g]) == reference.responses
    assert stack.pole_response[g] == (-1 if reference.pole_response is None else reference.pole_response)
    assert stack.leader_value[g] == pytest.approx(reference.leader_value, abs=1e-9)
    np.testing.assert_allclose(stack.follower_values[g], reference.follower_values, atol=1e-9)
    assert stack.attained[g] == reference.attained
    assert tuple(stack.crossed[g]) == reference.crossed
    assert stack.exposure_at_tolerance[g] == reference.exposure_at_tolerance


def _random_followers(
    rng: np.random.Generator, points: int, types: int, m: int, n: int, *, integer: bool, pole: int = 0
) -> Followers:
    def draw(*shape: int) -> np.ndarray:
        return rng.integers(-5, 6, shape).astype(float) if integer else rng.normal(0.0, 3.0, shape)

    priors = rng.dirichlet(np.ones(types))
    return Followers(
        below=(draw(points, types, m, n), draw(points, types, m, n)),
        across=(draw(points, types, m, n), draw(points, types, m, n)),
        tolerances=rng.choice([0.0, 0.15, 0.4, 0.7], (points, types)),
        priors=priors,
        pole=(draw(points, m, pole), draw(points, m, pole)) if pole else None,
    )


@pytest.mark.parametrize("rule", ["strong", "weak"])
@pytest.mark.parametrize(("types", "pole", "integer"), [(1, 0, False), (2, 0, False), (3, 0, True), (2, 3, False)])
def test_every_decided_point_equals_the_reference(rule: TieBreaking, types: int, pole: int, integer: bool) -> None:
    """Random games with several types, red-line thresholds at several tolerances (two exposed instruments, one
    of half exposure), with and without a second pole following: portfolio, answers, payoffs and flags."""
    rng = np.random.default_rng(7 * types + pole + integer)
    followers = _random_followers(rng, 8, types, 4, 3, integer=integer, pole=pole)
    exposure = np.array([1.0, 0.0, 0.5, 0.0])
    stack = threshold_commitment_stack(followers, exposure, rule)
    assert stack.resolved.mean() >= 0.5  # the fast path decides most points (float games: nearly all)
    for g in np.flatnonzero(stack.resolved):
        _assert_same(stack, g, _reference(followers, exposure, g, rule))


@pytest.mark.parametrize("rule", ["strong", "weak"])
def test_lps_the_kernel_fails_are_decided_by_the_reference_lp(
    rule: TieBreaking, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every third LP reported failed (as an ill-conditioned Farkas dual would be): those candidates take the
    reference's certified value, may block a winner but not be one, and every decided point still equals it."""
    kernel = commitment_batch.solve_stack

    def failing(g: np.ndarray, b: np.ndarray, q: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, ...]:
        status, z, dual = kernel(g, b, q, c)
        status[::3] = FAILED
        return status, z, dual

    monkeypatch.setattr(commitment_batch, "solve_stack", failing)
    rng = np.random.default_rng(11)
    followers = _random_followers(rng, 10, 2, 4, 3, integer=False)
    exposure = np.array([1.0, 0.0, 0.5, 0.0])
    stack = threshold_commitment_stack(followers, exposure, rule)
    assert 0 < stack.resolved.sum() < len(stack.resolved)
    for g in np.flatnonzero(stack.resolved):
        _assert_same(stack, g, _reference(followers, exposure, g, rule))


@pytest.mark.parametrize(("nudge", "decided"), [(0.0, True), (1e-10, False)])
def test_near_ties_are_left_to_the_reference(nudge: float, decided: bool) -> None:
    """The follower's two responses pay it alike on the first instrument and the leader (nearly) alike: an exact
    tie is the reference's first of equal values; a tie within rounding of it is the reference's to decide."""
    a = np.array([[3.0, 3.0 + nudge], [1.0, 1.0]])
    b = np.array([[1.0, 1.0], [0.0, 2.0]])
    one = Followers((a[None, None], b[None, None]), (a[None, None], b[None, None]), np.zeros((1, 1)), np.ones(1))
    stack = threshold_commitment_stack(one, np.zeros(2))
    assert stack.resolved[0] == decided
    if decided:
        _assert_same(stack, 0, _reference(one, np.zeros(2), 0, "strong"))


def test_an_exact_tie_goes_to_the_first_profile_as_in_the_reference() -> None:
    """At the optimum (the first instrument) the second pole's first two answers pay both followers alike: the two
    profiles share the vertex and the objective there, so the tie is exact and the first profile wins (under the weak
    rule the first one's region is that single vertex, so the second wins outright)."""
    a_p, b_p = np.array([[5.0, 5.0], [0.0, 0.0]]), np.array([[1.0, 0.0], [0.0, 1.0]])
    a_q, b_q = np.array([[1.0, 1.0, 0.0], [0.0, 3.0, 0.0]]), np.array([[2.0, 2.0, 0.0], [0.0, 5.0, 1.0]])
    one = Followers((a_p[None, None], b_p[None, None]), (a_p[None, None], b_p[None, None]), np.zeros((1, 1)),
                    np.ones(1), pole=(a_q[None], b_q[None]))  # fmt: skip
    for rule in ("strong", "weak"):
        stack = threshold_commitment_stack(one, np.zeros(2), rule)  # type: ignore[arg-type]
        reference = _reference(one, np.zeros(2), 0, rule)  # type: ignore[arg-type]
        assert stack.resolved[0]
        _assert_same(stack, 0, reference)
        assert stack.pole_response[0] == (0 if rule == "strong" else 1)  # weak: "engage" alone has no interior


def test_a_weak_rule_without_interior_is_left_to_the_reference() -> None:
    """The follower is indifferent everywhere: no profile is ever strictly best, which only the reference reports."""
    a = np.array([[3.0, 0.0], [1.0, 2.0]])
    b = np.zeros((2, 2))
    followers = Followers((a[None, None], b[None, None]), (a[None, None], b[None, None]), np.zeros((1, 1)), np.ones(1))
    assert not threshold_commitment_stack(followers, np.zeros(2), "weak").resolved[0]
    with pytest.raises(ValueError, match="ever strictly best"):
        threshold_commitment((a, b), (a, b), np.zeros(2), [0.0], tie_breaking="weak")


def test_the_simplex_kernel_agrees_with_highs() -> None:
    """Random LPs ``max c·x, Gx ≤ 0, Σx = 1, x ≥ 0``: same status, same optimal value."""
    rng = np.random.default_rng(3)
    count, rows, variables = 200, 5, 6
    g = rng.normal(size=(count, rows, variables))
    c = rng.normal(size=(count, variables))
    status, z, _ = solve_stack(g, np.zeros((count, rows)), np.ones((count, variables)), c)
    for k in range(count):
        highs = linprog(-c[k], A_ub=g[k], b_ub=np.zeros(rows), A_eq=np.ones((1, variables)), b_eq=[1.0])
        assert status[k] == (OPTIMAL if highs.status == 0 else INFEASIBLE)
        if highs.status == 0:
            assert c[k] @ z[k] == pytest.approx(-highs.fun, abs=1e-9)
    assert (status == OPTIMAL).any()
    assert (status == INFEASIBLE).any()


def test_a_flat_objective_has_no_unique_optimum() -> None:
    """``c`` constant on the simplex: every point is optimal; a strictly best vertex is unique."""
    g = np.zeros((2, 1, 3))
    c = np.array([[1.0, 1.0, 1.0], [1.0, 2.0, 0.0]])
    status, _, dual = solve_stack(g, np.zeros((2, 1)), np.ones((2, 3)), c)
    assert (status == OPTIMAL).all()
    assert unique_optimum(g, c, dual, 1e-9).tolist() == [False, True]
