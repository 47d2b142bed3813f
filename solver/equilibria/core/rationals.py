"""Payoffs as exact rationals, and as the positive integer matrices the exact polytopes are built from.

Every finite float is a dyadic rational, and ``Fraction(x)`` is exactly that rational, so converting a float
game loses nothing: the exact path solves precisely the game the float path was given.
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from math import gcd, lcm

import numpy as np
from numpy.typing import ArrayLike

#: A matrix of exact rationals, as nested tuples (rows of entries).
RationalMatrix = tuple[tuple[Fraction, ...], ...]
#: A matrix of Python integers, as nested tuples.
IntegerMatrix = tuple[tuple[int, ...], ...]


def as_rational(value: object, where: str) -> Fraction:
    """``value`` (an int, float, Fraction or NumPy number) as the exact rational it is.

    Raises :class:`ValueError` naming ``where`` for NaN, infinity or anything that is not a real number.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{where}: {value!r} is not a real number; payoffs must be numbers")
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    number = float(value)
    if not np.isfinite(number):
        raise ValueError(f"{where}: payoffs must be finite (no NaN or infinity), got {number}")
    return Fraction(number)


def rational_matrix(payoffs: ArrayLike, name: str) -> RationalMatrix:
    """A non-empty 2-D array of numbers as exact rationals; ``name`` ("row payoffs", …) is used in errors."""
    array = np.asarray(payoffs, dtype=object)
    if array.ndim != 2 or 0 in array.shape:
        raise ValueError(f"{name} must be a non-empty matrix, got shape {array.shape}")
    return tuple(
        tuple(as_rational(array[i, j], f"{name}[{i}, {j}]") for j in range(array.shape[1]))
        for i in range(array.shape[0])
    )


def transpose(matrix: RationalMatrix) -> RationalMatrix:
    """The transpose of a rational matrix."""
    return tuple(zip(*matrix, strict=True))


def positive_integer_form(matrix: RationalMatrix) -> IntegerMatrix:
    """The smallest positive integer matrix ``N = (M − min M) · L / g + 1`` that is a positive affine map of ``M``.

    ``L`` is the least common denominator of ``M − min M`` and ``g`` the greatest common divisor of the
    resulting integers (1 for a constant matrix, which maps to all ones). Best responses, and so the Nash
    equilibria and the labels of the best-response polytopes, are invariant under positive affine maps of a
    player's payoffs; positive entries make the polytopes bounded (von Stengel 2002, §3).
    """
    low = min(min(row) for row in matrix)
    shifted = [[value - low for value in row] for row in matrix]
    denominator = lcm(*(value.denominator for row in shifted for value in row))
    integers = [[int(value * denominator) for value in row] for row in shifted]
    divisor = gcd(*(value for row in integers for value in row)) or 1
    return tuple(tuple(value // divisor + 1 for value in row) for row in integers)
