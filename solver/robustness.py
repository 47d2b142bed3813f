"""How robust is a case's verdict: the share of the plausible parameter box in which each label holds.

The box is the product of the scenario's plausible ranges (every parameter whose range is not a single
value, or a chosen subset), sampled uniformly by a scrambled Sobol' sequence (or a random or Latin-hypercube
sample). For each label the report gives the share of sampled points at which

* ``every_equilibrium`` — all extreme equilibria carry the label (the verdict holds whatever is played);
* ``some_equilibrium`` — at least one does (the verdict is possible);
* ``by_rule`` — the label's value under a selection rule of :mod:`solver.selection` (for ``mean``, the
  average share of equilibria with the label),

with ``ci95``, the half-width ``1.96 √(p(1 − p)/N)`` of a 95% interval for ``every_equilibrium`` (a Monte
Carlo bound; a Sobol' sample usually does better). ``verdict`` marks the labels of the point calibration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from games import Scenario, load_scenario
from solver.portfolio import ReadingRules
from solver.selection import LABELS, Rule, select, with_label_indicators
from solver.sensitivity import reference_equilibria, varied_parameters
from solver.sweeps import Design, sweep


@dataclass(frozen=True)
class Robustness:
    """Share of the plausible box per label, the shipped verdict, and how the box was sampled."""

    shares: pd.DataFrame
    verdict: tuple[str, ...]
    points: int
    multiple_equilibria: float
    factors: tuple[str, ...]
    rule: Rule

    def summary(self) -> str:
        """One sentence on the verdict's robustness."""
        main = self.verdict[0]
        row = self.shares.loc[main]
        return (
            f"verdict {' / '.join(self.verdict)}: {main} holds at every equilibrium in {row['every_equilibrium']:.1%} "
            f"(± {row['ci95']:.1%}) of the plausible box over {len(self.factors)} parameters ({self.points:,} points), "
            f"at some equilibrium in {row['some_equilibrium']:.1%}; {self.multiple_equilibria:.1%} of the box has "
            "several equilibria"
        )


def robustness(
    scenario: Scenario | str,
    *,
    n: int = 4096,
    design: Design = "sobol",
    factors: Sequence[str] | None = None,
    rule: Rule = "mean",
    seed: int = 0,
    rules: ReadingRules | None = None,
    out: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
    quiet: bool = False,
) -> Robustness:
    """Sample the scenario's plausible box and report where each label holds (module docstring)."""
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    chosen = list(factors or varied_parameters(case))
    table = sweep(
        case,
        chosen,
        sample=design,
        n=n,
        seed=seed,
        rules=rules,
        out=out,
        workers=workers,
        scheduler=scheduler,
        dask_local=dask_local,
        quiet=quiet,
    )
    start = reference_equilibria(case, rules)
    indicators = with_label_indicators(table).groupby("point")[[f"is_{label}" for label in LABELS]]
    every, some = indicators.min(), indicators.max()
    by_rule = select(table, [f"is_{label}" for label in LABELS], rule, scenario=case, reference=start.iloc[0]).values
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
    verdict = tuple(sorted(set(start["label"])))
    shares["verdict"] = shares.index.isin(verdict)
    multiple = float((table.groupby("point")["equilibria"].first() > 1).mean())
    return Robustness(shares, verdict, size, multiple, tuple(chosen), rule)
