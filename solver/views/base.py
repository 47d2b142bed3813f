"""The view protocol: a view builds its game from a scenario, solves it, and solves stacks of parameter points.

Every view answers the same three questions, so the command line, the studies (sweeps, sensitivity,
robustness, phase diagrams, tracking) and Python code handle all of them alike:

* :meth:`View.solve` — the solutions at the scenario's point values, as a :class:`~solver.views.result.ViewResult`;
* :meth:`View.solve_points` — the solutions at many parameter points at once, as a
  :class:`~solver.views.result.PointSolutions` (the two-player, Bayesian and three-player views solve the whole
  stack in the compiled batch engine, the sequential view on arrays and the commitment views in a compiled
  simplex with the single-point solver deciding near ties; QRE solves point by point; every way gives the rows
  :meth:`View.solve` gives);
* :attr:`View.parameters` and :attr:`View.options` — which model parameters its payoffs read, and which
  :class:`~solver.views.result.ViewOptions` it uses; :attr:`View.batched` — whether its stacks go to the
  compiled batch engine (large samples are then cheap); :attr:`View.per_patron_type` — whether it solves each
  declared patron type with the type's parameter overrides (then a parameter every type overrides is unused).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar, Protocol

import numpy as np
from numpy.typing import NDArray

from games import Scenario
from games.parameters import COMMITMENT_PARAMETERS, MODEL_PARAMETERS, SECOND_POLE_PARAMETERS
from solver.portfolio import ReadingRules
from solver.views.result import PointSolutions, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]


class View(Protocol):
    """One way of reading a scenario as a game and solving it (module docstring)."""

    name: ClassVar[ViewName]
    parameters: ClassVar[frozenset[str]]
    options: ClassVar[frozenset[str]]
    batched: ClassVar[bool]
    per_patron_type: ClassVar[bool]

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The view's solutions at the scenario's point values, each read as a hedging portfolio."""
        ...

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """The solutions at each row of ``values`` (the parameters ``names``; the others at point values)."""
        ...

    def rules(self, rules: ReadingRules | None) -> ReadingRules:
        """The reading thresholds in force: ``rules``, or the view's defaults."""
        ...


def point_scenarios(scenario: Scenario, names: Sequence[str], values: FloatArray) -> list[Scenario]:
    """The scenario at each row of ``values`` (the parameters ``names``; the others keep their point values)."""
    return [
        scenario.with_values(**{n: float(v) for n, v in zip(names, row, strict=True)})
        for row in np.asarray(values, dtype=np.float64)
    ]


class PointByPoint(ABC):
    """Views whose stacks are solved one point at a time with :meth:`solve` (exact, and the same rows)."""

    name: ClassVar[ViewName]
    parameters: ClassVar[frozenset[str]] = frozenset(MODEL_PARAMETERS)
    options: ClassVar[frozenset[str]] = frozenset()
    batched: ClassVar[bool] = False
    per_patron_type: ClassVar[bool] = False

    @abstractmethod
    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The view's solutions at the scenario's point values (each view's own)."""

    def rules(self, rules: ReadingRules | None) -> ReadingRules:
        """``rules``, or the default thresholds."""
        return rules or ReadingRules()

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """Each point's scenario (:meth:`games.Scenario.with_values`) solved by :meth:`solve`, stacked."""
        results = [self.solve(case, options) for case in point_scenarios(scenario, names, values)]
        return PointSolutions.of_results(results, len(scenario.instruments), len(scenario.responses))


#: Parameter sets of the views' payoffs.
WITH_SECOND_POLE = frozenset(MODEL_PARAMETERS) | frozenset(SECOND_POLE_PARAMETERS)
WITH_COMMITMENT = frozenset(MODEL_PARAMETERS) | frozenset(COMMITMENT_PARAMETERS)
