"""The commitment views: the small state commits to a portfolio that the patron (of each type) observes.

Solution concept: Stackelberg equilibrium with commitment to a mixed strategy (Conitzer & Sandholm 2006), red
lines as thresholds on the portfolio's exposure (``docs/model.md``), exact rational certificates
(:mod:`solver.concepts.commitment`). The ``three-player-commitment`` view adds the second pole as a second follower
(the star three-player game).

A stack of parameter points is built as payoff stacks (:mod:`games.payoff_batch`) and solved in compiled batch code
(:mod:`solver.concepts.commitment_batch`); the points it leaves undecided (ties, borderline flags, failed
certificates) are solved one by one by :meth:`CommitmentView.solve`, the exact reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from games import Scenario, build_game
from games.parameters import ALL_PARAMETERS, MODEL_PARAMETERS
from games.payoff_batch import payoff_stacks
from games.payoffs import payoff_matrices_across_the_line, player_sum, second_pole_terms, structure_across_the_line
from games.three_player import EXPECTED_SECOND_POLE_TERM, build_three_player_game
from solver.concepts.commitment import CommitmentSolution, TieBreaking, threshold_commitment
from solver.concepts.commitment_batch import CommitmentStack, Followers, threshold_commitment_stack
from solver.portfolio import ReadingRules, read_portfolio
from solver.views.base import WITH_COMMITMENT, WITH_SECOND_POLE, PointByPoint
from solver.views.result import NO_COMPONENT, PointSolutions, ViewName, ViewOptions, ViewResult

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


def _type_columns(scenario: Scenario, names: Sequence[str], values: FloatArray) -> list[dict[str, FloatArray]]:
    """Each patron type's parameter columns at the points: the swept values, then the type's overrides (as
    ``scenario.with_values(**point).with_values(**overrides)`` gives), checked against each parameter's domain."""
    count = len(values)
    swept = {name: values[:, k] for k, name in enumerate(names)}
    for name, column in swept.items():
        spec = ALL_PARAMETERS[name]
        if ((column < spec.lower) | (column > spec.upper) | ~np.isfinite(column)).any():
            raise ValueError(f"{name} leaves its domain [{spec.lower}, {spec.upper}] at some point")
    overrides = [t.overrides for t in scenario.patron_types] or [{}]
    return [swept | {name: np.full(count, float(v)) for name, v in o.items()} for o in overrides]


def commitment_followers(
    scenario: Scenario, names: Sequence[str], values: FloatArray, *, second_pole: bool = False
) -> tuple[Followers, FloatArray]:
    """The followers of :func:`commitment_solution` at each row of ``values`` (the parameters ``names``), as payoff
    stacks, with the red-line exposure of each instrument.

    With ``second_pole`` the patron's types answer the small state's payoffs without the expected second-pole
    support, and the second pole (at the first type's parameters, as in :func:`commitment_solution`) follows with
    the terms of :func:`games.payoffs.second_pole_terms`.
    """
    points = np.asarray(values, dtype=np.float64).reshape(len(values), len(names))
    columns = _type_columns(scenario, names, points)
    without = frozenset({EXPECTED_SECOND_POLE_TERM}) if second_pole else frozenset()
    stacks = {
        crossed: [payoff_stacks(scenario, {k: v for k, v in c.items() if k in MODEL_PARAMETERS}, structure, without)
                  for c in columns]
        for crossed, structure in ((c, structure_across_the_line(scenario, c)) for c in (False, True))
    }  # fmt: skip
    below, across = (tuple(np.stack([s[i] for s in stacks[side]], axis=1) for i in (0, 1)) for side in (False, True))
    pole: tuple[FloatArray, FloatArray] | None = None
    if second_pole:
        build_three_player_game(scenario)  # refuses a scenario without second-pole responses, as the reference does
        first = columns[0]

        def lookup(name: str) -> FloatArray:
            return np.asarray(first.get(name, np.full(len(points), scenario.value(name))))[:, None, None]

        terms = second_pole_terms(scenario, lookup)
        pole = (player_sum(terms, "small_state"), player_sum(terms, "second_pole"))
    tolerance = scenario.value("red_line_tolerance")
    followers = Followers(
        below=(below[0], below[1]),
        across=(across[0], across[1]),
        tolerances=np.stack([c.get("red_line_tolerance", np.full(len(points), tolerance)) for c in columns], axis=1),
        priors=np.array([t.prior for t in scenario.patron_types] or [1.0]),
        pole=pole,
    )
    return followers, np.array([float(i.crosses_red_line) for i in scenario.instruments])


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
    batched: ClassVar[bool] = True
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

    def solve_points(
        self, scenario: Scenario, names: Sequence[str], values: FloatArray, options: ViewOptions
    ) -> PointSolutions:
        """The stack in compiled batch code; the points it leaves undecided by :meth:`solve` (module docstring)."""
        values = np.asarray(values, dtype=np.float64).reshape(len(values), len(names))
        followers, exposure = commitment_followers(scenario, names, values, second_pole=self.second_pole)
        stack = threshold_commitment_stack(followers, exposure, options.tie_breaking)
        exact = PointByPoint.solve_points(self, scenario, names, values[~stack.resolved], options)
        return _merged(stack, followers.priors, exact, len(scenario.responses))


def _merged(stack: CommitmentStack, priors: FloatArray, exact: PointSolutions, responses: int) -> PointSolutions:
    """One solution per point: the stack's where it is resolved, the reference's (``exact``, in order) elsewhere."""
    points = len(stack.leader)
    patron = np.zeros((points, responses))
    for t, prior in enumerate(priors):
        np.add.at(patron, (np.arange(points), stack.responses[:, t]), prior)
    left = ~stack.resolved
    small, patron_payoff = stack.leader.copy(), stack.follower_values @ priors
    leader_value = stack.leader_value.copy()
    small[left], patron[left] = exact.small_state, exact.patron
    leader_value[left], patron_payoff[left] = exact.small_state_payoff, exact.patron_payoff
    return PointSolutions(
        offsets=np.arange(points + 1, dtype=np.int64), small_state=small, patron=patron,
        small_state_payoff=leader_value, patron_payoff=patron_payoff,
        components=np.full(points, NO_COMPONENT, dtype=np.int64), degenerate=np.zeros(points, dtype=bool),
    )  # fmt: skip


class ThreePlayerCommitmentView(CommitmentView):
    """The commitment view with the second pole as a second follower (the star three-player game)."""

    name: ClassVar[ViewName] = "three-player-commitment"
    parameters: ClassVar[frozenset[str]] = WITH_COMMITMENT | WITH_SECOND_POLE
    second_pole: ClassVar[bool] = True
