"""Sweeps: a scenario solved over a grid or a sample of its parameter space, resumable, local or on Dask.

* :mod:`~solver.sweeps.spec` — what varies and how (grid axes, sampled factors), validated up front;
* :mod:`~solver.sweeps.sampling` — the design's parameter points, independent of chunking;
* :mod:`~solver.sweeps.evaluate` — one chunk of points → one tidy row per (point, equilibrium);
* :mod:`~solver.sweeps.store` — sealed parquet chunks, resume, assembling the final table;
* :mod:`~solver.sweeps.tables` — parquet or CSV tables with a checksummed metadata sidecar;
* :mod:`~solver.sweeps.files` — atomic writes, checksums, the one-writer lock, output-path checks;
* :mod:`~solver.sweeps.backends` — serial, local processes, Dask distributed;
* :mod:`~solver.sweeps.progress` — the progress bar;
* :mod:`~solver.sweeps.run` — :func:`sweep` and :func:`run_sweep`, tying them together.
"""

from solver.sweeps.backends import Backend, DaskBackend, ProcessBackend, SerialBackend
from solver.sweeps.run import (
    DEFAULT_CHUNK_SIZE,
    SweepRepairWarning,
    SweepReport,
    choose_backend,
    read_sweep,
    run_sweep,
    sweep,
    sweep_frame,
)
from solver.sweeps.spec import DESIGNS, Axis, Design, SweepSpec, SweepSpecError, make_spec
from solver.sweeps.store import SweepStoreError, read_metadata

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
