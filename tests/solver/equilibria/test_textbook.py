"""Textbook games with equilibria known in closed form, and degenerate games with known components."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria import equilibria

PRISONERS_DILEMMA = ([[3, 0], [5, 1]], [[3, 5], [0, 1]])
CHICKEN = ([[0, -1], [1, -10]], [[0, 1], [-1, -10]])
STAG_HUNT = ([[4, 0], [3, 3]], [[4, 3], [0, 3]])
MATCHING_PENNIES = ([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
BATTLE_OF_THE_SEXES = ([[3, 0], [0, 2]], [[2, 0], [0, 3]])
ROCK_PAPER_SCISSORS = ([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]])

KNOWN = {
    "prisoners dilemma": (PRISONERS_DILEMMA, [((0, 1), (0, 1))]),
    # Chicken: each swerves with probability 9/10 in the mixed equilibrium (indifference -1 + p = 11p - 10).
    "chicken": (CHICKEN, [((1, 0), (0, 1)), ((0.9, 0.1), (0.9, 0.1)), ((0, 1), (1, 0))]),
    # Stag hunt: hunt stag with probability 3/4 (indifference 4p = 3).
    "stag hunt": (STAG_HUNT, [((1, 0), (1, 0)), ((0.75, 0.25), (0.75, 0.25)), ((0, 1), (0, 1))]),
    "matching pennies": (MATCHING_PENNIES, [((0.5, 0.5), (0.5, 0.5))]),
    "battle of the sexes": (BATTLE_OF_THE_SEXES, [((1, 0), (1, 0)), ((0.6, 0.4), (0.4, 0.6)), ((0, 1), (0, 1))]),
    "rock paper scissors": (ROCK_PAPER_SCISSORS, [((1 / 3,) * 3, (1 / 3,) * 3)]),
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_textbook_game_has_exactly_its_known_equilibria(name: str) -> None:
    (a, b), expected = KNOWN[name]
    result = equilibria(a, b)
    found = sorted((tuple(np.round(eq.row, 12)), tuple(np.round(eq.col, 12))) for eq in result)
    assert found == sorted((tuple(np.round(x, 12)), tuple(np.round(y, 12))) for x, y in expected)
    assert not result.degenerate
    assert all(component.is_isolated for component in result.components)


def test_zero_sum_shortcut_uses_minus_a() -> None:
    result = equilibria(MATCHING_PENNIES[0])
    assert [eq.col_payoff for eq in result] == [pytest.approx(0.0, abs=1e-15)]


def test_constant_game_is_one_component_of_all_profiles() -> None:
    """When no player cares, every profile is an equilibrium: 4 extreme ones, one Nash subset."""
    result = equilibria(np.zeros((2, 2)), np.zeros((2, 2)))
    assert len(result) == 4
    assert result.degenerate
    assert len(result.components) == 1
    assert len(result.nash_subsets) == 1
    subset = result.nash_subsets[0]
    assert len(subset.row_strategies) == 2
    assert len(subset.col_strategies) == 2


def test_von_stengel_degenerate_game_components() -> None:
    """Top makes the column player indifferent (after von Stengel 2002, §2.6, degenerate example).

    Against Top the row player stays best for ``y_Right ≤ 1/3`` (3 ≥ 2y₀ + 5y₁ and 3 ≥ 6y₁), so Top × the
    segment [(1, 0), (2/3, 1/3)] is one component (two extreme equilibria, one Nash subset); the mixed
    equilibrium ((0, 1/3, 2/3), (1/3, 2/3)) is isolated.
    """
    a = [[3, 3], [2, 5], [0, 6]]
    b = [[3, 3], [2, 6], [3, 1]]
    result = equilibria(a, b)
    assert result.degenerate
    profiles = {(tuple(np.round(eq.row, 9)), tuple(np.round(eq.col, 9))) for eq in result}
    third = round(1 / 3, 9)
    assert profiles == {
        ((1.0, 0.0, 0.0), (1.0, 0.0)),
        ((1.0, 0.0, 0.0), (round(2 / 3, 9), third)),
        ((0.0, third, round(2 / 3, 9)), (third, round(2 / 3, 9))),
    }
    sizes = sorted((len(c.equilibria), len(c.nash_subsets)) for c in result.components)
    assert sizes == [(1, 1), (2, 1)]
    assert result.has_continuum


def test_degeneracy_witness_names_the_tie() -> None:
    result = equilibria([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
    top = [w for w in result.degeneracy_witnesses if w.player == "row" and w.support_size == 1]
    assert top
    assert top[0].best_responses == (0, 1)
    assert "2 pure best responses" in top[0].describe(["Top", "Middle", "Bottom"], ["Left", "Right"])


@pytest.mark.parametrize(
    "bad",
    [
        ([[1, 2]], [[1, 2], [3, 4]]),
        ([[np.nan, 1], [1, 1]], [[1, 1], [1, 1]]),
        ([[np.inf, 1], [1, 1]], [[1, 1], [1, 1]]),
        (np.zeros((0, 2)), np.zeros((0, 2))),
    ],
)
def test_bad_payoffs_are_refused(bad: tuple[object, object]) -> None:
    with pytest.raises(ValueError, match="payoffs must"):
        equilibria(*bad)  # type: ignore[arg-type]


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        equilibria([[1]], [[1]], method="magic")  # type: ignore[arg-type]
