"""Sweeps: a scenario solved over a grid or a sample of its parameter space, resumable, local or on Dask.

* :mod:`~solver.studies.sweeps.spec` — what varies and how (grid axes, sampled factors), validated up front;
* :mod:`~solver.studies.sweeps.sampling` — the design's parameter points, independent of chunking;
* :mod:`~solver.studies.sweeps.evaluate` — one chunk of points → one tidy row per (point, equilibrium);
* :mod:`~solver.studies.sweeps.store` — sealed parquet chunks, resume, assembling the final table;
* :mod:`~solver.studies.sweeps.tables` — parquet or CSV tables with a checksummed metadata sidecar;
* :mod:`~solver.studies.sweeps.files` — atomic writes, checksums, the one-writer lock, output-path checks;
* :mod:`~solver.studies.sweeps.backends` — serial, local processes, Dask distributed;
* :mod:`~solver.studies.sweeps.progress` — the progress bar;
* :mod:`~solver.studies.sweeps.run` — :func:`sweep` and :func:`run_sweep`, tying them together.

The public names below are imported from their modules on first use (:mod:`games.lazy`): the command line
reads the specification's errors without loading pandas, pyarrow, scipy.stats or the backends.
"""

from typing import TYPE_CHECKING

from games.lazy import lazy_exports

if TYPE_CHECKING:
    from solver.studies.sweeps.backends import Backend, DaskBackend, ProcessBackend, SerialBackend
    from solver.studies.sweeps.run import (
        SweepRepairWarning,
        SweepReport,
        choose_backend,
        read_sweep,
        run_sweep,
        sweep,
        sweep_frame,
    )
    from solver.studies.sweeps.spec import (
        DEFAULT_CHUNK_SIZE,
        DESIGNS,
        Axis,
        Design,
        SweepSpec,
        SweepSpecError,
        make_spec,
    )
    from solver.studies.sweeps.store import SweepStoreError, read_metadata
else:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "solver.studies.sweeps.backends": ("Backend", "DaskBackend", "ProcessBackend", "SerialBackend"),
            "solver.studies.sweeps.run": (
                "SweepRepairWarning",
                "SweepReport",
                "choose_backend",
                "read_sweep",
                "run_sweep",
                "sweep",
                "sweep_frame",
            ),
            "solver.studies.sweeps.spec": (
                "DEFAULT_CHUNK_SIZE",
                "DESIGNS",
                "Axis",
                "Design",
                "SweepSpec",
                "SweepSpecError",
                "make_spec",
            ),
            "solver.studies.sweeps.store": ("SweepStoreError", "read_metadata"),
        },
    )

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DESIGNS",
    "Axis",
    "Backend",
    "DaskBackend",
    "Design",
    "ProcessBackend",
    "SerialBackend",
    "SweepRepairWarning",
    "SweepReport",
    "SweepSpec",
    "SweepSpecError",
    "SweepStoreError",
    "choose_backend",
    "make_spec",
    "read_metadata",
    "read_sweep",
    "run_sweep",
    "sweep",
    "sweep_frame",
]
