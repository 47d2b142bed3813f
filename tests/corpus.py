"""The seeded corpus of games every equilibrium method is checked on: integer, float, degenerate, scenario-built.

Shared by the oracle tests of the single-game methods and by the batch engine's tests.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

import numpy as np
from numpy.typing import NDArray

from games import build_game, load_scenario
from games.parameters import MODEL_PARAMETERS
from tests.oracle import Profile, exact_extreme_equilibria, gambit_extreme_equilibria

Game = tuple[NDArray[np.float64], NDArray[np.float64]]


def integer_games(count: int, seed: int) -> list[Game]:
    """Small integer payoffs: ties are common, so many of these games are degenerate."""
    rng = np.random.default_rng(seed)
    games = []
    for _ in range(count):
        m, n = rng.integers(2, 6, size=2)
        high = int(rng.integers(2, 10))
        games.append((rng.integers(0, high, (m, n)).astype(float), rng.integers(0, high, (m, n)).astype(float)))
    return games


def float_games(count: int, seed: int) -> list[Game]:
    """Standard normal payoffs: degenerate with probability zero."""
    rng = np.random.default_rng(seed)
    games = []
    for _ in range(count):
        m, n = rng.integers(2, 7, size=2)
        games.append((rng.normal(size=(m, n)), rng.normal(size=(m, n))))
    return games


def degenerate_games(count: int, seed: int) -> list[Game]:
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


def scenario_games(count: int, seed: int) -> list[Game]:
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
    "integer": integer_games(300, seed=1),
    "float": float_games(100, seed=2),
    "degenerate": degenerate_games(80, seed=3),
    "scenario": scenario_games(40, seed=4),
}


def stacks_by_shape(games: list[Game]) -> dict[tuple[int, int], tuple[list[int], Game]]:
    """The games grouped by shape ``(m, n)``: their indices and the stacks ``(A, B)``, each ``N × m × n``."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, (a, _) in enumerate(games):
        groups[(a.shape[0], a.shape[1])].append(index)
    return {
        shape: (indices, (np.stack([games[i][0] for i in indices]), np.stack([games[i][1] for i in indices])))
        for shape, indices in sorted(groups.items())
    }


@cache
def oracle_equilibria(family: str, index: int) -> list[Profile]:
    """The exact extreme equilibria of ``CORPUS[family][index]`` (``exact=True``), computed once per session."""
    a, b = CORPUS[family][index]
    return exact_extreme_equilibria(a, b)


@cache
def gambit_equilibria(family: str, index: int) -> list[Profile]:
    """Gambit's exact extreme equilibria of ``CORPUS[family][index]`` (skips without pygambit), cached."""
    a, b = CORPUS[family][index]
    return gambit_extreme_equilibria(a, b)
