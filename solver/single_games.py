"""Which engine solves a single game that the compiled one-game path could take: the setting, and only that.

``equilibria(A, B)`` solves a small game in one compiled call by default
(:mod:`solver.equilibria.methods.auto`). A one-shot command that solves a few games is better served by the NumPy
method: the compiled path's first call after install compiles for about 40 s. This module holds the choice apart
from :mod:`solver.equilibria`, so that setting it imports no solver (the command line sets it before it knows
which command runs).
"""

from __future__ import annotations

from contextvars import ContextVar

#: True (the default): ``"auto"`` takes the compiled one-game path where the game fits it.
COMPILED_SINGLE_GAMES: ContextVar[bool] = ContextVar("compiled_single_games", default=True)


def use_compiled_single_games(enabled: bool) -> None:
    """Whether ``"auto"`` solves a game that fits the compiled one-game path there (True) or by the NumPy method.

    Set for the current context (thread or task) and the threads and tasks it starts from then on; both engines
    give the same result, field for field (``tests/solver/equilibria/methods/test_compiled_vertices.py``).
    """
    COMPILED_SINGLE_GAMES.set(enabled)
