"""Evaluating chunks: each row is the reading of one equilibrium at one point, as ``analyse`` gives it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from games import load_scenario
from solver import ReadingRules, analyse
from solver.studies.sweeps.evaluate import ChunkTask, evaluate_chunk

BELARUS = load_scenario("belarus-2014")
NAMES = ("subsidy_value", "red_line_cost")
VALUES = np.array([[9.6, 20.0], [4.0, 20.0], [9.6, 0.0], [15.0, 50.0], [0.5, 3.0]])


def test_rows_are_the_readings_of_every_equilibrium_at_each_point() -> None:
    frame = evaluate_chunk(ChunkTask(3, 100, BELARUS, NAMES, VALUES, ReadingRules()))
    assert sorted(frame["point"].unique()) == list(range(100, 105))
    for k, (sigma, rho) in enumerate(VALUES):
        expected = analyse(BELARUS.with_values(subsidy_value=sigma, red_line_cost=rho)).to_frame()
        rows = frame[frame["point"] == 100 + k].reset_index(drop=True)
        assert (rows[list(NAMES)].to_numpy() == [sigma, rho]).all()
        assert list(rows["equilibrium"]) == list(range(len(expected)))
        assert (rows["equilibria"] == len(expected)).all()
        shared = [c for c in expected.columns if c in rows.columns and c != "equilibrium"]
        assert len(shared) >= 20
        pd.testing.assert_frame_equal(rows[shared], expected[shared], check_dtype=False)


def test_the_shipped_point_reads_as_other_and_no_red_line_cost_as_balancing() -> None:
    frame = evaluate_chunk(ChunkTask(0, 0, BELARUS, NAMES, VALUES[[0, 2]], ReadingRules()))
    assert frame.loc[frame["point"] == 0, "label"].tolist() == ["other"]  # one neutral instrument: not Dong's mix
    assert "balancing" in frame.loc[frame["point"] == 1, "label"].tolist()


def test_reading_rules_travel_with_the_task() -> None:
    strict = ReadingRules(filter_one_min_dependence_reduction=0.99, filter_one_min_capability_gain=0.99)
    frame = evaluate_chunk(ChunkTask(0, 0, BELARUS, NAMES, VALUES[:1], strict))
    assert frame["label"].tolist() != ["hedging"]
    assert not frame["filter_1"].any()
