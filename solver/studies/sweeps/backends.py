"""Where chunks are evaluated: in this process, in local worker processes, or on a Dask cluster.

A backend maps a function over tasks and yields ``(task, result)`` pairs as they finish (in any order); the
sweep writes each result as it arrives. At most a few tasks per worker are in flight, so memory stays flat
whatever the sweep's size.

* :class:`SerialBackend` — one process (tests, debugging, tiny sweeps).
* :class:`ProcessBackend` — a pool of local worker processes started by ``forkserver`` (the default). A
  worker that dies breaks the pool; the pool is restarted and the unfinished tasks resubmitted, at most
  :data:`MAX_RESTARTS` times. Each worker watches a pipe to the driver (:func:`die_with_driver`): when the
  driver dies, however it dies (a SIGKILL included), its workers exit at once instead of finishing their
  chunks with the caller's standard output held open; the forkserver and resource tracker then follow.
* :class:`DaskBackend` — a ``distributed`` cluster: an existing scheduler (``tcp://host:8786``) or a
  ``LocalCluster`` of ``n`` single-threaded worker processes started for the sweep. Tasks are submitted with
  ``retries``; a task on a worker that dies is rescheduled by the scheduler on another worker. Workers must
  be able to import this package.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any, Protocol, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

#: How many times a broken local pool is restarted before the sweep gives up.
MAX_RESTARTS = 3
#: Tasks in flight per worker.
WINDOW_PER_WORKER = 2


def die_with_driver(lifeline: Connection) -> None:
    """Start a daemon thread that ends this worker as soon as the driver's end of ``lifeline`` is closed.

    The driver keeps the only write end of a pipe and gives each worker the read end; the pipe is never
    written to, so ``recv`` returns only with ``EOFError``, when the driver has closed it or died — the
    kernel closes a dead process's descriptors, a SIGKILL included. (A worker's parent is the forkserver,
    which outlives the driver while any worker lives, so watching the parent would not do.)
    """

    def watch() -> None:
        try:
            lifeline.recv()
        finally:
            os._exit(1)

    threading.Thread(target=watch, name="die-with-driver", daemon=True).start()


class Backend(Protocol):
    """Evaluates tasks and yields ``(task, result)`` as each finishes."""

    def map_unordered(self, fn: Callable[[Task], Result], tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        """Apply ``fn`` to every task; yield each task with its result when it is done."""
        ...

    def describe(self) -> str:
        """A short description for progress messages."""
        ...


class SerialBackend:
    """Evaluate each task in this process, in order."""

    def map_unordered(self, fn: Callable[[Task], Result], tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        """Apply ``fn`` to each task in turn."""
        for task in tasks:
            yield task, fn(task)

    def describe(self) -> str:
        """One process."""
        return "1 process"


class ProcessBackend:
    """Evaluate tasks in a pool of ``workers`` local processes."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def describe(self) -> str:
        """The number of worker processes."""
        return f"{self.workers} local processes"

    def _pool(self, lifeline: Connection) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["solver.studies.sweeps.evaluate"])
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=die_with_driver, initargs=(lifeline,)
        )

    def map_unordered(self, fn: Callable[[Task], Result], tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        """Keep ``WINDOW_PER_WORKER × workers`` tasks in flight; restart the pool if a worker dies."""
        pending = iter(tasks)
        window = WINDOW_PER_WORKER * self.workers
        unfinished: list[Task] = []
        for restart in range(MAX_RESTARTS + 1):
            with ExitStack() as stack:
                lifeline, driver_end = multiprocessing.Pipe(duplex=False)
                stack.callback(lifeline.close)
                stack.callback(driver_end.close)
                pool = self._pool(lifeline)
                stack.callback(pool.shutdown, wait=False, cancel_futures=True)
                flight = {pool.submit(fn, task): task for task in unfinished}
                try:
                    while True:
                        for task in islice(pending, max(window - len(flight), 0)):
                            flight[pool.submit(fn, task)] = task
                        if not flight:
                            return
                        done, _ = wait(flight, return_when=FIRST_COMPLETED)
                        for future in done:
                            result = future.result()  # a dead worker raises here, before the task is let go
                            yield flight.pop(future), result
                except BrokenProcessPool:
                    if restart == MAX_RESTARTS:
                        raise
                    unfinished = list(flight.values())


class DaskBackend:
    """Evaluate tasks on a Dask ``distributed`` cluster (an address, or a local cluster of ``n`` workers)."""

    def __init__(self, scheduler: str | None = None, local_workers: int | None = None, retries: int = 3) -> None:
        if (scheduler is None) == (local_workers is None):
            raise ValueError("give either a scheduler address or a number of local Dask workers")
        self.scheduler = scheduler
        self.local_workers = local_workers
        self.retries = retries

    def describe(self) -> str:
        """The scheduler address or the size of the local cluster."""
        return f"Dask scheduler {self.scheduler}" if self.scheduler else f"Dask local cluster of {self.local_workers}"

    def map_unordered(self, fn: Callable[[Task], Result], tasks: Iterable[Task]) -> Iterator[tuple[Task, Result]]:
        """Submit tasks with retries, a bounded number in flight, and yield them as they complete."""
        from distributed import Client, LocalCluster, as_completed

        with ExitStack() as stack:
            if self.scheduler is not None:
                client = stack.enter_context(Client(self.scheduler))
            else:
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=self.local_workers, threads_per_worker=1, processes=True, dashboard_address=None
                    )
                )
                client = stack.enter_context(Client(cluster))
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
            pending = iter(tasks)
            owner: dict[str, Task] = {}

            def submit(task: Task) -> Any:
                future = client.submit(fn, task, retries=self.retries, pure=False)
                owner[future.key] = task
                return future

            completed = as_completed([submit(t) for t in islice(pending, WINDOW_PER_WORKER * workers)])
            for future in completed:
                task = owner.pop(future.key)
                yield task, future.result()
                future.release()
                for follower in islice(pending, 1):
                    completed.add(submit(follower))
