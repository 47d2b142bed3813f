"""The QRE view: noisy best responses, so the small state's own payoffs move its own portfolio.

Solution concept: the logit quantal response equilibria of the principal branch at precision λ (McKelvey &
Palfrey 1995; :mod:`solver.concepts.qre`). Every QRE puts positive weight on every instrument, so by default the reading
tolerates up to 5% of the weight on red-line instruments (:data:`QRE_RULES`).
"""

from __future__ import annotations

from typing import ClassVar

from games import Scenario, build_game
from solver.concepts.qre import logit_qre
from solver.portfolio import ReadingRules, read_portfolio
from solver.views.base import PointByPoint
from solver.views.result import NO_COMPONENT, ViewName, ViewOptions, ViewResult

#: QRE puts positive weight on every instrument, so Filter Two cannot ask for zero red-line exposure there:
#: by default the QRE view tolerates up to 5% of the weight on red-line instruments (override with ``rules``).
QRE_RULES = ReadingRules(filter_two_max_red_line_exposure=0.05)


def qre_pinning(lam: float) -> str:
    """What sets the weights of a logit QRE at precision ``lam``."""
    return (
        f"logit QRE at λ = {lam:g}: both players' payoffs, the small state's own included, set its weights "
        "(noisy best responses, McKelvey & Palfrey 1995)"
    )


class QREView(PointByPoint):
    """Instruments × responses with logit noise; the principal branch's points at precision λ."""

    name: ClassVar[ViewName] = "qre"
    options: ClassVar[frozenset[str]] = frozenset({"precision"})

    def rules(self, rules: ReadingRules | None) -> ReadingRules:
        """``rules``, or :data:`QRE_RULES`."""
        return rules or QRE_RULES

    def solve(self, scenario: Scenario, options: ViewOptions, rules: ReadingRules | None = None) -> ViewResult:
        """The principal branch's points at ``options.precision``, each read as a portfolio."""
        lam = options.precision
        game = build_game(scenario)
        points = tuple(logit_qre(game.row_payoffs, game.col_payoffs, lam))
        rules = self.rules(rules)
        return ViewResult(
            self.name, f"logit QRE (λ = {lam:g})", game, points,
            tuple(read_portfolio(game, p, rules, pinned_by=qre_pinning(lam)) for p in points), True,
            ("points of the principal branch at this precision",),
            patron_responses=tuple(p.col for p in points),
            payoffs=tuple((float(p.row @ game.row_payoffs @ p.col), float(p.row @ game.col_payoffs @ p.col))
                          for p in points),
            components=(NO_COMPONENT,) * len(points),
        )  # fmt: skip
