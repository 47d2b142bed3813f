"""Sobol' indices: known answers on test functions, and a reproducible analysis of the Belarus case."""

from __future__ import annotations

import numpy as np
import pytest
from SALib.sample import sobol as salib_sobol
from SALib.test_functions import Ishigami

from games import load_scenario
from solver.studies.sensitivity import sobol_analysis, sobol_indices
from solver.studies.sweeps import SerialBackend

BELARUS = load_scenario("belarus-2014")


def test_ishigami_indices_match_the_analytical_values() -> None:
    names, bounds = ["x1", "x2", "x3"], [(-np.pi, np.pi)] * 3
    problem = {"num_vars": 3, "names": names, "bounds": [list(b) for b in bounds]}
    x = salib_sobol.sample(problem, 4096, calc_second_order=False, seed=1)
    indices = sobol_indices(Ishigami.evaluate(x), bounds, names, seed=1).loc["Y"]
    # Ishigami & Homma (1990), a = 7, b = 0.1: S1 = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244)
    np.testing.assert_allclose(indices["S1"], [0.3139, 0.4424, 0.0], atol=0.04)
    np.testing.assert_allclose(indices["ST"], [0.5576, 0.4424, 0.2437], atol=0.04)
    assert (indices["S1_conf"] > 0).all()
    assert (indices["ST_conf"] < 0.1).all()


def test_additive_function_has_equal_first_order_and_total_indices() -> None:
    names, bounds = ["a", "b", "c"], [(0.0, 1.0)] * 3
    problem = {"num_vars": 3, "names": names, "bounds": [list(b) for b in bounds]}
    x = salib_sobol.sample(problem, 2048, calc_second_order=False, seed=0)
    y = np.column_stack([2 * x[:, 0] + x[:, 1], np.full(len(x), 3.0)])
    indices = sobol_indices(y, bounds, names)
    # V = (4 + 1)/12: S_a = 0.8, S_b = 0.2, S_c = 0
    np.testing.assert_allclose(indices.loc["Y0", "S1"], [0.8, 0.2, 0.0], atol=0.03)
    np.testing.assert_allclose(indices.loc["Y0", "ST"], [0.8, 0.2, 0.0], atol=0.03)
    assert indices.loc["Y1", "S1"].isna().all()
    assert (indices.loc["Y1", "variance"] == 0).all()


def test_belarus_analysis_is_reproducible_and_names_the_drivers() -> None:
    factors = ["subsidy_value", "red_line_cost", "patron_relative_decline", "instrument_cost"]
    first = sobol_analysis(BELARUS, n=64, factors=factors, backend=SerialBackend(), quiet=True)
    again = sobol_analysis(BELARUS, n=64, factors=factors, backend=SerialBackend(), quiet=True)
    assert first.points == 64 * 6
    assert first.indices.equals(again.indices)
    competitive = first.indices.loc["competitive_share"]
    assert list(competitive.index) == factors
    assert competitive["variance"].iloc[0] > 0
    assert np.isfinite(competitive[["S1", "ST"]].to_numpy()).all()
    assert competitive["ST"].idxmax() in ("subsidy_value", "instrument_cost")


@pytest.mark.parametrize("rule", ["payoff-dominant", "risk-dominant", "tracked"])
def test_every_rule_gives_indices(rule: str) -> None:
    result = sobol_analysis(
        BELARUS,
        n=16,
        factors=["patron_aggressiveness", "loyalty_value"],
        rule=rule,  # type: ignore[arg-type]
        outputs=["competitive_share"],
        backend=SerialBackend(),
        quiet=True,
    )
    assert result.rule == rule
    assert result.indices.shape == (2, 5)
