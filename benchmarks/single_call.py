"""One call of ``equilibria(A, B)`` on a small game, against one call of QuantEcon's ``support_enumeration``.

Issue 13's "one call" target: ``equilibria(A, B)`` no slower than twice QuantEcon's single call (its
``NormalFormGame`` construction included) on random 3 × 3 and 7 × 4 games. Each game is timed once per
repeat, ours and QuantEcon's interleaved game by game so that load on a shared machine falls on both alike;
the time of a game is its best over the repeats, and a row reports the mean of those over the games, in
milliseconds. ``ours_read_ms`` is a call followed by reading every part of the result (equilibria, Nash
subsets, components, degeneracy witnesses), which :func:`~solver.equilibria.equilibria` builds on first
read: what a caller pays who looks at everything.

Every profile QuantEcon returns must be among ours (``quantecon_unmatched`` counts those that are not):
QuantEcon enumerates equal-size supports only, so it may miss equilibria of degenerate games, never find
ones we miss.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from benchmarks.solvers import quantecon
from solver.equilibria import equilibria
from solver.matching import Profile, match_profiles

FloatArray = NDArray[np.float64]
Game = tuple[FloatArray, FloatArray]

SHAPES = ((3, 3), (7, 4))
#: Payoff draws: integers 0…99 (rarely degenerate), integers 0…9 (often degenerate), standard normal floats.
KINDS: dict[str, Callable[[np.random.Generator, tuple[int, int]], FloatArray]] = {
    "integer 0…99": lambda rng, shape: rng.integers(0, 100, shape).astype(float),
    "integer 0…9": lambda rng, shape: rng.integers(0, 10, shape).astype(float),
    "normal": lambda rng, shape: rng.normal(size=shape),
}
REPEATS = 3
WARM_UP = 20


def _read_everything(a: FloatArray, b: FloatArray) -> object:
    result = equilibria(a, b)
    return result.equilibria, result.nash_subsets, result.components, result.degeneracy_witnesses


def _best_times(solvers: list[Callable[[FloatArray, FloatArray], object]], games: list[Game]) -> NDArray[np.float64]:
    """``best[s, g]``: the best of ``REPEATS`` timings of solver ``s`` on game ``g``, solvers interleaved."""
    best = np.full((len(solvers), len(games)), np.inf)
    for _ in range(REPEATS):
        for g, (a, b) in enumerate(games):
            for s, solve in enumerate(solvers):
                start = time.perf_counter()
                solve(a, b)
                best[s, g] = min(best[s, g], time.perf_counter() - start)
    return best


def _unmatched(
    games: list[Game], quantecon: Callable[[FloatArray, FloatArray], list[tuple[FloatArray, FloatArray]]]
) -> int:
    """Profiles QuantEcon finds that are not among ours (within 1e-9)."""
    missing = 0
    for a, b in games:
        ours: list[Profile] = [(eq.row, eq.col) for eq in equilibria(a, b)]
        missing += sum(k is None for k in match_profiles(ours, quantecon(a, b), atol=1e-9))
    return missing


def single_call_rows(games: int) -> list[dict[str, object]]:
    """One row per payoff kind and shape: mean best-of-three ms per call of ours and of QuantEcon's.

    Keys: ``shape``, ``payoffs``, ``games``, ``ours_ms``, ``ours_read_ms``, ``quantecon_ms``, ``ratio``
    (``ours_ms / quantecon_ms``, the target being at most 2), ``degenerate`` (share of the games) and
    ``quantecon_unmatched``.
    """
    peer = quantecon("support_enumeration")
    rows: list[dict[str, object]] = []
    for kind, draw in KINDS.items():
        for m, n in SHAPES:
            rng = np.random.default_rng(0)
            sample = [(draw(rng, (m, n)), draw(rng, (m, n))) for _ in range(games)]
            for a, b in sample[:WARM_UP]:
                _read_everything(a, b)
                peer(a, b)
            best = _best_times([equilibria, _read_everything, peer], sample).mean(axis=1) * 1e3
            rows.append(
                {
                    "shape": f"{m}×{n}",
                    "payoffs": kind,
                    "games": games,
                    "ours_ms": float(best[0]),
                    "ours_read_ms": float(best[1]),
                    "quantecon_ms": float(best[2]),
                    "ratio": float(best[0] / best[2]),
                    "degenerate": float(np.mean([equilibria(a, b).degenerate for a, b in sample])),
                    "quantecon_unmatched": _unmatched(sample, peer),
                }
            )
    return rows


if __name__ == "__main__":
    for row in single_call_rows(300):
        print(
            f"{row['shape']:>4} {row['payoffs']:<13} ours {row['ours_ms']:.4f} ms (all read {row['ours_read_ms']:.4f})"
            f"  QuantEcon {row['quantecon_ms']:.4f} ms  ratio {row['ratio']:.2f}"
            f"  degenerate {row['degenerate']:.0%}  QuantEcon unmatched {row['quantecon_unmatched']}"
        )
