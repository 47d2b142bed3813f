"""Selection rules: one value per point when a point has several equilibria."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from games import load_scenario
from games.payoff_batch import payoff_stack
from solver.studies.selection import risk_dominates, select
from solver.studies.sensitivity import reference_equilibria
from solver.studies.sweeps import SerialBackend, sweep

BELARUS = load_scenario("belarus-2014")
VARY = ["autonomy_value=0.5:1.6:8", "instrument_cost=0.5:1.5:6", "second_pole_offer=0.5:2:4"]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    """Cheap autonomy, dear instruments: one equilibrium at some points, three at others."""
    return sweep(BELARUS, VARY, backend=SerialBackend(), quiet=True)


def test_the_sweep_has_points_with_several_equilibria(table: pd.DataFrame) -> None:
    assert (table["equilibria"] > 1).any()
    assert (table["equilibria"] == 1).any()


def test_mean_averages_over_the_equilibria_of_each_point(table: pd.DataFrame) -> None:
    selection = select(table, ["competitive_share", "is_hedging"], "mean")
    assert list(selection.values.index) == sorted(table["point"].unique())
    expected = table.groupby("point")["competitive_share"].mean()
    np.testing.assert_allclose(selection.values["competitive_share"], expected)
    shares = (table["label"] == "hedging").groupby(table["point"]).mean()
    np.testing.assert_allclose(selection.values["is_hedging"], shares)


def test_payoff_dominant_takes_the_small_states_best_equilibrium(table: pd.DataFrame) -> None:
    selection = select(table, ["small_state_payoff"], "payoff-dominant")
    best = table.groupby("point")["small_state_payoff"].max()
    np.testing.assert_allclose(selection.values["small_state_payoff"], best)


def test_risk_dominant_is_defined_only_among_pure_equilibria(table: pd.DataFrame) -> None:
    selection = select(table, ["small_state_payoff", "competitive_share"], "risk-dominant", scenario=BELARUS)
    names = [axis.split("=")[0] for axis in VARY]
    multi = table[table["equilibria"] > 1]
    checked = 0
    for point, rows in multi.groupby("point"):
        if point in selection.fallback_points:
            continue
        pure = rows[
            (rows.filter(like="w: ").max(axis=1) > 1 - 1e-12) & (rows.filter(like="patron: ").max(axis=1) > 1 - 1e-12)
        ]
        chosen = pure[np.isclose(pure["small_state_payoff"], selection.values.loc[point, "small_state_payoff"])].iloc[0]
        a, b = payoff_stack(BELARUS, names, rows[names].to_numpy()[:1])
        profile = (int(np.argmax(chosen.filter(like="w: "))), int(np.argmax(chosen.filter(like="patron: "))))
        others = [
            (int(np.argmax(r.filter(like="w: "))), int(np.argmax(r.filter(like="patron: "))))
            for _, r in pure.iterrows()
        ]
        assert all(risk_dominates(a[0], b[0], profile, o) for o in others if o != profile)
        checked += 1
    assert checked > 0
    single = table[table["equilibria"] == 1].set_index("point")
    np.testing.assert_allclose(selection.values.loc[single.index, "competitive_share"], single["competitive_share"])


def test_tracked_follows_the_equilibrium_nearest_the_shipped_verdict(table: pd.DataFrame) -> None:
    start = reference_equilibria(BELARUS).iloc[0]
    (played,) = [name for name in start.index if name.startswith("w: ") and start[name] == 1.0]  # a pure verdict
    selection = select(table, [played], "tracked", reference=start)
    near = table[table[played] == 1.0]["point"].unique()
    assert len(near) > 0
    assert (selection.values.loc[near].to_numpy() == 1.0).all()


def test_rules_that_need_context_say_so(table: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="needs the scenario"):
        select(table, ["is_hedging"], "risk-dominant")
    with pytest.raises(ValueError, match="needs the reference"):
        select(table, ["is_hedging"], "tracked")
    with pytest.raises(ValueError, match="unknown rule"):
        select(table, ["is_hedging"], "loudest")  # type: ignore[arg-type]
