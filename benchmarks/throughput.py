"""Batch throughput (issue 13, table 1): our ``equilibria_batch`` against every peer solving game by game.

On each workload ours solves all games in one call; each peer solves, one call per game and its game
construction included (:mod:`benchmarks.solvers`), the first games that fit its time budget, and its rate over
those is its rate (the row says how many). Everyone is timed by the one rule of :mod:`benchmarks.timing`
(warm-up, interleaved rounds, best round). A peer is not run on sizes where one game takes it more than about
ten seconds (the row says so), nor where it is not installed.

Agreement: the exact oracle (Gambit's ``enummixed`` in rationals, or ``equilibria(exact=True)``) solves the first
games within its own budget; each solver's extreme equilibria on those games are matched one to one against the
oracle's (:func:`benchmarks.agreement.same_equilibria`), ``wrong`` counting the games where they differ.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.agreement import same_equilibria
from benchmarks.solvers import (
    GameSolver,
    Profile,
    batch_profiles,
    gambit,
    lrsnash,
    lrsnash_available,
    nashpy_support,
    nashpy_vertex,
    quantecon,
)
from benchmarks.tables import Row
from benchmarks.targets import at_least
from benchmarks.timing import Contestant, Timing, interleaved_best
from benchmarks.workloads import Stacks
from solver.equilibria import BatchEquilibria, equilibria_batch

#: Issue 13's batch target: ours at least this many times QuantEcon's ``support_enumeration`` games/s.
TARGET_RATIO = 20.0
QUANTECON = "QuantEcon support_enumeration"
OURS = "ours: equilibria_batch"

Found = BatchEquilibria | list[list[Profile]]


@dataclass(frozen=True)
class Peer:
    """A peer solver, run on games whose larger side is at most ``largest`` (beyond, > ~10 s a game)."""

    name: str
    solve: GameSolver
    largest: int
    installed: bool = True


def peers() -> list[Peer]:
    """The peers of table 1, in the order they are printed."""
    return [
        Peer(QUANTECON, quantecon("support_enumeration"), 12),
        Peer("Gambit enummixed (float)", gambit(rational=False), 12),
        Peer("lrsnash (exact)", lrsnash, 99, lrsnash_available()),
        Peer("nashpy support_enumeration", nashpy_support, 8),
        Peer("nashpy vertex_enumeration", nashpy_vertex, 8),
    ]


@dataclass(frozen=True)
class Budget:
    """Seconds per contestant per round, seconds for the oracle (:func:`exact_reference`), and the fewest games a
    peer is timed on."""

    seconds: float
    check_seconds: float
    min_games: int


def exact_reference(games: Stacks, oracle: GameSolver, seconds: float, min_games: int) -> list[list[Profile]]:
    """The oracle's equilibria of the first games: as many as it solves in ``seconds``, at least ``min_games``."""
    a, b = games
    start, found = time.perf_counter(), list[list[Profile]]()
    while len(found) < len(a) and (len(found) < min_games or time.perf_counter() - start < seconds):
        found.append(oracle(a[len(found)], b[len(found)]))
    return found


def disagreements(found: list[list[Profile]], exact: list[list[Profile]]) -> tuple[int, int]:
    """``(wrong, checked)``: games among the first ``checked`` whose equilibria differ from the exact ones."""
    checked = min(len(found), len(exact))
    return sum(not same_equilibria(found[k], exact[k]) for k in range(checked)), checked


def _ours(games: Stacks) -> Contestant[Found]:
    a, b = games
    return Contestant(OURS, lambda n: equilibria_batch(a[:n], b[:n]), len(a), per_item=False)


def _peer(peer: Peer, games: Stacks) -> Contestant[Found]:
    a, b = games
    return Contestant(peer.name, lambda n: [peer.solve(a[k], b[k]) for k in range(n)], len(a), per_item=True)


def _profiles(found: Found) -> list[list[Profile]]:
    return batch_profiles(found) if isinstance(found, BatchEquilibria) else found


def _skipped(peer: Peer, size: int) -> str | None:
    if not peer.installed:
        return "not installed"
    if size > peer.largest:
        return f"not run: over ~10 s a game beyond {peer.largest}×{peer.largest}"
    return None


def throughput_rows(
    workload: str,
    games: Stacks,
    exact: list[list[Profile]],
    budget: Budget,
    target: bool,
    candidates: Sequence[Peer] | None = None,
    reference: str = QUANTECON,
) -> tuple[list[Row], Row]:
    """Table 1 on one workload: a row per solver, and the summary row against the batch target.

    ``exact`` holds the oracle's equilibria of the first games (:func:`exact_reference`); ``candidates`` are the
    peers (:func:`peers` by default). ``ours ×`` is our games/s over the solver's; the summary's target column
    compares ours ÷ ``reference`` (QuantEcon) with :data:`TARGET_RATIO` when ``target`` (the workloads issue 13
    sets it for), and our agreement with 100% on the checked games.
    """
    total = len(games[0])
    size = max(games[0].shape[1:])
    candidates = peers() if candidates is None else candidates
    skipped = {peer.name: reason for peer in candidates if (reason := _skipped(peer, size)) is not None}
    running = [peer for peer in candidates if peer.name not in skipped]
    timings = interleaved_best(
        [_ours(games), *(_peer(peer, games) for peer in running)], budget.seconds, min_items=budget.min_games
    )
    ours = timings[0]
    by_name = {timing.name: timing for timing in timings}
    rows: list[Row] = []
    for name in [OURS, *(peer.name for peer in candidates)]:
        row: Row = {"workload": workload, "solver": name}
        if name in by_name:
            timing = by_name[name]
            wrong, checked = disagreements(_profiles(timing.found), exact)
            row |= {
                "games timed": timing.items,
                "games/s": timing.rate,
                "ours ×": ours.rate / timing.rate,
                "wrong": wrong,
                "checked": checked,
                "note": ("all" if timing.items == total else f"first {timing.items:,}") + f", best of {timing.rounds}",
            }
        else:
            row |= {"games timed": 0, "games/s": "—", "ours ×": "—", "wrong": "—", "checked": "—"}
            row["note"] = skipped[name]
        rows.append(row)
    return rows, _summary(workload, ours, by_name.get(reference), rows[0], target)


def _summary(workload: str, ours: Timing[Found], peer: Timing[Found] | None, ours_row: Row, target: bool) -> Row:
    ratio = ours.rate / peer.rate if peer is not None else float("nan")
    wrong, checked = ours_row["wrong"], ours_row["checked"]
    return {
        "workload": workload,
        "games": ours.items,
        "ours games/s": ours.rate,
        "QuantEcon games/s": peer.rate if peer is not None else "—",
        "ours ÷ QuantEcon": ratio,
        f"target ≥ {TARGET_RATIO:g}×": at_least(ratio, TARGET_RATIO) if target else "(no target)",
        "ours wrong / checked": f"{wrong} / {checked}",
        "target 100% agreement": ("met" if wrong == 0 else "missed") if target else "(no target)",
    }
