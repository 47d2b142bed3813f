"""Evaluating a chunk of parameter points: payoff matrices → all equilibria → one tidy row per equilibrium.

A chunk is self-contained (:class:`ChunkTask` carries the scenario, the point values and the reading rules),
so any process or Dask worker can evaluate it, and each row depends only on its own point: the table of a
sweep is the same whatever the chunking and backend.

Columns, in order: ``point`` (index in the design), the varied parameters, ``equilibrium`` (index among the
point's extreme equilibria), ``equilibria`` (their number at the point), ``component`` (connected component of
the equilibrium set), ``degenerate`` (the point's game is degenerate), ``small_state_payoff`` and
``patron_payoff``, the small state's weights ``w: <instrument>`` and the patron's ``patron: <response>``, the
portfolio measures of :class:`solver.portfolio.PortfolioReading`, ``filter_1`` … ``filter_3``, ``label`` and
``mixes_cooperative_and_competitive``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import Scenario
from solver.portfolio import ReadingRules, read_portfolios
from solver.sweeps.solve import payoff_stack, solve_stack

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class ChunkTask:
    """Points ``first_point … first_point + len(values) − 1`` of a sweep, ready to evaluate anywhere."""

    index: int
    first_point: int
    scenario: Scenario
    names: tuple[str, ...]
    values: FloatArray
    rules: ReadingRules

    @property
    def size(self) -> int:
        """Number of parameter points in the chunk."""
        return int(self.values.shape[0])


def _payoffs(stack: FloatArray, rows: FloatArray, cols: FloatArray) -> FloatArray:
    """``xᵀ M y`` for each equilibrium's strategies and its game's matrix (no BLAS: chunk-independent)."""
    return np.asarray((rows[:, :, None] * stack * cols[:, None, :]).sum(axis=(1, 2)), dtype=np.float64)


def evaluate_chunk(task: ChunkTask) -> pd.DataFrame:
    """Solve every point of a chunk and read each equilibrium (module docstring lists the columns)."""
    scenario = task.scenario
    row_payoffs, col_payoffs = payoff_stack(scenario, task.names, task.values)
    result = solve_stack(row_payoffs, col_payoffs)
    game = result.game_index
    counts = result.counts
    frame = pd.DataFrame({"point": task.first_point + game})
    for k, name in enumerate(task.names):
        frame[name] = task.values[game, k]
    frame["equilibrium"] = np.arange(len(game), dtype=np.int64) - result.offsets[game]
    frame["equilibria"] = counts[game]
    frame["component"] = result.components
    frame["degenerate"] = result.degenerate[game]
    frame["small_state_payoff"] = _payoffs(row_payoffs[game], result.rows, result.cols)
    frame["patron_payoff"] = _payoffs(col_payoffs[game], result.rows, result.cols)
    instruments = [i.label for i in scenario.instruments]
    responses = [r.label for r in scenario.responses]
    strategies = pd.DataFrame(
        np.hstack([result.rows, result.cols]),
        columns=[f"w: {label}" for label in instruments] + [f"patron: {label}" for label in responses],
    )
    readings = read_portfolios(scenario, result.rows, task.rules)
    return pd.concat([frame, strategies, readings], axis=1)
