"""Property tests of payoff construction on random valid scenarios."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from games import Scenario, build_game, load_scenario, payoff_matrices
from games.payoffs import subsidy_weighted_dependence_reduction
from tests.scenarios import scenarios

SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(scenarios)
def test_payoffs_are_finite_and_shaped_instruments_by_responses(scenario: Scenario) -> None:
    a, b = payoff_matrices(scenario)
    shape = (len(scenario.instruments), len(scenario.responses))
    assert a.shape == shape
    assert b.shape == shape
    assert np.isfinite(a).all()
    assert np.isfinite(b).all()


@SETTINGS
@given(scenarios, st.floats(0.01, 20.0))
def test_small_state_gains_from_more_subsidy_wherever_the_patron_subsidises(
    scenario: Scenario, increase: float
) -> None:
    """∂u_S/∂σ = s̄_r + Σ_c h_c (1 − s_rc) d_ic ≥ s̄_r: strictly positive where any subsidy is kept."""
    a, _ = payoff_matrices(scenario)
    richer, _ = payoff_matrices(scenario.with_values(subsidy_value=scenario.value("subsidy_value") + increase))
    shares = np.array([c.share for c in scenario.subsidies])
    kept = np.array([[r.subsidy_kept[c.id] for c in scenario.subsidies] for r in scenario.responses]) @ shares
    subsidised = np.broadcast_to(kept > 1e-9, a.shape)
    assert (richer[subsidised] > a[subsidised]).all()
    assert (richer >= a - 1e-9).all()


@SETTINGS
@given(scenarios, st.floats(0.5, 30.0))
def test_red_line_cost_changes_only_cells_where_a_crossed_line_is_enforced(scenario: Scenario, increase: float) -> None:
    a, b = payoff_matrices(scenario)
    costlier = scenario.with_values(red_line_cost=scenario.value("red_line_cost") + increase)
    a2, b2 = payoff_matrices(costlier)
    crossed = np.array([i.crosses_red_line for i in scenario.instruments])
    enforced = np.array([r.enforces_red_line for r in scenario.responses])
    punished = np.outer(crossed, enforced)
    assert np.array_equal(a2[~punished], a[~punished])
    assert np.array_equal(b2, b)  # the patron's payoffs do not involve the cost it imposes
    capability = np.array([i.capability_gain for i in scenario.instruments])
    # where the penalty (1 − δ)(1 − g_i)·Δρ is not lost in rounding, the small state's payoff falls
    bites = punished & np.outer(capability < 0.99, np.ones(len(enforced), dtype=bool))
    if scenario.value("patron_relative_decline") < 0.99:
        assert (a2[bites] < a[bites]).all()


@SETTINGS
@given(scenarios)
def test_every_cell_explanation_sums_to_the_cell(scenario: Scenario) -> None:
    game = build_game(scenario)
    for i in range(game.shape[0]):
        for j in range(game.shape[1]):
            cell = game.explain(i, j)
            small_state = sum(v for player, _, _, v in cell.terms if player == "small_state")
            patron = sum(v for player, _, _, v in cell.terms if player == "patron")
            assert np.isclose(small_state, game.row_payoffs[i, j], rtol=0, atol=1e-9)
            assert np.isclose(patron, game.col_payoffs[i, j], rtol=0, atol=1e-9)


def test_belarus_cell_by_hand() -> None:
    """The 30-30-30 diversification row against the squeeze, recomputed from the scenario's numbers."""
    scenario = load_scenario("belarus-2014")
    cell = build_game(scenario).explain("economic-diversification", "squeeze")
    terms = {name: value for _, name, _, value in cell.terms}
    sigma = scenario.value("subsidy_value")
    kept = {"energy": 0.66, "credit": 0.5, "market": 0.85}
    shares = {"energy": 0.78, "credit": 0.04, "market": 0.18}
    reduction = {"energy": 0.05, "credit": 0.5, "market": 0.25}
    assert np.isclose(terms["subsidy received"], sigma * sum(shares[c] * kept[c] for c in kept))
    assert np.isclose(
        terms["diversification cushion"], sigma * sum(shares[c] * (1 - kept[c]) * reduction[c] for c in kept)
    )
    assert np.isclose(terms["autonomy"], scenario.value("autonomy_value") * 0.5)
    assert np.isclose(
        terms["second-pole support"], scenario.value("second_pole_support") * scenario.value("second_pole_offer") * 0.5
    )
    assert terms["red-line penalty"] == 0.0
    assert np.isclose(terms["instrument cost"], -scenario.value("instrument_cost") * 1.0)
    assert np.isclose(subsidy_weighted_dependence_reduction(scenario)[3], 0.78 * 0.05 + 0.04 * 0.5 + 0.18 * 0.25)
