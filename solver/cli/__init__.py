"""The ``hedge`` command line: solve, explain, export and list scenarios; sweep, sensitivity, robustness, plots.

One module per group of commands, all registered on the one application of :mod:`solver.cli.app`. Each
command imports the solvers, studies and libraries it runs when it runs, so that reading the command line
costs only typer, rich, numpy and the scenario model (``tests/test_imports.py`` holds it to that).
"""

from solver.cli import cases, report, sweeps
from solver.cli.app import app

__all__ = ["app", "cases", "main", "report", "sweeps"]


def main() -> None:
    """Entry point of the ``hedge`` script."""
    app()
