"""The whole two-player analysis of a scenario as one object, table and document."""

from __future__ import annotations

import json

import numpy as np

from games import build_game, load_scenario
from solver import analyse, equilibria, read_portfolio


def test_analysis_reads_every_equilibrium_once() -> None:
    scenario = load_scenario("belarus-2014")
    case = analyse(scenario)
    direct = equilibria(build_game(scenario))
    assert len(case.readings) == len(direct) == len(case.equilibria)
    for eq, reading in zip(direct, case.readings, strict=True):
        assert reading == read_portfolio(case.game, eq)


def test_frame_has_one_row_per_equilibrium_with_weights_and_label() -> None:
    case = analyse(load_scenario("belarus-2014"))
    frame = case.to_frame()
    assert len(frame) == len(case.equilibria)
    weights = frame[[c for c in frame.columns if c.startswith("w: ")]].to_numpy(dtype=float)
    assert np.allclose(weights.sum(axis=1), 1.0)
    assert set(frame["label"]) <= {"bandwagoning", "balancing", "hedging", "other"}


def test_document_is_json_serialisable() -> None:
    document = analyse(load_scenario("belarus-2014")).to_document()
    assert json.loads(json.dumps(document)) == document
