"""Hostile inputs to the equilibrium API: each was answered wrongly or with a traceback (issue 14)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from solver.equilibria import equilibria, equilibria_batch
from solver.equilibria.core.exact_verification import verify_exact
from solver.equilibria.core.rationals import rational_matrix
from solver.equilibria.core.verification import relative_regret
from solver.equilibria.methods.labelled_vertices import labelled_vertex_equilibria
from solver.equilibria.methods.lex_pivoting import pivoting_equilibria

PD_A = np.array([[3.0, 0.0], [5.0, 1.0]])


@pytest.mark.parametrize("tol", [1.0, 0.0, -1e-10, 1e-3, 1e-16, float("nan")])
def test_tolerances_outside_the_working_range_are_refused(tol: float) -> None:
    """``tol=1`` returned the "equilibrium" [nan, nan]; 1e-16 is below float noise and misses equilibria."""
    for solve in (
        lambda: labelled_vertex_equilibria(PD_A, PD_A.T, tol),
        lambda: pivoting_equilibria(PD_A, PD_A.T, tol),
        lambda: equilibria_batch(PD_A[None], PD_A.T[None], tol=tol),
    ):
        with pytest.raises(ValueError, match="tol must lie between"):
            solve()


@pytest.mark.parametrize("tol", [1e-13, 1e-8])
def test_tolerances_at_the_bounds_still_solve(tol: float) -> None:
    assert len(equilibria_batch(PD_A[None], PD_A.T[None], tol=tol).rows) == 1


def test_payoff_spans_that_overflow_are_refused_by_the_float_paths() -> None:
    """±1.7e308: the span overflows float64; the batch returned 0 equilibria silently, one game an SVD error."""
    big = 1.7e308
    a = np.array([[big, -big], [-big, big]])
    with pytest.raises(ValueError, match=r"overflows float64.*exact=True"):
        equilibria(a, -a)
    with pytest.raises(ValueError, match="game 1 span more than the float range"):
        equilibria_batch(np.stack([PD_A, a]), np.stack([PD_A.T, -a]))


@pytest.mark.parametrize(
    "b",
    [
        -np.array([[1e300, 0.0], [0.0, 1.0]]),  # zero-sum: the only equilibrium is mixed
        np.array([[0.0, 1.0], [1.0, 0.0]]),
    ],
)
def test_badly_scaled_games_get_their_true_equilibria(b: np.ndarray) -> None:
    """[[1e300, 0], [0, 1]]: the float engine reads 0 and 1 as a tie; a non-equilibrium used to be accepted."""
    a = np.array([[1e300, 0.0], [0.0, 1.0]])
    result = equilibria(a, b)
    exact_a, exact_b = rational_matrix(a, "a"), rational_matrix(b, "b")
    assert len(result) >= 1
    for eq in result:
        row = tuple(Fraction(p) for p in eq.exact.row) if eq.exact else tuple(map(Fraction, eq.row))
        col = tuple(Fraction(q) for q in eq.exact.col) if eq.exact else tuple(map(Fraction, eq.col))
        verify_exact(exact_a, exact_b, row, col)


def test_regret_is_judged_on_the_payoffs_at_stake() -> None:
    """Choosing 0 over 1 is a regret of 1 however large the game's other payoffs are."""
    a = np.array([[1e300, 0.0], [0.0, 1.0]])
    assert relative_regret(a, -a, np.array([1.0, 0.0]), np.array([0.0, 1.0])) >= 1.0
    offset = 1e6 + np.array([[1.0, 0.0], [0.0, 1.0]])  # far from zero: still judged by the range
    assert relative_regret(offset, offset, np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(1.0)


def test_games_beyond_pivotings_label_bits_fall_back_to_basis_enumeration() -> None:
    """Sixty instruments against three responses: ``auto`` picked lex-pivoting (m + n ≤ 62) and raised."""
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=(60, 3)), rng.normal(size=(60, 3))
    result = equilibria(a, b)
    assert result.method == "labelled-vertices"
    assert result.complete
    assert len(result) >= 1
    batch = equilibria_batch(a[None], b[None])
    assert int(batch.counts[0]) == len(result)


def test_games_too_large_for_any_complete_method_are_refused_clearly() -> None:
    a = np.zeros((40, 30))
    with pytest.raises(ValueError, match=r"too large for labelled-vertex enumeration.*nashpy-support"):
        equilibria(a, a)


def test_the_batch_solves_badly_scaled_games_exactly() -> None:
    """In a sweep, the badly scaled game is re-solved exactly; its neighbour keeps the compiled result."""
    a = np.array([[1e300, 0.0], [0.0, 1.0]])
    batch = equilibria_batch(np.stack([PD_A, a]), np.stack([PD_A.T, -a]))
    assert batch.counts.tolist() == [1, 1]
    (row,), (col,) = batch.rows[1:], batch.cols[1:]
    assert row[0] == pytest.approx(1e-300, rel=1e-12)
    assert col[0] == pytest.approx(1e-300, rel=1e-12)
    assert batch.rows[0].tolist() == [0.0, 1.0]
