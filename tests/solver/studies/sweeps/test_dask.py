"""Sweeps on a real Dask cluster (scheduler and worker processes): identical tables, dead workers survived."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import LocalCluster

import solver.studies.sweeps.run as run_module
from games import load_scenario
from solver.studies.sweeps import make_spec, read_sweep, run_sweep, sweep
from solver.studies.sweeps.backends import DaskBackend, SerialBackend
from solver.studies.sweeps.evaluate import ChunkTask, evaluate_chunk

BELARUS = load_scenario("belarus-2014")
VARY = ["subsidy_value=2:18:8", "patron_relative_decline=0:0.6:7"]
SPEC = make_spec(BELARUS, VARY)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The table computed in this process, in one chunk."""
    out = tmp_path_factory.mktemp("reference") / "grid.parquet"
    run_sweep(BELARUS, SPEC, out, chunk_size=SPEC.size, backend=SerialBackend(), progress=False)
    return read_sweep(out)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A scheduler and two single-threaded worker processes, each under a nanny that restarts it."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_a_local_dask_cluster_gives_the_identical_table(reference: pd.DataFrame) -> None:
    table = sweep(BELARUS, VARY, chunk_size=5, backend=DaskBackend(local_workers=2), quiet=True)
    pd.testing.assert_frame_equal(table, reference, check_exact=True)


def test_a_scheduler_address_gives_the_identical_table(cluster: LocalCluster, reference: pd.DataFrame) -> None:
    table = sweep(BELARUS, VARY, chunk_size=9, backend=DaskBackend(scheduler=cluster.scheduler_address), quiet=True)
    pd.testing.assert_frame_equal(table, reference, check_exact=True)


def test_a_worker_killed_mid_sweep_is_survived_with_nothing_lost(
    cluster: LocalCluster, reference: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "killed"

    def evaluate_or_die(task: ChunkTask) -> pd.DataFrame:
        if task.index == 3 and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # the worker process dies holding chunk 3
        return evaluate_chunk(task)

    monkeypatch.setattr(run_module, "evaluate_chunk", evaluate_or_die)
    out = tmp_path / "grid.parquet"
    report = run_sweep(BELARUS, SPEC, out, chunk_size=4, backend=DaskBackend(cluster.scheduler_address), progress=False)
    assert marker.exists()
    assert sorted(report.computed) == list(range(report.chunks))
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_backend_needs_exactly_one_cluster() -> None:
    with pytest.raises(ValueError, match="either a scheduler address or a number"):
        DaskBackend()
