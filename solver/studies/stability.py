"""Stability of equilibria under learning dynamics: do players who adapt find their way back?

For each Nash equilibrium ``(x*, y*)`` of the two-player view, starts are drawn near it,

    (x₀, y₀) = (1 − ε)(x*, y*) + ε (u, v),      u, v uniform on the simplices,

and two dynamics from nashpy are run:

* **asymmetric replicator dynamics** (Taylor & Jonker 1978; Hofbauer & Sigmund 1998, ch. 10),
  ``ẋ_i = x_i((Ay)_i − xᵀAy)``, ``ẏ_j = y_j((Bᵀx)_j − xᵀBy)``, integrated to time ``T``;
* **fictitious play** (Brown 1951; Robinson 1951), each player best-responding to the empirical frequency of
  the other's past play, seeded with play counts proportional to the start.

An equilibrium counts as reached when the end point lies within ``tolerance`` of it in max norm: the empirical
frequencies after fictitious play, the last state of the replicator dynamics — which must moreover be at most
half as far from the equilibrium as the start was, so that orbits merely circling nearby (the neutrally
stable centre of matching pennies) do not count as returning. Interior equilibria of bimatrix
games are never asymptotically stable under the replicator dynamics (Hofbauer & Sigmund 1998, Thm 10.5.1), so a
mixed hedging portfolio that learning does not return to is expected, not a numerical failure.
"""

from __future__ import annotations

from dataclasses import dataclass

import nashpy
import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Stability:
    """Share of nearby starts from which each dynamic ends within the tolerance of the equilibrium."""

    replicator: float
    fictitious_play: float
    starts: int

    def describe(self) -> str:
        """One line for reports."""
        return (
            f"returns under replicator dynamics from {self.replicator:.0%} and under fictitious play from "
            f"{self.fictitious_play:.0%} of {self.starts} nearby starts"
        )


def _near(point: FloatArray, rng: np.random.Generator, epsilon: float) -> FloatArray:
    return np.asarray((1 - epsilon) * point + epsilon * rng.dirichlet(np.ones(len(point))), dtype=np.float64)


def equilibrium_stability(
    row_payoffs: ArrayLike,
    col_payoffs: ArrayLike,
    row: FloatArray,
    col: FloatArray,
    *,
    starts: int = 10,
    epsilon: float = 0.05,
    horizon: float = 200.0,
    iterations: int = 3000,
    tolerance: float = 0.02,
    seed: int = 0,
) -> Stability:
    """Run both dynamics from ``starts`` perturbations of ``(row, col)`` and report how often they return.

    ``horizon`` is the replicator integration time (in payoff-rate units) and ``iterations`` the number of
    fictitious-play rounds; ``seed`` makes the starts reproducible.
    """
    game = nashpy.Game(np.asarray(row_payoffs, dtype=np.float64), np.asarray(col_payoffs, dtype=np.float64))
    rng = np.random.default_rng(seed)
    timepoints = np.linspace(0.0, horizon, 400)
    replicator_hits = fictitious_hits = 0

    def distance(x: FloatArray, y: FloatArray) -> float:
        return float(max(np.abs(x - row).max(), np.abs(y - col).max()))

    for _ in range(starts):
        x0, y0 = _near(row, rng, epsilon), _near(col, rng, epsilon)
        xs, ys = game.asymmetric_replicator_dynamics(x0=x0, y0=y0, timepoints=timepoints)
        replicator_hits += distance(xs[-1], ys[-1]) <= min(tolerance, 0.5 * distance(x0, y0))
        *_, final = game.fictitious_play(iterations=iterations, play_counts=(np.round(x0 * 100), np.round(y0 * 100)))
        fictitious_hits += distance(final[0] / final[0].sum(), final[1] / final[1].sum()) <= tolerance
    return Stability(replicator_hits / starts, fictitious_hits / starts, starts)
