"""The sequential view: the small state moves, the patron observes and responds; subgame perfection.

The extensive form has the small state choose an instrument ``i``, then the patron, having seen it, choose a
response ``r``; payoffs are those of the two-player game. Backward induction (Selten 1975; Osborne &
Rubinstein 1994, §6.2) gives every pure subgame-perfect equilibrium (SPE):

    R*(i) = argmax_r u_P(i, r)                         the patron's best responses after each instrument
    plan  ∈ Π_i R*(i)                                  a response for every instrument (ties enumerated)
    i*    ∈ argmax_i u_S(i, plan(i))                   the small state's best instrument given that plan

A red line is **credible** when, after an instrument that crosses it, some best response of the patron
enforces it: ``max_{r : f_r = 1} u_P(i, r) ≥ max_{r : f_r = 0} u_P(i, r)``. Where enforcing would cost the
patron more than it gains, the threat is not credible and the small state can cross with impunity — the
question the seed's Filter Two and the Belarus-Russia "red lines" turn on.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from math import prod

import numpy as np
from numpy.typing import NDArray

from games import TwoPlayerGame
from solver.portfolio import PortfolioReading, ReadingRules, read_portfolio

FloatArray = NDArray[np.float64]

#: Largest number of tie-breaking plans enumerated before refusing (ties multiply plans).
MAX_PLANS = 100_000


@dataclass(frozen=True)
class RedLineCredibility:
    """Whether the patron would carry out its threat after one red-line-crossing instrument."""

    instrument: str
    credible: bool
    best_enforcing: float
    best_not_enforcing: float

    @property
    def reason(self) -> str:
        """One sentence comparing the patron's payoffs from enforcing and from letting it pass."""
        verb = "enforcing pays at least as well" if self.credible else "enforcing costs the patron more"
        return (
            f"after '{self.instrument}': {verb} ({self.best_enforcing:.3f} with enforcement vs "
            f"{self.best_not_enforcing:.3f} without)"
        )


@dataclass(frozen=True)
class SubgamePerfectEquilibrium:
    """A pure SPE: the small state's instrument and the patron's response after every instrument.

    ``row`` and ``col`` are the path as (degenerate) mixed strategies, so the path reads as a portfolio.
    """

    choice: int
    plan: tuple[int, ...]
    row: FloatArray
    col: FloatArray
    row_payoff: float
    col_payoff: float


@dataclass(frozen=True)
class SequentialSolution:
    """Every pure SPE of the sequential game, the patron's best responses, and red-line credibility."""

    game: TwoPlayerGame
    patron_best_responses: tuple[tuple[int, ...], ...]
    equilibria: tuple[SubgamePerfectEquilibrium, ...]
    red_lines: tuple[RedLineCredibility, ...]

    def readings(self, rules: ReadingRules | None = None) -> tuple[PortfolioReading, ...]:
        """The hedging reading of each SPE path."""
        return tuple(read_portfolio(self.game, eq, rules, pinned_by=SPE_PINNING) for eq in self.equilibria)


#: What determines the small state's choice in a subgame-perfect equilibrium.
SPE_PINNING = (
    "subgame perfection: the small state's own best instrument given the patron's best response to each "
    "instrument (the patron's threats count only where carrying them out is in its interest)"
)


def _argmax(values: FloatArray, tol: float) -> tuple[int, ...]:
    return tuple(int(k) for k in np.flatnonzero(values >= values.max() - tol))


def solve_sequential(game: TwoPlayerGame, tol: float = 1e-9) -> SequentialSolution:
    """Backward induction on the game where the patron observes the small state's instrument.

    Ties (within ``tol`` of a player's payoff range) are kept: every combination of the patron's tied best
    responses is a plan, and every instrument the small state is indifferent between gives its own SPE.
    """
    a, b = game.row_payoffs, game.col_payoffs
    scale_a, scale_b = max(float(np.ptp(a)), 1.0), max(float(np.ptp(b)), 1.0)
    best_responses = tuple(_argmax(b[i], tol * scale_b) for i in range(game.shape[0]))
    plans = prod(len(r) for r in best_responses)
    if plans > MAX_PLANS:
        raise ValueError(f"{plans} tie-breaking plans of the patron exceed {MAX_PLANS}; the game is too degenerate")
    m, n = game.shape
    equilibria = []
    for plan in product(*best_responses):
        values = a[np.arange(m), plan]
        for choice in _argmax(values, tol * scale_a):
            equilibria.append(
                SubgamePerfectEquilibrium(
                    choice=choice,
                    plan=tuple(plan),
                    row=np.eye(m)[choice],
                    col=np.eye(n)[plan[choice]],
                    row_payoff=float(values[choice]),
                    col_payoff=float(b[choice, plan[choice]]),
                )
            )
    enforces = np.array([r.enforces_red_line for r in game.scenario.responses])
    red_lines = tuple(
        RedLineCredibility(
            instrument=game.row_labels[i],
            credible=bool(b[i, enforces].max() >= b[i, ~enforces].max() - tol * scale_b),
            best_enforcing=float(b[i, enforces].max()),
            best_not_enforcing=float(b[i, ~enforces].max()),
        )
        for i, instrument in enumerate(game.scenario.instruments)
        if instrument.crosses_red_line and enforces.any() and (~enforces).any()
    )
    return SequentialSolution(game, best_responses, tuple(equilibria), red_lines)
