"""Learning dynamics around equilibria: known stability answers from the literature."""

from __future__ import annotations

import numpy as np

from solver import equilibria
from solver.studies.stability import equilibrium_stability

MATCHING_PENNIES = (np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([[-1.0, 1.0], [1.0, -1.0]]))
BATTLE_OF_THE_SEXES = (np.array([[3.0, 0.0], [0.0, 2.0]]), np.array([[2.0, 0.0], [0.0, 3.0]]))


def test_strict_equilibria_attract_both_dynamics() -> None:
    a, b = BATTLE_OF_THE_SEXES
    for eq in equilibria(a, b):
        if eq.is_pure:
            stability = equilibrium_stability(a, b, eq.row, eq.col, starts=4)
            assert stability.replicator == 1.0
            assert stability.fictitious_play == 1.0


def test_mixed_coordination_equilibrium_repels() -> None:
    a, b = BATTLE_OF_THE_SEXES
    (mixed,) = [eq for eq in equilibria(a, b) if not eq.is_pure]
    stability = equilibrium_stability(a, b, mixed.row, mixed.col, starts=4)
    assert stability.replicator == 0.0
    assert stability.fictitious_play == 0.0


def test_matching_pennies_cycles_under_replicator_but_fictitious_play_converges() -> None:
    """Replicator orbits around an interior equilibrium are closed (Hofbauer & Sigmund 1998); fictitious play
    converges in zero-sum games (Robinson 1951)."""
    a, b = MATCHING_PENNIES
    (eq,) = equilibria(a, b)
    stability = equilibrium_stability(a, b, eq.row, eq.col, starts=4)
    assert stability.replicator == 0.0
    assert stability.fictitious_play == 1.0
    assert "fictitious play from 100%" in stability.describe()
