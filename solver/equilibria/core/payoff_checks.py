"""What the float engines accept: finite payoffs whose span ``max − min`` is itself a finite float.

The float methods map each player's payoffs onto ``[1, 2]`` by ``1 + (M − min M) / (max M − min M)``
(:func:`~solver.equilibria.core.polytope.normalise_payoffs`); a span beyond ``1.8e308`` is infinite in float64 and
would turn that map into NaN (seen: ``±1.7e308`` payoffs gave "SVD did not converge" one game at a time and
zero equilibria, silently, in a batch). Such games are refused with the remedy rather than rescaled behind
the caller's back: a positive scale leaves the equilibria unchanged, and ``exact=True`` solves them as given.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


def _check_span(payoffs: FloatArray, name: str) -> None:
    """Raise :class:`ValueError` if ``payoffs`` (one matrix or a stack, last two axes) is not finite or its span
    overflows."""
    if not np.isfinite(payoffs).all():
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    with np.errstate(over="ignore"):
        spans = payoffs.max(axis=(-2, -1)) - payoffs.min(axis=(-2, -1))
    if not np.isfinite(spans).all():
        where = "" if spans.ndim == 0 else f" of game {int(np.argmin(np.isfinite(spans)))}"
        raise ValueError(
            f"{name}{where} span more than the float range (max − min overflows float64); divide them by a "
            "positive constant (equilibria do not change) or solve with exact=True"
        )


def checked_payoffs(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Two non-empty float matrices of one shape, finite, with finite spans; :class:`ValueError` otherwise."""
    a = np.asarray(row_payoffs, dtype=np.float64)
    b = np.asarray(col_payoffs, dtype=np.float64)
    if a.ndim != 2 or a.shape != b.shape or 0 in a.shape:
        raise ValueError(f"payoffs must be two non-empty matrices of one shape, got {a.shape} and {b.shape}")
    _check_span(a, "row payoffs")
    _check_span(b, "column payoffs")
    return a, b


def checked_stacks(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Two ``N × m × n`` float stacks of one shape, C-contiguous, every game's payoffs finite with finite spans."""
    a = np.ascontiguousarray(row_payoffs, dtype=np.float64)
    b = np.ascontiguousarray(col_payoffs, dtype=np.float64)
    if a.ndim != 3 or a.shape != b.shape or 0 in a.shape[1:]:
        raise ValueError(f"payoffs must be two stacks of shape N × m × n, got {a.shape} and {b.shape}")
    _check_span(a, "row payoffs")
    _check_span(b, "column payoffs")
    return a, b
