"""The one registry of views: choose a view by name, for the command line and Python alike.

=============  ===================================================  ===========================================
view           game                                                 solution concept (module)
=============  ===================================================  ===========================================
two-player     instruments × responses, simultaneous                every extreme Nash equilibrium (two_player)
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

from dataclasses import fields
from typing import TYPE_CHECKING

from games import ParameterSpec, Scenario
from games.parameters import ALL_PARAMETERS
from solver.concepts.commitment import TieBreaking
from solver.portfolio import ReadingRules
from solver.views.base import View
from solver.views.bayesian import BayesianView
from solver.views.commitment import CommitmentView, ThreePlayerCommitmentView
from solver.views.qre import QREView
from solver.views.result import DEFAULT_PRECISION, VIEWS, ViewName, ViewOptions, ViewResult
from solver.views.sequential import SequentialView
from solver.views.three_player import ThreePlayerView
from solver.views.two_player import TwoPlayerView

if TYPE_CHECKING:
    import pandas as pd

REGISTRY: dict[ViewName, View] = {
    view.name: view
    for view in (
        TwoPlayerView(), SequentialView(), BayesianView(), QREView(), ThreePlayerView(), CommitmentView(),
        ThreePlayerCommitmentView(),
    )
}  # fmt: skip
assert tuple(REGISTRY) == VIEWS, "every view is registered, in the documented order"


def get_view(name: str) -> View:
    """The view called ``name`` (one of :data:`VIEWS`); a ValueError listing them otherwise."""
    if name not in REGISTRY:
        raise ValueError(f"unknown view {name!r}; choose one of {', '.join(VIEWS)}")
    return REGISTRY[name]


def used_options(view: ViewName, options: ViewOptions) -> dict[str, object]:
    """The options ``view`` uses, by name, with their values (what identifies a run of it)."""
    return {f.name: getattr(options, f.name) for f in fields(ViewOptions) if f.name in get_view(view).options}


def view_parameters(view: ViewName) -> dict[str, ParameterSpec]:
    """The model parameters a view's payoffs read, with their specifications (what a sweep of it may vary)."""
    return {name: spec for name, spec in ALL_PARAMETERS.items() if name in get_view(view).parameters}


def view_rules(view: ViewName) -> ReadingRules:
    """The reading rules a view uses by default (QRE's tolerate a little weight across a red line)."""
    return get_view(view).rules(None)


def check_declared(scenario: Scenario, view: str) -> None:
    """Refuse a view the scenario does not declare in ``[scenario] views``."""
    if view not in scenario.scenario.views:
        raise ValueError(
            f"scenario {scenario.id!r} does not support the {view} view; it lists {', '.join(scenario.scenario.views)}"
        )


def solve_view(
    scenario: Scenario,
    view: ViewName = "two-player",
    *,
    rules: ReadingRules | None = None,
    precision: float = DEFAULT_PRECISION,
    tie_breaking: TieBreaking = "strong",
) -> ViewResult:
    """Build and solve one view of ``scenario`` and read each solution as a hedging portfolio.

    ``precision`` is the logit λ of the QRE view; ``tie_breaking`` the Stackelberg rule of the commitment views.
    """
    check_declared(scenario, view)
    return get_view(view).solve(scenario, ViewOptions(precision, tie_breaking), rules)


def compare_views(scenario: Scenario, rules: ReadingRules | None = None) -> pd.DataFrame:
    """Every view the scenario supports, side by side: one row per solution profile."""
    import pandas as pd

    frames = [solve_view(scenario, view, rules=rules).to_frame() for view in VIEWS if view in scenario.scenario.views]
    return pd.concat(frames, ignore_index=True)
