"""Logit QRE: the fixed point, agreement with Gambit, the λ → ∞ limit and own-payoff effects."""

from __future__ import annotations

import numpy as np
import pytest

from solver.concepts.qre import logit_branch, logit_qre
from solver.equilibria import equilibria
from solver.equilibria.core.verification import relative_regret
from tests.oracle import pygambit


def _softmax(values: np.ndarray, lam: float) -> np.ndarray:
    weights = np.exp(lam * (values - values.max()))
    return weights / weights.sum()


def _gambit(a: np.ndarray, b: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    gbt = pygambit()
    game = gbt.Game.from_arrays(a, b)
    (result,) = gbt.qre.logit_solve_lambda(game, lam)
    profile = result.profile
    row_player, col_player = list(game.players)
    return (
        np.array([profile[s] for s in row_player.strategies], dtype=float),
        np.array([profile[s] for s in col_player.strategies], dtype=float),
    )


@pytest.mark.gambit
@pytest.mark.parametrize("seed", range(8))
def test_points_are_logit_fixed_points_and_match_gambit(seed: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = rng.integers(2, 5, size=2)
    a, b = rng.integers(0, 10, (m, n)).astype(float), rng.integers(0, 10, (m, n)).astype(float)
    for lam in (0.3, 1.0):
        points = logit_qre(a, b, lam)
        assert points
        for point in points:
            assert np.allclose(point.row, _softmax(a @ point.col, lam), atol=1e-9)
            assert np.allclose(point.col, _softmax(b.T @ point.row, lam), atol=1e-9)
        gambit_row, gambit_col = _gambit(a, b, lam)
        assert any(np.allclose(p.row, gambit_row, atol=1e-6) and np.allclose(p.col, gambit_col, atol=1e-6)
                   for p in points)  # fmt: skip


def test_matching_pennies_is_uniform_at_every_precision() -> None:
    a = np.array([[1.0, -1.0], [-1.0, 1.0]])
    for point in logit_branch(a, -a, lam_max=20).points:
        assert np.allclose(point.row, 0.5)
        assert np.allclose(point.col, 0.5)


def test_branch_starts_uniform_and_ends_near_a_nash_equilibrium() -> None:
    a = np.array([[3.0, 0.0], [5.0, 1.0]])  # Prisoner's Dilemma: defection dominates
    branch = logit_branch(a, a.T, lam_max=60)
    assert np.allclose(branch.points[0].row, 0.5)
    assert branch.end.lam == pytest.approx(60)
    assert relative_regret(a, a.T, branch.end.row, branch.end.col) < 1e-6
    assert branch.end.row[1] > 0.999


def test_own_payoffs_move_own_mix_under_qre_but_not_under_nash() -> None:
    """Asymmetric matching pennies: the row player's Nash mix ignores its own payoff (Tsebelis 1989)."""
    b = np.array([[0.0, 1.0], [1.0, 0.0]])
    nash_rows, qre_rows = [], []
    for top_payoff in (1.0, 4.0, 9.0):
        a = np.array([[top_payoff, 0.0], [0.0, 1.0]])
        (nash,) = equilibria(a, b)
        nash_rows.append(nash.row[0])
        (point,) = logit_qre(a, b, 1.0)
        qre_rows.append(point.row[0])
    assert np.allclose(nash_rows, nash_rows[0])
    assert qre_rows[0] < qre_rows[1] < qre_rows[2]


@pytest.mark.gambit
def test_large_steps_do_not_jump_to_another_branch() -> None:
    """With steps of 2 the unguarded tracer left the principal branch of this game near λ = 2.1."""
    a = np.array([[7.0, 1.0, 3.0], [7.0, 2.0, 2.0], [9.0, 1.0, 9.0]])
    b = np.array([[8.0, 1.0, 5.0], [3.0, 4.0, 6.0], [8.0, 9.0, 0.0]])
    branch = logit_branch(a, b, lam_max=5.0, max_step=2.0)
    assert (branch.lams >= 0).all()
    gambit_row, gambit_col = _gambit(a, b, 5.0)
    assert np.allclose(branch.end.row, gambit_row, atol=1e-6)
    assert np.allclose(branch.end.col, gambit_col, atol=1e-6)
