"""How robust is "Belarus hedges" to the reading's own thresholds?

The robustness report gives the share of the plausible parameter box in which each label holds. Here the
same box is read under stricter and looser versions of Tessman's Filter One (the dependence reduction a
portfolio must achieve) to see how much of the verdict rests on that threshold rather than on the parameters.
Usage::

    python scripts/belarus_robustness_thresholds.py --n 2048
"""

from __future__ import annotations

import argparse

import pandas as pd

from solver import ReadingRules
from solver.studies.robustness import robustness
from solver.studies.sweeps import choose_backend


def main() -> None:
    """One robustness report per Filter One threshold; print the hedging share under each."""
    parser = argparse.ArgumentParser(description="Robustness of the Belarus verdict to the Filter One threshold.")
    parser.add_argument("--n", type=int, default=2048, help="Sobol' sample size (power of two)")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    rows = {}
    for threshold in (0.05, 0.10, 0.20, 0.30):
        rules = ReadingRules(filter_one_min_dependence_reduction=threshold)
        report = robustness("belarus-2014", n=args.n, rules=rules, backend=choose_backend(args.workers), quiet=True)
        rows[threshold] = report.shares["every_equilibrium"]
        print(f"Filter One ≥ {threshold:.2f}: {report.summary()}")
    table = pd.DataFrame(rows).T
    table.index.name = "filter_one_threshold"
    print(table.round(3).to_string())


if __name__ == "__main__":
    main()
