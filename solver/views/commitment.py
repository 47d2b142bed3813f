"""The commitment views: the small state commits to a portfolio that the patron (of each type) observes.

Solution concept: Stackelberg equilibrium with commitment to a mixed strategy (Conitzer & Sandholm 2006), red
lines as thresholds on the portfolio's exposure (``docs/model.md``), exact rational certificates
(:mod:`solver.concepts.commitment`). The ``three-player-commitment`` view adds the second pole as a second follower
(the star three-player game).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario, build_game
from games.payoffs import payoff_matrices_across_the_line
from games.three_player import build_three_player_game
from solver.concepts.commitment import CommitmentSolution, TieBreaking, threshold_commitment
from solver.portfolio import ReadingRules, read_portfolio
from solver.views.base import WITH_COMMITMENT, WITH_SECOND_POLE, PointByPoint
from solver.views.result import NO_COMPONENT, ViewName, ViewOptions, ViewResult

FloatArray = NDArray[np.float64]

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


def commitment_notes(scenario: Scenario, solution: CommitmentSolution) -> tuple[str, ...]:
    """Each follower's answer, the constraints that bind, and the certificate, one sentence each."""
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


class CommitmentView(PointByPoint):
    """The small state commits to a portfolio; the patron (each type) observes it and best-responds."""

    name: ClassVar[ViewName] = "commitment"
    parameters: ClassVar[frozenset[str]] = WITH_COMMITMENT
    options: ClassVar[frozenset[str]] = frozenset({"tie_breaking"})
    per_patron_type: ClassVar[bool] = True
    second_pole: ClassVar[bool] = False

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The optimal commitment with each follower's answer in the notes, read as a portfolio."""
        game = build_game(scenario)
        rule = options.tie_breaking
        committed = commitment_solution(scenario, rule, second_pole=self.second_pole)
        reading = read_portfolio(game, committed, self.rules(rules), pinned_by=COMMITMENT_PINNING)
        followers = ", two followers" if self.second_pole else ""
        patron_value = float(np.dot(committed.priors, committed.follower_values))
        return ViewResult(
            self.name, f"commitment ({rule} Stackelberg{followers})", game, (committed,), (reading,), True,
            commitment_notes(scenario, committed),
            patron_responses=(committed.col,),
            payoffs=((committed.leader_value, patron_value),),
            components=(NO_COMPONENT,),
        )  # fmt: skip


class ThreePlayerCommitmentView(CommitmentView):
    """The commitment view with the second pole as a second follower (the star three-player game)."""

    name: ClassVar[ViewName] = "three-player-commitment"
    parameters: ClassVar[frozenset[str]] = WITH_COMMITMENT | WITH_SECOND_POLE
    second_pole: ClassVar[bool] = True
