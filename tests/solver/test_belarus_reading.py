"""Regression of what the model computes for the shipped Belarus case from its sourced inputs.

These are not targets: they record the current reading so that a change to the model, the solver or the
calibration that flips the verdict shows up here and has to be explained in its commit.
"""

from __future__ import annotations

from games import load_scenario
from solver import analyse


def test_point_calibration_reads_as_pure_diversification_met_by_coercion() -> None:
    case = analyse(load_scenario("belarus-2014"))
    assert len(case.equilibria) == 1
    assert not case.equilibria.degenerate
    reading = case.readings[0]
    assert reading.weights["30-30-30 exports, IMF and Chinese loans"] == 1.0
    assert reading.patron_response["Coerce and enforce red lines"] == 1.0
    assert [f.passed for f in reading.filters] == [True, True, True]
    assert not reading.mixes_cooperative_and_competitive
    assert reading.label == "other"  # one neutral instrument passes Tessman's filters but is not Dong's mix
    assert "not Dong's mix" in reading.label_reason


def test_without_a_red_line_cost_belarus_balances() -> None:
    reading = analyse(load_scenario("belarus-2014").with_values(red_line_cost=0.0)).readings[0]
    assert reading.label == "balancing"
    assert reading.weights["Military alliance with the West"] == 1.0


def test_low_subsidy_gives_a_mixed_equilibrium_pinned_by_the_patron() -> None:
    case = analyse(load_scenario("belarus-2014").with_values(subsidy_value=4.0))
    (reading,) = case.readings
    assert sum(w > 0 for w in reading.weights.values()) == 2
    assert "patron's payoffs" in reading.pinned_by
    assert not reading.filters[0].passed  # too little weight on diversification to pass Filter One
