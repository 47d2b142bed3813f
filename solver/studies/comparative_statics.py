"""Comparative statics: how a portfolio measure moves with one parameter, under one view — and Walt's hypotheses.

For a parameter grid ``v_1 < … < v_K`` and a view, each point is solved and a portfolio measure read from
every solution; points with several solutions are summarised by their mean (all equilibria weighted equally)
and their range. A hypothesis "the measure rises with the parameter" *holds* on the grid when the mean never
falls by more than ``tol`` between neighbours and its overall rise, the **effect size** ``direction × (mean at the
high end − mean at the low end)``, is at least :data:`MIN_EFFECT`; it is *negligible* when it moves that way by
less; *flat* when it never moves by more than ``tol``; otherwise it *fails*. The measures are shares of the
portfolio's weight (or mean alignment, on [−1, 1]), so the floor of 0.05 asks for five points of weight across
the parameter's whole plausible range (an assumed floor, stated so that a "holds" resting on a change of 0.001 is
not reported as one).

Walt (1987: 33), quoted in the seed paper, states four hypotheses; here each is read through one parameter:

1. strength — the stronger the state, the greater its tendency to balance: ``patron_relative_decline`` (the
   patron's lost punishing power, i.e. the small state's relative strength) vs. red-line exposure;
2. allied support — the greater its probability, the greater the tendency to balance: ``second_pole_support`` vs.
   red-line exposure;
3. aggressiveness — the more aggressive the threatening state is perceived, the more others balance against it:
   ``patron_aggressiveness`` vs. competitive share;
4. closeness to victory — the closer one side is to victory, the more others bandwagon with it:
   ``red_line_cost`` (what losing a confrontation with the patron costs) vs. cooperative share.

In a mixed Nash equilibrium the small state's weights are pinned by the patron's payoffs (Tsebelis 1989), so a
hypothesis about the small state's *own* parameters can be flat under Nash and hold under QRE; the summary says
which.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from games import Scenario
from solver.views import ViewName, solve_view

Verdict = Literal["holds", "negligible", "flat", "fails"]

#: Smallest overall move of the measure, across the parameter's plausible range, for a hypothesis to hold.
MIN_EFFECT = 0.05


@dataclass(frozen=True)
class Hypothesis:
    """A directional claim: ``measure`` rises (``direction = +1``) or falls (−1) with ``parameter``."""

    name: str
    statement: str
    parameter: str
    measure: str
    direction: int = 1


WALT_HYPOTHESES: tuple[Hypothesis, ...] = (
    Hypothesis("strength", "the stronger the state, the greater its tendency to balance",
               "patron_relative_decline", "red_line_exposure"),
    Hypothesis("allied support", "the greater the probability of allied support, the greater the tendency to balance",
               "second_pole_support", "red_line_exposure"),
    Hypothesis("aggressiveness", "the more aggressive the patron is perceived, the greater the tendency to balance",
               "patron_aggressiveness", "competitive_share"),
    Hypothesis("closeness to victory", "the closer the patron is to victory, the greater the tendency to bandwagon",
               "red_line_cost", "cooperative_share"),
)  # fmt: skip


def measure_path(
    scenario: Scenario, parameter: str, values: Iterable[float], measure: str, view: ViewName, precision: float = 1.0
) -> pd.DataFrame:
    """Mean, minimum and maximum of ``measure`` over the solutions of ``view`` at each parameter value."""
    rows = []
    for value in values:
        result = solve_view(scenario.with_values(**{parameter: float(value)}), view, precision=precision)
        measured = [reading.measures[measure] for reading in result.readings]
        rows.append({parameter: float(value), "mean": float(np.mean(measured)), "min": min(measured),
                     "max": max(measured), "solutions": len(measured)})  # fmt: skip
    return pd.DataFrame(rows)


def effect_size(means: ArrayLike, direction: int = 1) -> float:
    """``direction × (last − first)``: how far the measure moves the predicted way across the grid."""
    values = np.asarray(means, dtype=np.float64)
    return float(direction * (values[-1] - values[0]))


def verdict(means: ArrayLike, direction: int = 1, tol: float = 1e-6, min_effect: float = MIN_EFFECT) -> Verdict:
    """``holds`` if the sequence moves in ``direction`` (never against it by more than ``tol``) by at least
    ``min_effect`` overall; ``negligible`` if it moves that way by less; ``flat``; else ``fails``."""
    steps = np.diff(np.asarray(means, dtype=np.float64)) * direction
    if np.all(np.abs(steps) <= tol):
        return "flat"
    if not (np.all(steps >= -tol) and steps.sum() > tol):
        return "fails"
    return "holds" if effect_size(means, direction) >= min_effect - tol else "negligible"


def assess_hypotheses(
    scenario: Scenario,
    hypotheses: Sequence[Hypothesis] = WALT_HYPOTHESES,
    views: Sequence[ViewName] = ("two-player", "qre", "sequential", "commitment"),
    points: int = 11,
    precision: float = 1.0,
) -> pd.DataFrame:
    """Each hypothesis under each view across the parameter's plausible range: the verdict, its effect size (floor
    :data:`MIN_EFFECT`) and the measure's ends."""
    rows = []
    for hypothesis in hypotheses:
        low, high = scenario.parameters[hypothesis.parameter].range
        values = np.linspace(low, high, points)
        for view in views:
            path = measure_path(scenario, hypothesis.parameter, values, hypothesis.measure, view, precision)
            rows.append({
                "hypothesis": hypothesis.name, "view": view, "parameter": hypothesis.parameter,
                "measure": hypothesis.measure, "verdict": verdict(path["mean"], hypothesis.direction),
                "effect size": effect_size(path["mean"], hypothesis.direction),
                "at low": path["mean"].iloc[0], "at high": path["mean"].iloc[-1],
                "multiple solutions": bool((path["solutions"] > 1).any()),
            })  # fmt: skip
    return pd.DataFrame(rows)
