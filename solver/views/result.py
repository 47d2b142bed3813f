"""The one shape every view's solutions take: profiles with their payoffs and readings, one point or a stack.

A view's solution at one scenario is a :class:`ViewResult`: the game solved, its solution profiles (each with
the small state's weights ``row`` over instruments and the patron's strategy ``col`` over the game's columns),
the patron's distribution over its *responses* (the same as ``col`` except in the Bayesian normal form, whose
columns are type-contingent plans), both players' payoffs, and each profile read as a hedging portfolio.

The solutions of a stack of parameter points, as sweeps need them, are a :class:`PointSolutions`: the same
quantities as arrays with one row per (point, solution).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray

from games import TwoPlayerGame
from solver.portfolio import PortfolioReading, Profile

if TYPE_CHECKING:
    import pandas as pd

    from solver.concepts.commitment import TieBreaking

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

ViewName = Literal[
    "two-player", "sequential", "bayesian", "qre", "three-player", "commitment", "three-player-commitment"
]
VIEWS: tuple[ViewName, ...] = (
    "two-player", "sequential", "bayesian", "qre", "three-player", "commitment", "three-player-commitment"
)  # fmt: skip

#: Default logit precision for the QRE view, in 1 / (bn USD/yr): one unit of payoff multiplies odds by e.
DEFAULT_PRECISION = 1.0

#: Component number of a solution whose concept has no connected components of a solution set.
NO_COMPONENT = -1

#: One solution at one point, as sweeps stack it: the small state's weights, the patron's distribution over
#: responses, (small-state payoff, patron payoff), component.
Solution = tuple[FloatArray, FloatArray, tuple[float, float], int]


@dataclass(frozen=True)
class ViewOptions:
    """How a view is solved: the QRE's logit precision λ, the commitment views' Stackelberg tie-breaking.

    A view uses the options it names in :attr:`View.options` and ignores the others (the command line refuses
    an option given to a view that does not use it). How solutions are *read* — the thresholds of
    :class:`~solver.portfolio.ReadingRules` — is a separate argument.
    """

    precision: float = DEFAULT_PRECISION
    tie_breaking: TieBreaking = "strong"

    def __post_init__(self) -> None:
        from solver.concepts.commitment import TIE_BREAKING  # scipy.optimize: not to read the options' names

        if not (math.isfinite(self.precision) and self.precision >= 0.0):
            raise ValueError(f"the QRE's precision λ must be a finite number ≥ 0, got {self.precision!r}")
        if self.tie_breaking not in TIE_BREAKING:
            raise ValueError(f"unknown tie-breaking {self.tie_breaking!r}; choose one of {', '.join(TIE_BREAKING)}")


@dataclass(frozen=True)
class ViewResult:
    """The solution of one view: the game solved, its solution profiles and their readings, with notes.

    ``patron_responses[k]`` is the patron's distribution over the scenario's responses at solution ``k``;
    ``payoffs[k]`` the small state's and the patron's (expected) payoffs there; ``components[k]`` the connected
    component of the solution set it lies in (:data:`NO_COMPONENT` for concepts without one).
    """

    view: ViewName
    concept: str
    game: TwoPlayerGame
    profiles: tuple[Profile, ...]
    readings: tuple[PortfolioReading, ...]
    complete: bool
    notes: tuple[str, ...]
    patron_responses: tuple[FloatArray, ...]
    payoffs: tuple[tuple[float, float], ...]
    components: tuple[int, ...]
    degenerate: bool = False

    def to_document(self) -> dict[str, object]:
        """Plain JSON data: the view, the scenario's id and hash, notes, and every solution with its reading."""
        scenario = self.game.scenario
        return {
            "scenario": {"id": scenario.id, "hash": scenario.content_hash},
            "view": self.view,
            "concept": self.concept,
            "complete": self.complete,
            "degenerate": self.degenerate,
            "notes": list(self.notes),
            "solutions": [
                {
                    "small_state": profile.row.tolist(),
                    "patron": profile.col.tolist(),
                    "patron_responses": responses.tolist(),
                    "payoffs": {"small_state": payoff[0], "patron": payoff[1]},
                    "reading": reading.to_dict(),
                }
                for profile, responses, payoff, reading in zip(
                    self.profiles, self.patron_responses, self.payoffs, self.readings, strict=True
                )
            ],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per solution profile: the view, weights, measures, filters and label."""
        import pandas as pd

        rows = [
            pd.concat([pd.Series({"view": self.view, "concept": self.concept, "solution": k}), reading.to_series()])
            for k, reading in enumerate(self.readings)
        ]
        return pd.DataFrame(rows).reset_index(drop=True)


@dataclass(frozen=True)
class PointSolutions:
    """The solutions of ``N`` parameter points of one scenario, one row per (point, solution), in point order.

    ``offsets`` (``N + 1``): the solutions of point ``g`` are rows ``offsets[g] … offsets[g + 1] − 1``;
    ``small_state`` (``S × m``) the weights over instruments, ``patron`` (``S × n``) the patron's distribution
    over responses, ``small_state_payoff`` and ``patron_payoff`` (``S``), ``components`` (``S``; numbered within
    each point, :data:`NO_COMPONENT` where the concept has none), ``degenerate`` (``N``).
    """

    offsets: IntArray
    small_state: FloatArray
    patron: FloatArray
    small_state_payoff: FloatArray
    patron_payoff: FloatArray
    components: IntArray
    degenerate: BoolArray

    @property
    def counts(self) -> IntArray:
        """Number of solutions at each point."""
        return np.diff(self.offsets)

    @property
    def point_index(self) -> IntArray:
        """For each solution, the index of its point."""
        return np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int64), self.counts)

    @classmethod
    def of_points(
        cls, points: Sequence[Sequence[Solution]], degenerate: Sequence[bool], instruments: int, responses: int
    ) -> PointSolutions:
        """Stack each point's solutions ``(weights, patron's responses, (small-state, patron payoff), component)``
        (``instruments`` × ``responses`` give the shape of empty stacks)."""
        solutions = [solution for point in points for solution in point]
        return cls(
            offsets=np.concatenate([[0], np.cumsum([len(p) for p in points], dtype=np.int64)]).astype(np.int64),
            small_state=np.array([s[0] for s in solutions], dtype=np.float64).reshape(-1, instruments),
            patron=np.array([s[1] for s in solutions], dtype=np.float64).reshape(-1, responses),
            small_state_payoff=np.array([s[2][0] for s in solutions], dtype=np.float64),
            patron_payoff=np.array([s[2][1] for s in solutions], dtype=np.float64),
            components=np.array([s[3] for s in solutions], dtype=np.int64),
            degenerate=np.array(degenerate, dtype=bool),
        )

    @classmethod
    def of_results(cls, results: Sequence[ViewResult], instruments: int, responses: int) -> PointSolutions:
        """Stack the results of points solved one at a time."""
        points = [
            list(zip((p.row for p in r.profiles), r.patron_responses, r.payoffs, r.components, strict=True))
            for r in results
        ]
        return cls.of_points(points, [r.degenerate for r in results], instruments, responses)
