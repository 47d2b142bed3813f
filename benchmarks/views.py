"""Sweeps of every view (issue 13, table 5): points per second of ``View.solve_points`` on a Belarus Sobol' sample.

What a sweep chunk spends on solving (game construction included, the tidy table and parquet excluded), in this
one process (the compiled batch kernels use its cores), timed by the rule of :mod:`benchmarks.timing` with the
views as contestants. Views whose stacks go to the compiled batch engine are timed on more points than those
solved point by point; the table says how many, the time a 10⁵-point sweep takes at that rate, and whether
that meets issue 13's target of under a minute.
"""

from __future__ import annotations

import numpy as np

from benchmarks.tables import Row
from benchmarks.targets import at_most
from benchmarks.timing import Contestant, interleaved_best
from games import load_scenario
from solver.studies.sensitivity import varied_parameters
from solver.studies.sweeps import make_spec
from solver.studies.sweeps.sampling import points
from solver.views import VIEWS, ViewName, ViewOptions, get_view, view_parameters
from solver.views.result import PointSolutions

#: Issue 13's target: a 10⁵-point Belarus sweep of each view within this many seconds (two cores).
SWEEP_POINTS = 100_000
TARGET_SECONDS = 60.0


def _contestant(name: ViewName, batched_points: int, single_points: int) -> Contestant[PointSolutions]:
    scenario = load_scenario("belarus-2014")
    view = get_view(name)
    size = batched_points if view.batched else single_points
    spec = make_spec(scenario, varied_parameters(scenario, name), "sobol", size, 0, known=view_parameters(name))
    values = np.asarray(points(spec), dtype=np.float64)
    return Contestant(
        name, lambda n: view.solve_points(scenario, spec.names, values[:n], ViewOptions()), size, per_item=False
    )


def view_rows(batched_points: int, single_points: int) -> list[Row]:
    """One row per view: points timed, points/s, projected seconds for 10⁵ points against the target."""
    timings = interleaved_best([_contestant(name, batched_points, single_points) for name in VIEWS], budget=0.0)
    rows: list[Row] = []
    for timing in timings:
        projected = SWEEP_POINTS / timing.rate
        rows.append(
            {
                "view": timing.name,
                "stack solver": "batch" if get_view(timing.name).batched else "point by point",
                "points": timing.items,
                "points/s": timing.rate,
                "s for 10⁵ points": projected,
                f"target < {TARGET_SECONDS:g} s": at_most(projected, TARGET_SECONDS),
                "solutions per point": float(timing.found.counts.mean()),
            }
        )
    return rows
