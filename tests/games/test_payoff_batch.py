"""Stacks of payoff matrices equal the single-scenario matrices at every parameter point."""

from __future__ import annotations

import numpy as np
import pytest

from games import build_game, load_scenario, payoff_matrices
from games.parameters import MODEL_PARAMETERS
from games.payoff_batch import payoff_stack, payoff_stacks


def test_stack_matches_one_scenario_at_a_time() -> None:
    scenario = load_scenario("belarus-2014")
    rng = np.random.default_rng(7)
    values = {name: rng.uniform(*scenario.parameters[name].range, size=25) for name in MODEL_PARAMETERS}
    a, b = payoff_stacks(scenario, values)
    assert a.shape == b.shape == (25, len(scenario.instruments), len(scenario.responses))
    for k in range(25):
        single_a, single_b = payoff_matrices(scenario.with_values(**{n: float(v[k]) for n, v in values.items()}))
        np.testing.assert_allclose(a[k], single_a, rtol=1e-13, atol=1e-12)
        np.testing.assert_allclose(b[k], single_b, rtol=1e-13, atol=1e-12)


def test_parameters_left_out_keep_their_point_values() -> None:
    scenario = load_scenario("belarus-2014")
    a, b = payoff_stacks(scenario, {"red_line_cost": [scenario.value("red_line_cost")] * 3})
    single_a, single_b = payoff_matrices(scenario)
    np.testing.assert_allclose(a, np.broadcast_to(single_a, a.shape), atol=1e-12)
    np.testing.assert_allclose(b, np.broadcast_to(single_b, b.shape), atol=1e-12)


def test_values_outside_the_domain_are_refused_with_the_parameter_named() -> None:
    scenario = load_scenario("belarus-2014")
    with pytest.raises(ValueError, match="second_pole_support"):
        payoff_stacks(scenario, {"second_pole_support": [0.5, 1.5]})
    with pytest.raises(KeyError, match="subsidy"):
        payoff_stacks(scenario, {"subsidy": [1.0]})
    with pytest.raises(ValueError, match="one length"):
        payoff_stacks(scenario, {"red_line_cost": [1.0, 2.0], "subsidy_value": [1.0]})


BELARUS = load_scenario("belarus-2014")
NAMES = ("subsidy_value", "red_line_cost")
VALUES = np.array([[9.6, 20.0], [4.0, 20.0], [9.6, 0.0], [15.0, 50.0], [0.5, 3.0]])


def test_payoff_stack_matches_the_scenario_built_point_by_point() -> None:
    a, b = payoff_stack(BELARUS, NAMES, VALUES)
    for k, (sigma, rho) in enumerate(VALUES):
        game = build_game(BELARUS.with_values(subsidy_value=sigma, red_line_cost=rho))
        np.testing.assert_allclose(a[k], game.row_payoffs, rtol=1e-13, atol=1e-12)
        np.testing.assert_allclose(b[k], game.col_payoffs, rtol=1e-13, atol=1e-12)
