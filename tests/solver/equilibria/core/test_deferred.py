"""Deferred values: computed once, on first read, by one thread; pickled as their value."""

from __future__ import annotations

import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from solver.equilibria.core.deferred import Deferred


def test_deferred_values_are_computed_once_and_only_when_asked() -> None:
    calls: list[int] = []
    deferred = Deferred(lambda: calls.append(1) or len(calls))
    assert not deferred.is_ready
    assert calls == []
    assert deferred.get() == 1
    assert deferred.get() == 1
    assert calls == [1]
    assert "not yet" not in repr(deferred)
    failing: Deferred[int] = Deferred(lambda: 1 // 0)
    with pytest.raises(ZeroDivisionError):
        failing.get()
    assert not failing.is_ready  # a failed computation is tried again on the next read


def test_threads_asking_at_once_share_one_computation() -> None:
    calls: list[str] = []

    def slow() -> list[str]:
        calls.append(threading.current_thread().name)
        time.sleep(0.05)
        return calls

    deferred = Deferred(slow)
    with ThreadPoolExecutor(8) as pool:
        values = list(pool.map(lambda _: deferred.get(), range(16)))
    assert len(calls) == 1
    assert all(value is values[0] for value in values)


def test_a_deferred_value_pickles_as_its_value() -> None:
    copy = pickle.loads(pickle.dumps(Deferred(lambda: [1, 2])))
    assert copy.is_ready
    assert copy.get() == [1, 2]
    assert Deferred.ready("x").get() == "x"
