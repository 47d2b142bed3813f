"""The labelled game: labels, lookups by id, label or index, and cell explanations."""

from __future__ import annotations

import numpy as np
import pytest

from games import TwoPlayerGame, build_game, load_scenario


@pytest.fixture(scope="module")
def belarus() -> TwoPlayerGame:
    return build_game(load_scenario("belarus-2014"))


def test_labels_follow_the_scenario(belarus: TwoPlayerGame) -> None:
    scenario = belarus.scenario
    assert belarus.row_ids == tuple(i.id for i in scenario.instruments)
    assert belarus.col_labels == tuple(r.label for r in scenario.responses)
    assert belarus.shape == (8, 3)
    small_state, patron = belarus.payoff_frames()
    assert list(small_state.index) == list(belarus.row_labels)
    assert np.array_equal(patron.to_numpy(), belarus.col_payoffs)


def test_cells_are_found_by_id_label_or_index(belarus: TwoPlayerGame) -> None:
    by_id = belarus.explain("enmeshment", "coerce")
    by_label = belarus.explain("Enmeshment (Union State, EEU, CSTO)", "Coerce and enforce red lines")
    by_index = belarus.explain(1, "2")
    assert by_id == by_label == by_index
    assert by_id.small_state == belarus.row_payoffs[1, 2]
    frame = by_id.to_frame()
    assert list(frame.columns) == ["player", "term", "formula", "value"]
    assert np.isclose(frame[frame.player == "patron"].value.sum(), belarus.col_payoffs[1, 2])


def test_unknown_cells_say_what_exists(belarus: TwoPlayerGame) -> None:
    with pytest.raises(KeyError, match=r"unknown instrument 'alliance'.*full-bandwagoning"):
        belarus.explain("alliance", "coerce")
    with pytest.raises(KeyError, match=r"response index 7 is out of range 0\.\.2"):
        belarus.explain(0, 7)


def test_with_values_keeps_the_domain_and_widens_the_range() -> None:
    scenario = load_scenario("belarus-2014")
    moved = scenario.with_values(red_line_cost=80.0)
    assert moved.value("red_line_cost") == 80.0
    assert moved.parameters["red_line_cost"].range == (5.0, 80.0)
    assert moved.content_hash != scenario.content_hash
    with pytest.raises(ValueError, match="domain"):
        scenario.with_values(second_pole_support=1.5)
    with pytest.raises(KeyError, match="unknown parameter"):
        scenario.with_values(subsidy=1.0)
