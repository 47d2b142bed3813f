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

from games import Scenario, TwoPlayerGame, build_game
from solver.portfolio import ReadingRules, read_portfolio
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


def _records(game: TwoPlayerGame, task: ChunkTask) -> list[dict[str, object]]:
    row_payoffs, col_payoffs = payoff_stack(task.scenario, task.names, task.values)
    records: list[dict[str, object]] = []
    for offset, result in enumerate(solve_stack(row_payoffs, col_payoffs)):
        point = dict(zip(task.names, (float(v) for v in task.values[offset]), strict=True))
        for k, eq in enumerate(result):
            reading = read_portfolio(game, eq, task.rules)
            record: dict[str, object] = {"point": task.first_point + offset, **point}
            record.update(
                equilibrium=k,
                equilibria=len(result),
                component=eq.component,
                degenerate=result.degenerate,
                small_state_payoff=eq.row_payoff,
                patron_payoff=eq.col_payoff,
            )
            record.update({f"w: {name}": w for name, w in reading.weights.items()})
            record.update({f"patron: {name}": q for name, q in reading.patron_response.items()})
            record.update(reading.measures)
            record.update({f"filter_{i}": f.passed for i, f in enumerate(reading.filters, start=1)})
            record.update(
                label=reading.label, mixes_cooperative_and_competitive=reading.mixes_cooperative_and_competitive
            )
            records.append(record)
    return records


def evaluate_chunk(task: ChunkTask) -> pd.DataFrame:
    """Solve every point of a chunk and read each equilibrium (module docstring lists the columns)."""
    game = build_game(task.scenario)  # instruments and labels; the readings do not depend on parameter values
    frame = pd.DataFrame.from_records(_records(game, task))
    return frame.astype({"point": np.int64, "equilibrium": np.int64, "equilibria": np.int64, "component": np.int64})
