"""Every solver behind one signature: payoff matrices in, the list of equilibrium profiles out.

Per-game solvers take ``(A, B)`` and include their own game construction in the time, as a user would pay it.
The GPL solvers (pygambit, lrsnash) are imported or called here only, never by the package.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import nashpy
import numpy as np
import pygambit as gbt
from numpy.typing import NDArray

from solver.equilibria import BatchEquilibria, equilibria

FloatArray = NDArray[np.float64]
Profile = tuple[FloatArray, FloatArray]
GameSolver = Callable[[FloatArray, FloatArray], list[Profile]]


def batch_profiles(result: BatchEquilibria) -> list[list[Profile]]:
    """The equilibria of each game of a batch result, as lists of profiles."""
    return [
        [(result.rows[e], result.cols[e]) for e in range(result.offsets[g], result.offsets[g + 1])]
        for g in range(len(result))
    ]


def ours(method: str) -> GameSolver:
    """This package's single-game ``equilibria`` with ``method``."""

    def solve(a: FloatArray, b: FloatArray) -> list[Profile]:
        return [(eq.row, eq.col) for eq in equilibria(a, b, method=method)]  # type: ignore[arg-type]

    return solve


def ours_exact(a: FloatArray, b: FloatArray) -> list[Profile]:
    """This package's exact path, ``equilibria(A, B, exact=True)``: rationals, every equilibrium certified."""
    return [(eq.row, eq.col) for eq in equilibria(a, b, exact=True)]


def _deduplicated(profiles: list[Profile], atol: float = 1e-9) -> list[Profile]:
    kept: list[Profile] = []
    for x, y in profiles:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if not any(np.allclose(x, a, atol=atol) and np.allclose(y, b, atol=atol) for a, b in kept):
            kept.append((x, y))
    return kept


def nashpy_support(a: FloatArray, b: FloatArray) -> list[Profile]:
    """nashpy's support enumeration, as published."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _deduplicated(list(nashpy.Game(a, b).support_enumeration()))


def nashpy_vertex(a: FloatArray, b: FloatArray) -> list[Profile]:
    """nashpy's vertex enumeration, as published."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _deduplicated(list(nashpy.Game(a, b).vertex_enumeration()))


def quantecon(algorithm: str) -> GameSolver:
    """QuantEcon's numba ``support_enumeration`` or ``vertex_enumeration`` exactly as a user calls it: the game
    built from the two payoff matrices (``Player(B.T)``: QuantEcon indexes a player's payoffs by its own action
    first), the function's list of ``(row, col)`` arrays returned as it comes."""
    import quantecon.game_theory as gt

    function = getattr(gt, algorithm)

    def solve(a: FloatArray, b: FloatArray) -> list[Profile]:
        return list(function(gt.NormalFormGame((gt.Player(a), gt.Player(b.T)))))

    return solve


def gambit(rational: bool) -> GameSolver:
    """Gambit's ``enummixed_solve`` in floats or exact rationals (exact payoffs via ``Fraction(float)``)."""
    to_exact = np.vectorize(Fraction, otypes=[object])

    def solve(a: FloatArray, b: FloatArray) -> list[Profile]:
        game = gbt.Game.from_arrays(to_exact(a), to_exact(b)) if rational else gbt.Game.from_arrays(a, b)
        row_player, col_player = list(game.players)
        return _deduplicated(
            [
                (
                    np.array([float(eq[s]) for s in row_player.strategies]),
                    np.array([float(eq[s]) for s in col_player.strategies]),
                )
                for eq in gbt.nash.enummixed_solve(game, rational=rational).equilibria
            ]
        )

    return solve


def lrsnash_available() -> bool:
    """Whether the ``lrsnash`` program (Debian package lrslib) is on the PATH."""
    return shutil.which("lrsnash") is not None


def lrsnash(a: FloatArray, b: FloatArray) -> list[Profile]:
    """lrsnash in exact arithmetic (payoffs as the exact rationals ``Fraction(float)``); one process per game.

    lrsnash prints blocks of column strategies (lines ``2 …``) and row strategies (lines ``1 …``), each line
    ending with the payoff; every row–column pair of a block is an extreme equilibrium.
    """

    def matrix(payoffs: FloatArray) -> str:
        return "\n".join(" ".join(str(Fraction(float(v))) for v in row) for row in payoffs)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "game.txt"
        path.write_text(f"{a.shape[0]} {a.shape[1]}\n\n{matrix(a)}\n\n{matrix(b)}\n")
        output = subprocess.run(["lrsnash", str(path)], capture_output=True, text=True, check=True).stdout
    profiles: list[Profile] = []
    cols: list[FloatArray] = []
    rows: list[FloatArray] = []
    for line in [*output.splitlines(), ""]:
        fields = line.split()
        if fields and fields[0] in ("1", "2"):
            strategy = np.array([float(Fraction(f)) for f in fields[1:-1]])
            if fields[0] == "2":
                if rows:
                    profiles += [(x, y) for y in cols for x in rows]
                    cols, rows = [], []
                cols.append(strategy)
            else:
                rows.append(strategy)
        elif rows:
            profiles += [(x, y) for y in cols for x in rows]
            cols, rows = [], []
    return _deduplicated(profiles)
