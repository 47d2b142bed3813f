"""Every view of a scenario gives results of the same shape, and refuses views the scenario does not declare."""

from __future__ import annotations

import pytest

from games import load_scenario
from solver.views import VIEWS, compare_views, solve_view
from tests.scenarios import deterrence_scenario


def test_views_side_by_side_in_one_table() -> None:
    frame = compare_views(load_scenario("belarus-2014"))
    assert set(frame["view"]) == set(VIEWS)
    weights = frame[[c for c in frame.columns if c.startswith("w: ")]]
    assert weights.sum(axis=1).round(9).eq(1.0).all()
    assert frame["label"].isin(["bandwagoning", "balancing", "hedging", "other"]).all()


def test_sequential_view_reports_red_line_credibility() -> None:
    result = solve_view(deterrence_scenario(enforcement_cost=30.0, red_line_stake=5.0), "sequential")
    assert result.concept == "subgame-perfect equilibrium"
    assert any("costs the patron more" in note for note in result.notes)
    assert result.readings[0].weights["Cross the red line"] == 1.0


def test_qre_view_moves_with_the_small_states_own_red_line_cost() -> None:
    """Under QRE a costlier red line lowers the weight on crossing it; the Nash weights could not say so."""
    scenario = load_scenario("belarus-2014")
    exposure = [
        solve_view(scenario.with_values(red_line_cost=cost), "qre", precision=0.5).readings[0].red_line_exposure
        for cost in (5.0, 20.0, 50.0)
    ]
    assert exposure[0] > exposure[1] > exposure[2]


def test_undeclared_view_is_refused() -> None:
    with pytest.raises(ValueError, match="does not support the bayesian view"):
        solve_view(deterrence_scenario(enforcement_cost=3.0, red_line_stake=15.0), "bayesian")


@pytest.mark.parametrize("precision", [-5.0, float("nan"), float("inf")])
def test_a_qre_precision_that_is_not_a_finite_non_negative_number_is_refused(precision: float) -> None:
    with pytest.raises(ValueError, match="precision λ must be a finite number"):
        solve_view(load_scenario("belarus-2014"), "qre", precision=precision)
