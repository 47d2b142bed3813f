"""Nash equilibria of two-player games: complete, verified, with components and a degeneracy report.

``equilibria(A, B)`` is the front door and ``equilibria_batch`` its form for stacks of games; the package
holds three kinds of module, one subpackage each:

* :mod:`solver.equilibria.methods` — the methods, one algorithm per module: ``labelled_vertices`` (basis
  enumeration, the default for small games, run by ``"auto"`` as ``compiled_vertices``: one compiled call,
  the result assembled when read), ``lex_pivoting`` (lrs-style pivoting, the default for larger games),
  ``auto`` (which of the two ``"auto"`` runs, and the exact path behind both), ``exact`` (``exact=True``, in
  rationals with exact certificates), ``batch`` (``equilibria_batch``, compiled) and ``nashpy_engine`` (nashpy
  behind safeguards);
* :mod:`solver.equilibria.core` — what the methods share: the result objects (``result``), their assembly into
  verified sets with Nash subsets, components and the degeneracy report (``assembly``, ``components``,
  ``verification``, ``deferred``), the best-response polytopes and tolerance (``polytope``), accepted payoffs
  (``payoff_checks``) and the exact arithmetic (``rationals``, ``exact_polytope``, ``exact_verification``);
* :mod:`solver.equilibria.kernels` — numba-compiled kernels: the batch kernel (``basis_kernel``,
  ``basis_filter``, ``cramer``) and its single-game form (``one_game``), the vertex enumerator behind
  ``lex_pivoting`` (``lex_vertices``), and their helpers (``completely_labelled``, ``dominance``, ``int_hash``,
  ``jit``).

The public names are those of ``__all__`` below, importable from ``solver.equilibria``; the modules' paths may
change.
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from solver.equilibria.core.components import Component, NashSubset
from solver.equilibria.core.payoff_checks import checked_payoffs
from solver.equilibria.core.rationals import RationalMatrix, rational_matrix
from solver.equilibria.core.result import DegeneracyWitness, Equilibrium, EquilibriumSet, ExactProfile
from solver.equilibria.core.verification import VerificationError, relative_regret
from solver.equilibria.methods.auto import AUTO_PIVOTING_BASES, auto_method, complete_equilibria
from solver.equilibria.methods.batch import BatchEquilibria, equilibria_batch, iter_equilibria_batches
from solver.equilibria.methods.exact import exact_equilibria
from solver.equilibria.methods.nashpy_engine import NashpyError, nashpy_equilibria

Method = Literal["labelled-vertices", "nashpy-vertex", "nashpy-support", "lex-pivoting", "auto"]
METHODS: tuple[Method, ...] = ("labelled-vertices", "nashpy-vertex", "nashpy-support", "lex-pivoting", "auto")

__all__ = [
    "AUTO_PIVOTING_BASES",
    "METHODS",
    "BatchEquilibria",
    "Component",
    "DegeneracyWitness",
    "Equilibrium",
    "EquilibriumSet",
    "ExactProfile",
    "Method",
    "NashSubset",
    "NashpyError",
    "VerificationError",
    "auto_method",
    "equilibria",
    "equilibria_batch",
    "iter_equilibria_batches",
    "relative_regret",
]


@runtime_checkable
class BimatrixGame(Protocol):
    """Anything carrying the two payoff matrices, such as :class:`games.TwoPlayerGame`."""

    @property
    def row_payoffs(self) -> NDArray[np.float64]: ...

    @property
    def col_payoffs(self) -> NDArray[np.float64]: ...


def equilibria(
    game: BimatrixGame | ArrayLike,
    col_payoffs: ArrayLike | None = None,
    *,
    method: Method = "auto",
    exact: bool = False,
) -> EquilibriumSet:
    """All extreme Nash equilibria of a two-player game, verified, with components and degeneracy.

    Parameters
    ----------
    game:
        The row player's ``m × n`` payoff matrix ``A`` (then pass ``col_payoffs``), or an object with
        ``row_payoffs`` and ``col_payoffs`` such as a scenario's :class:`games.TwoPlayerGame`.
    col_payoffs:
        The column player's payoff matrix ``B``; omit for a zero-sum game ``B = −A`` when passing arrays.
    method:
        ``"labelled-vertices"`` (basis enumeration) and ``"lex-pivoting"`` (lrs-style vertex enumeration) are
        complete on every game, degenerate ones included; ``"auto"`` (default) takes the first for small games
        and the second once ``C(m + n, m) − 1`` exceeds ``AUTO_PIVOTING_BASES``, or basis enumeration beyond
        pivoting's ``m + n ≤ 62`` (:mod:`~solver.equilibria.methods.auto`). ``"auto"`` runs basis enumeration
        compiled (:mod:`~solver.equilibria.methods.compiled_vertices`): the equilibria are found and verified
        in one call, and the Python parts of the result (the :class:`Equilibrium` objects, Nash subsets,
        components, degeneracy witnesses) are built when first read; ``"labelled-vertices"`` runs the NumPy
        implementation, the reference. Both say ``method="labelled-vertices"`` (``method`` names the
        algorithm) and agree on every field, strategies to rounding (1e-12).
        ``"nashpy-vertex"`` and ``"nashpy-support"`` run nashpy with cleaning and verification; they can miss
        equilibria and say so (``complete=False``).
    exact:
        Solve in rational arithmetic (the labelled-vertex method without tolerances; ``method`` must be
        ``"auto"`` or ``"labelled-vertices"``). Float payoffs are read as the rationals they are; ints and
        :class:`fractions.Fraction` entries are taken as given. Every equilibrium then carries ``.exact``, an
        :class:`ExactProfile` verified by exact best-response comparison, and the degeneracy flag is decided
        exactly. An 8 × 8 game takes 1–3 s, a 10 × 10 about 25 s; larger ones are refused (``EXACT_BASIS_LIMIT``).
        Without it, a complete float method whose result fails verification — a badly scaled game, whose
        payoffs differ below the float tolerance of their range, as ``[[1e300, 0], [0, 1]]`` — is solved
        exactly instead, and the result says so (``method="exact-labelled-vertices"``, ``is_exact``).

    Returns
    -------
    EquilibriumSet
        Iterable of :class:`Equilibrium` (``.row``, ``.col``, payoffs, ``.max_regret``, ``.component``), with
        ``.components``, ``.nash_subsets``, ``.degenerate`` and ``.degeneracy_witnesses``.

    Examples
    --------
    >>> result = equilibria([[3, 0], [5, 1]], [[3, 5], [0, 1]])  # Prisoner's Dilemma
    >>> [(eq.row.tolist(), eq.col.tolist()) for eq in result]
    [([0.0, 1.0], [0.0, 1.0])]
    >>> [str(p) for p in equilibria([[1, 0], [0, 1]], [[0, 1], [3, 0]], exact=True)[0].exact.row]
    ['3/4', '1/4']
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    row_raw: ArrayLike
    col_raw: ArrayLike
    if col_payoffs is None and isinstance(game, BimatrixGame):
        row_raw, col_raw = game.row_payoffs, game.col_payoffs
    else:
        row_raw = np.asarray(game, dtype=object if exact else np.float64)
        col_raw = -row_raw if col_payoffs is None else col_payoffs
    if exact:
        if method not in ("auto", "labelled-vertices"):
            raise ValueError(
                f"exact=True enumerates labelled vertices in rationals; method {method!r} has no exact form"
            )
        return exact_equilibria(*_exact_payoffs(row_raw, col_raw))
    a, b = checked_payoffs(row_raw, col_raw)
    if method == "nashpy-vertex" or method == "nashpy-support":
        return nashpy_equilibria(a, b, "vertex" if method == "nashpy-vertex" else "support")
    return complete_equilibria(a, b, None if method == "auto" else method)


def _exact_payoffs(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[RationalMatrix, RationalMatrix]:
    """Both payoff matrices as exact rationals, of one shape."""
    a = rational_matrix(row_payoffs, "row payoffs")
    b = rational_matrix(col_payoffs, "column payoffs")
    if (len(a), len(a[0])) != (len(b), len(b[0])):
        raise ValueError(
            f"payoffs must be two matrices of one shape, got {len(a)} × {len(a[0])} and {len(b)} × {len(b[0])}"
        )
    return a, b
