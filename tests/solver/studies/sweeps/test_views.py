"""A sweep of any view equals the same points solved one by one, and the backends give identical tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from games import load_scenario
from solver.studies.sweeps import SerialBackend, choose_backend, make_spec, sweep, sweep_frame
from solver.views import VIEWS, ViewName, ViewOptions, solve_view

BELARUS = load_scenario("belarus-2014")
GRID = ["subsidy_value=4:15:3", "red_line_cost=5:40:2"]


def _solutions(rows: pd.DataFrame) -> list[tuple[float, ...]]:
    weights = [c for c in rows.columns if c.startswith(("w: ", "patron: "))]
    keys = rows[[*weights, "small_state_payoff", "patron_payoff"]].to_numpy().round(7)
    return sorted(tuple(float(v) for v in key) for key in keys)


@pytest.mark.parametrize("view", VIEWS)
def test_a_sweep_of_each_view_equals_solving_its_points_one_by_one(view: ViewName) -> None:
    table = sweep(BELARUS, GRID, view=view, backend=SerialBackend(), quiet=True)
    assert table.attrs["sweep"]["view"] == view
    assert table["point"].nunique() == 6
    for point, rows in table.groupby("point"):
        values = {name: float(rows[name].iloc[0]) for name in ("subsidy_value", "red_line_cost")}
        result = solve_view(BELARUS.with_values(**values), view)
        expected = pd.DataFrame(
            np.hstack([np.array([p.row for p in result.profiles]), np.array(result.patron_responses),
                       np.array(result.payoffs)]),
            columns=[c for c in rows.columns if c.startswith(("w: ", "patron: "))]
            + ["small_state_payoff", "patron_payoff"],
        )  # fmt: skip
        assert _solutions(rows) == _solutions(expected), f"point {point}"
        assert sorted(rows["label"]) == sorted(r.label for r in result.readings)
        assert (rows["equilibria"] == len(result.profiles)).all()


def test_a_view_sweep_is_the_same_table_on_every_backend_and_chunking() -> None:
    spec = make_spec(BELARUS, GRID)
    serial = sweep_frame(BELARUS, spec, None, view="sequential", chunk_size=6, backend=choose_backend(1), quiet=True)
    pooled = sweep_frame(BELARUS, spec, None, view="sequential", chunk_size=2, backend=choose_backend(2), quiet=True)
    pd.testing.assert_frame_equal(serial, pooled)


def test_the_view_and_its_options_are_part_of_the_sweep_identity() -> None:
    low = sweep(BELARUS, GRID[:1], view="qre", options=ViewOptions(precision=0.5), backend=SerialBackend(), quiet=True)
    high = sweep(BELARUS, GRID[:1], view="qre", options=ViewOptions(precision=8.0), backend=SerialBackend(), quiet=True)
    assert low.attrs["sweep"]["view_options"] == {"precision": 0.5}
    assert not np.allclose(low.filter(like="w: ").to_numpy(), high.filter(like="w: ").to_numpy())
    plain = sweep(BELARUS, GRID[:1], backend=SerialBackend(), quiet=True)
    assert plain.attrs["sweep"]["view_options"] == {}  # the two-player view uses no option


def test_a_view_the_scenario_does_not_declare_is_refused() -> None:
    baseline = load_scenario("neorealist-baseline")
    undeclared = [v for v in VIEWS if v not in baseline.scenario.views]
    with pytest.raises(ValueError, match="does not support"):
        sweep(baseline, ["subsidy_value=4:15:2"], view=undeclared[0], backend=SerialBackend(), quiet=True)
