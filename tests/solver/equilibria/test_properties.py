"""Hypothesis property tests of the equilibrium engine: verification, invariances, the oracle, nashpy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray

from solver.equilibria import EquilibriumSet, NashpyError, equilibria
from solver.equilibria.core.verification import payoff_range, regrets
from tests.oracle import exact_extreme_equilibria, gambit_extreme_equilibria, unmatched
from tests.solver.equilibria.agreement import set_disagreement

Game = tuple[NDArray[np.float64], NDArray[np.float64]]


@st.composite
def bimatrix_games(draw: st.DrawFn, max_size: int = 4, integer: bool | None = None) -> Game:
    """Games up to ``max_size`` square; small integer entries (often degenerate) or floats in [-100, 100].

    Floats are drawn on a grid of 1e-4 so that distinct payoffs differ by far more than the engine's tie
    tolerance (1e-10 of the payoff range): below it, differences are read as ties by design, and an exact
    oracle that sees 1e-197 as a strict preference would be testing that convention, not the engine.
    (:mod:`tests.solver.equilibria.methods.test_exact` tests the exact path on such games.)
    """
    m = draw(st.integers(1, max_size))
    n = draw(st.integers(1, max_size))
    use_integers = draw(st.booleans()) if integer is None else integer
    elements = (
        st.integers(-3, 3).map(float) if use_integers else st.integers(-1_000_000, 1_000_000).map(lambda k: k / 1e4)
    )
    return draw(arrays(np.float64, (m, n), elements=elements)), draw(arrays(np.float64, (m, n), elements=elements))


def _profiles(result: EquilibriumSet) -> list[tuple[NDArray[np.float64], NDArray[np.float64]]]:
    return [(eq.row, eq.col) for eq in result]


@settings(max_examples=200, deadline=None)
@given(bimatrix_games())
def test_every_profile_is_a_verified_probability_pair(game: Game) -> None:
    a, b = game
    result = equilibria(a, b)
    assert len(result) >= 1  # Nash (1951): every finite game has an equilibrium
    for eq in result:
        for strategy in (eq.row, eq.col):
            assert (strategy >= 0).all()
            assert abs(strategy.sum() - 1.0) <= 1e-12
        row_regret, col_regret = regrets(a, b, eq.row, eq.col)
        assert row_regret <= 1e-9 * payoff_range(a)
        assert col_regret <= 1e-9 * payoff_range(b)
        assert eq.max_regret <= 1e-9


@settings(max_examples=100, deadline=None)
@given(
    bimatrix_games(integer=True),
    st.sampled_from([0.5, 2.0, 7.0]),
    st.integers(-5, 5),
    st.sampled_from([0.25, 3.0]),
    st.integers(-5, 5),
)
def test_positive_affine_maps_leave_equilibria_unchanged(
    game: Game, row_scale: float, row_shift: int, col_scale: float, col_shift: int
) -> None:
    a, b = game
    original = equilibria(a, b)
    transformed = equilibria(row_scale * a + row_shift, col_scale * b + col_shift)
    assert unmatched(transformed, _profiles(original)) == ([], [])
    assert transformed.degenerate == original.degenerate
    assert len(transformed.components) == len(original.components)


@settings(max_examples=100, deadline=None)
@given(bimatrix_games(), st.randoms(use_true_random=False))
def test_permuting_strategies_permutes_equilibria(game: Game, random: object) -> None:
    a, b = game
    m, n = a.shape
    rows = np.array(random.sample(range(m), m))  # type: ignore[attr-defined]
    cols = np.array(random.sample(range(n), n))  # type: ignore[attr-defined]
    permuted = equilibria(a[np.ix_(rows, cols)], b[np.ix_(rows, cols)])
    expected = [(eq.row[rows], eq.col[cols]) for eq in equilibria(a, b)]
    assert unmatched(permuted, expected) == ([], [])


@settings(max_examples=100, deadline=None)
@given(bimatrix_games())
def test_swapping_the_players_swaps_the_equilibria(game: Game) -> None:
    a, b = game
    swapped = equilibria(b.T, a.T)
    assert unmatched(swapped, [(eq.col, eq.row) for eq in equilibria(a, b)]) == ([], [])


@settings(max_examples=150, deadline=None)
@given(bimatrix_games(max_size=4))
def test_float_and_exact_paths_agree(game: Game) -> None:
    """Same extreme equilibria (to 1e-9), same components, same degeneracy flag, as the exact path."""
    a, b = game
    exact = equilibria(a, b, exact=True)
    assert exact.is_exact
    assert set_disagreement(exact, equilibria(a, b)) is None


@settings(max_examples=150, deadline=None)
@given(bimatrix_games(max_size=4))
def test_every_method_finds_the_exact_equilibria(game: Game) -> None:
    a, b = game
    exact = exact_extreme_equilibria(a, b)
    for method in ("labelled-vertices", "lex-pivoting"):
        assert unmatched(equilibria(a, b, method=method), exact) == ([], []), method  # type: ignore[arg-type]


@pytest.mark.gambit
@settings(max_examples=100, deadline=None)
@given(bimatrix_games(max_size=4))
def test_exact_path_matches_gambit(game: Game) -> None:
    """The independent cross-check: Gambit's rational ``enummixed`` finds the same extreme equilibria."""
    a, b = game
    assert unmatched(equilibria(a, b, exact=True), gambit_extreme_equilibria(a, b)) == ([], [])


@settings(max_examples=100, deadline=None)
@given(bimatrix_games(max_size=3))
def test_nashpy_equilibria_after_safeguards_are_among_ours(game: Game) -> None:
    """Whatever nashpy finds, cleaned and verified, is one of ours; its results are never marked complete."""
    a, b = game
    ours = _profiles(equilibria(a, b))
    for method in ("nashpy-vertex", "nashpy-support"):
        try:
            theirs = equilibria(a, b, method=method)  # type: ignore[arg-type]
        except NashpyError:
            continue
        assert not theirs.complete
        assert unmatched(theirs, ours)[1] == [], f"{method} returned a profile that is not an extreme equilibrium"
