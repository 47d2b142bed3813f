"""The games every solver is timed on: a Belarus sweep, random 7×4 games, single games of growing size."""

from __future__ import annotations

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
