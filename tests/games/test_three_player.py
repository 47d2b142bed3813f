"""The second pole's payoffs are named terms of games.payoffs, and the three-player game is their sum."""

from __future__ import annotations

import numpy as np
import pytest

from games import load_scenario
from games.payoffs import InstrumentAttributes, second_pole_terms
from games.three_player import build_three_player_game

BELARUS = load_scenario("belarus-2014")


def test_each_second_pole_term_is_its_formula_cell_by_cell() -> None:
    terms = {t.name: t for t in second_pole_terms(BELARUS)}
    attrs = InstrumentAttributes.of(BELARUS)
    v = BELARUS.value
    for i, instrument in enumerate(BELARUS.instruments):
        for q, response in enumerate(BELARUS.second_pole_responses):
            delivered = response.support * (instrument.alignment <= response.max_alignment)
            e, k = attrs.second_pole_engagement[i], attrs.competitiveness[i]
            assert terms["second-pole support delivered"].values[i, q] == pytest.approx(
                v("second_pole_offer") * delivered * e
            )
            assert terms["engagement value"].values[i, q] == pytest.approx(
                v("second_pole_engagement_value") * delivered * e
            )
            assert terms["interest in drawing the state away"].values[i, q] == pytest.approx(
                v("second_pole_interest") * delivered * k
            )
            assert terms["cost of support"].values[i, q] == pytest.approx(
                -v("second_pole_support_cost") * delivered * e
            )


def test_the_three_player_game_sums_the_named_terms() -> None:
    game = build_three_player_game(BELARUS)
    pole = sum(t.values for t in game.pole_terms if t.player == "second_pole")
    small_state = sum(t.values for t in game.pole_terms if t.player == "small_state")
    np.testing.assert_array_equal(game.pole, pole)
    np.testing.assert_array_equal(game.small_state_vs_pole, small_state)
    assert {t.player for t in game.pole_terms} == {"small_state", "second_pole"}
