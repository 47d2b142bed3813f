"""The vectorised labels of small bases are, basis for basis, those of the per-game kernel."""

from __future__ import annotations

import numpy as np
import pytest

from solver.equilibria.kernels.basis_filter import INFEASIBLE, LANES, UNDECIDED, small_basis_labels
from solver.equilibria.kernels.basis_kernel import basis_table, basis_vertex, normalised, vertex_mask
from solver.equilibria.kernels.dominance import MARGIN_PER_TOLERANCE, redundant_constraints, row_dominance

TOL = 1e-10


def _scalar_labels(constraints: np.ndarray, zero_bit: int, tight_bit: int) -> np.ndarray:
    """Every basis solved and labelled one at a time, as the per-game kernel does for undecided bases."""
    d, e = constraints.shape
    table = basis_table(d, e).arrays
    redundant = redundant_constraints(row_dominance(constraints, MARGIN_PER_TOLERANCE * TOL))
    width = table[0].shape[1]
    system, z, totals = np.empty((width, width + 1)), np.zeros(d), np.zeros(e)
    codes = np.empty(table[2].shape[0], dtype=np.int64)
    for b in range(len(codes)):
        feasible = basis_vertex(constraints, table, b, redundant, TOL, system, z, totals)
        codes[b] = vertex_mask(z, totals, redundant, zero_bit, tight_bit, TOL) if feasible else INFEASIBLE
    return codes


@pytest.mark.parametrize(("rows", "cols", "high"), [(7, 4, 10), (4, 7, 3), (5, 5, 1000), (8, 3, 4)])
def test_labels_equal_the_per_game_kernel_basis_for_basis(rows: int, cols: int, high: int) -> None:
    """Integer payoffs from few values give ties, zero coordinates and singular bases: the hard cases."""
    rng = np.random.default_rng(rows * 100 + cols)
    stack = np.stack([normalised(rng.integers(0, high, (rows, cols)).astype(float)) for _ in range(LANES + 5)])
    redundant = np.array([redundant_constraints(row_dominance(c, MARGIN_PER_TOLERANCE * TOL)) for c in stack])
    codes = small_basis_labels(stack, redundant, basis_table(rows, cols).arrays, 0, rows, TOL)
    sizes = basis_table(rows, cols).sizes
    for g, constraints in enumerate(stack):
        expected = _scalar_labels(constraints, 0, rows)
        small = sizes <= 4
        np.testing.assert_array_equal(codes[g, small], expected[small])
        assert (codes[g, ~small] == UNDECIDED).all()
    assert (codes >= 0).any()
    assert (codes == INFEASIBLE).any()
