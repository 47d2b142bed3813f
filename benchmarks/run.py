"""The benchmark of issue 3: throughput, single-game scaling and memory, every solver on the same games.

    python -m benchmarks.run            # full run (about 15 minutes on a 2-core machine)
    python -m benchmarks.run --quick    # smoke run (about 2 minutes)

Sections, each printed as a table with ratios measured in this one run:

1. **Throughput** on a Belarus sweep (10⁵ points over the plausible ranges) and on 10⁴ random 7×4 integer games
   (payoffs 0…9). Ours solves the whole set; slower solvers solve the first games of the same set and their
   throughput is extrapolated (the table says how many were timed). Ours and QuantEcon are timed three times on
   the same games and keep their best time (the note says so), the others once. Agreement is checked on the
   first games against Gambit's exact (rational) enumeration.
2. **Single games** 3×3 … 15×15 with integer payoffs in −99…99: seconds per game, equilibria found, agreement
   with lrsnash's exact result (Gambit rational where lrsnash is missing). A solver is dropped for larger sizes
   once one game takes longer than the time cap.
3. **Peak memory** of a 10⁶-game Belarus batch, in a fresh process (:mod:`benchmarks.memory`).
4. **Sweeps of every view**: points per second each view's stack solver reaches on a Belarus sample
   (:mod:`benchmarks.views`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar, cast

import numpy as np
from numpy.typing import NDArray

from benchmarks.agreement import same_equilibria
from benchmarks.solvers import (
    GameSolver,
    Profile,
    batch_profiles,
    gambit,
    gambit_lcp,
    lrsnash,
    lrsnash_available,
    nashpy_support,
    nashpy_vertex,
    ours,
    quantecon,
)
from benchmarks.views import view_rows
from benchmarks.workloads import Stacks, belarus_sweep, random_integer_games
from solver.equilibria import equilibria_batch


@dataclass(frozen=True)
class Scale:
    """How many games each part of the run uses."""

    sweep_games: int
    random_games: int
    exact_games: int
    subset: dict[str, int]
    single_games: int
    time_cap: float
    memory_games: int
    view_points: tuple[int, int]


FULL = Scale(
    sweep_games=100_000,
    random_games=10_000,
    exact_games=1_000,
    subset={"QuantEcon": 20_000, "Gambit float": 2_000, "Gambit rational": 1_000, "lrsnash": 300, "nashpy": 100},
    single_games=3,
    time_cap=30.0,
    memory_games=1_000_000,
    view_points=(16_384, 256),
)
QUICK = Scale(
    sweep_games=10_000,
    random_games=2_000,
    exact_games=100,
    subset={"QuantEcon": 2_000, "Gambit float": 200, "Gambit rational": 100, "lrsnash": 30, "nashpy": 10},
    single_games=1,
    time_cap=5.0,
    memory_games=100_000,
    view_points=(2_048, 32),
)

#: The fast solvers are timed this many times on the same games and their best time kept, so that a busy
#: moment on a shared machine does not decide a ratio; the slow ones (minutes) once.
REPEATS = 3
REPEATED = {"ours", "QuantEcon"}

T = TypeVar("T")

PER_GAME: dict[str, tuple[str, GameSolver]] = {
    "QuantEcon support_enumeration": ("QuantEcon", quantecon("support_enumeration")),
    "Gambit enummixed float": ("Gambit float", gambit(rational=False)),
    "Gambit enummixed rational": ("Gambit rational", gambit(rational=True)),
    "lrsnash": ("lrsnash", lrsnash),
    "nashpy support_enumeration": ("nashpy", nashpy_support),
    "nashpy vertex_enumeration": ("nashpy", nashpy_vertex),
}


def _best_of(repeats: int, run: Callable[[], T]) -> tuple[float, T]:
    """The shortest of ``repeats`` timed runs of ``run``, and its result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, cast(T, result)


def _solve_each(solve: GameSolver, a: NDArray[np.float64], b: NDArray[np.float64]) -> list[list[Profile]]:
    return [solve(a[k], b[k]) for k in range(len(a))]


def _best_note(repeated: bool) -> str:
    return f", best of {REPEATS}" if repeated else ""


def _print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)), flush=True)


def _disagreements(found: list[list[Profile]], exact: list[list[Profile]]) -> str:
    checked = min(len(found), len(exact))
    wrong = sum(not same_equilibria(found[k], exact[k]) for k in range(checked))
    return f"{wrong} / {checked}"


def throughput(name: str, games: Stacks, scale: Scale) -> None:
    """Section 1 for one set of games."""
    a, b = games
    total = len(a)
    print(
        f"\n[{name}] exact reference: Gambit enummixed (rational) on the first {scale.exact_games} games …", flush=True
    )
    exact_solver = gambit(rational=True)
    start = time.perf_counter()
    exact = [exact_solver(a[k], b[k]) for k in range(scale.exact_games)]
    exact_seconds = time.perf_counter() - start

    equilibria_batch(a[:64], b[:64])  # load or compile the kernels before timing
    seconds, result = _best_of(REPEATS, lambda: equilibria_batch(a, b))
    ours_rate = total / seconds
    found = batch_profiles(result)
    rows = [
        [
            "ours: equilibria_batch",
            f"{total:,}",
            f"{ours_rate:,.0f}",
            f"{total / ours_rate:.2f}",
            "1",
            "all" + _best_note(True),
        ]
    ]
    rows[0].append(_disagreements(found, exact))

    quantecon("support_enumeration")(a[0], b[0])  # numba JIT warm-up
    for label, (group, solve) in PER_GAME.items():
        timed = min(total, scale.subset[group])
        if label == "Gambit enummixed rational" and timed <= scale.exact_games:
            seconds, results = exact_seconds * timed / scale.exact_games, exact[:timed]
        else:
            repeats = REPEATS if group in REPEATED else 1
            seconds, results = _best_of(repeats, partial(_solve_each, solve, a[:timed], b[:timed]))
        rate = timed / seconds
        note = ("all" if timed == total else f"first {timed:,}, extrapolated") + _best_note(group in REPEATED)
        rows.append(
            [
                label,
                f"{timed:,}",
                f"{rate:,.0f}",
                f"{total / rate:.1f}",
                f"{ours_rate / rate:,.0f}",
                note,
                _disagreements(results, exact),
            ]
        )
    _print_table(
        f"Throughput — {name}: {total:,} games (ratio = our games/s ÷ theirs)",
        ["solver", "games timed", "games/s", f"s for {total:,}", "ours ×", "note", "wrong / checked"],
        rows,
    )


SINGLE_SOLVERS: dict[str, tuple[GameSolver, int]] = {
    # solver → largest size attempted (beyond it the method is known to take minutes to hours per game)
    "ours: auto": (ours("auto"), 99),
    "ours: lex-pivoting": (ours("lex-pivoting"), 99),
    "ours: labelled-vertices": (ours("labelled-vertices"), 10),
    "QuantEcon support_enumeration": (quantecon("support_enumeration"), 12),
    "QuantEcon vertex_enumeration": (quantecon("vertex_enumeration"), 15),
    "Gambit enummixed float": (gambit(rational=False), 12),
    "Gambit enummixed rational": (gambit(rational=True), 10),
    "Gambit lcp (float)": (gambit_lcp, 15),
    "lrsnash": (lrsnash, 99),
    "nashpy support_enumeration": (nashpy_support, 8),
    "nashpy vertex_enumeration": (nashpy_vertex, 8),
}


def single_games(scale: Scale) -> None:
    """Section 2."""
    sizes = (3, 8, 10, 12, 15)
    rng = np.random.default_rng(2024)
    pairs = {
        s: [
            (rng.integers(-99, 100, (s, s)).astype(float), rng.integers(-99, 100, (s, s)).astype(float))
            for _ in range(scale.single_games)
        ]
        for s in sizes
    }
    use_lrs = lrsnash_available()
    reference_name = "lrsnash" if use_lrs else "Gambit enummixed rational"
    quantecon("support_enumeration")(pairs[3][0][0], pairs[3][0][1])
    quantecon("vertex_enumeration")(pairs[3][0][0], pairs[3][0][1])
    ours("lex-pivoting")(pairs[3][0][0], pairs[3][0][1])
    dropped: set[str] = set()
    rows = []
    for size in sizes:
        reference: list[list[Profile]] | None = None
        results: dict[str, tuple[float, list[list[Profile]]]] = {}
        for label, (solve, largest) in SINGLE_SOLVERS.items():
            if not use_lrs and label == "lrsnash":
                continue
            if label in dropped or size > largest:
                continue
            start = time.perf_counter()
            found = [solve(a, b) for a, b in pairs[size]]
            seconds = (time.perf_counter() - start) / len(pairs[size])
            results[label] = (seconds, found)
            if seconds > scale.time_cap:
                dropped.add(label)
        if reference_name in results:
            reference = results[reference_name][1]
        for label, (seconds, found) in results.items():
            agreement = _disagreements(found, reference) if reference is not None else "no exact reference"
            rows.append(
                [
                    f"{size}×{size}",
                    label,
                    f"{seconds * 1e3:,.2f}",
                    " ".join(str(len(f)) for f in found),
                    agreement,
                ]
            )
    _print_table(
        f"Single games: {scale.single_games} random integer game(s) per size, payoffs −99…99; exact = {reference_name}",
        ["size", "solver", "ms / game", "equilibria found", "wrong / games"],
        rows,
    )
    if dropped:
        print(f"(dropped for larger sizes after one game took > {scale.time_cap:g} s: {', '.join(sorted(dropped))})")


def peak_memory(scale: Scale) -> None:
    """Section 3."""
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(scale.memory_games)], capture_output=True, text=True, check=True
    ).stdout.split()
    games, found, seconds, peak = output
    _print_table(
        "Peak memory of one batch (fresh process, resident set size, everything kept)",
        ["games", "equilibria", "seconds", "peak MiB"],
        [[f"{int(games):,}", f"{int(found):,}", seconds, peak]],
    )


def view_sweeps(scale: Scale) -> None:
    """Section 4."""
    _print_table(
        f"Sweeps of every view: Belarus Sobol' sample, one process{_best_note(True)}",
        ["view", "stack solver", "points", "points/s", "s per 10⁵ points", "solutions per point"],
        view_rows(*scale.view_points, REPEATS),
    )


def main() -> None:
    """Run every section and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer games: a smoke run of a few minutes")
    parser.add_argument(
        "--only",
        choices=["sweep", "random", "single", "memory", "views"],
        action="append",
        help="run only these sections",
    )
    options = parser.parse_args()
    scale = QUICK if options.quick else FULL
    sections = set(options.only or ["sweep", "random", "single", "memory", "views"])
    print(f"strategic-hedging benchmark ({'quick' if options.quick else 'full'} run); lrsnash: {lrsnash_available()}")
    if "sweep" in sections:
        throughput("Belarus 2014 sweep over the plausible ranges (8×3)", belarus_sweep(scale.sweep_games), scale)
    if "random" in sections:
        throughput("random 7×4 integer games, payoffs 0…9", random_integer_games(scale.random_games, 7, 4, 10), scale)
    if "single" in sections:
        single_games(scale)
    if "memory" in sections:
        peak_memory(scale)
    if "views" in sections:
        view_sweeps(scale)


if __name__ == "__main__":
    main()
