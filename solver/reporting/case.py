"""What a case report contains: every declared view solved and read, the fit, robustness and Sobol' indices.

The two sample sizes set the cost: the robustness share samples ``robustness_points`` points of the plausible box
(:func:`solver.studies.robustness.robustness`), the Sobol' analysis ``sobol_base · (d + 2)`` points for ``d`` varied
parameters (:func:`solver.studies.sensitivity.sobol_analysis`). :data:`QUICK` is for a look and for tests, :data:`FULL`
for a report to send (README, "Case report", gives the measured times).
"""

from __future__ import annotations

from dataclasses import dataclass

from games import Scenario
from solver.analysis import package_version
from solver.fit import CaseFit, fit_view
from solver.studies.robustness import Robustness, robustness
from solver.studies.sensitivity import SobolResult, sobol_analysis
from solver.studies.sweeps.backends import Backend
from solver.views import VIEWS, ViewResult, solve_view


@dataclass(frozen=True)
class ReportSizes:
    """Sample sizes of the report's global analyses (powers of two: both are scrambled Sobol' sequences)."""

    robustness_points: int
    sobol_base: int


#: The sizes of a report to send: the defaults of ``hedge robustness`` and ``hedge sensitivity``.
FULL = ReportSizes(robustness_points=4096, sobol_base=1024)
#: ``--quick``: enough to see the shape, with wide confidence intervals.
QUICK = ReportSizes(robustness_points=128, sobol_base=64)


@dataclass(frozen=True)
class CaseReport:
    """Everything the page shows, computed: the scenario, each declared view, the fit and the global analyses."""

    scenario: Scenario
    views: tuple[ViewResult, ...]
    fit: CaseFit | None
    robustness: Robustness
    sobol: SobolResult
    sizes: ReportSizes
    version: str


def case_report(scenario: Scenario, sizes: ReportSizes = FULL, *, backend: Backend | None = None) -> CaseReport:
    """Solve every view the scenario declares (in :data:`solver.views.VIEWS` order), fit them against the observed
    profile where there is one, and run the robustness and Sobol' analyses at ``sizes``."""
    views = tuple(solve_view(scenario, view) for view in VIEWS if view in scenario.scenario.views)
    observed = scenario.observed
    return CaseReport(
        scenario=scenario,
        views=views,
        fit=None
        if observed is None
        else CaseFit(scenario, observed, tuple(fit_view(scenario, result.view, observed, result) for result in views)),
        robustness=robustness(scenario, n=sizes.robustness_points, backend=backend, quiet=True),
        sobol=sobol_analysis(scenario, n=sizes.sobol_base, backend=backend, quiet=True),
        sizes=sizes,
        version=package_version(),
    )
