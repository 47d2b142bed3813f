"""A fast, deterministic stand-in for :func:`solver.studies.sweeps.evaluate.evaluate_chunk`, for tests of the store.

Its rows depend on the point values *and* on the scenario (through ``second_pole_support``), so a table
assembled from another scenario's chunks differs from the right one; it has every column dtype a real sweep
has (integers, floats with NaN, booleans, text) and two rows per point. Also a task for pool workers that
reports where it runs and then hangs, to test that workers die with their driver.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pandas as pd

from solver.studies.sweeps.evaluate import ChunkTask


def fake_evaluate(task: ChunkTask) -> pd.DataFrame:
    """Two rows per point: ``point``, the varied values, ``equilibrium``, a payoff, a flag and a label."""
    values = np.repeat(task.values, 2, axis=0)
    equilibrium = np.tile(np.array([0, 1], dtype=np.int64), task.size)
    frame = pd.DataFrame({"point": np.repeat(np.arange(task.size, dtype=np.int64) + task.first_point, 2)})
    for k, name in enumerate(task.names):
        frame[name] = values[:, k]
    frame["equilibrium"] = equilibrium
    payoff = np.sin(values.sum(axis=1) * 0.37 + equilibrium) / 3 + task.scenario.value("second_pole_support")
    frame["patron_payoff"] = np.where(equilibrium == 1, payoff, np.nan) if task.first_point == 0 else payoff
    frame["degenerate"] = equilibrium == 1
    frame["label"] = np.where(payoff > 0.4, "hedging", "other")
    return frame


def report_and_sleep(task: tuple[str, int]) -> int:
    """Write this worker's process id and its parent's into the folder ``task[0]``, then sleep two minutes."""
    folder, value = task
    Path(folder, f"worker-{os.getpid()}").write_text(str(os.getppid()))
    time.sleep(120)
    return value
