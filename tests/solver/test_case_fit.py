"""Each shipped case's fit to what actually happened, view by view, as the model computes it.

A regression, not a target: recorded from the model and the sourced observed profiles, never tuned. A change in
the payoffs, the calibration or a solver that moves a case nearer to or further from what happened fails here
and has to be reported in its commit (whether the fit improves or not).
"""

from __future__ import annotations

import pytest

from games import load_scenario
from solver.fit import fit_case

# case: {view: (observed profile is a solution, distance of the nearest solution, QRE log-likelihood gain or None
# for the commitment view, which has no logit counterpart)}
RECORDED = {
    "belarus-2014": {"two-player": (False, 1.800, 0.037), "sequential": (False, 1.050, 1.678),
                     "bayesian": (False, 1.800, 0.598), "qre": (False, 0.652, 0.037),
                     "three-player": (False, 2.300, 0.000), "commitment": (False, 0.850, None),
                     "three-player-commitment": (False, 1.350, None)},
    "georgia-2008": {"two-player": (False, 1.167, 0.000), "sequential": (False, 1.750, 0.000),
                     "bayesian": (False, 1.167, 0.000), "qre": (False, 0.640, 0.000),
                     "three-player": (False, 2.167, 0.000), "commitment": (False, 1.750, None),
                     "three-player-commitment": (False, 2.750, None)},
    "armenia-2013": {"two-player": (False, 1.445, 0.751), "sequential": (False, 1.334, 1.583),
                     "bayesian": (False, 1.375, 0.928), "qre": (False, 0.630, 0.751),
                     "three-player": (False, 1.676, 0.798), "commitment": (False, 1.334, None),
                     "three-player-commitment": (False, 1.667, None)},
    "vietnam-2017": {"two-player": (False, 1.800, 0.000), "sequential": (False, 1.050, 1.973),
                     "bayesian": (False, 1.800, 0.022), "qre": (False, 0.786, 0.000),
                     "three-player": (False, 2.300, 0.000), "commitment": (False, 1.050, None),
                     "three-player-commitment": (False, 1.550, None)},
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(RECORDED))
def test_fit_to_the_observed_profile_as_recorded(case: str) -> None:
    fit = fit_case(load_scenario(case))
    measured = {
        v.view: (
            v.observed_is_solution,
            v.nearest.distance if v.nearest else None,
            None if v.likelihood is None else v.likelihood.gain_over_uniform,
        )
        for v in fit.views
    }
    assert set(measured) == set(RECORDED[case])
    for view, (is_solution, distance, gain) in RECORDED[case].items():
        assert measured[view][0] == is_solution, view
        assert measured[view][1] == pytest.approx(distance, abs=1e-3), view
        assert measured[view][2] == (None if gain is None else pytest.approx(gain, abs=2e-3)), view
