"""How robust is a case's verdict: the share of the plausible parameter box in which each label holds.

The box is the product of the scenario's plausible ranges (every parameter whose range is not a single
value, or a chosen subset), sampled uniformly by a scrambled Sobol' sequence (or a random or Latin-hypercube
sample). For each label the report gives the share of sampled points at which

* ``every_equilibrium`` — all extreme equilibria carry the label (the verdict holds whatever is played);
* ``some_equilibrium`` — at least one does (the verdict is possible);
* ``by_rule`` — the label's value under a selection rule of :mod:`solver.studies.selection` (for ``mean``, the
  average share of equilibria with the label),

and ``threshold_stability``: for each reading threshold moved by ±10% (:meth:`ReadingRules.moved`), the share of
points at which every equilibrium keeps its label, and the share at which each label then holds at every
equilibrium (so a verdict that rests on a knife-edge threshold shows it). With ``ci95``, the half-width
``1.96 √(p(1 − p)/N)`` of a 95% interval for ``every_equilibrium`` (a Monte Carlo bound; a Sobol' sample usually
does better). ``verdict`` marks the labels of the point calibration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from games import Scenario, load_scenario
from solver.portfolio import LABELS, PortfolioMeasures, ReadingRules, classify
from solver.studies.selection import Rule, check_rule, select, with_label_indicators
from solver.studies.sensitivity import reference_equilibria, varied_parameters
from solver.studies.sweeps import Design, sweep
from solver.studies.sweeps.backends import Backend
from solver.views import ViewName, ViewOptions, view_rules


@dataclass(frozen=True)
class Robustness:
    """Share of the plausible box per label, the shipped verdict, and how the box was sampled."""

    shares: pd.DataFrame
    verdict: tuple[str, ...]
    points: int
    multiple_equilibria: float
    factors: tuple[str, ...]
    rule: Rule
    threshold_stability: pd.DataFrame

    def summary(self) -> str:
        """One sentence on the verdict's robustness."""
        main = self.verdict[0]
        row = self.shares.loc[main]
        return (
            f"verdict {' / '.join(self.verdict)}: {main} holds at every equilibrium in {row['every_equilibrium']:.1%} "
            f"(± {row['ci95']:.1%}) of the plausible box over {len(self.factors)} parameters ({self.points:,} points), "
            f"at some equilibrium in {row['some_equilibrium']:.1%}; {self.multiple_equilibria:.1%} of the box has "
            "several equilibria; " + self.stability_summary()
        )

    def stability_summary(self) -> str:
        """How far the verdict's share moves when any one threshold moves by ±10%."""
        main = self.verdict[0]
        shares = self.threshold_stability[f"{main}_every_equilibrium"]
        base = float(self.shares["every_equilibrium"].loc[main])
        moves = (shares - base).abs()
        worst = str(moves.idxmax()) if moves.max() > 0 else "none"
        return (
            f"with one threshold moved by ±10% its share ranges over {shares.min():.1%}–{shares.max():.1%} "
            f"(largest move: {worst})"
        )


def threshold_stability(table: pd.DataFrame, rules: ReadingRules) -> pd.DataFrame:
    """Per moved threshold: the share of points whose labels all survive, and each label's every-equilibrium share."""
    measures = PortfolioMeasures(
        **{f: table[f].to_numpy(dtype=np.float64) for f in PortfolioMeasures.__dataclass_fields__}
    )
    base = classify(measures, rules).label
    points = table["point"].to_numpy()
    rows = {}
    for name, moved in rules.moved().items():
        label = classify(measures, moved).label
        frame = pd.DataFrame({"point": points, "kept": label == base, "label": label})
        every = {f"{value}_every_equilibrium": (frame["label"] == value).groupby(frame["point"]).all().mean()
                 for value in LABELS}  # fmt: skip
        rows[name] = {"labels_kept": frame.groupby("point")["kept"].all().mean(), **every}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("moved threshold")


def robustness(
    scenario: Scenario | str,
    *,
    n: int = 4096,
    design: Design = "sobol",
    factors: Sequence[str] | None = None,
    rule: Rule = "mean",
    seed: int = 0,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    out: str | Path | None = None,
    backend: Backend | None = None,
    quiet: bool = False,
) -> Robustness:
    """Sample the scenario's plausible box and report where each label holds in ``view`` (module docstring).

    The factors default to the parameters the view's payoffs read
    (:func:`solver.studies.sensitivity.varied_parameters`); every point is solved in the view
    (:func:`solver.sweep`), and the verdict is the view's at the point values.
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    chosen = list(factors or varied_parameters(case, view))
    rules = rules or view_rules(view)
    check_rule(rule, view)
    table = sweep(case, chosen, sample=design, n=n, seed=seed, rules=rules, view=view, options=options, out=out,
                  backend=backend, quiet=quiet)  # fmt: skip
    start = reference_equilibria(case, rules, view, options)
    by_rule = select(table, [f"is_{label}" for label in LABELS], rule, scenario=case, reference=start.iloc[0]).values
    verdict = tuple(sorted(set(start["label"])))
    return _report(table, by_rule, verdict, tuple(chosen), rule, rules)


def _report(
    table: pd.DataFrame, by_rule: pd.DataFrame, verdict: tuple[str, ...], factors: tuple[str, ...], rule: Rule,
    rules: ReadingRules,
) -> Robustness:  # fmt: skip
    """Label shares over the points of ``table`` (one row per point and solution), with threshold stability."""
    indicators = with_label_indicators(table).groupby("point")[[f"is_{label}" for label in LABELS]]
    every, some = indicators.min(), indicators.max()
    size = len(every)
    shares = pd.DataFrame(
        {
            "every_equilibrium": every.mean().to_numpy(),
            "some_equilibrium": some.mean().to_numpy(),
            "by_rule": by_rule.mean().to_numpy(),
        },
        index=pd.Index(LABELS, name="label"),
    )
    shares["ci95"] = 1.96 * np.sqrt(shares["every_equilibrium"] * (1 - shares["every_equilibrium"]) / size)
    shares["verdict"] = shares.index.isin(verdict)
    multiple = float((table.groupby("point")["point"].size() > 1).mean())
    return Robustness(shares, verdict, size, multiple, factors, rule, threshold_stability(table, rules))
