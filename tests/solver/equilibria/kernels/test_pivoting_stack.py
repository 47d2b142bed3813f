"""The compiled pivoting stack, checked bit for bit against ``pivoting_equilibria`` and NumPy's own arithmetic."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from games import load_scenario
from games.bayesian import bayesian_payoff_stack
from solver.equilibria.core.polytope import DEFAULT_TOLERANCE
from solver.equilibria.kernels.pivoting_stack import numpy_total, rounded_precedes, stack_pivoting_equilibria
from solver.equilibria.methods.lex_pivoting import pivoting_equilibria
from solver.studies.sensitivity import varied_parameters
from solver.studies.sweeps import make_spec
from solver.studies.sweeps.sampling import points
from solver.views import view_parameters

SLOTS = 32


@settings(deadline=None)  # the first example compiles the kernel
@given(arrays(np.float64, st.integers(0, 70), elements=st.floats(0.0, 1e3) | st.just(0.0)))
def test_numpy_total_is_numpys_sum_to_the_bit(values: np.ndarray) -> None:
    assert numpy_total(values) == values.sum()


@settings(deadline=None)
@given(
    arrays(np.float64, (2, 3), elements=st.floats(0.0, 1.0)), arrays(np.float64, (2, 2), elements=st.floats(0.0, 1.0))
)
def test_rounded_order_is_the_order_of_sorting_rounded_tuples(rows: np.ndarray, cols: np.ndarray) -> None:
    key = [(tuple(-np.round(rows[e], 12)), tuple(-np.round(cols[e], 12))) for e in range(2)]
    assert rounded_precedes(rows, cols, 0, 1) == (key[0] < key[1])
    assert rounded_precedes(rows, cols, 1, 0) == (key[1] < key[0])


def _stack(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
    size, m, n = a.shape
    counts, degenerate = np.full(size, -2, dtype=np.int64), np.zeros(size, dtype=np.bool_)
    rows, cols = np.empty((size, SLOTS, m)), np.empty((size, SLOTS, n))
    components, regrets = np.empty((size, SLOTS), dtype=np.int64), np.empty((size, SLOTS))
    stack_pivoting_equilibria(a, b, DEFAULT_TOLERANCE, counts, degenerate, rows, cols, components, regrets)
    return counts, degenerate, rows, cols, components, regrets


def _bayesian_stack(size: int) -> tuple[np.ndarray, np.ndarray]:
    scenario = load_scenario("belarus-2014")
    spec = make_spec(
        scenario, varied_parameters(scenario, "bayesian"), "sobol", size, 0, known=view_parameters("bayesian")
    )
    a, b = bayesian_payoff_stack(scenario, spec.names, np.asarray(points(spec), dtype=np.float64))
    return a, b


def _random_stack(kind: str) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(21)
    if kind == "normal":
        return rng.normal(size=(20, 8, 9)), rng.normal(size=(20, 8, 9))
    return rng.integers(0, 6, size=(20, 8, 9)).astype(float), rng.integers(0, 6, size=(20, 8, 9)).astype(float)


@pytest.mark.parametrize("kind", ["normal", "integer 0…5", "belarus bayesian"])
def test_stack_equals_pivoting_equilibria_to_the_bit(kind: str) -> None:
    a, b = _bayesian_stack(32) if kind == "belarus bayesian" else _random_stack(kind)
    counts, degenerate, rows, cols, components, regrets = _stack(a, b)
    solved = 0
    for g in range(len(a)):
        reference = pivoting_equilibria(a[g], b[g])
        assert degenerate[g] == reference.degenerate
        if counts[g] < 0:  # more equilibria than slots: left to the caller
            assert len(reference) > SLOTS
            continue
        solved += 1
        count = int(counts[g])
        assert count == len(reference)
        np.testing.assert_array_equal(rows[g, :count], np.array([eq.row for eq in reference]).reshape(count, -1))
        np.testing.assert_array_equal(cols[g, :count], np.array([eq.col for eq in reference]).reshape(count, -1))
        assert components[g, :count].tolist() == [eq.component for eq in reference]
        assert regrets[g, :count].tolist() == [eq.max_regret for eq in reference]
    assert solved >= len(a) // 2
    if kind == "integer 0…5":
        assert degenerate.any()
        assert (counts > 1).any()


def test_games_with_too_many_equilibria_are_left_to_the_caller() -> None:
    a = np.zeros((2, 8, 9))  # every pure profile is an equilibrium: 72 of them
    b = a.copy()
    a[1], b[1] = np.random.default_rng(3).normal(size=(2, 8, 9))
    counts, degenerate, *_ = _stack(a, b)
    assert counts[0] == -1
    assert degenerate[0]
    assert counts[1] == len(pivoting_equilibria(a[1], b[1]))
