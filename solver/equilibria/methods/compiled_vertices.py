"""``"auto"`` on small games: the labelled-vertex method in one compiled call, its result assembled when read.

The method is that of :mod:`~solver.equilibria.methods.labelled_vertices` (von Stengel 2002, §3; Avis et al.
2010, §3): every extreme equilibrium is a completely labelled pair of vertices of the best-response
polytopes, found by basis enumeration. Here it runs as the batch kernel runs it, for one game in one call of
compiled code (:func:`~solver.equilibria.kernels.one_game.one_game_equilibria`), which also applies the
regret check to every profile and decides the degeneracy flag. What the call returns is an
:class:`EquilibriumSet` whose count, degeneracy flag and payoffs are there at once, and whose Python parts —
the :class:`Equilibrium` objects, Nash subsets and components (:func:`~solver.equilibria.core.assembly.assemble`,
which checks every profile again) and the degeneracy witnesses (the vertices with surplus labels, from a
second compiled call, :func:`~solver.equilibria.kernels.one_game.degenerate_vertices`) — are built on first
read (:class:`~solver.equilibria.core.deferred.Deferred`). A single solve costs a few microseconds of Python
rather than a hundred; reading everything then costs less than the NumPy method (witnesses of a degenerate
7 × 4 game: 0.2 ms instead of the NumPy polytopes' 2 ms).

``method`` says ``"labelled-vertices"``: it names the algorithm, which the NumPy module and this compiled
path share, not the implementation. The two agree on every discrete part of the result (count, order,
components, Nash subsets, degeneracy and its witnesses) and on strategies to rounding (``1e-12``; the
systems are solved by Cramer's rule here and by LAPACK there). The NumPy method stays the reference:
``method="labelled-vertices"`` runs it, as do games this path does not take (more than ``BASIS_LIMIT``
bases, or more extreme equilibria than ``SLOTS``).
"""

from __future__ import annotations

from functools import cache, partial
from math import comb

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.assembly import assemble
from solver.equilibria.core.deferred import Deferred
from solver.equilibria.core.polytope import checked_tolerance
from solver.equilibria.core.result import Assembly, DegeneracyWitness, EquilibriumSet
from solver.equilibria.core.verification import REGRET_TOLERANCE, VerificationError
from solver.equilibria.kernels.basis_kernel import Table, basis_table
from solver.equilibria.kernels.one_game import OVERFLOW, UNVERIFIED, degenerate_vertices, one_game_equilibria
from solver.equilibria.methods.lex_pivoting import MAX_STRATEGIES

FloatArray = NDArray[np.float64]

#: Largest number of bases per polytope, ``C(m + n, m) − 1``, for which the compiled basis enumeration is used.
BASIS_LIMIT = 20_000
#: Extreme equilibria one compiled call holds; a game with more is solved by the NumPy method.
SLOTS = 64


def compiles(m: int, n: int) -> bool:
    """Whether an ``m × n`` game is solved by compiled basis enumeration (its label masks fit 64 bits)."""
    return comb(m + n, m) - 1 <= BASIS_LIMIT and m + n <= MAX_STRATEGIES


@cache
def _tables(m: int, n: int) -> tuple[Table, Table]:
    """The basis tables of ``P`` (``m × n``) and ``Q`` (``n × m``), kept per shape."""
    return basis_table(m, n).arrays, basis_table(n, m).arrays


def _witnesses(row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float) -> tuple[DegeneracyWitness, ...]:
    """The vertices of ``P`` and ``Q`` with surplus labels as degeneracy witnesses, those of ``P`` first, each
    polytope's in basis order — as :func:`~solver.equilibria.core.assembly.degeneracy_witnesses` lists them."""
    m, n = row_payoffs.shape
    p_strategies, p_masks, q_strategies, q_masks = degenerate_vertices(row_payoffs, col_payoffs, *_tables(m, n), tol)
    rows = [
        DegeneracyWitness("row", x, int(np.count_nonzero(x)), tuple(j for j in range(n) if int(mask) >> (m + j) & 1))
        for x, mask in zip(p_strategies, p_masks, strict=True)
    ]
    cols = [
        DegeneracyWitness("column", y, int(np.count_nonzero(y)), tuple(i for i in range(m) if int(mask) >> i & 1))
        for y, mask in zip(q_strategies, q_masks, strict=True)
    ]
    return (*rows, *cols)


def _assembly(row_payoffs: FloatArray, col_payoffs: FloatArray, rows: FloatArray, cols: FloatArray) -> Assembly:
    """:func:`~solver.equilibria.core.assembly.assemble` of the profiles ``(rows[e], cols[e])``."""
    return assemble(row_payoffs, col_payoffs, list(zip(rows, cols, strict=True)))


def compiled_equilibria(row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float) -> EquilibriumSet | None:
    """Every extreme equilibrium of a game that :func:`compiles`, verified, its assembly deferred.

    Payoffs are checked float matrices (:mod:`solver.equilibria.core.payoff_checks`); they are copied, so
    that the deferred parts see the game that was solved. None when the game has more than ``SLOTS`` extreme
    equilibria; :class:`VerificationError` when a profile fails the regret check (a badly scaled game, for
    the caller to solve exactly).
    """
    a, b = row_payoffs.copy(), col_payoffs.copy()
    tol = checked_tolerance(tol)
    status, degenerate, rows, cols = one_game_equilibria(a, b, *_tables(*a.shape), tol, SLOTS)
    if status == OVERFLOW:
        return None
    if status == UNVERIFIED:
        raise VerificationError(f"a compiled profile failed the regret check (relative regret > {REGRET_TOLERANCE:g})")
    return EquilibriumSet(
        count=len(rows),
        degenerate=degenerate,
        row_payoffs=a,
        col_payoffs=b,
        method="labelled-vertices",
        complete=True,
        assembly=Deferred(partial(_assembly, a, b, rows, cols)),
        witness_search=Deferred(partial(_witnesses, a, b, tol)) if degenerate else Deferred.ready(()),
    )
