"""The games every solver is timed on: the Belarus sweep and random games of the shapes issue 13 names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from games import load_scenario
from games.parameters import MODEL_PARAMETERS
from games.payoff_batch import payoff_stacks

Stacks = tuple[NDArray[np.float64], NDArray[np.float64]]


def belarus_sweep(count: int, seed: int = 0) -> Stacks:
    """The Belarus 2014 game at ``count`` points drawn uniformly from every parameter's plausible range."""
    scenario = load_scenario("belarus-2014")
    rng = np.random.default_rng(seed)
    values = {name: rng.uniform(*scenario.parameters[name].range, size=count) for name in MODEL_PARAMETERS}
    return payoff_stacks(scenario, values)


def random_integer_games(count: int, rows: int, cols: int, high: int, seed: int = 0) -> Stacks:
    """Games with payoffs drawn uniformly from ``0 … high − 1`` (ties, hence degeneracy, are common)."""
    rng = np.random.default_rng(seed)
    shape = (count, rows, cols)
    return rng.integers(0, high, shape).astype(float), rng.integers(0, high, shape).astype(float)


def random_normal_games(count: int, rows: int, cols: int, seed: int = 0) -> Stacks:
    """Games with standard normal payoffs (non-degenerate with probability one)."""
    rng = np.random.default_rng(seed)
    shape = (count, rows, cols)
    return rng.standard_normal(shape), rng.standard_normal(shape)


@dataclass(frozen=True)
class Workload:
    """A named set of games: ``make(count)`` builds ``count`` of them; ``target`` says whether issue 13's
    batch target (20× QuantEcon, 100% agreement) applies to it."""

    name: str
    shape: tuple[int, int]
    count: int
    make: Callable[[int], Stacks]
    target: bool


def batch_workloads(scale: float) -> list[Workload]:
    """Issue 13's batch workloads, with ``scale`` times its game counts (10⁴ random games, 500 10×10 games,
    10⁵ Belarus points), at least 10 games each."""

    def count(full: int) -> int:
        return max(10, int(full * scale))

    def integers(rows: int, cols: int, high: int) -> Callable[[int], Stacks]:
        return lambda n: random_integer_games(n, rows, cols, high)

    return [
        Workload("7×4 integer 0…99", (7, 4), count(10_000), integers(7, 4, 100), True),
        Workload("7×4 integer 0…9", (7, 4), count(10_000), integers(7, 4, 10), True),
        Workload("7×4 normal floats", (7, 4), count(10_000), lambda n: random_normal_games(n, 7, 4), True),
        Workload("3×3 integer 0…99", (3, 3), count(10_000), integers(3, 3, 100), True),
        Workload("10×10 integer 0…99", (10, 10), count(500), integers(10, 10, 100), False),
        Workload("Belarus 2014 sweep (8×3)", (8, 3), count(100_000), belarus_sweep, True),
    ]
