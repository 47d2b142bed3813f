"""Nash equilibria of two-player games: complete, verified, with components and a degeneracy report.

``equilibria(A, B)`` is the front door; one algorithm lives in each module:

* :mod:`~solver.equilibria.labelled_vertices` — every extreme equilibrium, degenerate games included, by basis
  enumeration (the default for small games);
* :mod:`~solver.equilibria.pivoting` — the same by lexicographic pivoting, lrs-style (the default for larger games);
* :mod:`~solver.equilibria.batch` — ``equilibria_batch`` for stacks of games of one shape (sweeps), compiled;
* :mod:`~solver.equilibria.nashpy_engine` — nashpy's vertex and support enumeration behind safeguards;
* :mod:`~solver.equilibria.components` — maximal Nash subsets and connected components;
* :mod:`~solver.equilibria.verification` — the regret check every returned profile passes.
"""

from __future__ import annotations

from math import comb
from typing import Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from solver.equilibria.batch import BatchEquilibria, equilibria_batch, iter_equilibria_batches
from solver.equilibria.components import Component, NashSubset
from solver.equilibria.labelled_vertices import labelled_vertex_equilibria
from solver.equilibria.nashpy_engine import NashpyError, nashpy_equilibria
from solver.equilibria.pivoting import pivoting_equilibria
from solver.equilibria.result import DegeneracyWitness, Equilibrium, EquilibriumSet
from solver.equilibria.verification import VerificationError, relative_regret

Method = Literal["labelled-vertices", "nashpy-vertex", "nashpy-support", "lex-pivoting", "auto"]
METHODS: tuple[Method, ...] = ("labelled-vertices", "nashpy-vertex", "nashpy-support", "lex-pivoting", "auto")

#: ``"auto"`` pivots once basis enumeration would solve more than this many systems per polytope (8 × 7 and up).
AUTO_PIVOTING_BASES = 5000

__all__ = [
    "METHODS",
    "BatchEquilibria",
    "Component",
    "DegeneracyWitness",
    "Equilibrium",
    "EquilibriumSet",
    "Method",
    "NashSubset",
    "NashpyError",
    "VerificationError",
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


def _as_payoffs(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    a = np.asarray(row_payoffs, dtype=np.float64)
    b = np.asarray(col_payoffs, dtype=np.float64)
    if a.ndim != 2 or a.shape != b.shape or 0 in a.shape:
        raise ValueError(f"payoffs must be two non-empty matrices of one shape, got {a.shape} and {b.shape}")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("payoffs must be finite (no NaN or infinity)")
    return a, b


def equilibria(
    game: BimatrixGame | ArrayLike,
    col_payoffs: ArrayLike | None = None,
    *,
    method: Method = "auto",
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
        and the second once ``C(m + n, m) − 1`` exceeds ``AUTO_PIVOTING_BASES``.
        ``"nashpy-vertex"`` and ``"nashpy-support"`` run nashpy with cleaning and verification; they can miss
        equilibria and say so (``complete=False``).

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
    """
    if col_payoffs is None and isinstance(game, BimatrixGame):
        a, b = _as_payoffs(game.row_payoffs, game.col_payoffs)
    else:
        a_raw = np.asarray(game, dtype=np.float64)
        a, b = _as_payoffs(a_raw, -a_raw if col_payoffs is None else col_payoffs)
    if method == "auto":
        method = "lex-pivoting" if comb(sum(a.shape), a.shape[0]) - 1 > AUTO_PIVOTING_BASES else "labelled-vertices"
    if method == "labelled-vertices":
        return labelled_vertex_equilibria(a, b)
    if method == "lex-pivoting":
        return pivoting_equilibria(a, b)
    if method in ("nashpy-vertex", "nashpy-support"):
        return nashpy_equilibria(a, b, "vertex" if method == "nashpy-vertex" else "support")
    raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
