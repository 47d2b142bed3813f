"""The Bayesian view: the normal form over type-contingent plans, checked on a hand-solved deterrence game."""

from __future__ import annotations

import numpy as np
import pytest

from games import Scenario, ScenarioError, build_game, load_scenario, parse_scenario
from games.bayesian import bayesian_payoff_stack, build_bayesian_game, with_priors
from games.loading import catalogue_files
from solver import equilibria
from tests.scenarios import deterrence_scenario


def _two_types(prior_hard: float) -> Scenario:
    """Deterrence game (``tests.scenarios``, β = 15) with a soft patron (ε = 30) and a hard one (ε = 3).

    Soft always acquiesces. Hard punishes a crossing iff S crosses with probability above 5/27. Crossing beats
    complying by 6 − 20h + 20hz (h the prior on hard, z the probability hard acquiesces), so for h < 0.3 S
    crosses and hard punishes; for h > 0.3 S crosses with probability 5/27 and hard acquiesces with z = 1 − 0.3/h.
    """
    data = deterrence_scenario(enforcement_cost=3.0, red_line_stake=15.0).model_dump()
    data["scenario"]["views"] = ["two-player", "bayesian"]
    data["patron_types"] = [
        {"id": "soft", "label": "soft", "prior": 1 - prior_hard, "overrides": {"enforcement_cost": 30.0},
         "source": "assumed"},
        {"id": "hard", "label": "hard", "prior": prior_hard, "overrides": {"enforcement_cost": 3.0},
         "source": "assumed"},
    ]  # fmt: skip
    return Scenario.model_validate(data)


def test_plans_are_every_combination_of_type_responses() -> None:
    game = build_bayesian_game(_two_types(0.5))
    assert game.shape == (2, 4)
    assert game.col_ids == ("acquiesce|acquiesce", "acquiesce|punish", "punish|acquiesce", "punish|punish")
    cell = game.explain("cross", "acquiesce|punish")
    assert np.isclose(sum(v for p, _, _, v in cell.terms if p == "small_state"), game.row_payoffs[1, 1])
    assert np.isclose(game.row_payoffs[1, 1], 0.5 * 16 + 0.5 * -14)


def test_low_prior_on_the_hard_type_invites_crossing() -> None:
    (eq,) = equilibria(build_bayesian_game(_two_types(0.2)))
    assert np.allclose(eq.row, [0, 1])
    assert np.allclose(eq.col, [0, 1, 0, 0])  # soft acquiesces, hard punishes


@pytest.mark.parametrize("prior_hard", [0.5, 0.8])
def test_high_prior_gives_the_hand_derived_mixed_equilibrium(prior_hard: float) -> None:
    (eq,) = equilibria(build_bayesian_game(_two_types(prior_hard)))
    assert np.allclose(eq.row, [22 / 27, 5 / 27])  # pinned by the hard type's indifference, whatever the prior
    acquiesce = 1 - 0.3 / prior_hard
    assert np.allclose(eq.col, [acquiesce, 1 - acquiesce, 0, 0])


def test_with_priors_validates() -> None:
    scenario = load_scenario("belarus-2014")
    moved = with_priors(scenario, {"aggressive": 0.8, "benign": 0.2})
    assert [t.prior for t in moved.patron_types] == [0.2, 0.8]
    with pytest.raises(ValueError, match=r"priors sum to 1\.3"):
        with_priors(scenario, {"aggressive": 0.8})
    with pytest.raises(KeyError, match="unknown patron type"):
        with_priors(scenario, {"hawkish": 1.0})


def test_bayesian_view_needs_types() -> None:
    with pytest.raises(ValueError, match="declares no patron types"):
        build_bayesian_game(deterrence_scenario(3.0, 15.0))
    assert build_game(load_scenario("belarus-2014")).shape == (8, 3)


def test_type_errors_are_reported_in_the_file() -> None:
    (belarus,) = (entry for entry in catalogue_files() if entry.name == "belarus-2014.toml")
    text = belarus.read_text()
    bad = text.replace("overrides = { patron_aggressiveness = 0.9 }", "overrides = { patron_aggresiveness = 0.9 }")
    with pytest.raises(ScenarioError, match="patron_aggresiveness is not a model parameter"):
        parse_scenario(bad, "case.toml")
    bad = text.replace(
        "prior = 0.5\noverrides = { patron_aggressiveness = 0.9 }",
        "prior = 0.7\noverrides = { patron_aggressiveness = 0.9 }",
    )
    with pytest.raises(ScenarioError, match=r"priors sum to 1\.2"):
        parse_scenario(bad, "case.toml")


def test_the_normal_form_stack_equals_the_game_built_at_each_point() -> None:
    scenario = load_scenario("belarus-2014")
    names = ("subsidy_value", "patron_aggressiveness", "red_line_cost")  # every type overrides aggressiveness
    values = np.array([[9.6, 0.2, 20.0], [4.0, 0.9, 5.0], [15.0, 0.5, 45.0]])
    a, b = bayesian_payoff_stack(scenario, names, values)
    for k, row in enumerate(values):
        game = build_bayesian_game(scenario.with_values(**dict(zip(names, map(float, row), strict=True))))
        np.testing.assert_allclose(a[k], game.row_payoffs, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(b[k], game.col_payoffs, rtol=1e-12, atol=1e-12)
