"""Observed behaviour against a view: known answers on the hand-solvable deterrence game."""

from __future__ import annotations

import numpy as np
import pytest

from games import Scenario, load_scenario
from solver.fit import NoObservedProfileError, fit_case, fit_view
from tests.scenarios import deterrence_scenario


def _observed(case: Scenario, pursued: str, patron: dict[str, float]) -> Scenario:
    """``case`` with an observed profile: one instrument pursued, the other not, the patron's shares of one year."""
    other = next(i.id for i in case.instruments if i.id != pursued)
    block = {
        "period": "one year",
        "years": 1,
        "summary": "test",
        "instruments": {pursued: {"pursued": True, "source": "test"}, other: {"pursued": False, "source": "test"}},
        "patron": {r: {"share": share, "source": "test"} for r, share in patron.items()},
    }
    return Scenario.model_validate({**case.model_dump(), "observed": block})


#: ε = 4, β = 12: the red line is credible (ε ≤ 10 + β). Simultaneous play has one mixed equilibrium: the patron
#: punishes with probability 0.3 (the small state's indifference 10(1 − q) = 16(1 − q) − 14q), the small state
#: crosses with probability (2 + ε)/(12 + β) = 0.25 (the patron's indifference).
DETERRENCE = _observed(deterrence_scenario(4.0, 12.0), "comply", {"acquiesce": 1.0})


def test_deterrence_kept_is_the_subgame_perfect_equilibrium() -> None:
    fit = fit_view(DETERRENCE, "sequential")
    assert fit.observed_is_solution
    assert fit.nearest is not None
    assert fit.nearest.distance == pytest.approx(0.0)


def test_the_simultaneous_equilibrium_is_as_far_as_its_mixing_weights() -> None:
    fit = fit_view(DETERRENCE, "two-player")
    assert not fit.observed_is_solution
    (solution,) = fit.solutions
    assert solution.missed == ()
    assert solution.stray_weight == pytest.approx(0.25)
    assert solution.patron_distance == pytest.approx(0.3)
    assert solution.patron_support_matches is False
    assert solution.distance == pytest.approx(0.55)


def test_a_pursued_instrument_without_weight_counts_as_missed() -> None:
    crossed = _observed(deterrence_scenario(4.0, 12.0), "cross", {"punish": 1.0})
    (solution,) = fit_view(crossed, "sequential").solutions  # the SPE is (comply, acquiesce)
    assert solution.missed == ("cross",)
    assert solution.stray_weight == pytest.approx(1.0)
    assert solution.patron_distance == pytest.approx(1.0)
    assert solution.distance == pytest.approx(3.0)


def test_log_likelihood_starts_at_uniform_play_and_rises_where_the_model_predicts_the_observation() -> None:
    likelihood = fit_view(DETERRENCE, "sequential").likelihood
    assert likelihood.kappas[0] == 0.0
    assert likelihood.log_likelihood[0] == pytest.approx(2 * np.log(0.5))  # one choice each, both uniform
    # the agent QRE converges on (comply, acquiesce), the observed profile, whose probability tends to 1
    assert likelihood.log_likelihood[-1] == pytest.approx(0.0, abs=1e-4)
    assert likelihood.best == len(likelihood.kappas) - 1
    assert likelihood.gain_over_uniform > 1.0
    assert likelihood.lams[1] == pytest.approx(likelihood.kappas[1] / likelihood.span)


def test_qre_view_never_reproduces_a_support_exactly() -> None:
    fit = fit_view(DETERRENCE, "qre")
    assert all(s.stray_weight > 0 for s in fit.solutions)  # logit play puts weight on every instrument
    assert not fit.observed_is_solution


def test_a_case_fit_covers_every_declared_view_and_serialises() -> None:
    fit = fit_case(DETERRENCE)
    assert [v.view for v in fit.views] == ["two-player", "sequential", "qre", "commitment"]
    assert fit.views[-1].likelihood is None  # commitment has no logit counterpart
    frame = fit.to_frame()
    assert frame.set_index("view").loc["sequential", "observed_is_solution"]
    document = fit.to_document()
    assert document["scenario"] == {"id": "textbook-deterrence", "hash": DETERRENCE.content_hash}


def test_a_scenario_without_observations_says_so() -> None:
    with pytest.raises(NoObservedProfileError, match="no \\[observed\\] profile"):
        fit_case(load_scenario("neorealist-baseline"))
