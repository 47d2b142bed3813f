import numpy as np
import pytest

from games import load_scenario
from solver.views import solve_view
from solver.views.bayesian import response_matrix


def test_bayesian_plans_are_read_as_prior_weighted_responses() -> None:
    result = solve_view(load_scenario("belarus-2014"), "bayesian")
    game = result.game
    priors = [t.prior for t in game.scenario.patron_types]
    plan = np.zeros(len(game.col_ids))
    plan[game.col_ids.index("subsidise|coerce")] = 1.0
    assert plan @ response_matrix(game) == pytest.approx([priors[0], 0.0, priors[1]])
    for profile, responses in zip(result.profiles, result.patron_responses, strict=True):
        assert responses == pytest.approx(profile.col @ response_matrix(game))
        assert responses.sum() == pytest.approx(1.0)
