"""Target columns for the tables other modules compute: one call (table 2) and large single games (table 3).

``benchmarks.single_call`` gives a row per shape and payoff kind with ``ratio`` = our ms ÷ QuantEcon's ms per
call (target ≤ 2×); ``benchmarks.large_games`` a row per size, payoff kind, game and solver with ``seconds``
(``None`` past the time cap). Issue 13's large-game target is that ours finishes and is no slower than the
fastest peer that finished the same game.
"""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.tables import Row
from benchmarks.targets import at_most

#: Issue 13's one-call target: ``equilibria(A, B)`` at most this many times QuantEcon's single call.
ONE_CALL_RATIO = 2.0
ONE_CALL_TARGET = f"target ≤ {ONE_CALL_RATIO:g}× QuantEcon"
LARGE_TARGET = "target ≤ fastest peer"


def one_call_targets(rows: Sequence[Row]) -> list[Row]:
    """``rows`` with the target column, from each row's ``ratio``."""
    return [
        row
        | {
            ONE_CALL_TARGET: at_most(ratio, ONE_CALL_RATIO, "×")
            if isinstance(ratio := row.get("ratio"), float)
            else "—"
        }
        for row in rows
    ]


def large_game_targets(rows: Sequence[Row], ours: str) -> list[Row]:
    """``rows`` with the target column on our rows: our seconds ÷ the fastest peer's on the same game (≤ 1×)."""

    def game(row: Row) -> tuple[object, ...]:
        return row["size"], row["payoffs"], row["game"]

    peers: dict[tuple[object, ...], list[float]] = {}
    for row in rows:
        if row["solver"] != ours and isinstance(seconds := row["seconds"], float):
            peers.setdefault(game(row), []).append(seconds)
    marked = []
    for row in rows:
        target = "—"
        if row["solver"] == ours:
            fastest = min(peers.get(game(row), []), default=None)
            if not isinstance(seconds := row["seconds"], float):
                target = "missed (past the time cap)"
            elif fastest is None:
                target = "met (every peer past the time cap)"
            else:
                target = at_most(seconds / fastest, 1.0, "×")
        marked.append(row | {LARGE_TARGET: target})
    return marked
