"""Every shipped case under every view it declares: the verdict, how robust it is, and how well it fits history.

A researcher's script against the library. For each case and view: the label(s) of the solutions at the sourced
point calibration, the share of the plausible box in which the verdict's first label holds at every solution
(Sobol' sample, ``--n`` points, each view solved point by point), and — for the historical cases — the distance of
the nearest solution to what actually happened (``hedge fit``) and whether the observed profile is a solution.
Usage::

    python scripts/cases_by_view.py --n 256 > table.md
"""

from __future__ import annotations

import argparse

from games import catalogue
from solver.fit import fit_view
from solver.studies.robustness import robustness
from solver.studies.sweeps import SerialBackend
from solver.views import VIEWS, solve_view


def main() -> None:
    """Print the table as Markdown, one row per case and view."""
    parser = argparse.ArgumentParser(description="Verdict, robustness and fit of every case under every view.")
    parser.add_argument("--n", type=int, default=256, help="Sobol' sample size per case and view (a power of two)")
    args = parser.parse_args()
    print("| case | view | verdict | verdict holds in (box share) | nearest distance to what happened | observed a solution |")
    print("|---|---|---|---|---|---|")
    for case_id, scenario in catalogue().items():
        if case_id == "textbook-deterrence":
            continue
        for view in VIEWS:
            if view not in scenario.scenario.views:
                continue
            labels = sorted({reading.label for reading in solve_view(scenario, view).readings})
            report = robustness(scenario, view=view, n=args.n, backend=SerialBackend(), quiet=True)
            share = report.shares.loc[report.verdict[0], "every_equilibrium"]
            if scenario.observed is None:
                distance, solution = "— (no observed profile)", "—"
            else:
                fit = fit_view(scenario, view)
                near = fit.nearest
                distance = "—" if near is None else f"{near.distance:.2f}"
                solution = "yes" if fit.observed_is_solution else "no"
            print(f"| {case_id} | {view} | {' / '.join(labels)} | {share:.0%} | {distance} | {solution} |", flush=True)


if __name__ == "__main__":
    main()
