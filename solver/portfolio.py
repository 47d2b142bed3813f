"""Reading the small state's equilibrium strategy as a hedging portfolio.

Dong (2015: 64, quoted in the seed paper) defines strategic hedging as "a portfolio or mixed strategy that
consists of both cooperative and competitive strategic instruments"; Tessman (2012: 210, the seed's Figure 1)
identifies it by three filters. For a mixed strategy ``p`` over instruments with alignment ``a_i``, red-line
crossing ``x_i``, subsidy-weighted dependence reduction ``d̄_i = Σ_c h_c d_ic``, capability gain ``g_i`` and
strategic flag ``t_i`` the reading computes

    cooperative share   Σ_{a_i > 0} p_i          competitive share   Σ_{a_i < 0} p_i
    mean alignment      Σ p_i a_i                red-line exposure   Σ p_i x_i
    dependence reduction Σ p_i d̄_i               capability gain     Σ p_i g_i
    Herfindahl index    Σ p_i²                   entropy             −Σ p_i ln p_i

and the filters

    Filter One    dependence reduction ≥ θ₁ or capability gain ≥ θ₁'  (copes without subsidies / can fight)
    Filter Two    red-line exposure ≤ θ₂                             (no external or internal balancing)
    Filter Three  strategic share of the Filter-One weight ≥ θ₃      (decided and funded at the top)

then a label: **balancing** when red-line exposure ≥ θ_bal; otherwise **hedging** when all three filters pass;
otherwise **bandwagoning** when mean alignment ≥ θ_band and competitive share ≤ θ_comp; otherwise **other**
(neutrality, buck-passing or drift). The thresholds live in :class:`ReadingRules` and are configurable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal, Protocol

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import TwoPlayerGame
from games.payoffs import InstrumentAttributes, subsidy_weighted_dependence_reduction

Label = Literal["bandwagoning", "balancing", "hedging", "other"]


@dataclass(frozen=True)
class ReadingRules:
    """Thresholds of the portfolio reading (defaults documented in ``docs/model.md``)."""

    filter_one_min_dependence_reduction: float = 0.10
    filter_one_min_capability_gain: float = 0.10
    filter_two_max_red_line_exposure: float = 0.0
    filter_three_min_strategic_share: float = 0.5
    balancing_min_red_line_exposure: float = 0.5
    bandwagoning_min_alignment: float = 0.5
    bandwagoning_max_competitive_share: float = 0.10
    tolerance: float = 1e-9


@dataclass(frozen=True)
class FilterVerdict:
    """One of Tessman's filters applied to a portfolio: passed or not, and why."""

    name: str
    question: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class PortfolioReading:
    """The hedging reading of one equilibrium of a scenario's game."""

    weights: dict[str, float]
    patron_response: dict[str, float]
    cooperative_share: float
    competitive_share: float
    mean_alignment: float
    red_line_exposure: float
    dependence_reduction: float
    capability_gain: float
    strategic_share: float
    herfindahl: float
    entropy: float
    mixes_cooperative_and_competitive: bool
    filters: tuple[FilterVerdict, FilterVerdict, FilterVerdict]
    label: Label
    label_reason: str
    pinned_by: str

    @property
    def measures(self) -> dict[str, float]:
        """The scalar portfolio measures by name."""
        return {
            "cooperative_share": self.cooperative_share,
            "competitive_share": self.competitive_share,
            "mean_alignment": self.mean_alignment,
            "red_line_exposure": self.red_line_exposure,
            "dependence_reduction": self.dependence_reduction,
            "capability_gain": self.capability_gain,
            "strategic_share": self.strategic_share,
            "herfindahl": self.herfindahl,
            "entropy": self.entropy,
        }

    def to_dict(self) -> dict[str, object]:
        """Plain-data form of JSON types only (lists, dicts, numbers, strings)."""
        return {**asdict(self), "filters": [asdict(verdict) for verdict in self.filters]}

    def to_series(self) -> pd.Series:
        """One pandas row: weights (``w: <instrument>``), measures, filter verdicts and the label."""
        data: dict[str, object] = {f"w: {name}": weight for name, weight in self.weights.items()}
        data.update(self.measures)
        data.update({f"filter_{i}": f.passed for i, f in enumerate(self.filters, start=1)})
        data.update(label=self.label, mixes_cooperative_and_competitive=self.mixes_cooperative_and_competitive)
        return pd.Series(data)


def _filters(
    rules: ReadingRules,
    dependence: float,
    capability: float,
    exposure: float,
    strategic: float,
    relevant_weight: float,
) -> tuple[FilterVerdict, FilterVerdict, FilterVerdict]:
    tol = rules.tolerance
    one = dependence >= rules.filter_one_min_dependence_reduction - tol or (
        capability >= rules.filter_one_min_capability_gain - tol
    )
    two = exposure <= rules.filter_two_max_red_line_exposure + tol
    three = relevant_weight > tol and strategic >= rules.filter_three_min_strategic_share - tol
    return (
        FilterVerdict(
            "Filter One",
            "Does it improve the ability to cope without the patron's subsidies, or to fight it?",
            one,
            f"dependence reduction {dependence:.3f} (threshold {rules.filter_one_min_dependence_reduction:g}), "
            f"capability gain {capability:.3f} (threshold {rules.filter_one_min_capability_gain:g})",
        ),
        FilterVerdict(
            "Filter Two",
            "Does it avoid direct confrontation (no alliance against, no arms build-up aimed at the patron)?",
            two,
            f"weight on red-line instruments {exposure:.3f} (allowed {rules.filter_two_max_red_line_exposure:g})",
        ),
        FilterVerdict(
            "Filter Three",
            "Is it strategic: decided, funded and coordinated at the highest level of government?",
            three,
            (
                f"{strategic:.0%} of the dependence-reducing or capability-building weight is strategic "
                f"(needs {rules.filter_three_min_strategic_share:.0%})"
            )
            if relevant_weight > tol
            else "no weight on dependence-reducing or capability-building instruments to judge",
        ),
    )


def _label(
    rules: ReadingRules,
    filters: tuple[FilterVerdict, ...],
    exposure: float,
    alignment: float,
    competitive: float,
) -> tuple[Label, str]:
    if exposure >= rules.balancing_min_red_line_exposure - rules.tolerance:
        return "balancing", f"red-line exposure {exposure:.2f} ≥ {rules.balancing_min_red_line_exposure:g}"
    if all(f.passed for f in filters):
        return "hedging", "passes all three of Tessman's filters"
    failed = ", ".join(f.name for f in filters if not f.passed)
    if (
        alignment >= rules.bandwagoning_min_alignment
        and competitive <= rules.bandwagoning_max_competitive_share + rules.tolerance
    ):
        return "bandwagoning", f"mean alignment {alignment:+.2f} toward the patron, fails {failed}"
    return "other", f"fails {failed}; mean alignment {alignment:+.2f} (neutrality, buck-passing or drift)"


class Profile(Protocol):
    """A strategy profile: an :class:`~solver.equilibria.Equilibrium`, a QRE point, a subgame-perfect path."""

    @property
    def row(self) -> NDArray[np.float64]: ...

    @property
    def col(self) -> NDArray[np.float64]: ...


def nash_pinning(game: TwoPlayerGame, profile: Profile) -> str:
    """Which payoffs determine the small state's weights at an extreme Nash equilibrium."""
    if np.count_nonzero(profile.row) == 1:
        return "pure: the small state's own best response to the patron's strategy"
    responses = ", ".join(game.col_labels[j] for j in np.flatnonzero(profile.col))
    return (
        "the patron's payoffs: the small state's weights are a vertex of the patron's best-response polytope "
        f"(they keep the patron's responses {responses} in balance), so the small state's own payoff "
        "parameters can change which equilibrium holds but not these weights (Tsebelis 1989)"
    )


def read_portfolio(
    game: TwoPlayerGame, equilibrium: Profile, rules: ReadingRules | None = None, *, pinned_by: str | None = None
) -> PortfolioReading:
    """Read the small state's strategy in ``equilibrium`` as a hedging portfolio (module docstring).

    ``equilibrium`` is any profile with ``row`` and ``col`` mixed strategies. ``pinned_by`` says which payoffs
    determine the small state's weights; by default the statement for an extreme Nash equilibrium
    (:func:`nash_pinning`). Other solution concepts (QRE, subgame perfection) pass their own.
    """
    rules = rules or ReadingRules()
    scenario = game.scenario
    p = equilibrium.row
    attrs = InstrumentAttributes.of(scenario)
    alignment = np.array([i.alignment for i in scenario.instruments])
    strategic = np.array([float(i.strategic) for i in scenario.instruments])
    dependence_by_instrument = subsidy_weighted_dependence_reduction(scenario)
    relevant = (dependence_by_instrument > 0) | (attrs.capability_gain > 0)
    relevant_weight = float(p[relevant].sum())
    cooperative = float(p[alignment > 0].sum())
    competitive = float(p[alignment < 0].sum())
    dependence = float(p @ dependence_by_instrument)
    capability = float(p @ attrs.capability_gain)
    exposure = float(p @ attrs.crosses_red_line)
    strategic_share = float((p * strategic)[relevant].sum() / relevant_weight) if relevant_weight > 0 else 0.0
    mean_alignment = float(p @ alignment)
    filters = _filters(rules, dependence, capability, exposure, strategic_share, relevant_weight)
    label, reason = _label(rules, filters, exposure, mean_alignment, competitive)
    positive = p[p > 0]
    return PortfolioReading(
        weights=dict(zip(game.row_labels, (float(w) for w in p), strict=True)),
        patron_response=dict(zip(game.col_labels, (float(q) for q in equilibrium.col), strict=True)),
        cooperative_share=cooperative,
        competitive_share=competitive,
        mean_alignment=mean_alignment,
        red_line_exposure=exposure,
        dependence_reduction=dependence,
        capability_gain=capability,
        strategic_share=strategic_share,
        herfindahl=float(p @ p),
        entropy=float(-(positive * np.log(positive)).sum()) + 0.0,  # + 0.0 turns -0.0 into 0.0
        mixes_cooperative_and_competitive=cooperative > rules.tolerance and competitive > rules.tolerance,
        filters=filters,
        label=label,
        label_reason=reason,
        pinned_by=pinned_by if pinned_by is not None else nash_pinning(game, equilibrium),
    )
