"""Evaluating a chunk of parameter points: one view solved at each point → one tidy row per solution.

A chunk is self-contained (:class:`ChunkTask` carries the scenario, the point values, the view with its options
and the reading rules), so any process or Dask worker can evaluate it, and each row depends only on its own
point: the table of a sweep is the same whatever the chunking and backend. The view solves the chunk's points
as one stack (:meth:`solver.views.View.solve_points`); the readings are computed on arrays.

Columns, in order: ``point`` (index in the design), the varied parameters, ``equilibrium`` (index among the
point's solutions: extreme equilibria, subgame-perfect paths, QRE points or the commitment), ``equilibria``
(their number at the point), ``component`` (connected component of the equilibrium set; −1 for concepts
without one), ``degenerate`` (the point's game is degenerate; Nash views only), ``small_state_payoff`` and
``patron_payoff``, the small state's weights ``w: <instrument>`` and the patron's distribution over responses
``patron: <response>``, the portfolio measures of :class:`solver.portfolio.PortfolioReading`, ``filter_1`` …
``filter_3``, ``label``, ``mixes_cooperative_and_competitive`` and ``label_stable``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import Scenario
from solver.portfolio import ReadingRules, read_portfolios
from solver.views import ViewName, ViewOptions, get_view

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
    view: ViewName = "two-player"
    options: ViewOptions = field(default_factory=ViewOptions)

    @property
    def size(self) -> int:
        """Number of parameter points in the chunk."""
        return int(self.values.shape[0])


def evaluate_chunk(task: ChunkTask) -> pd.DataFrame:
    """Solve every point of a chunk in its view and read each solution (module docstring lists the columns)."""
    scenario = task.scenario
    result = get_view(task.view).solve_points(scenario, task.names, task.values, task.options)
    point = result.point_index
    frame = pd.DataFrame({"point": task.first_point + point})
    for k, name in enumerate(task.names):
        frame[name] = task.values[point, k]
    frame["equilibrium"] = np.arange(len(point), dtype=np.int64) - result.offsets[point]
    frame["equilibria"] = result.counts[point]
    frame["component"] = result.components
    frame["degenerate"] = result.degenerate[point]
    frame["small_state_payoff"] = result.small_state_payoff
    frame["patron_payoff"] = result.patron_payoff
    instruments = [i.label for i in scenario.instruments]
    responses = [r.label for r in scenario.responses]
    strategies = pd.DataFrame(
        np.hstack([result.small_state, result.patron]),
        columns=[f"w: {label}" for label in instruments] + [f"patron: {label}" for label in responses],
    )
    readings = read_portfolios(scenario, result.small_state, task.rules)
    return pd.concat([frame, strategies, readings], axis=1)
