"""``equilibria(exact=True)``: rationals, exact certificates, degeneracy decided without a tolerance."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from solver.equilibria import VerificationError, equilibria
from solver.equilibria.core.exact_polytope import exact_polytope_vertices
from solver.equilibria.core.exact_verification import verify_exact
from solver.equilibria.core.rationals import positive_integer_form, rational_matrix


def test_mixed_equilibrium_in_rationals() -> None:
    """Hand-solved: the column player is indifferent when 3·x₂ = x₁, the row player when y₁ = y₂."""
    (eq,) = equilibria([[1, 0], [0, 1]], [[0, 1], [3, 0]], exact=True)
    assert eq.exact is not None
    assert eq.exact.row == (Fraction(3, 4), Fraction(1, 4))
    assert eq.exact.col == (Fraction(1, 2), Fraction(1, 2))
    assert (eq.exact.row_payoff, eq.exact.col_payoff) == (Fraction(1, 2), Fraction(3, 4))
    assert eq.row.tolist() == [0.75, 0.25]
    assert eq.exact.to_document() == {"row": ["3/4", "1/4"], "col": ["1/2", "1/2"], "row_payoff": "1/2",
                                      "col_payoff": "3/4"}  # fmt: skip


def test_same_shape_as_the_float_result() -> None:
    """Battle of the Sexes with a copied column: components, Nash subsets and witnesses as the float path has."""
    a = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    b = np.array([[1.0, 0.0, 0.0], [0.0, 2.0, 2.0]])
    exact, floats = equilibria(a, b, exact=True), equilibria(a, b)
    assert exact.is_exact
    assert not floats.is_exact
    assert exact.method == "exact-labelled-vertices"
    assert [(e.row.tolist(), e.col.tolist()) for e in exact] == [(e.row.tolist(), e.col.tolist()) for e in floats]
    assert exact.components == floats.components
    assert exact.nash_subsets == floats.nash_subsets
    assert exact.degenerate
    assert floats.degenerate
    assert [w.best_responses for w in exact.degeneracy_witnesses] == [
        w.best_responses for w in floats.degeneracy_witnesses
    ]
    assert all(w.exact_strategy is not None for w in exact.degeneracy_witnesses)
    assert all(eq.max_regret == 0.0 for eq in exact)


def test_degeneracy_is_decided_exactly() -> None:
    """Two column payoffs 2⁻⁴⁰ apart: a tie to the float engine's tolerance, a strict preference in rationals."""
    a = np.array([[3.0, 0.0], [0.0, 1.0]])
    b = np.array([[1.0, 1.0 + 2.0**-40], [0.0, 2.0]])
    assert equilibria(a, b).degenerate
    exact = equilibria(a, b, exact=True)
    assert not exact.degenerate
    assert exact.degeneracy_witnesses == ()


def test_rational_and_integer_entries_are_taken_as_given() -> None:
    third = Fraction(1, 3)
    a = np.array([[third, 0], [0, 2 * third]], dtype=object)
    (mixed,) = [eq for eq in equilibria(a, a.T, exact=True) if not eq.is_pure]
    assert mixed.exact is not None
    assert mixed.exact.row == (Fraction(2, 3), Fraction(1, 3))


def test_zero_sum_default_and_game_objects() -> None:
    (eq,) = equilibria([[1, -1], [-1, 1]], exact=True)  # matching pennies, B = −A
    assert eq.exact is not None
    assert eq.exact.row == eq.exact.col == (Fraction(1, 2), Fraction(1, 2))


def test_exact_certificate_refuses_a_non_equilibrium() -> None:
    a = rational_matrix([[1, 0], [0, 1]], "a")
    half = (Fraction(1, 2), Fraction(1, 2))
    pure = (Fraction(1), Fraction(0))
    assert verify_exact(a, a, pure, pure).row_payoff == 1
    with pytest.raises(VerificationError, match="not an equilibrium"):
        verify_exact(a, a, pure, (Fraction(0), Fraction(1)))
    with pytest.raises(VerificationError, match="probability vector"):
        verify_exact(a, a, (Fraction(1), Fraction(1)), half)


def test_polytope_vertices_of_a_square() -> None:
    """``{z ≥ 0 : z₁ ≤ 1, z₂ ≤ 1}`` has the non-zero vertices (1, 0), (0, 1), (1, 1), each with two labels."""
    vertices = exact_polytope_vertices(((1, 0), (0, 1)))
    assert sorted(v.numerators for v in vertices if v.denominator == 1) == [(0, 1), (1, 0), (1, 1)]
    assert all(v.label_count == 2 for v in vertices)


def test_positive_integer_form_is_a_positive_affine_map() -> None:
    m = rational_matrix([[0.5, -0.25], [1.0, 0.5]], "m")
    n = positive_integer_form(m)
    assert n == ((4, 1), (6, 4))  # (M + 1/4) · 4 + 1


@pytest.mark.parametrize(
    ("a", "message"),
    [
        ([[1.0, float("nan")], [0.0, 1.0]], r"row payoffs\[0, 1\].*finite"),
        ([["1", 0], [0, 1]], r"row payoffs\[0, 0\].*not a real number"),
        (np.zeros((12, 12)), "too large for exact enumeration"),
    ],
)
def test_bad_exact_input_is_refused(a: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        equilibria(a, np.zeros(np.shape(a)), exact=True)  # type: ignore[arg-type]


def test_exact_has_no_nashpy_form() -> None:
    with pytest.raises(ValueError, match="no exact form"):
        equilibria([[1, 0], [0, 1]], [[1, 0], [0, 1]], method="nashpy-support", exact=True)


def test_payoffs_spanning_more_than_the_float_range_are_solved_exactly() -> None:
    """±1.7e308: the float path refuses them (their span overflows), the exact path solves them as written."""
    big = 1.7e308
    a = np.array([[big, -big], [-big, big]])
    (eq,) = equilibria(a, -a, exact=True)
    assert eq.exact is not None
    assert eq.exact.row == (Fraction(1, 2), Fraction(1, 2))
