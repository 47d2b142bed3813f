"""Every equilibrium of the three-player (star polymatrix) view, exactly, through one two-player game.

In :class:`games.three_player.ThreePlayerGame` the patron's payoff depends on ``(i, r)`` only, the second pole's
on ``(i, q)`` only, and the small state's is a sum ``A_P[i, r] + A_Q[i, q]``. Merge the patron and the second pole
into one column player whose strategies are pairs ``(r, q)``:

    A[i, (r, q)] = A_P[i, r] + A_Q[i, q]          B[i, (r, q)] = B_P[i, r] + B_Q[i, q].

A distribution ``w`` over pairs is a best response to ``x`` exactly when it is supported on
``argmax_r (xᵀB_P)_r × argmax_q (xᵀB_Q)_q``, and the small state's payoff depends on ``w`` only through its
marginals ``(y, z)``. Hence ``(x, y, z)`` is a Nash equilibrium of the three-player game exactly when ``(x, w)`` is
one of the merged bimatrix game for some ``w`` with those marginals (take ``w = y ⊗ z``). The projection is linear,
and the vertices of a linear image of a polytope are images of its vertices, so projecting the complete set of
extreme equilibria of the merged game gives a finite set of equilibria that contains every extreme equilibrium
of the three-player game (it may also contain a few non-extreme points of a continuum; Yanovskaya 1968 and
Howson 1972 on polymatrix games; the reduction is the star case). The method is complete,
handles degenerate games like the two-player engine does, and every projected profile is verified by its
three-player regret. The same reduction gives the logit QRE, whose pair distribution factorises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np
from numpy.typing import NDArray

from games.three_player import ThreePlayerGame
from solver.concepts.qre import logit_branch, logit_qre
from solver.equilibria import Method, equilibria, equilibria_batch
from solver.equilibria.core.verification import REGRET_TOLERANCE, VerificationError, payoff_range

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class ThreePlayerEquilibrium:
    """A Nash equilibrium ``(row, col, pole)``: small state, patron and second-pole mixed strategies."""

    row: FloatArray
    col: FloatArray
    pole: FloatArray
    payoffs: tuple[float, float, float]
    max_regret: float


def merged_game(game: ThreePlayerGame) -> tuple[FloatArray, FloatArray]:
    """``(A, B)`` of the two-player game against the merged (patron, second pole) player; pairs ``r``-major."""
    m, n, k = game.shape
    a = (game.small_state_vs_patron[:, :, None] + game.small_state_vs_pole[:, None, :]).reshape(m, n * k)
    b = (game.patron[:, :, None] + game.pole[:, None, :]).reshape(m, n * k)
    return np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)


def marginals(game: ThreePlayerGame, pairs: FloatArray) -> tuple[FloatArray, FloatArray]:
    """The patron's and the second pole's mixed strategies from a distribution over ``(r, q)`` pairs."""
    _, n, k = game.shape
    table = pairs.reshape(n, k)
    return np.asarray(table.sum(axis=1), dtype=np.float64), np.asarray(table.sum(axis=0), dtype=np.float64)


def three_player_regret(game: ThreePlayerGame, row: FloatArray, col: FloatArray, pole: FloatArray) -> float:
    """Largest regret of the three players, each relative to that player's payoff range."""
    small_state = game.small_state_vs_patron @ col + game.small_state_vs_pole @ pole
    patron, second_pole = row @ game.patron, row @ game.pole
    small_state_payoffs = game.small_state_vs_patron[:, :, None] + game.small_state_vs_pole[:, None, :]
    regrets = (  # broadcasting the patron's and the second pole's matrices over the other's move keeps their range
        (small_state.max() - row @ small_state) / payoff_range(small_state_payoffs),
        (patron.max() - patron @ col) / payoff_range(game.patron),
        (second_pole.max() - second_pole @ pole) / payoff_range(game.pole),
    )
    return float(max(regrets))


def three_player_equilibria(
    game: ThreePlayerGame, method: Method = "labelled-vertices"
) -> tuple[ThreePlayerEquilibrium, ...]:
    """Equilibria of the three-player view containing every extreme one (module docstring), verified, deduplicated.

    The merged game is degenerate whenever a player is indifferent between responses (pairs sharing a best
    response), so the default is the labelled-vertex method, complete on degenerate games.
    """
    found = equilibria(*merged_game(game), method=method)
    return projected(game, np.array([eq.row for eq in found]), np.array([eq.col for eq in found]))


def projected(game: ThreePlayerGame, rows: FloatArray, pairs: FloatArray) -> tuple[ThreePlayerEquilibrium, ...]:
    """The merged game's extreme equilibria ``(rows[k], pairs[k])`` projected to three-player profiles, each
    verified by its three-player regret, duplicates (equal marginals) dropped."""
    tensors = game.tensors()
    found: list[ThreePlayerEquilibrium] = []
    for row, pair in zip(rows, pairs, strict=True):
        col, pole = marginals(game, pair)
        if any(np.allclose(row, e.row, atol=1e-9) and np.allclose(col, e.col, atol=1e-9)
               and np.allclose(pole, e.pole, atol=1e-9) for e in found):  # fmt: skip
            continue
        regret = three_player_regret(game, row, col, pole)
        if regret > REGRET_TOLERANCE:
            raise VerificationError(f"projected profile has relative regret {regret:.3g}")
        payoffs = tuple(float(np.einsum("i,j,l,ijl->", row, col, pole, t)) for t in tensors)
        found.append(ThreePlayerEquilibrium(row, col, pole, (payoffs[0], payoffs[1], payoffs[2]), regret))
    return tuple(found)


def three_player_equilibria_stack(games: Sequence[ThreePlayerGame]) -> list[tuple[ThreePlayerEquilibrium, ...]]:
    """:func:`three_player_equilibria` of many games of one shape, their merged games solved in one batch
    (:func:`solver.equilibria.equilibria_batch`, complete on degenerate games like the labelled-vertex method)."""
    if not games:
        return []
    merged = [merged_game(game) for game in games]
    result = equilibria_batch(np.stack([a for a, _ in merged]), np.stack([b for _, b in merged]))
    bounds = zip(result.offsets[:-1], result.offsets[1:], strict=True)
    return [
        projected(game, result.rows[lo:hi], result.cols[lo:hi]) for game, (lo, hi) in zip(games, bounds, strict=True)
    ]


def pure_equilibria(game: ThreePlayerGame, tol: float = 1e-9) -> tuple[tuple[int, int, int], ...]:
    """Every pure Nash equilibrium by direct enumeration of the ``m·n·k`` profiles (exact up to ``tol`` of range)."""
    small_state, patron, pole = game.tensors()
    scales = [tol * payoff_range(t) for t in (small_state, patron, pole)]
    m, n, k = game.shape
    return tuple(
        (i, r, q)
        for i, r, q in product(range(m), range(n), range(k))
        if small_state[i, r, q] >= small_state[:, r, q].max() - scales[0]
        and patron[i, r, q] >= patron[i, :, q].max() - scales[1]
        and pole[i, r, q] >= pole[i, r, :].max() - scales[2]
    )


@dataclass(frozen=True)
class ThreePlayerQRE:
    """A logit QRE of the three-player view at precision ``lam``."""

    lam: float
    row: FloatArray
    col: FloatArray
    pole: FloatArray


def three_player_logit(game: ThreePlayerGame, lam_max: float) -> tuple[ThreePlayerQRE, ...]:
    """The principal logit QRE branch of the three-player view from ``λ = 0`` to ``λ_max``.

    In the merged game the pair distribution is ``w(r, q) ∝ exp(λ(xᵀB_P)_r) · exp(λ(xᵀB_Q)_q)``, a product of
    each player's own logit response, and the small state's payoffs depend on its marginals only; so the merged
    game's QRE branch, read through its marginals, is the three-player QRE branch (McKelvey & Palfrey 1995).
    """
    branch = logit_branch(*merged_game(game), lam_max=lam_max)
    return tuple(ThreePlayerQRE(p.lam, p.row, *marginals(game, p.col)) for p in branch.points)


def three_player_qre(game: ThreePlayerGame, lam: float) -> tuple[ThreePlayerQRE, ...]:
    """Every point of the principal three-player logit branch at precision ``lam``."""
    return tuple(ThreePlayerQRE(lam, p.row, *marginals(game, p.col)) for p in logit_qre(*merged_game(game), lam))
