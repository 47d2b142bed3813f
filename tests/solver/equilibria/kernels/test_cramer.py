"""Cramer's rule with right-hand side one agrees with LAPACK and reports singular systems."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria.kernels.cramer import unit_solution_1, unit_solution_2, unit_solution_3, unit_solution_4

SOLVERS = {1: unit_solution_1, 2: unit_solution_2, 3: unit_solution_3, 4: unit_solution_4}


@pytest.mark.parametrize("k", sorted(SOLVERS))
def test_solutions_match_lapack_on_well_conditioned_systems(k: int) -> None:
    rng = np.random.default_rng(k)
    for _ in range(200):
        system = rng.uniform(1.0, 2.0, (k, k))
        if np.linalg.cond(system) > 1e4:
            continue
        regular, *solution = SOLVERS[k](*system.ravel())
        assert regular
        np.testing.assert_allclose(solution, np.linalg.solve(system, np.ones(k)), rtol=1e-9)


@pytest.mark.parametrize("k", [2, 3, 4])
def test_repeated_rows_are_singular(k: int) -> None:
    rng = np.random.default_rng(10 + k)
    system = 1.0 + rng.integers(0, 10, (k, k)) / 9.0  # the normalised entries of an integer game
    system[-1] = system[0]
    assert not SOLVERS[k](*system.ravel())[0]


def test_a_zero_pivot_is_singular() -> None:
    assert not unit_solution_1(0.0)[0]
