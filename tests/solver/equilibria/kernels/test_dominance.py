"""Constraints dominated on a support, checked against the definition."""

from __future__ import annotations

from itertools import combinations

import numpy as np

from solver.equilibria.kernels.dominance import dominated_in, redundant_constraints, row_dominance, surviving_strategies


def test_dominated_in_follows_the_definition_on_every_support_and_constraint() -> None:
    rng = np.random.default_rng(0)
    for _ in range(30):
        d, e = rng.integers(1, 6, size=2)
        constraints = rng.integers(1, 4, size=(d, e)).astype(float)
        beaten_by = row_dominance(constraints, 1e-9)
        for k in range(1, d + 1):
            for support in combinations(range(d), k):
                rows = constraints[list(support)]
                for j in range(e):
                    expected = any((rows[:, j] + 1e-9 < rows[:, o]).all() for o in range(e))
                    assert dominated_in(beaten_by, sum(1 << i for i in support), 1 << j) == expected


def test_redundant_constraints_are_those_dominated_on_every_row() -> None:
    constraints = np.array([[1.0, 2.0, 1.5], [1.0, 1.8, 1.0]])
    assert redundant_constraints(row_dominance(constraints, 1e-9)) == 0b101  # columns 0 and 2 lose to column 1
    assert not dominated_in(row_dominance(constraints, 1e-9), 0b11, 0b010)
    assert redundant_constraints(row_dominance(np.ones((2, 2)), 1e-9)) == 0  # ties are not strict dominance


def test_iterated_elimination_removes_what_is_dominated_once_others_are_gone() -> None:
    """Row 1 is dominated at once; then column 1 is, against row 0 alone; then nothing more."""
    row_payoffs = np.array([[2.0, 1.0], [1.0, 0.0]])
    col_payoffs = np.array([[1.0, 0.0], [0.0, 2.0]])
    rows, cols = surviving_strategies(col_payoffs, np.ascontiguousarray(row_payoffs.T), 1e-9)
    assert (rows, cols) == (0b01, 0b01)
