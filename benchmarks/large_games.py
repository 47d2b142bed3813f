"""Large single games (issue 13): our lexicographic pivoting against QuantEcon's and lrsnash's vertex enumeration.

Every solver solves the same random ``s × s`` games — integer payoffs in −99…99 and standard normal floats — as
a user would call it (:mod:`benchmarks.solvers`: game construction included; lrsnash as a program reading a
game file). Each call runs in a forked child process so that a peer can be stopped at ``time_cap`` seconds; the
child times the call itself (process start excluded) and inherits the compiled kernels the parent warmed up.
Runs are interleaved (every solver on a game, then the next repeat) and the best of ``repeats`` is kept.

Usage: ``python -m benchmarks.large_games 15 20 --games 2 --cap 300`` prints the rows as a table.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection

import numpy as np

from benchmarks.agreement import same_equilibria
from benchmarks.solvers import GameSolver, Profile, lrsnash, lrsnash_available, ours, quantecon

OURS = "ours lex-pivoting"

#: Payoff kinds: integers uniform in −99…99 (ties make some polytopes degenerate) and standard normal floats.
KINDS = ("integer", "float")

Row = dict[str, object]


def large_games(size: int, count: int, kind: str, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """``count`` random ``size × size`` games of payoff ``kind`` (see :data:`KINDS`), reproducible from ``seed``."""
    rng = np.random.default_rng([seed, size, KINDS.index(kind)])
    if kind == "integer":
        return [(rng.integers(-99, 100, (size, size)).astype(float), rng.integers(-99, 100, (size, size)).astype(float))
                for _ in range(count)]  # fmt: skip
    return [(rng.standard_normal((size, size)), rng.standard_normal((size, size))) for _ in range(count)]


def _child(solve: GameSolver, a: np.ndarray, b: np.ndarray, connection: Connection) -> None:
    os.setpgrp()  # its own process group, so that a stopped call takes a running lrsnash with it
    start = time.perf_counter()
    found = solve(a, b)
    connection.send((time.perf_counter() - start, found))


def timed_call(solve: GameSolver, a: np.ndarray, b: np.ndarray, time_cap: float) -> tuple[float, list[Profile]] | None:
    """``(seconds, equilibria)`` of ``solve(a, b)`` in a forked child, or ``None`` if it ran past ``time_cap``."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_child, args=(solve, a, b, sender))
    process.start()
    sender.close()
    result: tuple[float, list[Profile]] | None = None
    if receiver.poll(time_cap):
        try:
            result = receiver.recv()
        except EOFError:  # the child died (out of memory, a crash): no result
            result = None
    if process.is_alive() and process.pid is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # stopped before it made its own process group
            process.kill()
    process.join()
    receiver.close()
    return result


def solvers() -> dict[str, GameSolver]:
    """Ours first (the others are compared with it), QuantEcon, and lrsnash when it is installed."""
    chosen = {OURS: ours("lex-pivoting"), "QuantEcon vertex_enumeration": quantecon("vertex_enumeration")}
    if lrsnash_available():
        chosen["lrsnash"] = lrsnash
    return chosen


def large_game_rows(
    sizes: Sequence[int], games_per_size: int, time_cap: float, repeats: int = 1, kinds: Sequence[str] = KINDS
) -> list[Row]:
    """One row per size, payoff kind, game and solver: best seconds of ``repeats``, equilibria, agreement with ours.

    ``seconds`` and ``equilibria`` are ``None`` when every repeat ran past ``time_cap``; ``same_as_ours`` (the same
    extreme equilibria one to one, :func:`benchmarks.agreement.same_equilibria`) is ``None`` when either side has no
    result, and ``True`` on our own row when we have one.
    """
    chosen = solvers()
    warm_a, warm_b = large_games(3, 1, "integer")[0]
    for solve in chosen.values():
        solve(warm_a, warm_b)  # compile once here; the forked children inherit the machine code
    rows: list[Row] = []
    for size in sizes:
        for kind in kinds:
            for index, (a, b) in enumerate(large_games(size, games_per_size, kind)):
                best: dict[str, tuple[float, list[Profile]]] = {}
                for _ in range(repeats):
                    for label, solve in chosen.items():
                        result = timed_call(solve, a, b, time_cap)
                        if result is not None and (label not in best or result[0] < best[label][0]):
                            best[label] = result
                reference = best[OURS][1] if OURS in best else None
                for label in chosen:
                    row: Row = {"size": size, "payoffs": kind, "game": index, "solver": label}
                    if label in best:
                        seconds, found = best[label]
                        agrees = None if reference is None else same_equilibria(found, reference)
                        row |= {"seconds": seconds, "equilibria": len(found), "same_as_ours": agrees}
                    else:
                        row |= {"seconds": None, "equilibria": None, "same_as_ours": None}
                    rows.append(row)
    return rows


def main() -> None:
    """Print :func:`large_game_rows` for the sizes on the command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--games", type=int, default=2, help="games per size and payoff kind")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds after which a call is stopped")
    parser.add_argument("--repeats", type=int, default=1, help="interleaved repeats; the best is kept")
    parser.add_argument("--kinds", choices=KINDS, nargs="+", default=list(KINDS))
    options = parser.parse_args()
    for row in large_game_rows(options.sizes, options.games, options.cap, options.repeats, options.kinds):
        seconds = "over cap" if row["seconds"] is None else f"{row['seconds']:.3f} s"
        print(f"{row['size']}×{row['size']} {row['payoffs']:7} game {row['game']}  {row['solver']:29} {seconds:>10}  "
              f"equilibria {row['equilibria']}  same as ours: {row['same_as_ours']}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
