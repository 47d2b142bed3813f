"""Running sweeps: resumable after any interruption, damaged chunks redone, identical on every backend."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import solver.studies.sweeps.run as run_module
from games import load_scenario
from solver import ReadingRules
from solver.analysis import package_version
from solver.studies.sweeps import SweepStoreError, make_spec, read_metadata, read_sweep, run_sweep, sweep
from solver.studies.sweeps.backends import ProcessBackend, SerialBackend
from solver.studies.sweeps.evaluate import ChunkTask, evaluate_chunk
from solver.studies.sweeps.store import parts_directory

BELARUS = load_scenario("belarus-2014")
VARY = ["subsidy_value=0:20:12", "red_line_cost=0:50:10"]
SPEC = make_spec(BELARUS, VARY)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The uninterrupted table, in one process, in chunks of 13 points."""
    out = tmp_path_factory.mktemp("reference") / "grid.parquet"
    run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    return read_sweep(out)


class InterruptError(Exception):
    """Stands for Ctrl-C in the middle of a sweep."""


def _failing_after(chunks: int, calls: list[int]) -> object:

    def evaluate(task: ChunkTask) -> pd.DataFrame:
        if len(calls) == chunks:
            raise InterruptError
        calls.append(task.index)
        return evaluate_chunk(task)

    return evaluate


def test_table_has_one_row_per_point_and_equilibrium_and_carries_its_identity(reference: pd.DataFrame) -> None:
    assert reference["point"].nunique() == SPEC.size == 120
    counts = reference.groupby("point")["equilibrium"].agg(["size", "max"])
    assert (counts["size"] == counts["max"] + 1).all()
    assert (reference.groupby("point")["equilibria"].first() == counts["size"]).all()
    identity = reference.attrs["sweep"]
    assert identity["scenario"] == "belarus-2014"
    assert identity["scenario_hash"] == BELARUS.content_hash
    assert identity["package_version"] == package_version()
    assert identity["spec"] == SPEC.to_dict()
    assert identity["scenario_values"]["subsidy_value"] == 7.0


def test_interrupted_sweep_resumes_without_recomputing_and_gives_the_same_table(
    tmp_path: Path, reference: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "grid.parquet"
    first: list[int] = []
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(4, first))
    with pytest.raises(InterruptError):
        run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    assert not out.exists()
    assert len(list(parts_directory(out).glob("chunk-*.json"))) == 4
    second: list[int] = []
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(-1, second))
    report = run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    assert report.reused == 4
    assert sorted(second) == sorted(report.computed) == [i for i in range(report.chunks) if i not in first]
    assert not parts_directory(out).exists()
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_resume_keeps_the_stored_chunk_size(
    tmp_path: Path, reference: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "grid.parquet"
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(2, []))
    with pytest.raises(InterruptError):
        run_sweep(BELARUS, SPEC, out, chunk_size=7, backend=SerialBackend(), progress=False)
    monkeypatch.undo()
    report = run_sweep(BELARUS, SPEC, out, chunk_size=50, backend=SerialBackend(), progress=False)
    assert (report.chunks, report.reused) == (18, 2)
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_corrupt_and_partial_chunks_are_detected_and_redone(
    tmp_path: Path, reference: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "grid.parquet"
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(5, []))
    with pytest.raises(InterruptError):
        run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    monkeypatch.undo()
    parts = parts_directory(out)
    flipped = parts / "chunk-000001.parquet"
    content = bytearray(flipped.read_bytes())
    content[len(content) // 2] ^= 0xFF
    flipped.write_bytes(bytes(content))
    truncated = parts / "chunk-000003.parquet"
    truncated.write_bytes(truncated.read_bytes()[:100])
    (parts / "chunk-000004.json").unlink()  # killed between the data file and its seal
    (parts / "chunk-000006.parquet").write_bytes(b"PAR1 partial")  # a file with no seal at all
    report = run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    assert report.discarded == (1, 3, 4, 6)
    assert report.reused == 2
    assert {1, 3, 4, 6} <= set(report.computed)
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_killed_process_resumes_to_the_same_table(tmp_path: Path, reference: pd.DataFrame) -> None:
    out = tmp_path / "grid.parquet"
    script = (
        "from games import load_scenario; from solver.studies.sweeps import make_spec, run_sweep; "
        "from solver.studies.sweeps.backends import SerialBackend; s = load_scenario('belarus-2014'); "
        f"run_sweep(s, make_spec(s, {VARY!r}), {str(out)!r}, chunk_size=1, backend=SerialBackend(), progress=False)"
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    parts = parts_directory(out)
    deadline = time.monotonic() + 60
    while len(list(parts.glob("chunk-*.json"))) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    sealed = len(list(parts.glob("chunk-*.json")))
    assert 3 <= sealed < 120, "the sweep should have been killed part way"
    report = run_sweep(BELARUS, SPEC, out, chunk_size=1, backend=SerialBackend(), progress=False)
    assert report.reused == sealed
    assert len(report.computed) == 120 - sealed
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)


def test_local_processes_give_the_identical_table_whatever_the_chunking(reference: pd.DataFrame) -> None:
    table = sweep(BELARUS, VARY, chunk_size=11, backend=ProcessBackend(2), quiet=True)
    pd.testing.assert_frame_equal(table, reference, check_exact=True)


def test_a_finished_sweep_is_reused_and_a_different_one_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "grid.parquet"
    small = make_spec(BELARUS, ["subsidy_value=0:20:4"])
    run_sweep(BELARUS, small, out, chunk_size=2, backend=SerialBackend(), progress=False)
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(0, []))
    assert run_sweep(BELARUS, small, out, chunk_size=2, backend=SerialBackend(), progress=False).computed == ()
    other = make_spec(BELARUS, ["subsidy_value=0:20:5"])
    with pytest.raises(SweepStoreError, match="holds a different sweep"):
        run_sweep(BELARUS, other, out, backend=SerialBackend(), progress=False)
    with pytest.raises(SweepStoreError, match="different sweep"):
        run_sweep(BELARUS, small, out, rules=ReadingRules(tolerance=1e-6), backend=SerialBackend(), progress=False)
    monkeypatch.undo()
    run_sweep(BELARUS, other, out, backend=SerialBackend(), progress=False, overwrite=True)
    assert read_metadata(out)["spec"] == other.to_dict()


def test_unfinished_parts_of_another_sweep_are_not_mixed_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "grid.parquet"
    monkeypatch.setattr(run_module, "evaluate_chunk", _failing_after(1, []))
    with pytest.raises(InterruptError):
        run_sweep(BELARUS, SPEC, out, chunk_size=13, backend=SerialBackend(), progress=False)
    monkeypatch.undo()
    with pytest.raises(SweepStoreError, match="unfinished chunks of a different sweep"):
        run_sweep(BELARUS, make_spec(BELARUS, ["subsidy_value=0:20:4"]), out, backend=SerialBackend(), progress=False)
    manifest = json.loads((parts_directory(out) / "manifest.json").read_text())
    assert manifest["identity"]["spec"] == SPEC.to_dict()


def test_output_must_be_parquet_or_csv(tmp_path: Path) -> None:
    with pytest.raises(SweepStoreError, match=r"\*.parquet or \*.csv"):
        run_sweep(BELARUS, SPEC, tmp_path / "grid.txt", backend=SerialBackend(), progress=False)


def test_a_dead_local_worker_is_replaced_and_its_chunk_retried(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    results = dict(ProcessBackend(2).map_unordered(_die_once, [(i, marker) for i in range(6)]))
    assert Path(marker).exists()
    assert results == {(i, marker): i * i for i in range(6)}


def _die_once(task: tuple[int, str]) -> int:
    """Kill the worker process the first time value 3 is evaluated."""
    value, marker = task
    if value == 3 and not Path(marker).exists():
        Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return value * value
