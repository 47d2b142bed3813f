"""The sequential view: backward induction, tie handling, and red-line credibility."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings

from games import Scenario, build_game, load_scenario
from solver.concepts.sequential import solve_sequential
from tests.scenarios import deterrence_scenario, scenarios


def test_deterrence_payoffs_are_the_documented_ones() -> None:
    game = build_game(deterrence_scenario(enforcement_cost=3.0, red_line_stake=15.0))
    assert np.allclose(game.row_payoffs, [[10, 0], [16, -14]])
    assert np.allclose(game.col_payoffs, [[2, -3], [-25, -3]])


def test_credible_red_line_deters_crossing() -> None:
    solution = solve_sequential(build_game(deterrence_scenario(enforcement_cost=3.0, red_line_stake=15.0)))
    (spe,) = solution.equilibria
    assert spe.choice == 0  # comply
    assert spe.plan == (0, 1)  # acquiesce after compliance, punish after crossing
    (red_line,) = solution.red_lines
    assert red_line.credible
    assert "enforcing pays" in red_line.reason


def test_incredible_red_line_is_crossed_and_said_to_be_incredible() -> None:
    """ε = 30 > 10 + β = 15: punishing would cost the patron more than letting the crossing stand."""
    solution = solve_sequential(build_game(deterrence_scenario(enforcement_cost=30.0, red_line_stake=5.0)))
    (spe,) = solution.equilibria
    assert spe.choice == 1  # cross
    assert spe.plan == (0, 0)
    assert spe.row_payoff == 16.0
    (red_line,) = solution.red_lines
    assert not red_line.credible
    assert "costs the patron more" in red_line.reason


def test_ties_give_one_equilibrium_per_tie_breaking_plan() -> None:
    """At ε = 10 + β the patron is indifferent after a crossing: two plans, and the threat counts as credible."""
    solution = solve_sequential(build_game(deterrence_scenario(enforcement_cost=25.0, red_line_stake=15.0)))
    assert solution.patron_best_responses == ((0,), (0, 1))
    assert sorted((e.choice, e.plan) for e in solution.equilibria) == [(0, (0, 1)), (1, (0, 0))]
    assert solution.red_lines[0].credible


@settings(max_examples=100, deadline=None)
@given(scenarios)
def test_every_spe_is_optimal_at_every_node(scenario: Scenario) -> None:
    game = build_game(scenario)
    a, b = game.row_payoffs, game.col_payoffs
    solution = solve_sequential(game)
    assert solution.equilibria
    for spe in solution.equilibria:
        for i, response in enumerate(spe.plan):
            assert b[i, response] >= b[i].max() - 1e-9 * max(np.ptp(b), 1.0)
        path_values = a[np.arange(len(spe.plan)), spe.plan]
        assert a[spe.choice, spe.plan[spe.choice]] >= path_values.max() - 1e-9 * max(np.ptp(a), 1.0)


def test_belarus_reads_as_the_crimea_ambiguity_rewarded_with_subsidies_when_russia_moves_second() -> None:
    """What the model computes for the shipped case (a regression, not a target): one instrument of alignment
    +0.25, so not Dong's mix and not aligned enough to be bandwagoning."""
    game = build_game(load_scenario("belarus-2014"))
    solution = solve_sequential(game)
    (spe,) = solution.equilibria
    assert game.row_ids[spe.choice] == "crimea-ambiguity"
    assert game.col_ids[spe.plan[spe.choice]] == "subsidise"
    assert all(red_line.credible for red_line in solution.red_lines)
    (reading,) = solution.readings()
    assert reading.label == "other"
    assert "subgame perfection" in reading.pinned_by
