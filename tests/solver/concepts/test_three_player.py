"""The three-player view solved through the merged two-player game, checked against Gambit's enumpoly."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from games import ScenarioError, build_game, load_scenario, parse_scenario
from games.loading import catalogue_files
from games.three_player import ThreePlayerGame, build_three_player_game
from solver.concepts.three_player import (
    pure_equilibria,
    three_player_equilibria,
    three_player_logit,
    three_player_qre,
    three_player_regret,
)
from tests.oracle import pygambit

_exact = np.vectorize(Fraction, otypes=[object])


def _random_star_game(seed: int) -> ThreePlayerGame:
    """A generic star polymatrix game (finitely many equilibria) with the Belarus game only for labels."""
    rng = np.random.default_rng(seed)
    m, n, k = int(rng.integers(2, 5)), int(rng.integers(2, 4)), int(rng.integers(2, 4))
    return ThreePlayerGame(
        two_player=build_game(load_scenario("belarus-2014")),
        pole_ids=tuple(f"q{j}" for j in range(k)),
        pole_labels=tuple(f"q{j}" for j in range(k)),
        small_state_vs_patron=rng.normal(size=(m, n)),
        small_state_vs_pole=rng.normal(size=(m, k)),
        patron=rng.normal(size=(m, n)),
        pole=rng.normal(size=(m, k)),
    )


def _enumpoly(game: ThreePlayerGame) -> list[tuple[np.ndarray, ...]]:
    gbt = pygambit()
    tree = gbt.Game.from_arrays(*(_exact(t) for t in game.tensors()))
    players = list(tree.players)
    return [
        tuple(np.array([float(eq[s]) for s in player.strategies]) for player in players)
        for eq in gbt.nash.enumpoly_solve(tree).equilibria
    ]


@pytest.mark.gambit
@pytest.mark.parametrize("seed", range(30))
def test_projection_of_the_merged_game_finds_every_equilibrium_gambit_finds(seed: int) -> None:
    """Generic games have finitely many equilibria, so the sets must coincide wherever enumpoly succeeds.

    enumpoly is not infallible: on seed 13 it returns no equilibrium at all (impossible, by Nash's theorem),
    while ours verifies; so the test asks for equality only where Gambit found something.
    """
    game = _random_star_game(seed)
    ours = three_player_equilibria(game)
    theirs = _enumpoly(game)
    assert ours
    if theirs:
        assert len(ours) == len(theirs)
    for x, y, z in theirs:
        assert any(
            np.allclose(e.row, x, atol=1e-7) and np.allclose(e.col, y, atol=1e-7) and np.allclose(e.pole, z, atol=1e-7)
            for e in ours
        )
    assert all(e.max_regret <= 1e-9 for e in ours)


@pytest.mark.parametrize("seed", range(10))
def test_pure_equilibria_by_enumeration_are_the_pure_projected_ones(seed: int) -> None:
    game = _random_star_game(seed)
    projected = {
        (int(e.row.argmax()), int(e.col.argmax()), int(e.pole.argmax()))
        for e in three_player_equilibria(game)
        if max(e.row) == 1.0 and max(e.col) == 1.0 and max(e.pole) == 1.0
    }
    assert set(pure_equilibria(game)) == projected


def test_belarus_three_player_reading() -> None:
    """What the model computes from the calibration (a regression): Belarus diversifies, Russia coerces, and the
    EU gains (ν − κ_Q)·e + θ·k = (1 − 0.6)·0.5 + 2·0.5 = 1.2 from supporting it, whether it engages or supports only
    distance from Russia (diversification has alignment 0), so those two responses form a continuum."""
    game = build_three_player_game(load_scenario("belarus-2014"))
    diversification = game.two_player.row_ids.index("economic-diversification")
    coerce = game.two_player.col_ids.index("coerce")
    solutions = three_player_equilibria(game)
    assert {(int(e.row.argmax()), int(e.col.argmax())) for e in solutions} == {(diversification, coerce)}
    assert {game.pole_ids[int(e.pole.argmax())] for e in solutions} == {"engage", "condition"}
    assert np.allclose(game.pole[diversification], [1.2, 1.2, 0.0])


def test_three_player_view_needs_its_responses_and_parameters() -> None:
    (belarus,) = (entry for entry in catalogue_files() if entry.name == "belarus-2014.toml")
    text = belarus.read_text()
    without_parameter = text.replace("[parameters.second_pole_interest]", "[parameters.second_pole_intrest]")
    with pytest.raises(ScenarioError, match=r"parameters\.second_pole_interest is missing"):
        parse_scenario(without_parameter, "case.toml")
    cut = text.index("[[second_pole_responses]]")
    with pytest.raises(ScenarioError, match="fewer than two \\[\\[second_pole_responses\\]\\]"):
        parse_scenario(text[:cut], "case.toml")


def test_hand_solved_star_game() -> None:
    """The patron has a dominant response; the small state wants to match the second pole, which wants to
    mismatch: matching pennies between them, so the unique equilibrium is (½, ½), (1, 0), (½, ½)."""
    game = ThreePlayerGame(
        two_player=build_game(load_scenario("textbook-deterrence")),
        pole_ids=("support", "stay-out"),
        pole_labels=("support", "stay-out"),
        small_state_vs_patron=np.zeros((2, 2)),
        small_state_vs_pole=np.eye(2),
        patron=np.array([[1.0, 0.0], [1.0, 0.0]]),
        pole=1.0 - np.eye(2),
    )
    (eq,) = three_player_equilibria(game)
    assert np.allclose(eq.row, [0.5, 0.5])
    assert np.allclose(eq.col, [1.0, 0.0])
    assert np.allclose(eq.pole, [0.5, 0.5])
    assert pure_equilibria(game) == ()


@pytest.mark.gambit
@pytest.mark.parametrize("lam", [0.3, 1.0])
def test_three_player_qre_matches_gambits_logit(lam: float) -> None:
    gbt = pygambit()
    game = build_three_player_game(load_scenario("belarus-2014"))
    (ours,) = three_player_qre(game, lam)
    tree = gbt.Game.from_arrays(*game.tensors())
    (theirs,) = gbt.qre.logit_solve_lambda(tree, lam)
    expected = [np.array([theirs.profile[s] for s in player.strategies], dtype=float) for player in tree.players]
    for mine, reference in zip((ours.row, ours.col, ours.pole), expected, strict=True):
        assert np.allclose(mine, reference, atol=1e-8)


def test_three_player_logit_branch_starts_uniform_and_ends_near_nash() -> None:
    game = build_three_player_game(load_scenario("belarus-2014"))
    branch = three_player_logit(game, lam_max=20.0)
    assert np.allclose(branch[0].pole, 1 / 3)
    end = branch[-1]
    assert three_player_regret(game, end.row, end.col, end.pole) < 0.05
