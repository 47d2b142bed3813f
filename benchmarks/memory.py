"""Peak memory of a batch of many Belarus games, measured in a fresh process.

``python -m benchmarks.memory COUNT`` builds the games in chunks of ``CHUNK`` parameter points, solves each
chunk with ``equilibria_batch`` and keeps every result (the compact arrays and the payoff stacks), then prints
``games equilibria seconds peak_MiB`` — the peak resident set size of the whole process, interpreter, numpy
and compiled kernels included (``resource.getrusage``).
"""

from __future__ import annotations

import resource
import sys
import time

from benchmarks.workloads import belarus_sweep
from solver.equilibria import BatchEquilibria, equilibria_batch

CHUNK = 100_000


def main(count: int) -> None:
    """Solve ``count`` Belarus games and print the count, equilibria, seconds and peak memory."""
    equilibria_batch(*belarus_sweep(100, seed=1))  # load the compiled kernels
    start = time.perf_counter()
    parts = [equilibria_batch(*belarus_sweep(min(CHUNK, count - done), seed=done)) for done in range(0, count, CHUNK)]
    result = BatchEquilibria.concatenate(parts)
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(len(result), int(result.counts.sum()), f"{seconds:.2f}", f"{peak_mib:.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]))
