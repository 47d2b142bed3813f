"""Time and memory of a large Belarus sweep (a benchmark, not a test).

Runs a Sobol'-sampled sweep of the belarus-2014 scenario over all eleven parameters' plausible ranges into a
parquet file and prints the wall time, the rate, the table's size and the peak resident memory of this process
and of its worker processes. Usage::

    python scripts/benchmark_sweep_belarus.py --points 100000 --workers 2 --out runs/benchmark.parquet
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import psutil

from games import load_scenario
from solver.studies.sensitivity import varied_parameters
from solver.studies.sweeps import choose_backend, make_spec, read_sweep, run_sweep


class PeakMemory:
    """Samples the resident memory of this process and of each of its descendants (the workers)."""

    def __init__(self, interval: float = 0.1) -> None:
        self.driver = 0
        self.worker = 0
        self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)

    def _sample(self, interval: float) -> None:
        me = psutil.Process()
        while not self._stop.wait(interval):
            try:
                children = [child.memory_info().rss for child in me.children(recursive=True)]
            except psutil.Error:
                continue
            driver = me.memory_info().rss
            self.driver = max(self.driver, driver)
            self.worker = max([self.worker, *children])
            self.total = max(self.total, driver + sum(children))

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    """Run the sweep and print what it cost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path("runs/benchmark-belarus.parquet"))
    args = parser.parse_args()
    scenario = load_scenario("belarus-2014")
    spec = make_spec(scenario, varied_parameters(scenario), "random", args.points, seed=0)
    start = time.perf_counter()
    with PeakMemory() as memory:
        report = run_sweep(
            scenario, spec, args.out, chunk_size=args.chunk_size, backend=choose_backend(args.workers), overwrite=True
        )
    elapsed = time.perf_counter() - start
    table = read_sweep(report.path)
    mib = 2**20
    print(f"{spec.size:,} points, {len(table):,} rows, {report.chunks} chunks on {args.workers} worker(s)")
    print(f"wall time {elapsed:.1f} s ({spec.size / elapsed:,.0f} points/s)")
    print(f"file {report.path} {report.path.stat().st_size / mib:.1f} MiB")
    print(
        f"peak resident memory during the sweep: driver {memory.driver / mib:.0f} MiB, largest worker "
        f"{memory.worker / mib:.0f} MiB, all processes together {memory.total / mib:.0f} MiB"
    )
    print("labels:", table["label"].value_counts().to_dict())


if __name__ == "__main__":
    main()
