"""Cramer's rule for the small systems of basis enumeration: ``M z = 1`` with ``M`` of order ``k ≤ 4``.

Basis enumeration (:mod:`solver.equilibria.kernels.basis_kernel`) solves ``C[S, T]ᵀ z_S = 1`` for every basis, and most
bases of small games have ``k ≤ 4``. These are scalar functions of the matrix entries, row by row, inlined where
they are called, so that the per-game kernel and the kernel vectorised over games
(:mod:`solver.equilibria.kernels.basis_filter`) compute bit for bit the same solutions and take the same decisions.

With all right-hand sides one, Cramer's rule ``z_c = det M_c / det M`` (``M_c``: column ``c`` replaced by ones)
reads, for ``k = 2`` and ``M = [[a, b], [c, d]]``, ``z = ((d − b), (a − c)) / (ad − bc)``. ``M`` counts as
singular when ``|det M| ≤ SINGULAR_PIVOT · Π_r ‖row_r‖``, a fraction of Hadamard's bound on ``|det M|``; the
solution is then meaningless (possibly ``inf`` or ``nan``) and must be discarded.
"""

from __future__ import annotations

import numpy as np

from solver.equilibria.kernels.jit import compiled_inline

#: A basis is singular when its determinant (or a pivot) falls to this fraction of its scale (entries in [1, 2]).
SINGULAR_PIVOT = 1e-12


@compiled_inline
def unit_solution_1(a: float) -> tuple[bool, float]:
    """``a z = 1``: ``(a ≠ 0, 1 / a)``."""
    return a != 0.0, 1.0 / a


@compiled_inline
def unit_solution_2(a: float, b: float, c: float, d: float) -> tuple[bool, float, float]:
    """``[[a, b], [c, d]] z = 1``: ``(regular, z₀, z₁)``."""
    det = a * d - b * c
    bound = np.sqrt((a * a + b * b) * (c * c + d * d))
    return abs(det) > SINGULAR_PIVOT * bound, (d - b) / det, (a - c) / det


@compiled_inline
def unit_solution_3(
    a: float, b: float, c: float, d: float, e: float, f: float, g: float, h: float, i: float
) -> tuple[bool, float, float, float]:
    """``[[a, b, c], [d, e, f], [g, h, i]] z = 1``: ``(regular, z₀, z₁, z₂)``, by cofactor expansion."""
    minor_a, minor_b, minor_c = e * i - f * h, d * i - f * g, d * h - e * g
    det = a * minor_a - b * minor_b + c * minor_c
    bound = np.sqrt((a * a + b * b + c * c) * (d * d + e * e + f * f) * (g * g + h * h + i * i))
    return (
        abs(det) > SINGULAR_PIVOT * bound,
        (minor_a - b * (i - f) + c * (h - e)) / det,
        (a * (i - f) - minor_b + c * (d - g)) / det,
        (a * (e - h) - b * (d - g) + minor_c) / det,
    )


@compiled_inline
def unit_solution_4(
    a: float,
    b: float,
    c: float,
    d: float,
    e: float,
    f: float,
    g: float,
    h: float,
    i: float,
    j: float,
    k: float,
    l: float,  # noqa: E741 — the sixteen entries, row by row
    m: float,
    n: float,
    o: float,
    p: float,
) -> tuple[bool, float, float, float, float]:
    """``M z = 1`` for ``M`` with rows ``(a, b, c, d) … (m, n, o, p)``: ``(regular, z₀, z₁, z₂, z₃)``.

    By Laplace expansion in complementary 2 × 2 minors of rows 0–1 (``s``) and rows 2–3 (``t``):
    ``det M = s₀₁t₂₃ − s₀₂t₁₃ + s₀₃t₁₂ + s₁₂t₀₃ − s₁₃t₀₂ + s₂₃t₀₁``, and ``z`` is the row sums of the adjugate
    divided by ``det M``.
    """
    s01, s02, s03 = a * f - b * e, a * g - c * e, a * h - d * e
    s12, s13, s23 = b * g - c * f, b * h - d * f, c * h - d * g
    t01, t02, t03 = i * n - j * m, i * o - k * m, i * p - l * m
    t12, t13, t23 = j * o - k * n, j * p - l * n, k * p - l * o
    det = s01 * t23 - s02 * t13 + s03 * t12 + s12 * t03 - s13 * t02 + s23 * t01
    bound = np.sqrt(
        (a * a + b * b + c * c + d * d)
        * (e * e + f * f + g * g + h * h)
        * (i * i + j * j + k * k + l * l)
        * (m * m + n * n + o * o + p * p)
    )
    z0 = (f * t23 - g * t13 + h * t12) - (b * t23 - c * t13 + d * t12) + (n * s23 - o * s13 + p * s12)
    z0 -= j * s23 - k * s13 + l * s12
    z1 = -(e * t23 - g * t03 + h * t02) + (a * t23 - c * t03 + d * t02) - (m * s23 - o * s03 + p * s02)
    z1 += i * s23 - k * s03 + l * s02
    z2 = (e * t13 - f * t03 + h * t01) - (a * t13 - b * t03 + d * t01) + (m * s13 - n * s03 + p * s01)
    z2 -= i * s13 - j * s03 + l * s01
    z3 = -(e * t12 - f * t02 + g * t01) + (a * t12 - b * t02 + c * t01) - (m * s12 - n * s02 + o * s01)
    z3 += i * s12 - j * s02 + k * s01
    return abs(det) > SINGULAR_PIVOT * bound, z0 / det, z1 / det, z2 / det, z3 / det
