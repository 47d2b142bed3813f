"""The complete float method for a game's shape, with the exact path behind it for games floats cannot resolve.

Basis enumeration (:mod:`~solver.equilibria.methods.labelled_vertices`, compiled for one game by
:mod:`~solver.equilibria.methods.compiled_vertices` where it fits) while it solves at most
``AUTO_PIVOTING_BASES`` systems per polytope, lexicographic pivoting (:mod:`~solver.equilibria.methods.lex_pivoting`)
beyond that, and basis enumeration again when ``m + n`` exceeds pivoting's label bits (sixty instruments
against three responses is 39,710 systems: quick). A float result that fails verification — a badly scaled
game, whose payoffs differ below the float tolerance of their range, as ``[[1e300, 0], [0, 1]]`` — is
replaced by the exact one (:mod:`~solver.equilibria.methods.exact`), which says so in ``method`` and
``is_exact``.

The compiled one-game path costs numba about 40 s of compilation on a machine's first call after install (the
machine code is then cached on disk) and saves about 0.5–4 ms per game after it: worth it in a notebook's or a
script's loop, not in a one-shot command that solves a few games.
:func:`solver.single_games.use_compiled_single_games` lets such a caller (the ``hedge`` command line) take the
NumPy method instead; both give the same result, field for field
(``tests/solver/equilibria/methods/test_compiled_vertices.py``).
"""

from __future__ import annotations

from math import comb
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.polytope import DEFAULT_TOLERANCE
from solver.equilibria.core.rationals import rational_matrix
from solver.equilibria.core.result import EquilibriumSet
from solver.equilibria.core.verification import VerificationError
from solver.equilibria.methods.compiled_vertices import compiled_equilibria, compiles
from solver.equilibria.methods.exact import EXACT_BASIS_LIMIT, exact_equilibria
from solver.equilibria.methods.labelled_vertices import labelled_vertex_equilibria
from solver.equilibria.methods.lex_pivoting import MAX_STRATEGIES, pivoting_equilibria
from solver.single_games import COMPILED_SINGLE_GAMES

FloatArray = NDArray[np.float64]
CompleteMethod = Literal["labelled-vertices", "lex-pivoting"]

#: Pivot once basis enumeration would solve more than this many systems per polytope (6 × 6 is 923, 8 × 5 is
#: 1,286): where compiled basis enumeration of one game and lexicographic pivoting took equal times per game,
#: measured on random normal games (6 × 6: 0.27 against 0.28 ms; 8 × 5: 0.37 against 0.33 ms; 7 × 7: 1.1 against
#: 0.46 ms; 9 × 4: 0.22 against 0.30 ms).
AUTO_PIVOTING_BASES = 1000


def auto_method(m: int, n: int) -> CompleteMethod:
    """The complete method ``"auto"`` runs on an ``m × n`` game (see the module docstring)."""
    if comb(m + n, m) - 1 <= AUTO_PIVOTING_BASES or m + n > MAX_STRATEGIES:
        return "labelled-vertices"
    return "lex-pivoting"


def complete_equilibria(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    method: CompleteMethod | None = None,
    tol: float = DEFAULT_TOLERANCE,
) -> EquilibriumSet:
    """Every extreme equilibrium by ``method`` (:func:`auto_method` when None), exactly where floats fail.

    Payoffs are checked float matrices (:mod:`solver.equilibria.core.payoff_checks`). With ``method`` None,
    basis enumeration runs compiled where it can (:mod:`~solver.equilibria.methods.compiled_vertices`, the
    result's assembly deferred; unless :func:`~solver.single_games.use_compiled_single_games` turned it off),
    and as the NumPy method otherwise. The :class:`VerificationError` of a float result is raised on only when
    the game is too large for the exact path.
    """
    m, n = row_payoffs.shape
    chosen = method or auto_method(m, n)
    try:
        if method is None and chosen == "labelled-vertices" and compiles(m, n) and COMPILED_SINGLE_GAMES.get():
            result = compiled_equilibria(row_payoffs, col_payoffs, tol)
            if result is not None:
                return result
        solve = pivoting_equilibria if chosen == "lex-pivoting" else labelled_vertex_equilibria
        return solve(row_payoffs, col_payoffs, tol)
    except VerificationError:
        if comb(m + n, m) - 1 > EXACT_BASIS_LIMIT:
            raise
        return exact_equilibria(
            rational_matrix(row_payoffs, "row payoffs"), rational_matrix(col_payoffs, "column payoffs")
        )
