"""The strategic-hedging model: scenarios, their parameters, and the payoff matrices built from them.

Examples
--------
>>> from games import load_scenario, build_game
>>> game = build_game(load_scenario("belarus-2014"))
>>> game.row_payoffs.shape == (len(game.row_labels), len(game.col_labels))
True
"""

from games.game import CellExplanation, TwoPlayerGame, build_game
from games.loading import ScenarioError, catalogue, load_scenario, parse_scenario
from games.parameters import ALL_PARAMETERS, MODEL_PARAMETERS, SECOND_POLE_PARAMETERS, ParameterSpec
from games.payoffs import PayoffTerm, payoff_matrices, payoff_terms
from games.scenario import Scenario

__all__ = [
    "ALL_PARAMETERS",
    "MODEL_PARAMETERS",
    "SECOND_POLE_PARAMETERS",
    "CellExplanation",
    "ParameterSpec",
    "PayoffTerm",
    "Scenario",
    "ScenarioError",
    "TwoPlayerGame",
    "build_game",
    "catalogue",
    "load_scenario",
    "parse_scenario",
    "payoff_matrices",
    "payoff_terms",
]
