"""One scenario under several views, each giving results of the same shape: profiles → portfolio readings.

=============  ===================================================  ===========================================
view           game                                                 solution concept (module)
=============  ===================================================  ===========================================
two-player     instruments × responses, simultaneous                every extreme Nash equilibrium (equilibria)
sequential     the patron observes the instrument, then responds    every pure subgame-perfect eq. (sequential)
bayesian       instruments × the patron's type-contingent plans     every extreme Bayesian Nash eq. (bayesian)
qre            instruments × responses, noisy best responses        logit QRE at precision λ (qre)
three-player   small state × patron × second pole                   every extreme Nash equilibrium (three_player)
commitment     the small state commits to a portfolio; the patron   Stackelberg with commitment to mixed
               (of each type) sees it and best-responds             strategies, LP-certified (commitment)
three-player-  the same, and the second pole too sees it and        the same, one LP per slab and response
commitment     best-responds (the star three-player game)           profile of both followers
=============  ===================================================  ===========================================

Use the two-player view for the textbook reading; the sequential view when the patron can watch and punish
(red-line credibility); the Bayesian view when the small state is unsure of the patron's type (hedging as
insurance); QRE when the small state's *own* payoffs should move its own portfolio (Tsebelis' paradox); the
three-player view when the second pole's support is a choice, not a probability; the commitment view when the
small state's portfolio is a set of instruments pursued together that the patron observes and answers (its own
payoffs then set its weights).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import Scenario, TwoPlayerGame, build_game
from games.bayesian import build_bayesian_game
from games.payoffs import payoff_matrices_across_the_line
from games.three_player import build_three_player_game
from solver.commitment import CommitmentSolution, TieBreaking, threshold_commitment
from solver.equilibria import equilibria
from solver.portfolio import PortfolioReading, Profile, ReadingRules, read_portfolio
from solver.qre import logit_qre
from solver.sequential import solve_sequential
from solver.three_player import three_player_equilibria

FloatArray = NDArray[np.float64]
ViewName = Literal[
    "two-player", "sequential", "bayesian", "qre", "three-player", "commitment", "three-player-commitment"
]
VIEWS: tuple[ViewName, ...] = (
    "two-player", "sequential", "bayesian", "qre", "three-player", "commitment", "three-player-commitment"
)  # fmt: skip

#: Default logit precision for the QRE view, in 1 / (bn USD/yr): one unit of payoff multiplies odds by e.
DEFAULT_PRECISION = 1.0

#: QRE puts positive weight on every instrument, so Filter Two cannot ask for zero red-line exposure there:
#: by default the QRE view tolerates up to 5% of the weight on red-line instruments (override with ``rules``).
QRE_RULES = ReadingRules(filter_two_max_red_line_exposure=0.05)


def view_rules(view: str) -> ReadingRules:
    """The reading rules a view uses by default (QRE's tolerate a little weight across a red line)."""
    return QRE_RULES if view == "qre" else ReadingRules()


@dataclass(frozen=True)
class ViewResult:
    """The solution of one view: the game solved, its solution profiles and their readings, with notes."""

    view: ViewName
    concept: str
    game: TwoPlayerGame
    profiles: tuple[Profile, ...]
    readings: tuple[PortfolioReading, ...]
    complete: bool
    notes: tuple[str, ...]

    def to_document(self) -> dict[str, object]:
        """Plain JSON data: the view, the scenario's id and hash, notes, and every solution with its reading."""
        scenario = self.game.scenario
        return {
            "scenario": {"id": scenario.id, "hash": scenario.content_hash},
            "view": self.view,
            "concept": self.concept,
            "complete": self.complete,
            "notes": list(self.notes),
            "solutions": [
                {"small_state": profile.row.tolist(), "patron": profile.col.tolist(), "reading": reading.to_dict()}
                for profile, reading in zip(self.profiles, self.readings, strict=True)
            ],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per solution profile: the view, weights, measures, filters and label."""
        rows = [
            pd.concat([pd.Series({"view": self.view, "concept": self.concept, "solution": k}), reading.to_series()])
            for k, reading in enumerate(self.readings)
        ]
        return pd.DataFrame(rows).reset_index(drop=True)


def _qre_pinning(lam: float) -> str:
    return (
        f"logit QRE at λ = {lam:g}: both players' payoffs, the small state's own included, set its weights "
        "(noisy best responses, McKelvey & Palfrey 1995)"
    )


#: What determines the committed portfolio.
COMMITMENT_PINNING = (
    "the small state's own payoffs: it commits to the portfolio that serves it best among those to which the "
    "patron's best response is the one it answers with (Conitzer & Sandholm 2006); the patron's payoffs only "
    "bound the region"
)


def commitment_solution(
    scenario: Scenario, tie_breaking: TieBreaking = "strong", *, second_pole: bool = False
) -> CommitmentSolution:
    """The small state's optimal commitment against the patron, per patron type where the scenario declares types.

    Red lines are thresholds (``docs/model.md``): each type answers the payoffs before its line
    (:func:`games.payoffs.payoff_matrices_across_the_line` with ``crossed=False``) until the portfolio's red-line
    exposure exceeds its ``red_line_tolerance``, and those across it after. Each type's parameters are the
    scenario's with the type's overrides; its weight is its prior.

    With ``second_pole`` the small state faces the star three-player game (``games.three_player``): the second
    pole also observes the portfolio and best-responds, the offer it delivers replacing the expected one in the
    small state's payoffs against the patron.
    """
    cases = [scenario.with_values(**t.overrides) for t in scenario.patron_types] or [scenario]
    priors = [t.prior for t in scenario.patron_types] or [1.0]
    below = [payoff_matrices_across_the_line(case, crossed=False) for case in cases]
    across = [payoff_matrices_across_the_line(case, crossed=True) for case in cases]
    pole: tuple[FloatArray, FloatArray] | None = None
    if second_pole:
        three = [build_three_player_game(case) for case in cases]
        expected = [game.two_player.row_payoffs - game.small_state_vs_patron for game in three]
        below = [(a - e, b) for (a, b), e in zip(below, expected, strict=True)]
        across = [(a - e, b) for (a, b), e in zip(across, expected, strict=True)]
        pole = (three[0].small_state_vs_pole, three[0].pole)
    return threshold_commitment(
        ([a for a, _ in below], [b for _, b in below]),
        ([a for a, _ in across], [b for _, b in across]),
        [float(i.crosses_red_line) for i in scenario.instruments],
        [case.value("red_line_tolerance") for case in cases],
        priors=priors,
        tie_breaking=tie_breaking,
        second_pole=pole,
    )


def _commitment_notes(scenario: Scenario, solution: CommitmentSolution) -> tuple[str, ...]:
    responses = [r.label for r in scenario.responses]
    types = [t.label for t in scenario.patron_types] or [scenario.scenario.patron]
    notes = []
    crossed = solution.crossed or (False,) * len(types)
    for label, response, tight, over in zip(types, solution.responses, solution.tight, crossed, strict=True):
        at_bay = f"; kept exactly indifferent to: {', '.join(responses[k] for k in tight)}" if tight else ""
        line = "; its red line is crossed" if over else ""
        notes.append(f"{label} answers with: {responses[response]}{at_bay}{line}")
    if solution.pole_response is not None:
        pole = scenario.second_pole_responses[solution.pole_response]
        notes.append(f"{scenario.scenario.second_pole} answers with: {pole.label}")
    if solution.exposure_at_tolerance:
        notes.append("the portfolio's red-line exposure sits exactly at a patron type's tolerance")
    certificate = solution.certificate
    side = "for" if solution.tie_breaking == "strong" else "against"
    proof = (
        "optimality certified exactly by LP duality in rationals"
        if certificate.exact
        else f"float LP certificate, residuals {certificate.primal_residual:.1e} / {certificate.dual_residual:.1e}"
    )
    notes.append(
        f"{solution.tie_breaking} Stackelberg (ties broken {side} the small state); value {solution.leader_value:.6g}"
        + (" attained" if solution.attained else " approached, not attained (a supremum)")
        + f"; {proof}"
    )
    return tuple(notes)


def solve_view(
    scenario: Scenario,
    view: ViewName = "two-player",
    *,
    rules: ReadingRules | None = None,
    precision: float = DEFAULT_PRECISION,
    tie_breaking: TieBreaking = "strong",
) -> ViewResult:
    """Build and solve one view of ``scenario`` and read each solution as a hedging portfolio.

    ``precision`` is the logit λ of the QRE view; ``tie_breaking`` the Stackelberg rule of the commitment view.
    """
    if view not in scenario.scenario.views:
        raise ValueError(
            f"scenario {scenario.id!r} does not support the {view} view; it lists {', '.join(scenario.scenario.views)}"
        )
    if view == "sequential":
        game = build_game(scenario)
        solution = solve_sequential(game)
        return ViewResult(view, "subgame-perfect equilibrium", game, solution.equilibria,
                          solution.readings(rules), True, tuple(r.reason for r in solution.red_lines))  # fmt: skip
    if view == "qre":
        game = build_game(scenario)
        points = tuple(logit_qre(game.row_payoffs, game.col_payoffs, precision))
        qre_rules = rules or view_rules(view)
        readings = tuple(read_portfolio(game, p, qre_rules, pinned_by=_qre_pinning(precision)) for p in points)
        return ViewResult(view, f"logit QRE (λ = {precision:g})", game, points, readings, True,
                          ("points of the principal branch at this precision",))  # fmt: skip
    if view in ("commitment", "three-player-commitment"):
        game = build_game(scenario)
        committed = commitment_solution(scenario, tie_breaking, second_pole=view == "three-player-commitment")
        reading = read_portfolio(game, committed, rules, pinned_by=COMMITMENT_PINNING)
        concept = f"commitment ({tie_breaking} Stackelberg{', two followers' if committed.pole is not None else ''})"
        return ViewResult(view, concept, game, (committed,), (reading,), True,
                          _commitment_notes(scenario, committed))  # fmt: skip
    if view == "three-player":
        three = build_three_player_game(scenario)
        solutions = three_player_equilibria(three)
        notes = tuple(
            f"solution {k}: {scenario.scenario.second_pole} plays "
            + ", ".join(f"{label} {p:.3f}" for label, p in zip(three.pole_labels, e.pole, strict=True) if p > 0)
            for k, e in enumerate(solutions)
        )
        readings = tuple(read_portfolio(three.two_player, e, rules) for e in solutions)
        return ViewResult(view, "Nash equilibrium (three players)", three.two_player, solutions, readings, True, notes)
    game = build_bayesian_game(scenario) if view == "bayesian" else build_game(scenario)
    result = equilibria(game)
    notes = (f"degenerate game: equilibria form {len(result.components)} component(s)",) if result.degenerate else ()
    concept = "Bayesian Nash equilibrium" if view == "bayesian" else "Nash equilibrium"
    return ViewResult(view, concept, game, tuple(result), tuple(read_portfolio(game, eq, rules) for eq in result),
                      result.complete, notes)  # fmt: skip


def compare_views(scenario: Scenario, rules: ReadingRules | None = None) -> pd.DataFrame:
    """Every view the scenario supports, side by side: one row per solution profile."""
    frames = [solve_view(scenario, view, rules=rules).to_frame() for view in VIEWS if view in scenario.scenario.views]
    return pd.concat(frames, ignore_index=True)
