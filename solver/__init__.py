"""Solving strategic-hedging games: equilibria, hedging-portfolio readings, reports and the command line.

The public names below are imported from their modules on first use (``games.lazy``), so that importing
``solver`` (or one of its subpackages, such as the command line) costs only what is used.

Examples
--------
>>> from games import load_scenario
>>> from solver import analyse
>>> case = analyse(load_scenario("belarus-2014"))
>>> all(eq.max_regret <= 1e-9 for eq in case.equilibria)
True
"""

from typing import TYPE_CHECKING

from games.lazy import lazy_exports

if TYPE_CHECKING:
    from solver.analysis import CaseAnalysis, analyse
    from solver.concepts.commitment import CommitmentSolution, commitment_equilibrium
    from solver.equilibria import BatchEquilibria, Equilibrium, EquilibriumSet, equilibria, equilibria_batch
    from solver.fit import CaseFit, fit_case
    from solver.portfolio import FilterVerdict, PortfolioReading, ReadingRules, read_portfolio
    from solver.studies.sweeps import read_sweep, sweep
else:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "solver.analysis": ("CaseAnalysis", "analyse"),
            "solver.concepts.commitment": ("CommitmentSolution", "commitment_equilibrium"),
            "solver.equilibria": ("BatchEquilibria", "Equilibrium", "EquilibriumSet", "equilibria", "equilibria_batch"),
            "solver.fit": ("CaseFit", "fit_case"),
            "solver.portfolio": ("FilterVerdict", "PortfolioReading", "ReadingRules", "read_portfolio"),
            "solver.studies.sweeps": ("read_sweep", "sweep"),
        },
    )

__all__ = [
    "BatchEquilibria",
    "CaseAnalysis",
    "CaseFit",
    "CommitmentSolution",
    "Equilibrium",
    "EquilibriumSet",
    "FilterVerdict",
    "PortfolioReading",
    "ReadingRules",
    "analyse",
    "commitment_equilibrium",
    "equilibria",
    "equilibria_batch",
    "fit_case",
    "read_portfolio",
    "read_sweep",
    "sweep",
]
