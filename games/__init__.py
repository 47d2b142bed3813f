"""The strategic-hedging model: scenarios, their parameters, and the payoff matrices built from them.

The public names below are imported from their modules on first use (``games.lazy``), so that importing
``games`` costs only what is used.

Examples
--------
>>> from games import load_scenario, build_game
>>> game = build_game(load_scenario("belarus-2014"))
>>> game.row_payoffs.shape == (len(game.row_labels), len(game.col_labels))
True
"""

from typing import TYPE_CHECKING

from games.lazy import lazy_exports

if TYPE_CHECKING:
    from games.game import CellExplanation, TwoPlayerGame, build_game
    from games.loading import ScenarioError, catalogue, load_scenario, parse_scenario
    from games.parameters import ALL_PARAMETERS, MODEL_PARAMETERS, SECOND_POLE_PARAMETERS, ParameterSpec
    from games.payoffs import PayoffTerm, payoff_matrices, payoff_terms
    from games.scenario import Scenario
else:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "games.game": ("CellExplanation", "TwoPlayerGame", "build_game"),
            "games.loading": ("ScenarioError", "catalogue", "load_scenario", "parse_scenario"),
            "games.parameters": ("ALL_PARAMETERS", "MODEL_PARAMETERS", "SECOND_POLE_PARAMETERS", "ParameterSpec"),
            "games.payoffs": ("PayoffTerm", "payoff_matrices", "payoff_terms"),
            "games.scenario": ("Scenario",),
        },
    )

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
