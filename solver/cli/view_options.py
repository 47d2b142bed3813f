"""The options every command that solves a view shares: which view, and the options of the views that use them.

An option set for a view that does not use it (``--precision`` outside the QRE view, ``--tie-breaking`` outside
the commitment views) is refused, not silently ignored; so is a view the scenario does not declare.
"""

from __future__ import annotations

from typing import Annotated

import typer

from games import Scenario
from solver.cli.app import choose, fail
from solver.commitment import TIE_BREAKING
from solver.views import VIEWS, ViewName, ViewOptions, check_declared, unused_options

ViewOpt = Annotated[str, typer.Option(help=f"View of the scenario: {', '.join(VIEWS)}.")]
PrecisionOpt = Annotated[float, typer.Option(min=0.0, max=1e4, help="Logit precision λ for --view qre (0 … 10⁴).")]
TieBreakingOpt = Annotated[
    str, typer.Option(help="Stackelberg tie-breaking for the commitment views: strong (for the small state) or weak.")
]

#: The command-line spelling of each view option.
FLAGS = {"precision": "--precision", "tie_breaking": "--tie-breaking"}


def view_choice(case: Scenario, view: str, precision: float, tie_breaking: str) -> tuple[ViewName, ViewOptions]:
    """The chosen view and its options, or exit 2: unknown view, undeclared view, or an option it does not use."""
    chosen = choose(view, VIEWS, "--view")
    options = ViewOptions(precision=precision, tie_breaking=choose(tie_breaking, TIE_BREAKING, "--tie-breaking"))
    try:
        check_declared(case, chosen)
    except ValueError as error:
        raise fail(str(error)) from None
    unused = unused_options(chosen, options)
    if unused:
        flags = ", ".join(FLAGS[name] for name in unused)
        raise fail(f"{flags} does not apply to the {chosen} view; drop it (or choose a view that uses it)")
    return chosen, options
