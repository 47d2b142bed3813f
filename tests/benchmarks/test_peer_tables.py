"""Target columns added to the rows of benchmarks.single_call and benchmarks.large_games."""

from __future__ import annotations

from benchmarks.peer_tables import LARGE_TARGET, ONE_CALL_TARGET, large_game_targets, one_call_targets


def test_one_call_target_reads_each_rows_ratio() -> None:
    rows = one_call_targets([{"shape": "3×3", "ratio": 1.5}, {"shape": "7×4", "ratio": 6.0}, {"shape": "x"}])
    assert rows[0][ONE_CALL_TARGET].startswith("met")
    assert rows[1][ONE_CALL_TARGET].startswith("missed by 3.00×")
    assert rows[2][ONE_CALL_TARGET] == "—"
    assert rows[0]["shape"] == "3×3"


def test_large_game_target_compares_ours_with_the_fastest_peer_that_finished_the_same_game() -> None:
    def row(game: int, solver: str, seconds: float | None) -> dict[str, object]:
        return {"size": 15, "payoffs": "integer", "game": game, "solver": solver, "seconds": seconds}

    rows = large_game_targets(
        [
            row(0, "ours", 2.0), row(0, "qe", 1.0), row(0, "lrs", 4.0),  # slower than the fastest peer
            row(1, "ours", 1.0), row(1, "qe", None), row(1, "lrs", 3.0),  # a peer past the cap is not compared
            row(2, "ours", 1.0), row(2, "qe", None), row(2, "lrs", None),
            row(3, "ours", None), row(3, "qe", 1.0), row(3, "lrs", None),
        ],
        "ours",
    )  # fmt: skip
    targets = [r[LARGE_TARGET] for r in rows]
    assert targets[0].startswith("missed by 2.00×")
    assert targets[3].startswith("met (0.333×")
    assert targets[6] == "met (every peer past the time cap)"
    assert targets[9] == "missed (past the time cap)"
    assert {targets[k] for k in (1, 2, 4, 5, 7, 8, 10, 11)} == {"—"}
