"""Equilibrium tracking: follow each equilibrium as one parameter moves, and say where equilibria appear,
vanish or change label.

The parameter is swept on a fine grid. The equilibria at consecutive grid values are matched one to one so as
to minimise the total L1 distance between strategy profiles (both players' mixed strategies; the assignment
problem, solved by :func:`scipy.optimize.linear_sum_assignment`), and a match is kept only when the profiles
are closer than ``max_step``: an equilibrium moves continuously between fold points, so a larger jump means
that one equilibrium vanished and another appeared. Each chain of matches is a *branch*. Events:

* ``appears`` — a branch starts inside the range (a fold point or a newly created equilibrium);
* ``vanishes`` — a branch ends inside the range (it merged with another at a fold, or jumped);
* ``switches`` — the label of the equilibrium changes along a branch (a reading threshold is crossed).

The grid must be fine enough for the steps of moving equilibria to stay below ``max_step``; a coarse grid
shows spurious vanish/appear pairs where an equilibrium moves fast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from games import Scenario, load_scenario
from solver.portfolio import ReadingRules
from solver.studies.selection import strategy_columns
from solver.studies.sweeps import sweep
from solver.studies.sweeps.backends import Backend, SerialBackend
from solver.studies.sweeps.spec import SweepSpec
from solver.views import ViewName, ViewOptions

#: Largest L1 distance between the strategy profiles of one equilibrium at consecutive grid values.
DEFAULT_MAX_STEP = 0.25


@dataclass(frozen=True)
class Tracks:
    """The swept rows with a ``branch`` column, the parameter's name, and the events along the way."""

    parameter: str
    table: pd.DataFrame
    events: pd.DataFrame


def _link(table: pd.DataFrame, max_step: float) -> np.ndarray:
    columns = [c for side in strategy_columns(table) for c in side]
    branch = np.full(len(table), -1, dtype=np.int64)
    previous: np.ndarray | None = None
    previous_rows: np.ndarray | None = None
    next_branch = 0
    for _, rows in table.groupby("point", sort=True):
        positions = table.index.get_indexer(rows.index)
        profiles = rows[columns].to_numpy(dtype=np.float64)
        if previous is not None and previous_rows is not None:
            cost = np.abs(previous[:, None, :] - profiles[None, :, :]).sum(axis=2)
            for i, j in zip(*linear_sum_assignment(cost), strict=True):
                if cost[i, j] <= max_step:
                    branch[positions[j]] = branch[previous_rows[i]]
        for p in positions:
            if branch[p] < 0:
                branch[p] = next_branch
                next_branch += 1
        previous, previous_rows = profiles, positions
    return branch


def _events(table: pd.DataFrame, parameter: str) -> pd.DataFrame:
    first_point, last_point = table["point"].min(), table["point"].max()
    records = []
    for branch, rows in table.groupby("branch", sort=True):
        start, end = rows.iloc[0], rows.iloc[-1]
        if start["point"] != first_point:
            records.append((start[parameter], branch, "appears", "", start["label"]))
        labels = rows["label"].to_numpy()
        for k in np.flatnonzero(labels[1:] != labels[:-1]):
            records.append((rows.iloc[k + 1][parameter], branch, "switches", labels[k], labels[k + 1]))
        if end["point"] != last_point:
            records.append((end[parameter], branch, "vanishes", end["label"], ""))
    frame = pd.DataFrame(records, columns=[parameter, "branch", "event", "label_before", "label_after"])
    return frame.sort_values([parameter, "branch"], kind="stable").reset_index(drop=True)


def track_equilibria(
    scenario: Scenario | str,
    axis: str,
    *,
    max_step: float = DEFAULT_MAX_STEP,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    backend: Backend | None = None,
    quiet: bool = True,
) -> Tracks:
    """Follow every solution of ``view`` along the grid ``axis`` (``name=start:stop:count``); module docstring.

    The sweep runs in this process unless given another ``backend``.

    Examples
    --------
    >>> tracks = track_equilibria("belarus-2014", "red_line_cost=0:40:41")
    >>> tracks.events[["event", "label_before", "label_after"]].iloc[0].tolist()
    ['vanishes', 'balancing', '']
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    table = sweep(
        case, [axis], rules=rules, view=view, options=options, backend=backend or SerialBackend(), quiet=quiet
    )
    parameter = SweepSpec.of_table(table).names[0]
    table = table.assign(branch=_link(table, max_step))
    return Tracks(parameter, table, _events(table, parameter))
