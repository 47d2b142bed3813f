"""Equilibrium for equilibrium agreement with Gambit's exact enumeration on a seeded corpus of games."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from games import build_game, load_scenario
from games.parameters import MODEL_PARAMETERS
from solver.equilibria import equilibria
from tests.oracle import gambit_extreme_equilibria, unmatched

Game = tuple[NDArray[np.float64], NDArray[np.float64]]


def _integer_games(count: int, seed: int) -> list[Game]:
    """Small integer payoffs: ties are common, so many of these games are degenerate."""
    rng = np.random.default_rng(seed)
    games = []
    for _ in range(count):
        m, n = rng.integers(2, 6, size=2)
        high = int(rng.integers(2, 10))
        games.append((rng.integers(0, high, (m, n)).astype(float), rng.integers(0, high, (m, n)).astype(float)))
    return games


def _float_games(count: int, seed: int) -> list[Game]:
    rng = np.random.default_rng(seed)
    games = []
    for _ in range(count):
        m, n = rng.integers(2, 7, size=2)
        games.append((rng.normal(size=(m, n)), rng.normal(size=(m, n))))
    return games


def _degenerate_games(count: int, seed: int) -> list[Game]:
    """Float games made degenerate on purpose: duplicated strategies, constant payoffs, copied columns."""
    rng = np.random.default_rng(seed)
    games = []
    for k in range(count):
        m, n = rng.integers(2, 6, size=2)
        a, b = rng.normal(size=(m, n)), rng.normal(size=(m, n))
        kind = k % 4
        if kind == 0 and m > 1:
            a[1], b[1] = a[0], b[0]  # a duplicated row strategy
        elif kind == 1:
            b[:, 0] = b[:, -1]  # the column player is indifferent between two columns everywhere
        elif kind == 2:
            a[:, :] = a[0, 0]  # the row player is indifferent everywhere
        else:
            a[0, :] = a[0, 0]  # a row whose payoff ignores the column
            b[0, :] = b[0, 0]
        games.append((a, b))
    return games


def _scenario_games(count: int, seed: int) -> list[Game]:
    """The Belarus game at random points of its plausible parameter box."""
    rng = np.random.default_rng(seed)
    scenario = load_scenario("belarus-2014")
    games = []
    for _ in range(count):
        values = {name: float(rng.uniform(*scenario.parameters[name].range)) for name in MODEL_PARAMETERS}
        game = build_game(scenario.with_values(**values))
        games.append(game.matrices)
    return games


CORPUS = {
    "integer": _integer_games(300, seed=1),
    "float": _float_games(100, seed=2),
    "degenerate": _degenerate_games(80, seed=3),
    "scenario": _scenario_games(40, seed=4),
}


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_every_extreme_equilibrium_matches_gambit(family: str) -> None:
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        ours = equilibria(a, b)
        missing, extra = unmatched(ours, gambit_extreme_equilibria(a, b))
        if missing or extra:
            failures.append(f"game {index}: missing {missing}, extra {extra}")
    assert not failures, f"{len(failures)} of {len(CORPUS[family])} {family} games disagree:\n" + "\n".join(
        failures[:5]
    )


def test_corpus_exercises_degenerate_games() -> None:
    """The corpus is only a test of degenerate handling if it contains degenerate games and continua."""
    results = [equilibria(a, b) for a, b in CORPUS["integer"] + CORPUS["degenerate"]]
    assert sum(r.degenerate for r in results) >= 50
    assert sum(r.has_continuum for r in results) >= 20
