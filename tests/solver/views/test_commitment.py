"""The commitment view's stack solver equals the single-point view, point for point, under both rules."""

from __future__ import annotations

import numpy as np
import pytest

import solver.views.commitment as commitment_view
from games import load_scenario
from games.payoffs import payoff_matrices_across_the_line
from solver.concepts.commitment import TieBreaking
from solver.concepts.commitment_batch import CommitmentStack
from solver.studies.sensitivity import varied_parameters
from solver.studies.sweeps import make_spec
from solver.studies.sweeps.sampling import points
from solver.views import ViewOptions, get_view, view_parameters
from solver.views.base import PointByPoint
from solver.views.result import PointSolutions

FIELDS = ("offsets", "small_state", "patron", "small_state_payoff", "patron_payoff", "components", "degenerate")


def _sample(view: str, size: int) -> tuple[tuple[str, ...], np.ndarray]:
    scenario = load_scenario("belarus-2014")
    spec = make_spec(scenario, varied_parameters(scenario, view), "sobol", size, 3, known=view_parameters(view))
    return tuple(spec.names), np.asarray(points(spec), dtype=np.float64)


def _assert_equal(fast: PointSolutions, exact: PointSolutions) -> None:
    for field in FIELDS:
        np.testing.assert_allclose(getattr(fast, field), getattr(exact, field), atol=1e-9, err_msg=field)


@pytest.mark.parametrize("rule", ["strong", "weak"])
@pytest.mark.parametrize(("name", "size"), [("commitment", 16), ("three-player-commitment", 8)])
def test_a_belarus_sample_equals_the_single_point_view(name: str, size: int, rule: TieBreaking) -> None:
    scenario = load_scenario("belarus-2014")
    names, values = _sample(name, size)
    view = get_view(name)
    fast = view.solve_points(scenario, names, values, ViewOptions(tie_breaking=rule))
    _assert_equal(fast, PointByPoint.solve_points(view, scenario, names, values, ViewOptions(tie_breaking=rule)))


@pytest.mark.parametrize(
    "scenario_id",
    ["armenia-2013", "georgia-2008", "neorealist-baseline", "textbook-deterrence", "vietnam-2017"],
)
def test_every_catalogue_case_equals_the_single_point_view(scenario_id: str) -> None:
    """Other cases: other instruments, red lines and type overrides, and one case without patron types."""
    scenario = load_scenario(scenario_id)
    spec = make_spec(scenario, varied_parameters(scenario, "commitment"), "sobol", 4, 5,
                     known=view_parameters("commitment"))  # fmt: skip
    names, values = tuple(spec.names), np.asarray(points(spec), dtype=np.float64)
    view = get_view("commitment")
    fast = view.solve_points(scenario, names, values, ViewOptions())
    _assert_equal(fast, PointByPoint.solve_points(view, scenario, names, values, ViewOptions()))


def test_points_the_stack_leaves_undecided_are_solved_by_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every other point withheld from the stack (as ties would be) still comes back, from the single-point view."""
    stack_solver = commitment_view.threshold_commitment_stack

    def withholding(*args: object) -> CommitmentStack:
        stack = stack_solver(*args)  # type: ignore[arg-type]
        withheld = stack.resolved & (np.arange(len(stack.resolved)) % 2 == 0)
        return CommitmentStack(**{**stack.__dict__, "resolved": stack.resolved & ~withheld})

    monkeypatch.setattr(commitment_view, "threshold_commitment_stack", withholding)
    scenario = load_scenario("belarus-2014")
    names, values = _sample("commitment", 8)
    view = get_view("commitment")
    fast = view.solve_points(scenario, names, values, ViewOptions())
    _assert_equal(fast, PointByPoint.solve_points(view, scenario, names, values, ViewOptions()))


def test_the_followers_stacks_are_each_types_matrices_on_each_side_of_the_line() -> None:
    """Type overrides win over swept values, as ``with_values(**point).with_values(**overrides)``."""
    scenario = load_scenario("belarus-2014")
    names = ("patron_aggressiveness", "red_line_tolerance", "subsidy_value")
    values = np.array([[0.5, 0.1, 6.0], [0.7, 0.0, 9.0]])
    followers, exposure = commitment_view.commitment_followers(scenario, names, values)
    for g, row in enumerate(values):
        case = scenario.with_values(**dict(zip(names, row, strict=True)))
        for t, patron_type in enumerate(scenario.patron_types):
            typed = case.with_values(**patron_type.overrides)
            for side, crossed in ((followers.below, False), (followers.across, True)):
                a, b = payoff_matrices_across_the_line(typed, crossed)
                np.testing.assert_allclose(side[0][g, t], a, atol=1e-12)
                np.testing.assert_allclose(side[1][g, t], b, atol=1e-12)
            assert followers.tolerances[g, t] == typed.value("red_line_tolerance")
    assert exposure.tolist() == [float(i.crosses_red_line) for i in scenario.instruments]


def test_an_empty_stack_has_no_solutions() -> None:
    scenario = load_scenario("belarus-2014")
    solved = get_view("commitment").solve_points(scenario, ("subsidy_value",), np.zeros((0, 1)), ViewOptions())
    assert solved.counts.tolist() == []
    assert solved.small_state.shape == (0, len(scenario.instruments))


@pytest.mark.oracle
@pytest.mark.parametrize("rule", ["strong", "weak"])
@pytest.mark.parametrize("name", ["commitment", "three-player-commitment"])
def test_a_larger_belarus_sample_equals_the_single_point_view(name: str, rule: TieBreaking) -> None:
    """256 Sobol' points of each commitment view under each rule (slow: the reference solves every one)."""
    scenario = load_scenario("belarus-2014")
    names, values = _sample(name, 256)
    view = get_view(name)
    fast = view.solve_points(scenario, names, values, ViewOptions(tie_breaking=rule))
    _assert_equal(fast, PointByPoint.solve_points(view, scenario, names, values, ViewOptions(tie_breaking=rule)))
