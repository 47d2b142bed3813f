"""The hedging-portfolio reading of many equilibria at once: :func:`solver.read_portfolio` on arrays.

For ``E`` small-state strategies ``p`` (rows of an ``E × m`` array) this computes the measures, Tessman's
filters and the label exactly as defined in :mod:`solver.portfolio` (formulas and thresholds there and in
``docs/model.md``); the test suite checks it against :func:`solver.read_portfolio` row for row. Sums are
taken as elementwise products reduced along each row (no BLAS), so a row's value never depends on how many
rows are read together.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import Scenario
from games.payoffs import InstrumentAttributes, subsidy_weighted_dependence_reduction
from solver.portfolio import ReadingRules

FloatArray = NDArray[np.float64]


def _weighted(p: FloatArray, attribute: FloatArray) -> FloatArray:
    return np.asarray((p * attribute[None, :]).sum(axis=1), dtype=np.float64)


def read_portfolios(scenario: Scenario, p: FloatArray, rules: ReadingRules) -> pd.DataFrame:
    """Measures, filter verdicts (``filter_1`` … ``filter_3``), ``label`` and ``mixes_cooperative_and_competitive``.

    Columns are named as in :meth:`solver.PortfolioReading.to_series`, one row per strategy.
    """
    attrs = InstrumentAttributes.of(scenario)
    alignment = np.array([i.alignment for i in scenario.instruments])
    strategic = np.array([float(i.strategic) for i in scenario.instruments])
    dependence_by_instrument = subsidy_weighted_dependence_reduction(scenario)
    relevant = ((dependence_by_instrument > 0) | (attrs.capability_gain > 0)).astype(np.float64)
    tol = rules.tolerance

    relevant_weight = _weighted(p, relevant)
    cooperative = _weighted(p, (alignment > 0).astype(np.float64))
    competitive = _weighted(p, (alignment < 0).astype(np.float64))
    dependence = _weighted(p, dependence_by_instrument)
    capability = _weighted(p, attrs.capability_gain)
    exposure = _weighted(p, attrs.crosses_red_line)
    strategic_weight = _weighted(p, strategic * relevant)
    strategic_share = np.divide(
        strategic_weight, relevant_weight, out=np.zeros_like(relevant_weight), where=relevant_weight > 0
    )
    mean_alignment = _weighted(p, alignment)
    logs = np.log(p, out=np.zeros_like(p), where=p > 0)
    filter_1 = (dependence >= rules.filter_one_min_dependence_reduction - tol) | (
        capability >= rules.filter_one_min_capability_gain - tol
    )
    filter_2 = exposure <= rules.filter_two_max_red_line_exposure + tol
    filter_3 = (relevant_weight > tol) & (strategic_share >= rules.filter_three_min_strategic_share - tol)
    label = np.select(
        [
            exposure >= rules.balancing_min_red_line_exposure - tol,
            filter_1 & filter_2 & filter_3,
            (mean_alignment >= rules.bandwagoning_min_alignment)
            & (competitive <= rules.bandwagoning_max_competitive_share + tol),
        ],
        ["balancing", "hedging", "bandwagoning"],
        "other",
    )
    return pd.DataFrame(
        {
            "cooperative_share": cooperative,
            "competitive_share": competitive,
            "mean_alignment": mean_alignment,
            "red_line_exposure": exposure,
            "dependence_reduction": dependence,
            "capability_gain": capability,
            "strategic_share": strategic_share,
            "herfindahl": (p * p).sum(axis=1),
            "entropy": -(p * logs).sum(axis=1) + 0.0,
            "filter_1": filter_1,
            "filter_2": filter_2,
            "filter_3": filter_3,
            "label": pd.array(label, dtype="str"),
            "mixes_cooperative_and_competitive": (cooperative > tol) & (competitive > tol),
        }
    )
