"""Fault injection on the sweep store: kills at every commit point, every kind of file damaged.

Each test ends with the same check: the table read back equals, exactly, that of an uninterrupted run. Kills
are simulated by raising :class:`Killed` (a ``BaseException``, like ``KeyboardInterrupt``, that no cleanup
code swallows) from the k-th rename, write or removal, and by a real SIGKILL of a subprocess at chosen
points. Every failure of the store listed in issue 14 has a regression test here.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import solver.studies.sweeps.run as run_module
import solver.studies.sweeps.store as store_module
from games import Scenario, load_scenario
from solver.cli import app
from solver.studies.sweeps import SweepRepairWarning, SweepStoreError, make_spec, read_sweep, run_sweep, sweep_frame
from solver.studies.sweeps.backends import SerialBackend
from solver.studies.sweeps.files import WriterLock
from solver.studies.sweeps.spec import SweepSpec
from solver.studies.sweeps.store import parts_directory
from solver.studies.sweeps.tables import TableWriter, sidecar_path
from tests.solver.studies.sweeps.fakes import fake_evaluate

BELARUS = load_scenario("belarus-2014")
OTHER = BELARUS.with_values(second_pole_support=0.65)
VARY = ["subsidy_value=0:20:4", "red_line_cost=0:50:3"]
SPEC = make_spec(BELARUS, VARY)
CHUNK = 3  # 12 points in 4 chunks
ROOT = Path(__file__).resolve().parents[4]


class Killed(BaseException):
    """Stands for the process dying at this exact point."""


@pytest.fixture(autouse=True)
def fast_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_module, "evaluate_chunk", fake_evaluate)


def run(out: Path, scenario: Scenario = BELARUS, spec: SweepSpec = SPEC, **options: Any) -> run_module.SweepReport:
    return run_sweep(scenario, spec, out, chunk_size=CHUNK, backend=SerialBackend(), progress=False, **options)


@pytest.fixture(params=[".parquet", ".csv"])
def suffix(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def reference(tmp_path: Path, suffix: str) -> pd.DataFrame:
    """The uninterrupted table."""
    out = tmp_path / "reference" / f"grid{suffix}"
    run(out)
    return read_sweep(out)


def assert_finished(out: Path, reference: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(read_sweep(out), reference, check_exact=True)
    assert not parts_directory(out).exists()
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, sidecar_path(out).name])


def failing_at(k: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that its call number ``k`` (from 0) kills the process instead."""
    calls = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] - 1 == k:
            raise Killed
        return real(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("target", "name"),
    [(os, "replace"), (store_module.shutil, "rmtree"), (TableWriter, "write"), (store_module.ChunkStore, "write")],
    ids=["each-rename", "parts-removal", "each-merge-write", "each-chunk-write"],
)
def test_a_kill_at_every_point_resumes_to_the_uninterrupted_table(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, monkeypatch: pytest.MonkeyPatch, target: Any, name: str
) -> None:
    real = getattr(target, name)
    killed = 0
    while True:
        out = tmp_path / f"kill-{killed}" / f"grid{suffix}"
        monkeypatch.setattr(target, name, failing_at(killed, real))
        try:
            run(out)
        except Killed:
            killed += 1
            monkeypatch.setattr(target, name, real)
            report = run(out)
            assert report.warnings == () or all("redone" in w or "run again" in w for w in report.warnings)
            assert_finished(out, reference)
            continue
        monkeypatch.setattr(target, name, real)
        break
    assert killed == {"replace": 11, "rmtree": 1, "write": 4}[name]  # 1 manifest + 4 × (chunk, seal) + 2 commits


def _kill_script(out: Path, target: str, k: int) -> str:
    return f"""
import os, shutil, signal
import solver.studies.sweeps.run as run_module, solver.studies.sweeps.tables as tables
from games import load_scenario
from solver.studies.sweeps import make_spec, run_sweep
from solver.studies.sweeps.backends import SerialBackend
from tests.solver.studies.sweeps.fakes import fake_evaluate
run_module.evaluate_chunk = fake_evaluate
owner, name = {target!r}.rsplit(".", 1)
holder = {{"os": os, "shutil": shutil, "TableWriter": tables.TableWriter}}[owner]
real, calls = getattr(holder, name), []
def killer(*args, **kwargs):
    calls.append(1)
    if len(calls) == {k + 1}:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(holder, name, killer)
s = load_scenario("belarus-2014")
run_sweep(s, make_spec(s, {VARY!r}), {str(out)!r}, chunk_size={CHUNK}, backend=SerialBackend(), progress=False)
"""


@pytest.mark.parametrize(
    ("suffix", "target", "k"),
    [
        pytest.param(".parquet", "os.replace", 2, id="data-before-seal"),
        pytest.param(".parquet", "os.replace", 5, id="seal-before-next-chunk"),
        pytest.param(".parquet", "TableWriter.write", 2, id="mid-merge"),
        pytest.param(".csv", "TableWriter.write", 2, id="mid-merge-csv"),
        pytest.param(".csv", "os.replace", 9, id="merged-before-sidecar-csv"),
        pytest.param(".parquet", "os.replace", 10, id="sidecar-before-table"),
        pytest.param(".parquet", "shutil.rmtree", 0, id="table-before-cleanup"),
    ],
)
def test_a_real_sigkill_at_chosen_points_resumes_to_the_uninterrupted_table(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, target: str, k: int
) -> None:
    out = tmp_path / "killed" / f"grid{suffix}"
    script = _kill_script(out, target, k)
    process = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.returncode == -signal.SIGKILL
    run(out)
    assert_finished(out, reference)


def _interrupted(out: Path, monkeypatch: pytest.MonkeyPatch, chunks: int = 3) -> Path:
    """Run the sweep until ``chunks`` chunks are sealed, then stop it; return the parts folder."""
    monkeypatch.setattr(store_module.ChunkStore, "write", failing_at(chunks, store_module.ChunkStore.write))
    with pytest.raises(Killed):
        run(out)
    monkeypatch.undo()
    monkeypatch.setattr(run_module, "evaluate_chunk", fake_evaluate)
    return parts_directory(out)


def _flip(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


DAMAGE: dict[str, tuple[Callable[[Path], None], tuple[int, ...], str]] = {
    "chunk-flipped-byte": (lambda p: _flip(p / "chunk-000001.parquet"), (1,), "checksum"),
    "chunk-truncated": (lambda p: (p / "chunk-000001.parquet").write_bytes(b"PAR1"), (1,), "checksum"),
    "chunk-missing": (lambda p: (p / "chunk-000002.parquet").unlink(), (2,), "without its file"),
    "seal-missing": (lambda p: (p / "chunk-000000.json").unlink(), (0,), "without its seal"),
    "seal-garbage": (lambda p: (p / "chunk-000001.json").write_bytes(b"\x00{garbage"), (1,), "not readable JSON"),
    "seal-not-an-object": (lambda p: (p / "chunk-000001.json").write_text("[1, 2]"), (1,), "without the keys"),
    "seal-empty": (lambda p: (p / "chunk-000001.json").write_text(""), (1,), "not readable JSON"),
    "chunk-and-seal-of-another-chunk": (
        lambda p: [shutil.copy(p / f"chunk-000002{e}", p / f"chunk-000001{e}") for e in (".parquet", ".json")],
        (1,),
        "another chunk",
    ),
    "manifest-garbage": (lambda p: (p / "manifest.json").write_bytes(b"\xff\xfe garbage"), (), "manifest.json is"),
    "manifest-chunk-size-zero": (
        lambda p: (p / "manifest.json").write_text(json.dumps({"identity": {}, "chunk_size": 0})),
        (),
        "chunk_size 0",
    ),
    "manifest-missing": (lambda p: (p / "manifest.json").unlink(), (), ""),
    "temporary-leftovers": (lambda p: (p / ".chunk-000003.parquet.999.tmp").write_bytes(b"partial"), (), ""),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_kind_of_damage_in_the_parts_folder_is_reported_and_redone(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    out = tmp_path / "run" / f"grid{suffix}"
    parts = _interrupted(out, monkeypatch)
    harm, redone, message = DAMAGE[damage]
    harm(parts)
    report = run(out)
    assert report.discarded == redone
    assert report.reused == 3 - len(redone)
    assert message in " ".join(report.warnings)
    assert bool(report.warnings) == bool(message)
    assert_finished(out, reference)


def test_a_lock_file_left_by_a_killed_run_does_not_block(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run" / f"grid{suffix}"
    _interrupted(out, monkeypatch)
    out.with_name(out.name + ".lock").write_bytes(b"\x00 not a pid")
    assert run(out).reused == 3
    assert_finished(out, reference)


def test_without_its_manifest_another_scenario_reuses_nothing(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: manifest deleted, resumed with another scenario → the first one's chunks were reused."""
    other = tmp_path / "other" / f"grid{suffix}"
    run(other, OTHER)
    out = tmp_path / "run" / f"grid{suffix}"
    parts = _interrupted(out, monkeypatch)
    (parts / "manifest.json").unlink()
    report = run(out, OTHER)
    assert report.reused == 0
    assert report.discarded == (0, 1, 2)
    assert "a seal of a different sweep" in " ".join(report.warnings)
    table = read_sweep(out)
    pd.testing.assert_frame_equal(table, read_sweep(other), check_exact=True)
    assert table.attrs["sweep"]["scenario_hash"] == OTHER.content_hash


def test_a_chunk_copied_over_another_is_redone(tmp_path: Path, reference: pd.DataFrame, suffix: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Issue 14: chunk 12 and its seal copied over chunk 11 were accepted (points missing and duplicated)."""
    out = tmp_path / "run" / f"grid{suffix}"
    parts = _interrupted(out, monkeypatch)
    for ending in (".parquet", ".json"):
        shutil.copy(parts / f"chunk-000002{ending}", parts / f"chunk-000001{ending}")
    report = run(out)
    assert report.discarded == (1,)
    table = read_sweep(out)
    assert table["point"].is_monotonic_increasing
    assert sorted(table["point"].unique()) == list(range(SPEC.size))
    assert_finished(out, reference)


OUTPUT_DAMAGE: dict[str, Callable[[Path], None]] = {
    "flipped-byte": _flip,
    "truncated": lambda out: out.write_bytes(out.read_bytes()[:-10]),
    "sidecar-garbage": lambda out: sidecar_path(out).write_text("{not json"),
    "sidecar-not-an-object": lambda out: sidecar_path(out).write_text("3"),
    "table-deleted": lambda out: out.unlink(),
}


@pytest.mark.parametrize("damage", list(OUTPUT_DAMAGE))
def test_a_damaged_finished_output_is_reported_and_redone(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, damage: str
) -> None:
    """Issue 14: a flipped byte in a finished output was reported as "81 reused", exit 0."""
    out = tmp_path / "run" / f"grid{suffix}"
    run(out)
    OUTPUT_DAMAGE[damage](out)
    if damage != "table-deleted":
        with pytest.raises(SweepStoreError):
            read_sweep(out)
    report = run(out)
    assert report.reused == 0
    assert len(report.computed) == 4
    assert bool(report.warnings) == (damage != "table-deleted")
    assert_finished(out, reference)


def test_a_parquet_output_without_its_sidecar_is_redone_and_a_foreign_file_refused(
    tmp_path: Path, reference: pd.DataFrame
) -> None:
    out = tmp_path / "run" / "grid.parquet"
    run(out)
    sidecar_path(out).unlink()
    report = run(out)
    assert "no sidecar" in report.warnings[0]
    assert_finished(out, reference)
    foreign = tmp_path / "foreign" / "notes.csv"
    foreign.parent.mkdir()
    foreign.write_text("a,b\n1,2\n")
    with pytest.raises(SweepStoreError, match="not a strategic-hedging sweep table"):
        run(foreign)
    assert foreign.read_text() == "a,b\n1,2\n"


def test_a_second_writer_on_the_same_output_is_refused_clearly(tmp_path: Path) -> None:
    """Issue 14: two identical sweeps on one --out died with FileNotFoundError/OSError."""
    out = tmp_path / "grid.parquet"
    with WriterLock(out.with_name(out.name + ".lock")):
        with pytest.raises(SweepStoreError, match=rf"another sweep is writing .*grid.parquet .*process {os.getpid()}"):
            run(out)
        args = ["sweep", "belarus-2014", "--vary", "subsidy_value=0:20:3", "--out", str(out), "--workers", "1", "-q"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2
        assert "another sweep is writing" in result.output
        assert "Traceback" not in result.output
        assert not parts_directory(out).exists()
    run(out)
    assert not out.with_name(out.name + ".lock").exists()


def test_a_second_writer_in_another_process_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "grid.parquet"
    script = (
        "import time\nfrom pathlib import Path\nfrom solver.studies.sweeps.files import WriterLock\n"
        f"with WriterLock(Path({str(out) + '.lock'!r})):\n    print('held', flush=True)\n    time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(SweepStoreError, match=f"process {holder.pid}"):
            run(out)
    finally:
        holder.kill()
        holder.wait()
    run(out)  # the dead holder's lock is gone with it
    assert out.exists()


def test_a_chunk_size_of_zero_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "grid.parquet"
    with pytest.raises(SweepStoreError, match="chunk size 0"):
        run_sweep(BELARUS, SPEC, out, chunk_size=0, backend=SerialBackend(), progress=False)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("where", "message"),
    [("folder.parquet/", "is a folder"), ("file/grid.parquet", "cannot write"), ("grid.xlsx", "*.parquet or *.csv")],
)
def test_unusable_output_paths_are_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, message: str
) -> None:
    (tmp_path / "folder.parquet").mkdir()
    (tmp_path / "file").write_text("in the way")
    monkeypatch.setattr(run_module, "evaluate_chunk", failing_at(0, fake_evaluate))
    with pytest.raises(SweepStoreError, match=message.replace("*", r"\*")):
        run(tmp_path / where)


def test_the_library_reports_repairs_as_warnings(
    tmp_path: Path, reference: pd.DataFrame, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run" / f"grid{suffix}"
    parts = _interrupted(out, monkeypatch)
    (parts / "chunk-000001.json").write_text("garbage")
    with pytest.warns(SweepRepairWarning, match="chunk 1 redone: a seal that is not readable JSON"):
        table = sweep_frame(BELARUS, SPEC, out, chunk_size=CHUNK, backend=SerialBackend(), quiet=True)
    pd.testing.assert_frame_equal(table, reference, check_exact=True)
