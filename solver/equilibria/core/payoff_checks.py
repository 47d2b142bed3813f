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

from solver.equilibria.kernels.jit import compiled, interpreted
from solver.single_games import COMPILED_SINGLE_GAMES

FloatArray = NDArray[np.float64]


#: :func:`unfit_game` statuses: every game fits, a payoff is not finite, a game's span overflows.
FIT, NOT_FINITE, SPAN_OVERFLOW = 0, 1, 2


@compiled
def unfit_game(payoffs: FloatArray) -> tuple[int, int]:
    """``(status, game)`` for an ``N × m × n`` stack: :data:`FIT`, or why and where it does not fit.

    :data:`NOT_FINITE` when any payoff is NaN or infinite (``game`` is then -1), otherwise
    :data:`SPAN_OVERFLOW` for the first game whose ``max − min`` overflows float64. Compiled: the NumPy
    reductions it replaces took 12 µs on the two matrices of a 3 × 3 game, as long as solving it; this, 2 µs.
    """
    for value in payoffs.ravel():
        if not np.isfinite(value):
            return NOT_FINITE, -1
    for g in range(payoffs.shape[0]):
        game = payoffs[g]
        if not np.isfinite(game.max() - game.min()):
            return SPAN_OVERFLOW, g
    return FIT, -1


def _check_span(payoffs: FloatArray, name: str, stacked: bool) -> None:
    """Raise :class:`ValueError` if the C-contiguous ``payoffs`` (one matrix, or a stack when ``stacked``) are not
    finite or a game's span overflows; one matrix by the interpreted check where single games are solved without
    compiled code (:mod:`solver.single_games`)."""
    if stacked or COMPILED_SINGLE_GAMES.get():
        status, game = unfit_game(payoffs if stacked else payoffs[np.newaxis])
    else:
        with np.errstate(over="ignore"):  # an overflowing span is what the check looks for, as compiled it is silent
            status, game = interpreted(unfit_game)(payoffs[np.newaxis])
    if status == NOT_FINITE:
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    if status == SPAN_OVERFLOW:
        where = f" of game {game}" if stacked else ""
        raise ValueError(
            f"{name}{where} span more than the float range (max − min overflows float64); divide them by a "
            "positive constant (equilibria do not change) or solve with exact=True"
        )


def checked_payoffs(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Two non-empty C-contiguous float matrices of one shape, finite, with finite spans; :class:`ValueError`
    otherwise."""
    a = np.ascontiguousarray(row_payoffs, dtype=np.float64)
    b = np.ascontiguousarray(col_payoffs, dtype=np.float64)
    if a.ndim != 2 or a.shape != b.shape or 0 in a.shape:
        raise ValueError(f"payoffs must be two non-empty matrices of one shape, got {a.shape} and {b.shape}")
    _check_span(a, "row payoffs", stacked=False)
    _check_span(b, "column payoffs", stacked=False)
    return a, b


def checked_stacks(row_payoffs: ArrayLike, col_payoffs: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Two ``N × m × n`` float stacks of one shape, C-contiguous, every game's payoffs finite with finite spans."""
    a = np.ascontiguousarray(row_payoffs, dtype=np.float64)
    b = np.ascontiguousarray(col_payoffs, dtype=np.float64)
    if a.ndim != 3 or a.shape != b.shape or 0 in a.shape[1:]:
        raise ValueError(f"payoffs must be two stacks of shape N × m × n, got {a.shape} and {b.shape}")
    _check_span(a, "row payoffs", stacked=True)
    _check_span(b, "column payoffs", stacked=True)
    return a, b
