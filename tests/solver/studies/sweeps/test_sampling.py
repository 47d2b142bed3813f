"""Sweep designs: deterministic points that do not depend on how the design is split into chunks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from SALib.sample import sobol as salib_sobol

from games import load_scenario
from solver.studies.sweeps import make_spec
from solver.studies.sweeps.sampling import RANDOM_BLOCK, points

BELARUS = load_scenario("belarus-2014")
FACTORS = ["subsidy_value", "red_line_cost", "second_pole_support"]


def test_grid_is_the_c_ordered_product_of_linspaces() -> None:
    spec = make_spec(BELARUS, ["subsidy_value=0:20:5", "red_line_cost=0:50:3"])
    values = points(spec)
    assert values.shape == (15, 2)
    np.testing.assert_array_equal(values[:3, 1], np.linspace(0, 50, 3))
    np.testing.assert_array_equal(values[::3, 0], np.linspace(0, 20, 5))


@pytest.mark.parametrize("design", ["grid", "random", "lhs", "sobol", "saltelli"])
def test_any_split_gives_the_same_points(design: str) -> None:
    vary = (
        ["subsidy_value=4:15:9", "red_line_cost=5:50:7", "second_pole_support=0:1:5"] if design == "grid" else FACTORS
    )
    n = None if design == "grid" else (64 if design in ("sobol", "saltelli") else 100)
    spec = make_spec(BELARUS, vary, design, n, seed=11)  # type: ignore[arg-type]
    whole = points(spec)
    cuts = [0, 1, 17, 40, spec.size]
    pieces = np.vstack([points(spec, a, b) for a, b in itertools.pairwise(cuts)])
    np.testing.assert_array_equal(pieces, whole)
    np.testing.assert_array_equal(points(spec), whole)  # same seed, same points


@pytest.mark.parametrize("design", ["random", "lhs", "sobol"])
def test_samples_lie_in_their_bounds_and_depend_on_the_seed(design: str) -> None:
    spec = make_spec(BELARUS, FACTORS, design, 256, seed=1)  # type: ignore[arg-type]
    values = points(spec)
    low = np.array([a.low for a in spec.axes])
    high = np.array([a.high for a in spec.axes])
    assert ((values >= low) & (values <= high)).all()
    assert not np.array_equal(values, points(make_spec(BELARUS, FACTORS, design, 256, seed=2)))  # type: ignore[arg-type]


def test_random_points_cross_generation_blocks_seamlessly() -> None:
    spec = make_spec(BELARUS, FACTORS, "random", RANDOM_BLOCK + 10, seed=0)
    np.testing.assert_array_equal(
        points(spec, RANDOM_BLOCK - 5, RANDOM_BLOCK + 5), points(spec)[RANDOM_BLOCK - 5 :][:10]
    )


def test_latin_hypercube_has_one_point_per_stratum() -> None:
    spec = make_spec(BELARUS, FACTORS, "lhs", 50, seed=0)
    values = points(spec)
    for column, axis in zip(values.T, spec.axes, strict=True):
        strata = np.floor((column - axis.low) / (axis.high - axis.low) * 50).astype(int)
        assert sorted(strata) == list(range(50))


def test_saltelli_design_is_salibs() -> None:
    spec = make_spec(BELARUS, FACTORS, "saltelli", 16, seed=5)
    problem = {"num_vars": 3, "names": FACTORS, "bounds": [[a.low, a.high] for a in spec.axes]}
    np.testing.assert_array_equal(points(spec), salib_sobol.sample(problem, 16, calc_second_order=False, seed=5))


def test_out_of_range_request_is_refused() -> None:
    spec = make_spec(BELARUS, ["subsidy_value=0:1:3"])
    with pytest.raises(IndexError):
        points(spec, 2, 4)
