"""Running a sweep: split the design into chunks, evaluate the missing ones on a backend, assemble the table."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from games import Scenario, load_scenario
from solver.analysis import package_version
from solver.portfolio import ReadingRules
from solver.sweeps.backends import Backend, DaskBackend, ProcessBackend, SerialBackend
from solver.sweeps.evaluate import ChunkTask, evaluate_chunk
from solver.sweeps.progress import progress_bar
from solver.sweeps.sampling import points
from solver.sweeps.spec import Axis, Design, SweepSpec, make_spec
from solver.sweeps.store import ChunkStore, SweepStoreError, parts_directory, read_metadata
from solver.views import ViewName, ViewOptions, check_declared, get_view, view_parameters, view_rules

#: Parameter points per chunk unless told otherwise.
DEFAULT_CHUNK_SIZE = 500


@dataclass(frozen=True)
class SweepReport:
    """What a run did: where the table is, and how many chunks it computed, found finished or had to redo."""

    path: Path
    points: int
    chunks: int
    computed: tuple[int, ...]
    reused: int
    discarded: tuple[int, ...]


def sweep_identity(
    scenario: Scenario, spec: SweepSpec, rules: ReadingRules, view: ViewName = "two-player",
    options: ViewOptions | None = None,
) -> dict[str, Any]:  # fmt: skip
    """What makes two sweeps the same: stored in the file's metadata and checked before resuming.

    The view's options count only where the view uses them (a two-player sweep ignores the QRE's precision).
    """
    used = get_view(view).options
    return {
        "format": 1,
        "scenario": scenario.id,
        "scenario_hash": scenario.content_hash,
        "scenario_values": {name: p.value for name, p in scenario.parameters.items()},
        "package_version": package_version(),
        "spec": spec.to_dict(),
        "rules": asdict(rules),
        "view": view,
        "view_options": {k: v for k, v in asdict(options or ViewOptions()).items() if k in used},
    }


def choose_backend(workers: int | None = None, scheduler: str | None = None, dask_local: int | None = None) -> Backend:
    """Dask when given a scheduler or a local cluster size, one process for ``workers=1``, else a local pool."""
    if scheduler is not None or dask_local is not None:
        if scheduler is not None and dask_local is not None:
            raise ValueError("give a Dask scheduler address or a local Dask cluster size, not both")
        return DaskBackend(scheduler=scheduler, local_workers=dask_local)
    return SerialBackend() if workers == 1 else ProcessBackend(workers)


def _tasks(
    scenario: Scenario, spec: SweepSpec, rules: ReadingRules, chunk_size: int, todo: Sequence[int],
    view: ViewName, options: ViewOptions,
) -> Iterator[ChunkTask]:  # fmt: skip
    for index in todo:
        start = index * chunk_size
        stop = min(start + chunk_size, spec.size)
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
    """Evaluate a sweep into the parquet file ``out``, resuming from its parts folder if one is there.

    Finished chunks (sealed and intact) are kept, damaged ones discarded and recomputed, missing ones
    computed on ``backend`` (default: local processes). Stopping the run at any moment (Ctrl-C, a kill)
    loses at most the chunks in flight; running it again finishes it, and the table is the same as that of an
    uninterrupted run. An existing output of the same sweep is reused as it is.

    Raises
    ------
    SweepStoreError
        ``out`` (or its parts folder) holds a different sweep and ``overwrite`` is false.
    """
    check_declared(scenario, view)
    rules = rules or view_rules(view)
    options = options or ViewOptions()
    out = Path(out)
    if out.suffix != ".parquet":
        raise SweepStoreError(f"{out}: a sweep is written as parquet; name the output *.parquet")
    identity = sweep_identity(scenario, spec, rules, view, options)
    if out.exists() and not overwrite:
        if read_metadata(out) != identity:
            raise SweepStoreError(f"{out} holds a different sweep; choose another output or overwrite it")
        chunks = math.ceil(spec.size / chunk_size)
        return SweepReport(out, spec.size, chunks, (), chunks, ())
    out.parent.mkdir(parents=True, exist_ok=True)
    store = ChunkStore.open(parts_directory(out), identity, chunk_size, overwrite)
    chunks = math.ceil(spec.size / store.chunk_size)
    finished, discarded = store.finished(chunks)
    todo = [index for index in range(chunks) if index not in finished]
    done_points = spec.size - sum(min(store.chunk_size, spec.size - i * store.chunk_size) for i in todo)
    backend = backend or ProcessBackend()
    description = f"{scenario.id} ({view}): {spec.size:,} points on {backend.describe()}"
    with progress_bar(spec.size, done_points, description, progress) as advance:
        results = backend.map_unordered(
            evaluate_chunk, _tasks(scenario, spec, rules, store.chunk_size, todo, view, options)
        )
        for task, frame in results:
            store.write(task.index, frame)
            advance(task.size)
    store.assemble(chunks, out, identity)
    return SweepReport(out, spec.size, chunks, tuple(todo), len(finished), tuple(discarded))


def read_sweep(path: str | Path) -> pd.DataFrame:
    """A sweep file as a DataFrame, its identity (scenario, hash, version, spec, rules) in ``.attrs["sweep"]``."""
    frame = pd.read_parquet(path)
    frame.attrs["sweep"] = read_metadata(path)
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
    workers: int | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
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
        (plausible range) or ``"name=low:high"`` for a sample; see :func:`solver.sweeps.spec.make_spec`.
    sample, n, seed:
        ``None`` for a grid, or ``"random"``, ``"lhs"``, ``"sobol"``, ``"saltelli"`` with ``n`` points.
    out:
        A ``.parquet`` path to write (and resume) the table; without it the sweep runs in a temporary folder.
    rules:
        Thresholds of the portfolio reading (default: the view's).
    view, options:
        The view solved at each point (any of :data:`solver.views.VIEWS` the scenario declares) and its
        options (the QRE's precision, the commitment's tie-breaking).
    chunk_size, workers, scheduler, dask_local:
        Points per chunk; local processes (``workers=1`` runs in this process); a Dask scheduler address or a
        number of local Dask workers. The table is identical whatever these are.
    quiet, overwrite:
        No progress bar; replace an output holding a different sweep.

    Returns
    -------
    pandas.DataFrame
        Columns listed in :mod:`solver.sweeps.evaluate`; the sweep's identity in ``.attrs["sweep"]``.

    Examples
    --------
    >>> table = sweep("belarus-2014", ["subsidy_value=4:15:3"], workers=1, quiet=True)
    >>> table[["subsidy_value", "label"]].drop_duplicates().shape[0] >= 3
    True
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    spec = make_spec(case, vary, sample or "grid", n, seed, known=view_parameters(view))
    backend = choose_backend(workers, scheduler, dask_local)
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

    def run(path: str | Path, replace: bool) -> pd.DataFrame:
        report = run_sweep(scenario, spec, path, rules=rules, view=view, options=options, chunk_size=chunk_size,
                           backend=backend, progress=progress, overwrite=replace)  # fmt: skip
        return read_sweep(report.path)

    if out is not None:
        return run(out, overwrite)
    with tempfile.TemporaryDirectory(prefix="hedge-sweep-") as folder:
        return run(Path(folder) / "sweep.parquet", False)
