"""Regression of what the model computes for the shipped Belarus case from its sourced inputs.

These are not targets: they record the current reading so that a change to the model, the solver or the
calibration that flips the verdict shows up here and has to be explained in its commit.
"""

from __future__ import annotations

from games import load_scenario
from solver import analyse


def test_point_calibration_reads_as_pure_contingency_planning_met_by_coercion() -> None:
    case = analyse(load_scenario("belarus-2014"))
    assert len(case.equilibria) == 1
    assert not case.equilibria.degenerate
    reading = case.readings[0]
    assert reading.weights["Hidden military contingency planning"] == 1.0  # capability lessens coercion borne
    assert reading.patron_response["Coerce and enforce red lines"] == 1.0
    assert [f.passed for f in reading.filters] == [True, True, True]
    assert not reading.mixes_cooperative_and_competitive
    assert reading.label == "other"  # one competitive instrument passes Tessman's filters but is not Dong's mix
    assert "not Dong's mix" in reading.label_reason


def test_without_a_red_line_cost_belarus_balances() -> None:
    reading = analyse(load_scenario("belarus-2014").with_values(red_line_cost=0.0)).readings[0]
    assert reading.label == "balancing"
    assert reading.weights["Military alliance with the West"] == 1.0


def test_at_the_high_end_of_the_subsidy_belarus_turns_to_diversification() -> None:
    belarus = load_scenario("belarus-2014")
    case = analyse(belarus.with_values(subsidy_value=belarus.parameters["subsidy_value"].range[1]))
    (reading,) = case.readings
    assert reading.weights["30-30-30 exports, IMF and Chinese loans"] == 1.0
    assert "pure" in reading.pinned_by
    assert reading.filters[0].passed  # the cushion replaces part of a larger subsidy cut
