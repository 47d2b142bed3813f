"""The options every command that solves a view shares: which view, and the options of the views that use them.

``--precision`` and ``--tie-breaking`` default to "not given": given for a view that does not use them (the QRE
view uses the first, the commitment views the second), they are refused, not silently ignored; so is a view the
scenario does not declare.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from solver.cli.app import choose, fail
from solver.cli.checks import number_in
from solver.views.result import DEFAULT_PRECISION, VIEWS, ViewName, ViewOptions

if TYPE_CHECKING:
    from games import Scenario

ViewOpt = Annotated[str, typer.Option(help=f"View of the scenario: {', '.join(VIEWS)}.")]
PrecisionOpt = Annotated[
    float | None,
    typer.Option(
        callback=number_in(0.0, 1e4),
        help=f"Logit precision λ for --view qre (0 … 10⁴; default {DEFAULT_PRECISION:g}).",
    ),
]
TieBreakingOpt = Annotated[
    str | None,
    typer.Option(
        help="Stackelberg tie-breaking for the commitment views: strong (for the small state, default) or weak."
    ),
]

#: Why each view option is refused where the view does not use it.
REFUSALS = {
    "precision": "--precision applies to --view qre only, not {view}; drop it or add --view qre",
    "tie_breaking": "--tie-breaking applies to the commitment views only, not {view}; drop it or add --view commitment",
}


def chosen_view(view: str, precision: float | None, tie_breaking: str | None) -> tuple[ViewName, ViewOptions]:
    """The view and its options, or exit 2: an unknown view, or an option given that the view does not use."""
    from solver.concepts.commitment import TIE_BREAKING
    from solver.views import get_view

    chosen = choose(view, VIEWS, "--view")
    given = {"precision": precision is not None, "tie_breaking": tie_breaking is not None}
    for name in (n for n, is_given in given.items() if is_given and n not in get_view(chosen).options):
        raise fail(REFUSALS[name].format(view=chosen))
    rule = choose(tie_breaking or "strong", TIE_BREAKING, "--tie-breaking")
    return chosen, ViewOptions(DEFAULT_PRECISION if precision is None else precision, rule)


def view_choice(
    case: Scenario, view: str, precision: float | None, tie_breaking: str | None
) -> tuple[ViewName, ViewOptions]:
    """:func:`chosen_view`, and exit 2 where the scenario does not declare the view."""
    from solver.views import check_declared

    chosen, options = chosen_view(view, precision, tie_breaking)
    try:
        check_declared(case, chosen)
    except ValueError as error:
        raise fail(str(error)) from None
    return chosen, options
