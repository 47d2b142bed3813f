"""The harness's one timing rule: warm-up, sizing to the budget, interleaved rounds, best round kept."""

from __future__ import annotations

from benchmarks.timing import Contestant, interleaved_best


def _recorder(name: str, log: list[tuple[str, int]], total: int, per_item: bool) -> Contestant[int]:
    def run(n: int) -> int:
        log.append((name, n))
        return n

    return Contestant(name, run, total, per_item)


def test_every_contestant_is_warmed_up_then_timed_in_interleaved_rounds() -> None:
    log: list[tuple[str, int]] = []
    batch = _recorder("batch", log, 50, per_item=False)
    single = _recorder("single", log, 7, per_item=True)
    timings = interleaved_best([batch, single], budget=0.01, rounds=3)
    assert log[:2] == [("batch", 1), ("single", 1)]  # warm-up, one item each
    rounds = [entry for entry in log[2:] if entry[1] != 1 or entry[0] == "batch"]
    assert [name for name, _ in rounds] == ["batch", "single"] * 3
    assert [timing.items for timing in timings] == [50, 7]  # a fast per-item solver fits all 7 in the budget
    assert all(timing.rounds == 3 and timing.seconds > 0 and timing.found == timing.items for timing in timings)
    assert timings[0].rate == timings[0].items / timings[0].seconds


def test_a_slow_per_item_contestant_is_sized_down_to_the_budget_but_not_below_the_minimum() -> None:
    import time

    def slow(n: int) -> int:
        time.sleep(0.002 * n)
        return n

    timing = interleaved_best([Contestant("slow", slow, 1_000, per_item=True)], budget=0.02, min_items=4)[0]
    assert 4 <= timing.items < 1_000
    floor = interleaved_best([Contestant("slow", slow, 1_000, per_item=True)], budget=0.0, min_items=4)[0]
    assert floor.items == 4
