"""Phase diagrams, equilibrium tracking and the robustness report, with their figures."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

from games import load_scenario
from solver.plots import plot_phase, plot_sobol, plot_tracks
from solver.portfolio import LABELS, ReadingRules
from solver.studies.phase import phase_diagram
from solver.studies.robustness import robustness
from solver.studies.sensitivity import sobol_analysis, varied_parameters
from solver.studies.sweeps import SerialBackend
from solver.studies.tracking import track_equilibria
from solver.views import ViewName
from solver.views.base import PointByPoint
from solver.views.two_player import TwoPlayerView

matplotlib.use("Agg")
BELARUS = load_scenario("belarus-2014")
#: Cheap autonomy and a small second-pole offer: instrument cost moves Belarus through a fold.
CORNER = BELARUS.with_values(autonomy_value=0.8, second_pole_offer=1.0)


def test_phase_diagram_labels_every_point_and_flags_several_equilibria() -> None:
    frame = phase_diagram(CORNER, "instrument_cost=0.1:1.5:15", "autonomy_value=0.5:2:12")
    assert len(frame) == 15 * 12
    assert set(frame["phase"].str.split(" | ", regex=False).explode()) <= set(LABELS)
    several = frame[frame["multiple"]]
    assert len(several) > 0
    assert (several["equilibria"] > 1).all()
    assert several["phase"].str.contains(r"\|").any()
    assert (frame.loc[~frame["multiple"], "phase"].str.count(r"\|") == 0).all()


def test_shipped_calibration_is_not_dongs_mix_and_no_red_line_cost_balances_in_the_plane() -> None:
    frame = phase_diagram(BELARUS, "subsidy_value=0:20:11", "red_line_cost=0:50:11")
    at = frame.set_index(["subsidy_value", "red_line_cost"])["phase"]
    assert at[(10.0, 20.0)] == "other"  # pure diversification: Tessman's filters pass, Dong's mix fails
    assert at[(10.0, 0.0)] == "balancing"


def test_tracking_follows_branches_and_marks_the_fold() -> None:
    tracks = track_equilibria(CORNER, "instrument_cost=0.1:1.5:141")
    events = tracks.events
    appears = events[events["event"] == "appears"]
    assert len(appears) > 0
    fold = appears["instrument_cost"].min()
    assert 0.5 < fold < 1.2
    before = tracks.table[tracks.table["instrument_cost"] < fold]
    assert (before["equilibria"] == 1).all()
    assert before["branch"].nunique() == 1  # the single equilibrium is one branch until the fold
    first_branch = before["branch"].iloc[0]
    assert tracks.table.loc[tracks.table["branch"] == first_branch, "instrument_cost"].max() > fold


def test_a_jump_is_a_vanishing_and_an_appearance() -> None:
    events = track_equilibria(BELARUS, "red_line_cost=0:40:41").events
    assert events[["red_line_cost", "event", "label_before", "label_after"]].values.tolist() == [
        [2.0, "vanishes", "balancing", ""],
        [3.0, "appears", "", "other"],
    ]


def test_robustness_reports_the_share_of_the_box_for_each_label() -> None:
    report = robustness(BELARUS, n=256, backend=SerialBackend(), quiet=True)
    shares = report.shares
    assert report.verdict == ("other",)
    assert bool(shares.loc["other", "verdict"])
    assert shares.loc["other", "every_equilibrium"] == shares["every_equilibrium"].max()
    assert (
        (shares["every_equilibrium"] <= shares["by_rule"] + 1e-12)
        & (shares["by_rule"] <= shares["some_equilibrium"] + 1e-12)
    ).all()
    assert shares["some_equilibrium"].sum() >= 1.0 - 1e-12
    assert "other holds at every equilibrium" in report.summary()


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_figures_render(tmp_path: Path, suffix: str) -> None:
    frame = phase_diagram(CORNER, "instrument_cost=0.1:1.5:8", "autonomy_value=0.5:2:6")
    ax = plot_phase(frame, "instrument_cost", "autonomy_value", mark=(0.5, 0.8))
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "several equilibria" in legend
    assert "scenario calibration" in legend
    tracks = track_equilibria(CORNER, "instrument_cost=0.1:1.5:29")
    track_ax = plot_tracks(tracks)
    indices = sobol_analysis(
        BELARUS, n=8, factors=["subsidy_value", "red_line_cost"], backend=SerialBackend(), quiet=True
    ).indices
    bars = plot_sobol(indices, "is_hedging")
    assert len(bars.patches) == 4
    for k, figure_ax in enumerate((ax, track_ax, bars)):
        path = tmp_path / f"figure-{k}{suffix}"
        figure_ax.get_figure().savefig(path)
        assert path.stat().st_size > 1000
    assert np.isfinite(track_ax.get_ylim()).all()


def test_threshold_stability_moves_each_threshold_and_agrees_with_the_base_shares() -> None:
    report = robustness(BELARUS, n=64, backend=SerialBackend(), quiet=True)
    stability = report.threshold_stability
    assert list(stability.index) == list(ReadingRules().moved())
    assert ((stability >= 0) & (stability <= 1)).all().all()
    for _, row in stability[stability["labels_kept"] == 1.0].iterrows():
        for label in LABELS:  # nothing flipped: every label keeps its base share
            assert row[f"{label}_every_equilibrium"] == pytest.approx(report.shares.loc[label, "every_equilibrium"])
    assert "moved by ±10%" in report.summary()


def test_the_point_by_point_path_agrees_with_the_batch_sweep_on_the_two_player_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch = robustness(BELARUS, n=32, backend=SerialBackend(), quiet=True)
    monkeypatch.setattr(TwoPlayerView, "solve_points", PointByPoint.solve_points)
    one_by_one = robustness(BELARUS, n=32, backend=SerialBackend(), quiet=True)
    pd.testing.assert_frame_equal(batch.shares, one_by_one.shares)
    assert batch.verdict == one_by_one.verdict


@pytest.mark.parametrize("view", ["sequential", "bayesian", "qre", "three-player", "commitment"])
def test_every_view_has_a_robustness_report(view: ViewName) -> None:
    report = robustness(BELARUS, view=view, n=8, backend=SerialBackend(), quiet=True)
    assert report.points == 8
    assert report.shares["some_equilibrium"].sum() >= 1.0 - 1e-12  # every point has some label
    assert (report.shares["every_equilibrium"] <= report.shares["some_equilibrium"] + 1e-12).all()
    assert set(report.factors) == set(varied_parameters(BELARUS, view))
    if view == "commitment":
        assert "red_line_tolerance" in report.factors


def test_a_parameter_every_patron_type_overrides_is_not_a_factor() -> None:
    assert all(set(t.overrides) == {"patron_aggressiveness"} for t in BELARUS.patron_types)
    assert "patron_aggressiveness" in varied_parameters(BELARUS, "two-player")
    assert "patron_aggressiveness" not in varied_parameters(BELARUS, "bayesian")
    assert "patron_aggressiveness" not in varied_parameters(BELARUS, "commitment")
