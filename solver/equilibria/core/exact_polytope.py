"""Vertices of a best-response polytope in exact arithmetic, by basis enumeration with integer solves.

This mirrors :mod:`solver.equilibria.core.polytope` without tolerances. For a positive integer ``d × e`` matrix ``C``
(:func:`~solver.equilibria.core.rationals.positive_integer_form`) every non-zero vertex ``z`` of
``{z ≥ 0 : Cᵀz ≤ 1}`` with support ``S`` solves ``C[S, T]ᵀ z_S = 1`` for some set ``T`` of ``|S|`` tight
constraints with ``C[S, T]`` non-singular (a vertex has ``d`` linearly independent tight constraints, of which
the ``d − |S|`` equations ``z_i = 0`` leave a ``|S| × |S|`` system). Each system is solved by fraction-free
Gauss–Jordan elimination (Bareiss 1968), so ``z_S = u / δ`` with integers ``u`` and ``δ = ±det C[S, T]``, and
feasibility, zero labels and tight labels are integer comparisons, decided exactly. Solutions whose support
is smaller than ``S`` are skipped (they are found with their own support), and a vertex on more facets than
its dimension — the witness of a degenerate game — is found once per basis and kept once.

Labels are bit masks in Python integers, so there is no bound on the number of strategies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from math import gcd

from solver.equilibria.core.rationals import IntegerMatrix


@dataclass(frozen=True)
class ExactVertex:
    """A non-zero vertex ``z = numerators / denominator`` of ``{z ≥ 0 : Cᵀz ≤ 1}`` with its labels.

    ``numerators`` and ``denominator`` are coprime as a whole (divided by their common gcd), so equal vertices
    have equal fields. ``zero`` has bit ``i`` set when ``z_i = 0``, ``tight`` bit ``j`` when ``(Cᵀz)_j = 1``.
    """

    numerators: tuple[int, ...]
    denominator: int
    zero: int
    tight: int

    @property
    def label_count(self) -> int:
        """Number of labels (a vertex of a simple polytope has exactly its dimension)."""
        return self.zero.bit_count() + self.tight.bit_count()

    @property
    def strategy(self) -> tuple[Fraction, ...]:
        """The mixed strategy ``z / Σz``, exactly."""
        total = sum(self.numerators)
        return tuple(Fraction(u, total) for u in self.numerators)


def solve_integer_system(augmented: list[list[int]]) -> tuple[list[int], int] | None:
    """Solve ``M z = b`` for integer ``M`` (``k × k``) given as rows of ``[M | b]``; None when ``M`` is singular.

    Fraction-free Gauss–Jordan elimination: at step ``c`` every other row becomes
    ``(p · row − row[c] · pivot_row) / p_prev``, an exact integer division (Bareiss 1968), and at the end the
    matrix is ``δ I`` with ``δ = ±det M``. Returns ``(u, δ)`` with ``z = u / δ``. The rows are overwritten.
    """
    k = len(augmented)
    previous = 1
    for c in range(k):
        pivot_index = next((r for r in range(c, k) if augmented[r][c]), -1)
        if pivot_index < 0:
            return None
        augmented[c], augmented[pivot_index] = augmented[pivot_index], augmented[c]
        pivot_row = augmented[c]
        pivot = pivot_row[c]
        for r in range(k):
            if r != c:
                row = augmented[r]
                factor = row[c]
                augmented[r] = [(pivot * a - factor * b) // previous for a, b in zip(row, pivot_row, strict=True)]
        previous = pivot
    return [augmented[i][k] for i in range(k)], previous


def _basis_vertices(constraints: IntegerMatrix, support: tuple[int, ...]) -> Iterator[ExactVertex]:
    """Feasible solutions of every basis ``(support, T)`` whose support is exactly ``support``."""
    d, e = len(constraints), len(constraints[0])
    rows = [constraints[i] for i in support]
    for tight_set in combinations(range(e), len(support)):
        solved = solve_integer_system([[row[j] for row in rows] + [1] for j in tight_set])
        if solved is None:
            continue
        numerators, determinant = solved
        if determinant < 0:
            numerators, determinant = [-u for u in numerators], -determinant
        if min(numerators) <= 0:
            continue
        loads = [sum(row[j] * u for row, u in zip(rows, numerators, strict=True)) for j in range(e)]
        if max(loads) > determinant:
            continue
        common = gcd(determinant, *numerators)
        full = [0] * d
        for i, u in zip(support, numerators, strict=True):
            full[i] = u // common
        yield ExactVertex(
            numerators=tuple(full),
            denominator=determinant // common,
            zero=sum(1 << i for i in range(d) if not full[i]),
            tight=sum(1 << j for j, load in enumerate(loads) if load == determinant),
        )


def exact_polytope_vertices(constraints: IntegerMatrix) -> list[ExactVertex]:
    """Every non-zero vertex of ``{z ∈ ℝᵈ : z ≥ 0, Cᵀz ≤ 1}`` for a positive integer ``d × e`` matrix ``C``.

    Vertices are listed once each, in order of support size, then support, then first basis found.
    """
    d, e = len(constraints), len(constraints[0])
    found: dict[ExactVertex, None] = {}
    for k in range(1, min(d, e) + 1):
        for support in combinations(range(d), k):
            found.update(dict.fromkeys(_basis_vertices(constraints, support)))
    return list(found)
