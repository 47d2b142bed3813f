"""The three-player view: small state × patron × second pole, each with its own payoffs.

The second pole Q chooses a response ``q``; its payoff and the support it delivers to the small state are the
named terms of :func:`games.payoffs.second_pole_terms` (support ``s_q(i) = σ_q · 1[a_i ≤ ā_q]`` given only to
instruments whose alignment is at most ``ā_q``). With the two-player notation of :mod:`games.payoffs`:

    u_S(i, r, q) = u_S^{(P)}(i, r) + ω s_q(i) e_i            the two-player payoff without the expected
                                                             second-pole term π ω e_i, plus what Q delivers
    u_P(i, r, q) = u_P(i, r)                                 the patron's two-player payoff
    u_Q(i, r, q) = s_q(i) (ν e_i + θ k_i − κ_Q e_i)          engagement value, interest in a state drawn
                                                             away from the patron, cost of support

The patron's and the second pole's payoffs depend on the small state's instrument only, and the small state's
payoff is a sum of a patron part and a second-pole part: the game is a *polymatrix* game on a star (Yanovskaya
1968; Howson 1972), which :mod:`solver.concepts.three_player` solves exactly through a two-player game.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from games.gambit_files import StrategicGame
from games.game import TwoPlayerGame, build_game
from games.payoffs import PayoffTerm, player_sum, second_pole_terms
from games.scenario import Scenario

FloatArray = NDArray[np.float64]

#: The two-player term replaced by the second pole's actual choice in this view.
EXPECTED_SECOND_POLE_TERM = "second-pole support"


@dataclass(frozen=True)
class ThreePlayerGame:
    """The star-shaped three-player game: the small state's two bilateral parts and the other players' payoffs.

    ``small_state_vs_patron`` (m × n) and ``small_state_vs_pole`` (m × k) sum to the small state's payoff;
    ``patron`` (m × n) and ``pole`` (m × k) are the other players' payoffs, which do not depend on each other's move;
    ``pole_terms`` the named terms of ``small_state_vs_pole`` and ``pole`` (:func:`games.payoffs.second_pole_terms`).
    """

    two_player: TwoPlayerGame
    pole_ids: tuple[str, ...]
    pole_labels: tuple[str, ...]
    small_state_vs_patron: FloatArray
    small_state_vs_pole: FloatArray
    patron: FloatArray
    pole: FloatArray
    pole_terms: tuple[PayoffTerm, ...] = ()

    @property
    def scenario(self) -> Scenario:
        """The scenario the game is built from."""
        return self.two_player.scenario

    @property
    def shape(self) -> tuple[int, int, int]:
        """``(instruments, patron responses, second-pole responses)``."""
        m, n = self.small_state_vs_patron.shape
        return m, n, self.small_state_vs_pole.shape[1]

    def tensors(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Each player's payoff as an ``m × n × k`` array indexed by (instrument, response, second-pole response)."""
        m, n, k = self.shape
        small_state = self.small_state_vs_patron[:, :, None] + self.small_state_vs_pole[:, None, :]
        return (
            np.asarray(small_state, dtype=np.float64),
            np.broadcast_to(self.patron[:, :, None], (m, n, k)).astype(np.float64),
            np.broadcast_to(self.pole[:, None, :], (m, n, k)).astype(np.float64),
        )

    def to_strategic(self) -> StrategicGame:
        """The game in the interchange form written to Gambit ``.nfg`` files, with all three players' labels."""
        info = self.scenario.scenario
        return StrategicGame(
            title=f"{info.title} (three players)",
            players=(info.small_state, info.patron, info.second_pole),
            strategies=(self.two_player.row_labels, self.two_player.col_labels, self.pole_labels),
            payoffs=self.tensors(),
        )


def build_three_player_game(scenario: Scenario) -> ThreePlayerGame:
    """Build the three-player view of a scenario that declares ``[[second_pole_responses]]``."""
    if len(scenario.second_pole_responses) < 2:
        raise ValueError(f"scenario {scenario.id!r} declares no second-pole responses; add [[second_pole_responses]]")
    game = build_game(scenario)
    (expected,) = (t for t in game.terms if t.name == EXPECTED_SECOND_POLE_TERM)
    terms = second_pole_terms(scenario)
    responses = scenario.second_pole_responses
    return ThreePlayerGame(
        two_player=game,
        pole_ids=tuple(r.id for r in responses),
        pole_labels=tuple(r.label for r in responses),
        small_state_vs_patron=game.row_payoffs - expected.values,
        small_state_vs_pole=player_sum(terms, "small_state"),
        patron=game.col_payoffs,
        pole=player_sum(terms, "second_pole"),
        pole_terms=terms,
    )
