"""Running a sweep: split the design into chunks, evaluate the missing ones on a backend, assemble the table."""

from __future__ import annotations

import math
import shutil
import tempfile
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from games import Scenario, load_scenario
from solver.analysis import package_version
from solver.portfolio import ReadingRules
from solver.studies.sweeps.backends import Backend, DaskBackend, ProcessBackend, SerialBackend
from solver.studies.sweeps.evaluate import ChunkTask, evaluate_chunk
from solver.studies.sweeps.files import LockedError, WriterLock, leftover_temporaries
from solver.studies.sweeps.progress import progress_bar
from solver.studies.sweeps.sampling import points
from solver.studies.sweeps.spec import DEFAULT_CHUNK_SIZE, Axis, Design, SweepSpec, SweepSpecError, make_spec
from solver.studies.sweeps.store import ChunkStore, SweepStoreError, parts_directory, read_metadata
from solver.studies.sweeps.tables import check_output_path, read_sidecar, read_table, sidecar_path, verified_sidecar
from solver.views import ViewName, ViewOptions, check_declared, used_options, view_parameters, view_rules


@dataclass(frozen=True)
class SweepReport:
    """What a run did: where the table is, how many chunks it computed, found finished or had to redo, and why."""

    path: Path
    points: int
    chunks: int
    computed: tuple[int, ...]
    reused: int
    discarded: tuple[int, ...]
    warnings: tuple[str, ...] = ()


class SweepRepairWarning(UserWarning):
    """Something found damaged in a sweep's files was discarded and computed again (the table is correct)."""


def sweep_identity(
    scenario: Scenario, spec: SweepSpec, rules: ReadingRules, view: ViewName = "two-player",
    options: ViewOptions | None = None,
) -> dict[str, Any]:  # fmt: skip
    """What makes two sweeps the same: stored in the file's metadata and checked before resuming.

    The view's options count only where the view uses them (a two-player sweep ignores the QRE's precision).
    """
    return {
        "format": 1,
        "scenario": scenario.id,
        "scenario_hash": scenario.content_hash,
        "scenario_values": {name: p.value for name, p in scenario.parameters.items()},
        "package_version": package_version(),
        "spec": spec.to_dict(),
        "rules": asdict(rules),
        "view": view,
        "view_options": used_options(view, options or ViewOptions()),
    }


def choose_backend(workers: int | None = None, scheduler: str | None = None, dask_local: int | None = None) -> Backend:
    """Dask when given a scheduler or a local cluster size, one process for ``workers=1``, else a local pool."""
    if scheduler is not None or dask_local is not None:
        if scheduler is not None and dask_local is not None:
            raise SweepSpecError("give a Dask scheduler address or a local Dask cluster size, not both")
        return DaskBackend(scheduler=scheduler, local_workers=dask_local)
    return SerialBackend() if workers == 1 else ProcessBackend(workers)


def _tasks(
    scenario: Scenario, spec: SweepSpec, rules: ReadingRules, view: ViewName, options: ViewOptions,
    store: ChunkStore, todo: Sequence[int],
) -> Iterator[ChunkTask]:  # fmt: skip
    for index in todo:
        start, stop = store.bounds(index)
        yield ChunkTask(index, start, scenario, spec.names, points(spec, start, stop), rules, view, options)


def run_sweep(
    scenario: Scenario,
    spec: SweepSpec,
    out: str | Path,
    *,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    backend: Backend | None = None,
    progress: bool | None = None,
    overwrite: bool = False,
) -> SweepReport:
    """Evaluate a sweep of ``view`` into the table ``out`` (``.parquet`` or ``.csv``), resuming from its parts folder.

    Finished chunks (sealed for this sweep, chunk and range, and intact) are kept, anything else discarded
    and recomputed, missing ones computed on ``backend`` (default: local processes). Stopping the run at any
    moment (Ctrl-C, a kill) loses at most the chunks in flight; running it again finishes it, and the table is
    the same as that of an uninterrupted run. An existing output of the same sweep is reused once its checksum
    is verified, and redone if it does not match. One process at a time writes to ``out``: the lock file
    ``<out>.lock`` is held for the whole run. What was found damaged and redone is listed in the report's
    ``warnings``.

    Raises
    ------
    SweepStoreError
        ``out`` cannot be written (unknown extension, a folder, an unwritable place), another process is
        writing it, ``chunk_size`` is not positive, or ``out`` (or its parts folder) holds a different sweep
        and ``overwrite`` is false.
    """
    check_declared(scenario, view)
    rules = rules or view_rules(view)
    options = options or ViewOptions()
    out = Path(out)
    if chunk_size < 1:
        raise SweepStoreError(f"chunk size {chunk_size} is not a positive number of points; give 1 or more")
    check_output_path(out)
    identity = sweep_identity(scenario, spec, rules, view, options)
    try:
        with WriterLock(out.with_name(out.name + ".lock")):
            return _run_locked(scenario, spec, out, identity, (rules, view, options), chunk_size, backend, progress,
                               overwrite)  # fmt: skip
    except LockedError as error:
        raise SweepStoreError(
            f"another sweep is writing {out} ({error}); wait for it to finish or choose another output"
        ) from None


def _finished_output(out: Path, identity: Mapping[str, Any]) -> str | None:
    """``None`` when ``out`` is this sweep's verified table; else why it is redone.

    Raises :class:`SweepStoreError` when ``out`` holds another sweep or is not a sweep table at all.
    """
    try:
        record = read_sidecar(out)
    except SweepStoreError as error:
        return f"{error}; the sweep is run again"
    if record is None:
        try:
            stored = read_metadata(out)
        except (OSError, ValueError):
            raise SweepStoreError(
                f"{out} exists and is not a strategic-hedging sweep table; choose another output or overwrite it"
            ) from None
        if stored != identity:
            raise SweepStoreError(f"{out} holds a different sweep; choose another output or overwrite it")
        return f"{out} has no sidecar {sidecar_path(out).name} to verify it by; the sweep is run again"
    if record["metadata"] != identity:
        raise SweepStoreError(f"{out} holds a different sweep; choose another output or overwrite it")
    try:
        verified_sidecar(out)
    except SweepStoreError as error:
        return f"{error}; the sweep is run again"
    return None


def _run_locked(
    scenario: Scenario,
    spec: SweepSpec,
    out: Path,
    identity: dict[str, Any],
    solving: tuple[ReadingRules, ViewName, ViewOptions],
    chunk_size: int,
    backend: Backend | None,
    progress: bool | None,
    overwrite: bool,
) -> SweepReport:
    """:func:`run_sweep` once its lock is held."""
    notes: list[str] = []
    parts = parts_directory(out)
    if out.exists() and not overwrite:
        problem = _finished_output(out, identity)
        if problem is None:
            if parts.exists():  # killed after the table was committed, before the parts were removed
                shutil.rmtree(parts)
            chunks = math.ceil(spec.size / chunk_size)
            return SweepReport(out, spec.size, chunks, (), chunks, ())
        notes.append(problem)
    for target in (out, sidecar_path(out)):  # temporary files of a killed run
        for leftover in leftover_temporaries(target):
            leftover.unlink()
    store, opened = ChunkStore.open(parts, identity, spec.size, chunk_size, overwrite)
    finished, discarded, damaged = store.finished()
    notes += opened + damaged
    todo = [index for index in range(store.chunks) if index not in finished]
    done_points = spec.size - sum(stop - start for start, stop in map(store.bounds, todo))
    backend = backend or ProcessBackend()
    description = f"{scenario.id} ({solving[1]}): {spec.size:,} points on {backend.describe()}"
    with progress_bar(spec.size, done_points, description, progress) as advance:
        results = backend.map_unordered(evaluate_chunk, _tasks(scenario, spec, *solving, store, todo))
        for task, frame in results:
            store.write(task.index, frame)
            advance(task.size)
    store.assemble(out)
    return SweepReport(out, spec.size, store.chunks, tuple(todo), len(finished), tuple(discarded), tuple(notes))


def read_sweep(path: str | Path) -> pd.DataFrame:
    """A sweep table (parquet or CSV) as a DataFrame, once its checksum is verified against its sidecar.

    The sweep's identity (scenario, hash, version, spec, rules) is in ``.attrs["sweep"]``.
    """
    frame, identity = read_table(path)
    frame.attrs["sweep"] = identity
    return frame


def sweep(
    scenario: Scenario | str,
    vary: Sequence[str | Axis] | Mapping[str, Sequence[float]],
    *,
    sample: Design | None = None,
    n: int | None = None,
    seed: int = 0,
    out: str | Path | None = None,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    backend: Backend | None = None,
    quiet: bool = False,
    overwrite: bool = False,
) -> pd.DataFrame:
    """Solve a scenario over a grid or a sample of parameter points; one row per (point, equilibrium).

    Parameters
    ----------
    scenario:
        A :class:`games.Scenario`, or a catalogue id / TOML path.
    vary:
        The varied parameters: ``["subsidy_value=0:20:101", "red_line_cost=0:50:101"]`` for a grid, names
        (plausible range) or ``"name=low:high"`` for a sample; see :func:`solver.studies.sweeps.spec.make_spec`.
    sample, n, seed:
        ``None`` for a grid, or ``"random"``, ``"lhs"``, ``"sobol"``, ``"saltelli"`` with ``n`` points.
    out:
        A ``.parquet`` or ``.csv`` path to write (and resume) the table; without it the sweep runs in a temporary
        folder.
    rules:
        Thresholds of the portfolio reading (default: the view's).
    view, options:
        The view solved at each point (any of :data:`solver.views.VIEWS` the scenario declares) and its
        options (the QRE's precision, the commitment's tie-breaking).
    chunk_size, backend:
        Points per chunk; where they are evaluated: :class:`~solver.studies.sweeps.backends.SerialBackend` (this
        process), :class:`~solver.studies.sweeps.backends.ProcessBackend` (local processes, the default) or
        :class:`~solver.studies.sweeps.backends.DaskBackend` (:func:`choose_backend` picks one from the command line's
        ``--workers``, ``--scheduler``, ``--dask-local``). The table is identical whatever these are.
    quiet, overwrite:
        No progress bar; replace an output holding a different sweep.

    Returns
    -------
    pandas.DataFrame
        Columns listed in :mod:`solver.studies.sweeps.evaluate`; the sweep's identity in ``.attrs["sweep"]``.

    Examples
    --------
    >>> from solver.studies.sweeps import SerialBackend
    >>> table = sweep("belarus-2014", ["subsidy_value=4:15:3"], backend=SerialBackend(), quiet=True)
    >>> table[["subsidy_value", "label"]].drop_duplicates().shape[0] >= 3
    True
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    spec = make_spec(case, vary, sample or "grid", n, seed, known=view_parameters(view))
    return sweep_frame(
        case, spec, out, rules=rules, view=view, options=options, chunk_size=chunk_size, backend=backend,
        quiet=quiet, overwrite=overwrite,
    )  # fmt: skip


def sweep_frame(
    scenario: Scenario,
    spec: SweepSpec,
    out: str | Path | None,
    *,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    backend: Backend | None = None,
    quiet: bool = False,
    overwrite: bool = False,
) -> pd.DataFrame:
    """:func:`run_sweep` into ``out`` (or a temporary folder when ``out`` is None) and read the table back."""
    progress = False if quiet else None

    def run(path: str | Path, replace: bool) -> SweepReport:
        return run_sweep(scenario, spec, path, rules=rules, view=view, options=options, chunk_size=chunk_size,
                         backend=backend, progress=progress, overwrite=replace)  # fmt: skip

    if out is not None:
        report = run(out, overwrite)
        for note in report.warnings:
            warnings.warn(note, SweepRepairWarning, stacklevel=2)
        return read_sweep(report.path)
    with tempfile.TemporaryDirectory(prefix="hedge-sweep-") as folder:
        return read_sweep(run(Path(folder) / "sweep.parquet", False).path)
