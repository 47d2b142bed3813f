"""The ``hedge`` command line: solve, explain, export and list scenarios; sweep, sensitivity, robustness, plots.

One module per group of commands, all registered on the one application of :mod:`solver.cli.app`. Each
command imports the solvers, studies and libraries it runs when it runs, so that reading the command line
costs only typer, rich, numpy and the scenario model (``tests/test_imports.py`` holds it to that).
"""

from solver.cli import cases, report, sweeps
from solver.cli.app import app
from solver.single_games import use_compiled_single_games

__all__ = ["app", "cases", "main", "report", "sweeps"]


def main() -> None:
    """Entry point of the ``hedge`` script.

    A command solves a few single games, so they go to the NumPy method rather than the compiled one-game path,
    whose first call after install compiles for about 40 s (:mod:`solver.equilibria.methods.auto`); stacks of
    games still go to the compiled batch engine.
    """
    use_compiled_single_games(False)
    app()
