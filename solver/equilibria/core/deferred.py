"""A value computed on first use: what lets a result carry parts that most callers never read.

:class:`Deferred` wraps a function without arguments and calls it once, on the first :meth:`Deferred.get`;
every later call returns that same object. Threads may share one: the first to ask computes under a lock,
the others wait for its value. A deferred value pickles (and copies) as the value itself, computed then if
need be, so that nothing of the function it came from travels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Deferred(Generic[T]):
    """The result of ``compute()``, computed on the first :meth:`get` and kept."""

    __slots__ = ("_compute", "_lock", "_value")

    def __init__(self, compute: Callable[[], T]) -> None:
        self._compute: Callable[[], T] | None = compute
        self._lock: threading.Lock | None = threading.Lock()
        self._value: T | None = None

    @classmethod
    def ready(cls, value: T) -> Deferred[T]:
        """A deferred value that is already there."""
        deferred: Deferred[T] = cls.__new__(cls)
        deferred._compute, deferred._lock, deferred._value = None, None, value
        return deferred

    @property
    def is_ready(self) -> bool:
        """Whether the value has been computed (or was given)."""
        return self._compute is None

    def get(self) -> T:
        """The value, computed now if this is the first call."""
        lock = self._lock
        if lock is not None:
            with lock:
                compute = self._compute
                if compute is not None:
                    self._value = compute()
                    self._compute = None
                    self._lock = None
        return cast(T, self._value)

    def __reduce__(self) -> tuple[Callable[[T], Deferred[T]], tuple[T]]:
        return Deferred.ready, (self.get(),)

    def __repr__(self) -> str:
        return f"Deferred({self._value!r})" if self.is_ready else "Deferred(<not yet computed>)"
