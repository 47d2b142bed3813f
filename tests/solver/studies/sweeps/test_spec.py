"""Sweep specifications: every kind of mistake is refused up front with one message naming the fix."""

from __future__ import annotations

import pandas as pd
import pytest

from games import load_scenario
from solver.studies.sweeps import Axis, SerialBackend, SweepSpec, SweepSpecError, make_spec, sweep

BELARUS = load_scenario("belarus-2014")


def test_grid_axes_parse_with_counts_and_size() -> None:
    spec = make_spec(BELARUS, ["subsidy_value=0:20:101", "red_line_cost=0:50:11"])
    assert spec.axes == (Axis("subsidy_value", 0.0, 20.0, 101), Axis("red_line_cost", 0.0, 50.0, 11))
    assert spec.size == 101 * 11


def test_mapping_form_equals_text_form() -> None:
    text = make_spec(BELARUS, ["subsidy_value=0:20:5"])
    assert make_spec(BELARUS, {"subsidy_value": (0, 20, 5)}) == text


def test_sampled_factor_by_name_takes_the_plausible_range() -> None:
    spec = make_spec(BELARUS, ["red_line_cost", "subsidy_value=5:6"], "sobol", 64, seed=3)
    assert spec.axes[0] == Axis("red_line_cost", *BELARUS.parameters["red_line_cost"].range)
    assert spec.axes[1] == Axis("subsidy_value", 5.0, 6.0)
    assert (spec.size, spec.seed) == (64, 3)
    assert make_spec(BELARUS, ["red_line_cost", "subsidy_value"], "saltelli", 8).size == 8 * (2 + 2)


def test_spec_round_trips_through_plain_data() -> None:
    spec = make_spec(BELARUS, ["red_line_cost", "subsidy_value"], "lhs", 10, seed=7)
    assert SweepSpec.from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize(
    ("vary", "design", "n", "message"),
    [
        (["subsidy=0:20:5"], "grid", None, "unknown parameter 'subsidy'"),
        (["subsidy_value=0:20"], "grid", None, "subsidy_value=start:stop:count"),
        (["subsidy_value=0:x:5"], "grid", None, "stop 'x' is not a number"),
        (["subsidy_value=0:20:2.5"], "grid", None, "count '2.5' is not a whole number"),
        (["subsidy_value=0:20:1"], "grid", None, "at least 2 values"),
        (["subsidy_value=20:0:5"], "grid", None, "is reversed"),
        (["subsidy_value=5:5:5"], "grid", None, "is empty"),
        (["second_pole_support=0:1.5:5"], "grid", None, "leaves the parameter's domain [0, 1]"),
        (["subsidy_value=-1:20:5"], "grid", None, "leaves the parameter's domain"),
        (["subsidy_value=0:inf:5"], "grid", None, "not finite"),
        (["subsidy_value=0:20:5", "subsidy_value=0:10:5"], "grid", None, "varied more than once"),
        ([], "grid", None, "nothing to vary"),
        (["subsidy_value=0:20:5"], "grid", 100, "drop the sample size"),
        (["subsidy_value"], "random", None, "positive sample size"),
        (["subsidy_value"], "sobol", 100, "must be a power of two"),
        (["subsidy_value=0:20:5"], "lhs", 10, "sampled factor is written"),
    ],
)
def test_bad_specifications_are_refused_with_the_fix(vary: list[str], design: str, n: int | None, message: str) -> None:
    with pytest.raises(SweepSpecError, match="invalid sweep") as error:
        make_spec(BELARUS, vary, design, n)  # type: ignore[arg-type]
    assert message in str(error.value)


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(SweepSpecError) as error:
        make_spec(BELARUS, ["subsidy=0:1:2", "red_line_cost=9:1:3"])
    assert "unknown parameter 'subsidy'" in str(error.value)
    assert "red_line_cost: range 9:1 is reversed" in str(error.value)


def test_unknown_design_is_refused() -> None:
    with pytest.raises(SweepSpecError, match="unknown design 'halton'"):
        make_spec(BELARUS, ["subsidy_value"], "halton", 8)  # type: ignore[arg-type]


def test_axis_objects_are_checked_like_text() -> None:
    with pytest.raises(SweepSpecError, match="needs a count"):
        make_spec(BELARUS, [Axis("subsidy_value", 0.0, 1.0)])


def test_a_sweep_table_gives_back_its_spec() -> None:
    table = sweep(BELARUS, ["subsidy_value=4:15:3"], backend=SerialBackend(), quiet=True)
    spec = SweepSpec.of_table(table)
    assert spec.names == ("subsidy_value",)
    assert spec.size == 3
    with pytest.raises(ValueError, match="no sweep identity"):
        SweepSpec.of_table(pd.DataFrame())


def test_a_grid_beyond_the_point_limit_is_refused_at_once() -> None:
    with pytest.raises(SweepSpecError, match="exceed the 1,000,000,000"):
        make_spec(BELARUS, ["subsidy_value=0:1:99999999999"])
