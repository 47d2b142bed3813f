"""The hedging-portfolio reading: measures, Tessman's filters, labels and the Tsebelis note."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from games import Scenario, TwoPlayerGame, build_game
from solver import ReadingRules, equilibria, read_portfolio
from solver.equilibria import Equilibrium
from tests.scenarios import belarus_data

INSTRUMENTS: list[dict[str, Any]] = [
    # id, alignment, red line, dependence reduction on the single channel, capability, strategic
    {"id": "bandwagon", "alignment": 1.0, "crosses_red_line": False, "strategic": True},
    {"id": "diversify", "alignment": 0.0, "crosses_red_line": False, "strategic": True,
     "dependence_reduction": {"channel-0": 0.4}},
    {"id": "mediate", "alignment": -0.5, "crosses_red_line": False, "strategic": False},
    {"id": "ally-with-rival", "alignment": -1.0, "crosses_red_line": True, "strategic": True,
     "capability_gain": 0.5},
]  # fmt: skip


@pytest.fixture(scope="module")
def game() -> TwoPlayerGame:
    """Belarus's parameters with four archetypal instruments, one subsidy channel and two responses."""
    data = belarus_data()
    data["subsidies"] = [{"id": "channel-0", "label": "c", "share": 1.0, "source": "assumed"}]
    data["instruments"] = [{"label": i["id"], "evidence": "test", **i} for i in INSTRUMENTS]
    data["responses"] = [
        {"id": f"r{k}", "label": f"r{k}", "subsidy_kept": {"channel-0": kept}, "coercion": 1 - kept,
         "enforces_red_line": kept == 0, "evidence": "test"}
        for k, kept in enumerate((1.0, 0.0))
    ]  # fmt: skip
    return build_game(Scenario.model_validate(data))


def _at(game: TwoPlayerGame, weights: list[float]) -> Equilibrium:
    """A profile of the given small-state weights against the patron's first response."""
    row = np.array(weights)
    col = np.eye(game.shape[1])[0]
    return Equilibrium(row, col, 0.0, 0.0, 0.0, 0, (0,), 0, 0)


def test_measures_follow_their_formulas(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, _at(game, [0.4, 0.3, 0.2, 0.1]))
    assert reading.cooperative_share == pytest.approx(0.4)
    assert reading.competitive_share == pytest.approx(0.3)
    assert reading.mean_alignment == pytest.approx(0.4 - 0.1 - 0.1)
    assert reading.red_line_exposure == pytest.approx(0.1)
    assert reading.dependence_reduction == pytest.approx(0.3 * 0.4)
    assert reading.capability_gain == pytest.approx(0.05)
    assert reading.herfindahl == pytest.approx(0.16 + 0.09 + 0.04 + 0.01)
    assert reading.entropy == pytest.approx(-sum(p * np.log(p) for p in (0.4, 0.3, 0.2, 0.1)))
    assert reading.mixes_cooperative_and_competitive


def test_pure_bandwagoning(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, _at(game, [1, 0, 0, 0]))
    assert reading.label == "bandwagoning"
    assert not reading.filters[0].passed  # nothing reduces dependence
    assert reading.filters[1].passed
    assert "pure" in reading.pinned_by


def test_red_line_portfolio_is_balancing(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, _at(game, [0, 0, 0.4, 0.6]))
    assert reading.label == "balancing"
    assert not reading.filters[1].passed


def test_a_mix_of_cooperative_competitive_and_diversifying_instruments_is_hedging(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, _at(game, [0.4, 0.4, 0.2, 0]))
    assert [f.passed for f in reading.filters] == [True, True, True]
    assert reading.mixes_cooperative_and_competitive
    assert reading.label == "hedging"
    assert "patron's payoffs" in reading.pinned_by


def test_passing_the_filters_without_dongs_mix_is_not_hedging(game: TwoPlayerGame) -> None:
    """Dong (2015: 64): "any hedging portfolio will be a combination of both cooperative and competitive
    strategic instruments"; a cooperative-and-neutral mix passes Tessman's filters but is not one (here it
    leans far enough toward the patron to read as bandwagoning)."""
    reading = read_portfolio(game, _at(game, [0.5, 0.5, 0, 0]))
    assert [f.passed for f in reading.filters] == [True, True, True]
    assert not reading.mixes_cooperative_and_competitive
    assert reading.label == "bandwagoning"
    assert "not Dong's mix" in reading.label_reason


@pytest.mark.parametrize("instrument", range(4))
def test_a_pure_strategy_is_never_a_hedging_portfolio(game: TwoPlayerGame, instrument: int) -> None:
    lenient = ReadingRules(filter_one_min_dependence_reduction=0.0, filter_three_min_strategic_share=0.0)
    reading = read_portfolio(game, _at(game, list(np.eye(4)[instrument])), lenient)
    assert reading.label != "hedging"


def test_dongs_mix_thresholds_decide_at_their_edge(game: TwoPlayerGame) -> None:
    profile = _at(game, [0.45, 0.45, 0.1, 0])  # competitive share 0.10
    assert read_portfolio(game, profile).label == "hedging"
    strict = ReadingRules(hedging_min_competitive_share=0.11)
    assert read_portfolio(game, profile, strict).label == "other"


def test_label_stability_names_the_threshold_the_label_rests_on(game: TwoPlayerGame) -> None:
    edge = read_portfolio(game, _at(game, [0.45, 0.45, 0.1, 0]))  # competitive share exactly at 0.10
    assert not edge.label_stable
    assert edge.fragile_under == ("hedging_min_competitive_share +10%",)
    firm = read_portfolio(game, _at(game, [0.4, 0.3, 0.3, 0]))
    assert firm.label == "hedging"
    assert firm.label_stable
    assert "filter_two_max_red_line_exposure +10%" not in firm.label_stability  # zero: a definition, not moved


def test_any_weight_across_the_red_line_fails_filter_two(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, _at(game, [0.45, 0.45, 0.0, 0.1]))
    assert not reading.filters[1].passed
    assert reading.label == "other"


def test_filter_three_needs_strategic_weight(game: TwoPlayerGame) -> None:
    rules = ReadingRules(filter_three_min_strategic_share=1.0)
    assert read_portfolio(game, _at(game, [0.5, 0.5, 0, 0]), rules).filters[2].passed
    neutral = read_portfolio(game, _at(game, [0, 0, 1, 0]))
    assert not neutral.filters[2].passed
    assert "no weight" in neutral.filters[2].reason
    assert neutral.label == "other"


def test_thresholds_are_configurable(game: TwoPlayerGame) -> None:
    profile = _at(game, [0.6, 0.15, 0.25, 0])  # dependence reduction 0.06
    assert read_portfolio(game, profile).label == "other"
    lenient = ReadingRules(filter_one_min_dependence_reduction=0.05)
    assert read_portfolio(game, profile, lenient).label == "hedging"


def test_series_and_dict_forms(game: TwoPlayerGame) -> None:
    reading = read_portfolio(game, equilibria(game)[0])
    series = reading.to_series()
    assert series["label"] == reading.label
    assert series[[f"w: {name}" for name in game.row_labels]].sum() == pytest.approx(1.0)
    assert reading.to_dict()["filters"][0]["name"] == "Filter One"
