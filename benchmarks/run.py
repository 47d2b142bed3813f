"""The benchmark of issue 13: where users wait, every solver timed alike, ratios measured in this one run.

    python -m benchmarks.run            # full run (at most about 15 minutes on the project's 2-core machine)
    python -m benchmarks.run --quick    # smoke run (a few minutes)
    python -m benchmarks.run --only batch --only cli   # some tables only

Tables, each with a target column (met, or missed by how many times):

1. **Batch throughput** (:mod:`benchmarks.throughput`): ``equilibria_batch`` against QuantEcon's
   ``support_enumeration``, Gambit, lrsnash and nashpy, each called per game as a user calls it, on 7×4 integer
   games (0…99 and 0…9), 7×4 normal floats, 3×3 integer games, 10×10 integer games and the Belarus sweep, with
   agreement against the exact oracle; then a summary against the 20× QuantEcon target.
2. **One call** (``benchmarks.single_call``): ``equilibria(A, B)`` against QuantEcon's single call (≤ 2×).
3. **Large single games** (``benchmarks.large_games``): 15×15 and 20×20 against QuantEcon's vertex
   enumeration and lrsnash.
4. **Command line** (:mod:`benchmarks.command_line`): ``hedge solve belarus-2014`` warm, and the import of
   ``solver.cli`` (< 0.5 s).
5. **Sweeps of every view** (:mod:`benchmarks.views`): points/s and a 10⁵-point Belarus sweep's projected time
   (< 1 minute).
6. **Peak memory** of a 10⁶-game Belarus batch in a fresh process (:mod:`benchmarks.memory`, issue 3).

Every solver is timed by the one rule of :mod:`benchmarks.timing` (warm-up, interleaved rounds, best round);
its docstring says why the harness before it printed QuantEcon at 5,747 games/s where a user measures about
9,400. The machine's load average is printed with each table: on a shared machine a table measured under
load is worth less, and says so.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.command_line import command_rows
from benchmarks.peer_tables import large_game_targets, one_call_targets
from benchmarks.single_call import single_call_rows
from benchmarks.solvers import GameSolver, gambit, lrsnash_available, ours_exact
from benchmarks.tables import Row, print_table
from benchmarks.throughput import TARGET_RATIO, Budget, exact_reference, throughput_rows
from benchmarks.timing import ROUNDS
from benchmarks.views import view_rows
from benchmarks.workloads import batch_workloads


@dataclass(frozen=True)
class Scale:
    """How much each table does: ``games`` is the fraction of issue 13's game counts for table 1,
    ``large_games`` the games per size and kind and the time cap (s) of table 3."""

    games: float
    budget: Budget
    single_games: int
    large_games: tuple[int, float]
    view_points: tuple[int, int]
    memory_games: int


FULL = Scale(
    games=1.0,
    budget=Budget(seconds=2.0, check_seconds=20.0, min_games=3),
    single_games=300,
    large_games=(1, 15.0),
    view_points=(8_192, 128),
    memory_games=1_000_000,
)
QUICK = Scale(
    games=0.1,
    budget=Budget(seconds=0.3, check_seconds=2.0, min_games=3),
    single_games=100,
    large_games=(1, 3.0),
    view_points=(2_048, 32),
    memory_games=100_000,
)

ORACLES: dict[str, tuple[str, GameSolver]] = {
    "gambit": ("Gambit enummixed (rational)", gambit(rational=True)),
    "exact": ("ours: equilibria(exact=True)", ours_exact),
}
#: The sizes of table 3.
LARGE_SIZES = (15, 20)
SECTIONS = ("batch", "single", "large", "cli", "views", "memory")


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def batch_tables(scale: Scale, oracle: str) -> None:
    """Table 1: a row per solver and workload, then the summary against the batch target."""
    oracle_name, oracle_solve = ORACLES[oracle]
    rows: list[Row] = []
    summary: list[Row] = []
    for workload in batch_workloads(scale.games):
        print(f"[{workload.name}] {workload.count:,} games; {_load()} …", flush=True)
        games = workload.make(workload.count)
        exact = exact_reference(games, oracle_solve, scale.budget.check_seconds, min_games=1)
        solver_rows, summary_row = throughput_rows(workload.name, games, exact, scale.budget, workload.target)
        rows += solver_rows
        summary.append(summary_row)
    print_table(
        "1. Batch throughput: games/s per solver (ours ×: our games/s ÷ theirs), per-game solvers called as a user "
        "calls them",
        rows,
        f"Agreement: wrong of checked games against the exact oracle, {oracle_name}, on the first games it solved "
        f"within {scale.budget.check_seconds:g} s (at least one).",
    )
    print_table(f"1. Batch throughput against issue 13's targets (≥ {TARGET_RATIO:g}× QuantEcon, 100% agreement)",
                summary, _load())  # fmt: skip


def _single_call_table(scale: Scale) -> None:
    """Table 2 (:mod:`benchmarks.single_call`)."""
    print_table("2. One call: equilibria(A, B) against QuantEcon's single call (ratio: ours ms ÷ QuantEcon ms)",
                one_call_targets(single_call_rows(scale.single_games)), _load())  # fmt: skip


def _large_games_table(scale: Scale) -> None:
    """Table 3 (``benchmarks.large_games``, written alongside this harness)."""
    try:
        from benchmarks.large_games import OURS, large_game_rows  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ModuleNotFoundError:  # until benchmarks/large_games.py is merged in
        print("\n3. Large single games: benchmarks/large_games.py is not in this tree")
        return
    games_per_size, time_cap = scale.large_games
    rows = large_game_rows(LARGE_SIZES, games_per_size, time_cap, repeats=ROUNDS)
    title = f"3. Large single games: seconds per game (best of {ROUNDS}, interleaved; stopped at {time_cap:g} s)"
    print_table(title, large_game_targets(rows, OURS), _load())


def _command_line_table(scale: Scale) -> None:
    print_table("4. Command line: fresh subprocesses, one untimed run, then best of 3", command_rows(), _load())


def _view_table(scale: Scale) -> None:
    print_table("5. Sweeps of every view: Belarus Sobol' sample, one process, best of 3",
                view_rows(*scale.view_points), _load())  # fmt: skip


def _memory_table(scale: Scale) -> None:
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(scale.memory_games)], capture_output=True, text=True, check=True
    ).stdout.split()
    games, found, seconds, peak = output
    print_table(
        "6. Peak memory of one batch (fresh process, resident set size, everything kept; target < 2 GiB)",
        [{"games": int(games), "equilibria": int(found), "seconds": seconds, "peak MiB": int(peak)}],
    )


TABLES: dict[str, Callable[[Scale], None]] = {
    "single": _single_call_table,
    "large": _large_games_table,
    "cli": _command_line_table,
    "views": _view_table,
    "memory": _memory_table,
}


def main() -> None:
    """Run the chosen tables (all by default) and print them."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer games, shorter budgets: a smoke run")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these tables")
    parser.add_argument("--oracle", choices=sorted(ORACLES), default="gambit", help="exact oracle of table 1")
    options = parser.parse_args()
    scale = QUICK if options.quick else FULL
    sections = set(options.only or SECTIONS)
    print(f"strategic-hedging benchmark ({'quick' if options.quick else 'full'} run); lrsnash installed: "
          f"{lrsnash_available()}; {_load()}", flush=True)  # fmt: skip
    if "batch" in sections:
        batch_tables(scale, options.oracle)
    for name, table in TABLES.items():
        if name in sections:
            table(scale)


if __name__ == "__main__":
    main()
