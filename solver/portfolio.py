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

then a label: **balancing** when red-line exposure ≥ θ_bal; otherwise **hedging** when all three filters pass
*and* the portfolio is Dong's mix (cooperative share ≥ θ_coop and competitive share ≥ θ_compet: "any hedging
portfolio will be a combination of both cooperative and competitive strategic instruments", Dong 2015: 64), so a
pure strategy on one instrument is never a hedging portfolio; otherwise **bandwagoning** when mean alignment
≥ θ_band and competitive share ≤ θ_comp; otherwise **other** (neutrality, buck-passing or drift).

The measures and the label rule are written once, on arrays of portfolios (:func:`portfolio_measures`,
:func:`classify`); :func:`read_portfolio` reads one profile with reasons, :func:`read_portfolios` many at once
for sweeps. A label is only as firm as its thresholds: :func:`label_stability` recomputes it with each
positive threshold moved by ±10% and says where it flips. The thresholds live in :class:`ReadingRules`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Literal, Protocol, cast

import numpy as np
from numpy.typing import NDArray

from games import Scenario, TwoPlayerGame
from games.payoffs import InstrumentAttributes, subsidy_weighted_dependence_reduction

if TYPE_CHECKING:
    import pandas as pd

Label = Literal["bandwagoning", "balancing", "hedging", "other"]
LABELS: tuple[Label, ...] = ("bandwagoning", "balancing", "hedging", "other")

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

#: How far each threshold is moved by :func:`label_stability` (a relative step: ±10%).
STABILITY_STEP = 0.10


@dataclass(frozen=True)
class ReadingRules:
    """Thresholds of the portfolio reading (defaults and their basis in ``docs/model.md``)."""

    filter_one_min_dependence_reduction: float = 0.10
    filter_one_min_capability_gain: float = 0.10
    filter_two_max_red_line_exposure: float = 0.0
    filter_three_min_strategic_share: float = 0.5
    balancing_min_red_line_exposure: float = 0.5
    bandwagoning_min_alignment: float = 0.5
    bandwagoning_max_competitive_share: float = 0.10
    hedging_min_cooperative_share: float = 0.10
    hedging_min_competitive_share: float = 0.10
    tolerance: float = 1e-9

    @property
    def thresholds(self) -> dict[str, float]:
        """Every threshold by name (all fields but ``tolerance``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "tolerance"}

    def moved(self) -> dict[str, ReadingRules]:
        """The rules with one positive threshold moved by ±:data:`STABILITY_STEP`, keyed ``"name +10%"``.

        A zero threshold (Filter Two's "no weight across a red line") has no relative neighbourhood and is not
        moved: it is a definition, not a calibration.
        """
        out = {}
        for name, value in self.thresholds.items():
            if value > 0:
                for sign, text in ((-1, "−"), (1, "+")):
                    out[f"{name} {text}{STABILITY_STEP:.0%}"] = replace(
                        self, **{name: value * (1 + sign * STABILITY_STEP)}
                    )
        return out


@dataclass(frozen=True)
class PortfolioMeasures:
    """The reading's measures for ``E`` portfolios at once (each an array of length ``E``).

    ``filter_one_weight`` is the weight on dependence-reducing or capability-building instruments, the weight
    Filter Three judges.
    """

    cooperative_share: FloatArray
    competitive_share: FloatArray
    mean_alignment: FloatArray
    red_line_exposure: FloatArray
    dependence_reduction: FloatArray
    capability_gain: FloatArray
    strategic_share: FloatArray
    filter_one_weight: FloatArray
    herfindahl: FloatArray
    entropy: FloatArray

    def columns(self) -> dict[str, FloatArray]:
        """Every measure by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Verdicts:
    """Tessman's filters, Dong's mix and the label for ``E`` portfolios (arrays of length ``E``)."""

    filter_1: BoolArray
    filter_2: BoolArray
    filter_3: BoolArray
    dong_mix: BoolArray
    label: NDArray[np.str_]


def _weighted(p: FloatArray, attribute: FloatArray) -> FloatArray:
    """``Σ_i p_i v_i`` per row, as an elementwise product reduced along the row (no BLAS: a row's value never
    depends on how many rows are read together)."""
    return np.asarray((p * attribute[None, :]).sum(axis=1), dtype=np.float64)


def portfolio_measures(scenario: Scenario, p: FloatArray) -> PortfolioMeasures:
    """The measures of the module docstring for each row of ``p`` (``E × instruments``)."""
    attrs = InstrumentAttributes.of(scenario)
    alignment = np.array([i.alignment for i in scenario.instruments])
    strategic = np.array([float(i.strategic) for i in scenario.instruments])
    dependence_by_instrument = subsidy_weighted_dependence_reduction(scenario)
    relevant = ((dependence_by_instrument > 0) | (attrs.capability_gain > 0)).astype(np.float64)
    relevant_weight = _weighted(p, relevant)
    strategic_weight = _weighted(p, strategic * relevant)
    logs = np.log(p, out=np.zeros_like(p), where=p > 0)
    return PortfolioMeasures(
        cooperative_share=_weighted(p, (alignment > 0).astype(np.float64)),
        competitive_share=_weighted(p, (alignment < 0).astype(np.float64)),
        mean_alignment=_weighted(p, alignment),
        red_line_exposure=_weighted(p, attrs.crosses_red_line),
        dependence_reduction=_weighted(p, dependence_by_instrument),
        capability_gain=_weighted(p, attrs.capability_gain),
        strategic_share=np.divide(
            strategic_weight, relevant_weight, out=np.zeros_like(relevant_weight), where=relevant_weight > 0
        ),
        filter_one_weight=relevant_weight,
        herfindahl=(p * p).sum(axis=1),
        entropy=-(p * logs).sum(axis=1) + 0.0,  # + 0.0 turns -0.0 into 0.0
    )


def classify(measures: PortfolioMeasures, rules: ReadingRules) -> Verdicts:
    """The filters, Dong's mix and the label of the module docstring: the one place the label rule is written."""
    tol = rules.tolerance
    m = measures
    filter_1 = (m.dependence_reduction >= rules.filter_one_min_dependence_reduction - tol) | (
        m.capability_gain >= rules.filter_one_min_capability_gain - tol
    )
    filter_2 = m.red_line_exposure <= rules.filter_two_max_red_line_exposure + tol
    filter_3 = (m.filter_one_weight > tol) & (m.strategic_share >= rules.filter_three_min_strategic_share - tol)
    dong_mix = (m.cooperative_share >= rules.hedging_min_cooperative_share - tol) & (
        m.competitive_share >= rules.hedging_min_competitive_share - tol
    )
    label = np.select(
        [
            m.red_line_exposure >= rules.balancing_min_red_line_exposure - tol,
            filter_1 & filter_2 & filter_3 & dong_mix,
            (m.mean_alignment >= rules.bandwagoning_min_alignment)
            & (m.competitive_share <= rules.bandwagoning_max_competitive_share + tol),
        ],
        ["balancing", "hedging", "bandwagoning"],
        "other",
    )
    return Verdicts(filter_1, filter_2, filter_3, dong_mix, label)


def label_stability(measures: PortfolioMeasures, rules: ReadingRules) -> dict[str, BoolArray]:
    """For each threshold moved by ±10% (:meth:`ReadingRules.moved`): whether each portfolio keeps its label."""
    label = classify(measures, rules).label
    return {name: classify(measures, moved).label == label for name, moved in rules.moved().items()}


def read_portfolios(scenario: Scenario, p: FloatArray, rules: ReadingRules) -> pd.DataFrame:
    """Measures, filter verdicts (``filter_1`` … ``filter_3``), ``label``, Dong's mix and label stability.

    One row per row of ``p``; columns are named as in :meth:`PortfolioReading.to_series`, and
    ``label_stable`` says whether the label survives every threshold moved by ±10%.
    """
    import pandas as pd

    measures = portfolio_measures(scenario, p)
    verdicts = classify(measures, rules)
    stability = label_stability(measures, rules)
    stable = np.logical_and.reduce(list(stability.values())) if stability else np.ones(len(p), dtype=bool)
    return pd.DataFrame(
        {
            **measures.columns(),
            "filter_1": verdicts.filter_1,
            "filter_2": verdicts.filter_2,
            "filter_3": verdicts.filter_3,
            "label": pd.array(verdicts.label, dtype="str"),
            "mixes_cooperative_and_competitive": verdicts.dong_mix,
            "label_stable": stable,
        }
    )


@dataclass(frozen=True)
class FilterVerdict:
    """One of Tessman's filters applied to a portfolio: passed or not, and why."""

    name: str
    question: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class PortfolioReading:
    """The hedging reading of one solution of a scenario's game.

    ``mixes_cooperative_and_competitive`` is Dong's mix (both shares at least their thresholds);
    ``label_stability`` maps each threshold moved by ±10% to whether the label survives it.
    """

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
    label_stability: dict[str, bool]
    pinned_by: str

    @property
    def label_stable(self) -> bool:
        """Whether the label survives every threshold moved by ±10%."""
        return all(self.label_stability.values())

    @property
    def fragile_under(self) -> tuple[str, ...]:
        """The moved thresholds under which the label changes."""
        return tuple(name for name, kept in self.label_stability.items() if not kept)

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
        import pandas as pd

        data: dict[str, object] = {f"w: {name}": weight for name, weight in self.weights.items()}
        data.update(self.measures)
        data.update({f"filter_{i}": f.passed for i, f in enumerate(self.filters, start=1)})
        data.update(
            label=self.label,
            mixes_cooperative_and_competitive=self.mixes_cooperative_and_competitive,
            label_stable=self.label_stable,
        )
        return pd.Series(data)


def _filter_verdicts(
    rules: ReadingRules, m: dict[str, float], verdicts: Verdicts
) -> tuple[FilterVerdict, FilterVerdict, FilterVerdict]:
    """Tessman's three filters with the reason for each verdict (the verdicts themselves come from :func:`classify`)."""
    relevant = m["filter_one_weight"] > rules.tolerance
    return (
        FilterVerdict(
            "Filter One",
            "Does it improve the ability to cope without the patron's subsidies, or to fight it?",
            bool(verdicts.filter_1[0]),
            f"dependence reduction {m['dependence_reduction']:.3f} "
            f"(threshold {rules.filter_one_min_dependence_reduction:g}), "
            f"capability gain {m['capability_gain']:.3f} (threshold {rules.filter_one_min_capability_gain:g})",
        ),
        FilterVerdict(
            "Filter Two",
            "Does it avoid direct confrontation (no alliance against, no arms build-up aimed at the patron)?",
            bool(verdicts.filter_2[0]),
            f"weight on red-line instruments {m['red_line_exposure']:.3f} "
            f"(allowed {rules.filter_two_max_red_line_exposure:g})",
        ),
        FilterVerdict(
            "Filter Three",
            "Is it strategic: decided, funded and coordinated at the highest level of government?",
            bool(verdicts.filter_3[0]),
            (
                f"{m['strategic_share']:.0%} of the dependence-reducing or capability-building weight is strategic "
                f"(needs {rules.filter_three_min_strategic_share:.0%})"
            )
            if relevant
            else "no weight on dependence-reducing or capability-building instruments to judge",
        ),
    )


def _label_reason(
    rules: ReadingRules, m: dict[str, float], verdicts: Verdicts, filters: tuple[FilterVerdict, ...]
) -> str:
    label = str(verdicts.label[0])
    failed = ", ".join(f.name for f in filters if not f.passed)
    mix = (
        f"cooperative share {m['cooperative_share']:.2f} and competitive share {m['competitive_share']:.2f} "
        f"(Dong's mix needs ≥ {rules.hedging_min_cooperative_share:g} and ≥ {rules.hedging_min_competitive_share:g})"
    )
    if label == "balancing":
        return f"red-line exposure {m['red_line_exposure']:.2f} ≥ {rules.balancing_min_red_line_exposure:g}"
    if label == "hedging":
        return f"passes all three of Tessman's filters and is Dong's mix: {mix}"
    fails = f"fails {failed}" if failed else f"passes Tessman's filters but is not Dong's mix: {mix}"
    if label == "bandwagoning":
        return f"mean alignment {m['mean_alignment']:+.2f} toward the patron; {fails}"
    return f"{fails}; mean alignment {m['mean_alignment']:+.2f} (neutrality, buck-passing or drift)"


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
    p = np.asarray(equilibrium.row, dtype=np.float64)
    measures = portfolio_measures(game.scenario, p[None, :])
    verdicts = classify(measures, rules)
    m = {name: float(values[0]) for name, values in measures.columns().items()}
    filters = _filter_verdicts(rules, m, verdicts)
    return PortfolioReading(
        weights=dict(zip(game.row_labels, (float(w) for w in p), strict=True)),
        patron_response=dict(zip(game.col_labels, (float(q) for q in equilibrium.col), strict=True)),
        cooperative_share=m["cooperative_share"],
        competitive_share=m["competitive_share"],
        mean_alignment=m["mean_alignment"],
        red_line_exposure=m["red_line_exposure"],
        dependence_reduction=m["dependence_reduction"],
        capability_gain=m["capability_gain"],
        strategic_share=m["strategic_share"],
        herfindahl=m["herfindahl"],
        entropy=m["entropy"],
        mixes_cooperative_and_competitive=bool(verdicts.dong_mix[0]),
        filters=filters,
        label=cast(Label, str(verdicts.label[0])),
        label_reason=_label_reason(rules, m, verdicts, filters),
        label_stability={name: bool(kept[0]) for name, kept in label_stability(measures, rules).items()},
        pinned_by=pinned_by if pinned_by is not None else nash_pinning(game, equilibrium),
    )
