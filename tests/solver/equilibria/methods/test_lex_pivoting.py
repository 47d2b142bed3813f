"""Lexicographic pivoting finds every extreme equilibrium: against the oracle, and against basis enumeration."""

from __future__ import annotations

import numpy as np
import pytest

from games import load_scenario
from games.three_player import build_three_player_game
from solver.concepts.three_player import merged_game
from solver.equilibria import equilibria
from solver.equilibria.methods.lex_pivoting import PARALLEL_STRATEGIES, pivoting_equilibria
from tests.corpus import CORPUS, oracle_equilibria
from tests.oracle import gambit_extreme_equilibria, unmatched
from tests.solver.equilibria.agreement import set_disagreement


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_pivoting_agrees_with_oracle_and_basis_enumeration(family: str) -> None:
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        ours = pivoting_equilibria(a, b)
        missing, extra = unmatched(ours, oracle_equilibria(family, index))
        problem = set_disagreement(equilibria(a, b, method="labelled-vertices"), ours)
        if missing or extra or problem:
            failures.append(f"game {index}: missing {missing}, extra {extra}; {problem}")
    assert not failures, f"{len(failures)} {family} games disagree:\n" + "\n".join(failures[:5])


@pytest.mark.oracle
@pytest.mark.gambit
@pytest.mark.parametrize(("size", "values"), [(9, 4), (10, 4), (10, 200)])
def test_pivoting_matches_gambit_on_larger_degenerate_games(size: int, values: int) -> None:
    """Integer payoffs in ``0 … values − 1``: with four values the polytopes have hundreds of degenerate vertices,
    walked far past the kernel's refactorisation interval; Gambit's exact enumeration is the oracle."""
    rng = np.random.default_rng(11 * size + values)
    a, b = (rng.integers(0, values, size=(size, size)).astype(float) for _ in range(2))
    ours = pivoting_equilibria(a, b)
    missing, extra = unmatched(ours, gambit_extreme_equilibria(a, b))
    assert not missing
    assert not extra
    assert len(ours.degeneracy_witnesses) == len(equilibria(a, b, method="labelled-vertices").degeneracy_witnesses)


@pytest.mark.parametrize(("kind", "size"), [("integer", 7), ("integer", 8), ("float", 8)])
def test_pivoting_agrees_with_basis_enumeration_on_larger_games(kind: str, size: int) -> None:
    """Integer payoffs in 0..3 make most of these games degenerate, with continua of equilibria."""
    rng = np.random.default_rng(size)
    for _ in range(3):
        if kind == "integer":
            a, b = (rng.integers(0, 4, size=(size, size)).astype(float) for _ in range(2))
        else:
            a, b = rng.normal(size=(size, size)), rng.normal(size=(size, size))
        reference = equilibria(a, b, method="labelled-vertices")
        ours = pivoting_equilibria(a, b)
        assert set_disagreement(reference, ours) is None
        assert len(ours.degeneracy_witnesses) == len(reference.degeneracy_witnesses)


def test_polytopes_walked_on_two_threads_agree_with_basis_enumeration() -> None:
    """A degenerate 11×9 game, large enough for the two-thread path: the same equilibria and witnesses."""
    assert PARALLEL_STRATEGIES <= 11 + 9
    rng = np.random.default_rng(20)
    a, b = (rng.integers(0, 4, size=(11, 9)).astype(float) for _ in range(2))
    reference = equilibria(a, b, method="labelled-vertices")
    ours = pivoting_equilibria(a, b)
    assert set_disagreement(reference, ours) is None
    assert len(ours.degeneracy_witnesses) == len(reference.degeneracy_witnesses)


def test_auto_method_pivots_only_for_larger_games() -> None:
    rng = np.random.default_rng(3)
    small = equilibria(rng.normal(size=(3, 3)), rng.normal(size=(3, 3)))
    large = equilibria(rng.normal(size=(9, 9)), rng.normal(size=(9, 9)))
    assert small.method == "labelled-vertices"
    assert large.method == "lex-pivoting"
    assert large.complete


def test_games_too_large_for_label_masks_are_refused() -> None:
    with pytest.raises(ValueError, match="m \\+ n ≤ 62"):
        pivoting_equilibria(np.zeros((40, 30)), np.zeros((40, 30)))


def test_pivoting_on_a_merged_star_game_with_many_tied_columns() -> None:
    """The three-player Belarus game merged into one 8×9 bimatrix game (solver.concepts.three_player): its columns
    are sums of a patron and a second-pole part, so the patron's polytope is highly degenerate. Pivoting on
    entries that are zero in exact arithmetic once produced thousands of spurious vertices and an unverifiable
    profile here."""
    a, b = merged_game(build_three_player_game(load_scenario("belarus-2014")))
    reference = equilibria(a, b, method="labelled-vertices")
    ours = pivoting_equilibria(a, b)
    assert set_disagreement(reference, ours) is None
    assert equilibria(a, b).method == "lex-pivoting"  # the default picks pivoting at this size
