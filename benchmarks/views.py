"""Sweeps of every view: points per second of ``View.solve_points`` on a Belarus Sobol' sample, in this process.

What a sweep chunk spends on solving (game construction included, the tidy table and parquet excluded), one
process, best of ``repeats`` on the same points. Views whose stacks go to the compiled batch engine are timed on
more points than those solved point by point; the table says how many, and the time a 10⁵-point sweep would
take at that rate on one process.
"""

from __future__ import annotations

import time

import numpy as np

from games import load_scenario
from solver.studies.sensitivity import varied_parameters
from solver.studies.sweeps import make_spec
from solver.studies.sweeps.sampling import points
from solver.views import VIEWS, ViewOptions, get_view, view_parameters


def view_rows(batched_points: int, single_points: int, repeats: int) -> list[list[str]]:
    """One row per view: points timed, points/s, seconds per 10⁵ points on one process, solutions per point."""
    scenario = load_scenario("belarus-2014")
    rows = []
    for name in VIEWS:
        view = get_view(name)
        size = batched_points if view.batched else single_points
        factors = varied_parameters(scenario, name)
        spec = make_spec(scenario, factors, "sobol", size, 0, known=view_parameters(name))
        values = np.asarray(points(spec), dtype=np.float64)
        view.solve_points(scenario, spec.names, values[:2], ViewOptions())  # warm up compiled kernels
        best, solved = float("inf"), None
        for _ in range(repeats):
            start = time.perf_counter()
            solved = view.solve_points(scenario, spec.names, values, ViewOptions())
            best = min(best, time.perf_counter() - start)
        assert solved is not None
        rate = size / best
        rows.append([name, "batch" if view.batched else "point by point", f"{size:,}", f"{rate:,.0f}",
                     f"{1e5 / rate:,.0f}", f"{solved.counts.mean():.2f}"])  # fmt: skip
    return rows
