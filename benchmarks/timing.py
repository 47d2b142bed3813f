"""The one timing rule of the harness: every solver warmed up, then timed in interleaved rounds, best round kept.

A contestant solves "the first ``n`` items" of a workload (games, parameter points, command runs). Each is

1. **warmed up** on the first item, untimed (numba compiles, caches load, imports happen);
2. **sized**: a contestant that solves item by item runs on its first item again and again (at least once)
   until ``budget / 10`` seconds have passed, which estimates its time per item; it is then timed on
   ``n = budget / time per item`` items, at least ``min_items`` and at most all of them (a batch contestant
   always gets all of them);
3. **timed in rounds**: round ``r`` times every contestant once, one after the other, on its ``n`` items, and
   ``rounds`` such rounds run; each keeps its best (shortest) round.

Interleaving makes a busy minute on a shared machine hit every contestant rather than one, and best-of-rounds
drops it; the rule is the same for every solver, ours included.

Why: issue 13 measured QuantEcon's ``support_enumeration`` at 9,400 games/s on random 7×4 games where the old
harness printed 5,747 (hence its "15×" where a user sees 7–10×). The old harness's code does not explain it.
It called QuantEcon as a user would (``NormalFormGame((Player(A), Player(B.T)))`` per game, after a warm-up
call, best of 3), and on the same 0…9 games, best of 3 interleaved in thread CPU time, its wrapper ran at 7,604
games/s, the bare user call at 7,576 and the numba core without any game construction at 7,856; nor did the
process it ran in matter (fresh, or after Gambit's exact pass and our batch with its results held, GC on or
off: 5,800–7,500 games/s in every case, fresh 6,200–7,300). What the old harness did not control was *when*
each solver ran: ours three times in a row, then QuantEcon three times in a row, runs of very different
lengths (0.12 s against 1.7 s), and no record of the machine's load. On this shared 2-core machine the same
QuantEcon loop reads 3,100–7,500 games/s in wall time from one minute to the next, and the ratio moves with
it: run alternately within two minutes (load average 6), the old harness printed ours at 5.2× and 8.6×
QuantEcon on the same 2,000 games, this one 8.9× and 6.5×. So the 5,747 was, as far as can be measured now,
the machine at that moment rather than QuantEcon or the way it was called (the package versions of that run,
25 November, were not recorded; the environment was rebuilt on 1 December with quantecon 0.11.4 and numba
0.68.1, so a version difference cannot be excluded). What a harness can do about it is this rule — interleaved
rounds, every solver alike — and the load average printed with every table, so that a table measured on a busy
machine says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

R = TypeVar("R")

#: Every contestant is timed this many times (interleaved with the others) and keeps its best round.
ROUNDS = 3


@dataclass(frozen=True)
class Contestant(Generic[R]):
    """A solver under test: ``run(n)`` solves the first ``n`` of its ``total`` items and returns what it found.

    ``per_item``: it solves item by item, so it may be timed on fewer items than ``total`` (sized by the
    budget); otherwise (a batch solver) it always runs on all of them.
    """

    name: str
    run: Callable[[int], R]
    total: int
    per_item: bool


@dataclass(frozen=True)
class Timing(Generic[R]):
    """A contestant's best round: ``items`` solved in ``seconds``, and what that round found."""

    name: str
    items: int
    seconds: float
    rounds: int
    found: R

    @property
    def rate(self) -> float:
        """Items per second in the best round."""
        return self.items / self.seconds


def _timed(run: Callable[[int], R], items: int) -> tuple[float, R]:
    start = time.perf_counter()
    found = run(items)
    return time.perf_counter() - start, found


def _size(contestant: Contestant[R], budget: float, min_items: int) -> int:
    """Items to time ``contestant`` on: as many as fit in ``budget`` seconds, within ``min_items … total``."""
    total = contestant.total
    if not contestant.per_item:
        return total
    start, done = time.perf_counter(), 0
    while done == 0 or (done < total and time.perf_counter() - start < budget / 10):
        contestant.run(1)
        done += 1
    per_item = (time.perf_counter() - start) / done
    return max(min(min_items, total), min(total, int(budget / per_item)))


def interleaved_best(
    contestants: Sequence[Contestant[R]],
    budget: float,
    rounds: int = ROUNDS,
    min_items: int = 1,
) -> list[Timing[R]]:
    """Every contestant warmed up, sized to ``budget`` seconds a round, then timed in interleaved rounds.

    Returns one :class:`Timing` per contestant, in order: its items, its best round's seconds and what the last
    round found (the rounds solve the same items, so any round's findings would do).
    """
    for contestant in contestants:
        contestant.run(1)
    sizes = [_size(contestant, budget, min_items) for contestant in contestants]
    best = [float("inf")] * len(contestants)
    found: list[R | None] = [None] * len(contestants)
    for _ in range(rounds):
        for k, contestant in enumerate(contestants):
            seconds, found[k] = _timed(contestant.run, sizes[k])
            best[k] = min(best[k], seconds)
    return [
        Timing(contestant.name, sizes[k], best[k], rounds, _present(found[k]))
        for k, contestant in enumerate(contestants)
    ]


def _present(value: R | None) -> R:
    if value is None:
        raise ValueError("no round ran: rounds must be at least 1")
    return value
