"""The exact certificate of a Nash equilibrium: best responses compared in rationals, no tolerance.

``(x, y)`` is a Nash equilibrium of ``(A, B)`` exactly when both are probability vectors and every pure
strategy earns at most the equilibrium payoff, with equality on the support (Nash 1951):

    (A y)_i ≤ xᵀA y for every row i,  with equality where x_i > 0,
    (xᵀB)_j ≤ xᵀB y for every column j, with equality where y_j > 0.

(The equalities follow from the inequalities, since ``xᵀAy`` is the ``x``-average of ``(Ay)_i``; they are
checked anyway, as the statement a reader of the certificate expects.)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from solver.equilibria.core.rationals import RationalMatrix, transpose
from solver.equilibria.core.result import ExactProfile
from solver.equilibria.core.verification import VerificationError


def _check_best_responses(
    name: str, payoffs: RationalMatrix, own: Sequence[Fraction], other: Sequence[Fraction]
) -> Fraction:
    """The payoff ``ownᵀ payoffs other``, raising if some pure strategy earns more or a played one less."""
    if min(own) < 0 or sum(own) != 1:
        raise VerificationError(f"{name} strategy {[str(p) for p in own]} is not a probability vector")
    pure = [sum((a * q for a, q in zip(row, other, strict=True)), Fraction(0)) for row in payoffs]
    value = sum((p * v for p, v in zip(own, pure, strict=True)), Fraction(0))
    for i, (p, v) in enumerate(zip(own, pure, strict=True)):
        if v > value or (p > 0 and v != value):
            raise VerificationError(
                f"{name} strategy {i} earns {v} against a profile whose {name} payoff is {value}: not an equilibrium"
            )
    return value


def verify_exact(
    row_payoffs: RationalMatrix, col_payoffs: RationalMatrix, row: Sequence[Fraction], col: Sequence[Fraction]
) -> ExactProfile:
    """The exactly verified profile ``(row, col)`` with its payoffs; :class:`VerificationError` if it fails."""
    row_value = _check_best_responses("row", row_payoffs, row, col)
    col_value = _check_best_responses("column", transpose(col_payoffs), col, row)
    return ExactProfile(row=tuple(row), col=tuple(col), row_payoff=row_value, col_payoff=col_value)
