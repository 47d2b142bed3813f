"""Payoff construction: a scenario's instruments, responses and parameters → named payoff terms → matrices.

Rows are the small state's instruments ``i``, columns the patron's responses ``r``. Each payoff is a sum of
named terms, computed here as whole matrices so that a cell's explanation and its value come from the same
arithmetic (``docs/model.md`` derives each term and ties it to the seed paper).

Instrument attributes: alignment ``a_i ∈ [−1, 1]`` with cooperation ``w_i = (1 + a_i)/2`` and competitiveness
``k_i = 1 − w_i``; red-line crossing ``x_i ∈ {0, 1}``; dependence reduction ``d_ic`` per subsidy channel ``c``;
capability gain ``g_i``; second-pole engagement ``e_i``; cost weight ``κ_i``.
Response attributes: share of channel ``c`` kept ``s_rc``, coercion ``c_r``, red-line enforcement
``f_r ∈ {0, 1}``. Channel shares ``h_c`` (``Σ h_c = 1``) and ``s̄_r = Σ_c h_c s_rc``.

Small state:  u_S(i, r) = σ s̄_r                               subsidy received
                        + σ Σ_c h_c (1 − s_rc) d_ic             diversification cushion
                        + α k_i                                 autonomy
                        + π ω e_i                               second-pole support
                        − (1 − δ) ρ (1 − g_i) x_i f_r           red-line penalty
                        − (1 − δ) η (1 − g_i) c_r               coercion borne
                        − κ κ_i                                 instrument cost
Patron:       u_P(i, r) = λ w_i s̄_r                             loyalty retained
                        − σ s̄_r                                 subsidy outlay
                        + γ λ k_i c_r                           discipline value
                        − ε c_r                                 coercion cost
                        − β x_i (1 − f_r)                       red line left unenforced

In the three-player view the second pole chooses a response ``q`` with support share ``σ_q`` given only to
instruments whose alignment is at most ``ā_q``, ``s_q(i) = σ_q · 1[a_i ≤ ā_q]`` (:func:`second_pole_terms`, over
instruments × second-pole responses):

Small state:  ω s_q(i) e_i                                      second-pole support delivered
Second pole:  u_Q(i, q) = ν s_q(i) e_i                          engagement value
                        + θ s_q(i) k_i                          interest in drawing the state away
                        − κ_Q s_q(i) e_i                        cost of support
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from games.scenario import Scenario

FloatArray = NDArray[np.float64]
Player = Literal["small_state", "patron", "second_pole"]


@dataclass(frozen=True)
class PayoffTerm:
    """One named term of a player's payoff, as an instruments × responses matrix."""

    name: str
    player: Player
    formula: str
    concept: str
    values: FloatArray


@dataclass(frozen=True)
class InstrumentAttributes:
    """Instrument attributes as arrays over rows (and subsidy channels for ``dependence_reduction``)."""

    cooperation: FloatArray
    competitiveness: FloatArray
    crosses_red_line: FloatArray
    dependence_reduction: FloatArray
    capability_gain: FloatArray
    second_pole_engagement: FloatArray
    cost_weight: FloatArray

    @classmethod
    def of(cls, scenario: Scenario) -> InstrumentAttributes:
        """Read the attributes of ``scenario``'s instruments."""
        channels = [c.id for c in scenario.subsidies]
        instruments = scenario.instruments
        cooperation = np.array([(1.0 + i.alignment) / 2.0 for i in instruments])
        return cls(
            cooperation=cooperation,
            competitiveness=1.0 - cooperation,
            crosses_red_line=np.array([float(i.crosses_red_line) for i in instruments]),
            dependence_reduction=np.array(
                [[i.dependence_reduction.get(c, 0.0) for c in channels] for i in instruments]
            ),
            capability_gain=np.array([i.capability_gain for i in instruments]),
            second_pole_engagement=np.array([i.second_pole_engagement for i in instruments]),
            cost_weight=np.array([i.cost_weight for i in instruments]),
        )


def subsidy_weighted_dependence_reduction(scenario: Scenario) -> FloatArray:
    """``Σ_c h_c d_ic`` per instrument: the share of the patron's subsidies the instrument lets the state replace."""
    shares = np.array([c.share for c in scenario.subsidies])
    return np.asarray(InstrumentAttributes.of(scenario).dependence_reduction @ shares, dtype=np.float64)


#: A parameter's value by name: a float for one scenario, an array for a stack of parameter points.
Lookup = Callable[[str], Any]


@dataclass(frozen=True)
class ScenarioStructure:
    """What the payoffs take from a scenario besides its parameters: instrument and response attributes."""

    attributes: InstrumentAttributes
    channel_shares: FloatArray
    subsidy_kept: FloatArray
    coercion: FloatArray
    enforces_red_line: FloatArray

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioStructure:
        """Read the structure of ``scenario``."""
        return cls(
            attributes=InstrumentAttributes.of(scenario),
            channel_shares=np.array([c.share for c in scenario.subsidies]),
            subsidy_kept=np.array([[r.subsidy_kept[c.id] for c in scenario.subsidies] for r in scenario.responses]),
            coercion=np.array([r.coercion for r in scenario.responses]),
            enforces_red_line=np.array([float(r.enforces_red_line) for r in scenario.responses]),
        )

    @property
    def kept_share(self) -> FloatArray:
        """``s̄_r = Σ_c h_c s_rc``: the share of all subsidies response ``r`` keeps."""
        return np.asarray(self.subsidy_kept @ self.channel_shares, dtype=np.float64)

    def by_instrument(self, values: FloatArray) -> FloatArray:
        """An instruments × responses matrix constant along responses."""
        return np.outer(values, np.ones(len(self.coercion)))

    def by_response(self, values: FloatArray) -> FloatArray:
        """An instruments × responses matrix constant along instruments."""
        return np.outer(np.ones(len(self.attributes.cost_weight)), values)


@dataclass(frozen=True)
class TermFormula:
    """One payoff term as ``coefficient(parameters) × pattern(structure)``.

    Every term of the model is a product of parameters (a monomial, the ``coefficient``) and a matrix that
    depends only on the scenario's instruments and responses (the ``pattern``), so one formula serves a
    single scenario (:func:`payoff_terms`) and a stack of parameter points (:mod:`games.payoff_batch`).
    """

    name: str
    player: Player
    formula: str
    concept: str
    coefficient: Callable[[Lookup], Any]
    pattern: Callable[[ScenarioStructure], FloatArray]


TERM_FORMULAS: tuple[TermFormula, ...] = (
    TermFormula(
        "subsidy received",
        "small_state",
        "σ s̄_r",
        "subsidies the patron keeps providing (seed: discounted gas and oil, market access, credit)",
        lambda v: v("subsidy_value"),
        lambda s: s.by_response(s.kept_share),
    ),
    TermFormula(
        "diversification cushion",
        "small_state",
        "σ Σ_c h_c (1 − s_rc) d_ic",
        "Filter One: ability to cope without the patron's subsidies (30-30-30, IMF/Chinese loans)",
        lambda v: v("subsidy_value"),
        lambda s: (s.attributes.dependence_reduction * s.channel_shares) @ (1.0 - s.subsidy_kept).T,
    ),
    TermFormula(
        "autonomy",
        "small_state",
        "α k_i",
        "freedom of manoeuvre (Dong 2015: increasing freedom of manoeuvre)",
        lambda v: v("autonomy_value"),
        lambda s: s.by_instrument(s.attributes.competitiveness),
    ),
    TermFormula(
        "second-pole support",
        "small_state",
        "π ω e_i",
        "what engaging the second pole brings, if it delivers (Walt: probability of allied support)",
        lambda v: v("second_pole_support") * v("second_pole_offer"),
        lambda s: s.by_instrument(s.attributes.second_pole_engagement),
    ),
    TermFormula(
        "red-line penalty",
        "small_state",
        "−(1 − δ) ρ (1 − g_i) x_i f_r",
        "Filter Two: punishment for crossing the patron's red line, lessened by own capability "
        "and the patron's relative decline",
        lambda v: (1.0 - v("patron_relative_decline")) * v("red_line_cost"),
        lambda s: -np.outer(s.attributes.crosses_red_line * (1.0 - s.attributes.capability_gain), s.enforces_red_line),
    ),
    TermFormula(
        "coercion borne",
        "small_state",
        "−(1 − δ) η (1 − g_i) c_r",
        "Filter One: what squeeze and coercion cost the small state beyond lost subsidies, lessened by its "
        "competitive ability 'should it enter into a militarised dispute' (Tessman 2012) and by the patron's decline",
        lambda v: (1.0 - v("patron_relative_decline")) * v("coercion_cost"),
        lambda s: -np.outer(1.0 - s.attributes.capability_gain, s.coercion),
    ),
    TermFormula(
        "instrument cost",
        "small_state",
        "−κ κ_i",
        "what carrying out the instrument costs (Filter Three: funded at the highest level)",
        lambda v: v("instrument_cost"),
        lambda s: -s.by_instrument(s.attributes.cost_weight),
    ),
    TermFormula(
        "loyalty retained",
        "patron",
        "λ w_i s̄_r",
        "the patron's value of the small state's loyalty, bought by subsidies (bandwagoning)",
        lambda v: v("loyalty_value"),
        lambda s: np.outer(s.attributes.cooperation, s.kept_share),
    ),
    TermFormula(
        "subsidy outlay",
        "patron",
        "−σ s̄_r",
        "what the subsidies cost the patron",
        lambda v: v("subsidy_value"),
        lambda s: -s.by_response(s.kept_share),
    ),
    TermFormula(
        "discipline value",
        "patron",
        "γ λ k_i c_r",
        "an aggressive patron's gain from coercing a competitive small state (Walt: aggressiveness)",
        lambda v: v("patron_aggressiveness") * v("loyalty_value"),
        lambda s: np.outer(s.attributes.competitiveness, s.coercion),
    ),
    TermFormula(
        "coercion cost",
        "patron",
        "−ε c_r",
        "the patron's own cost of squeezing or coercing (trade wars cut both ways)",
        lambda v: v("enforcement_cost"),
        lambda s: -s.by_response(s.coercion),
    ),
    TermFormula(
        "red line unenforced",
        "patron",
        "−β x_i (1 − f_r)",
        "the patron's loss when its red line is crossed and it does not act",
        lambda v: v("red_line_stake"),
        lambda s: -np.outer(s.attributes.crosses_red_line, 1.0 - s.enforces_red_line),
    ),
)


def payoff_terms(scenario: Scenario, structure: ScenarioStructure | None = None) -> tuple[PayoffTerm, ...]:
    """Every named term of both players' payoffs, each an ``instruments × responses`` matrix.

    ``structure`` defaults to the scenario's own; the commitment view passes one with the red-line flags replaced.
    """
    structure = structure or ScenarioStructure.of(scenario)
    return tuple(
        PayoffTerm(
            term.name,
            term.player,
            term.formula,
            term.concept,
            np.asarray(term.coefficient(scenario.value) * term.pattern(structure), dtype=np.float64),
        )
        for term in TERM_FORMULAS
    )


def second_pole_terms(scenario: Scenario, values: Lookup | None = None) -> tuple[PayoffTerm, ...]:
    """The named terms of the three-player view's second-pole payoffs, each ``instruments × second-pole responses``.

    With ``s_q(i) = σ_q 1[a_i ≤ ā_q]`` the support response ``q`` delivers to instrument ``i`` (module docstring):
    the small state's "second-pole support delivered" ``ω s_q(i) e_i``, and the second pole's engagement value
    ``ν s_q(i) e_i``, interest ``θ s_q(i) k_i`` in a state drawn away from the patron, and cost of support
    ``−κ_Q s_q(i) e_i`` (ν ``second_pole_engagement_value``, θ ``second_pole_interest``, κ_Q
    ``second_pole_support_cost``; ``docs/model.md``, "The three-player view").

    ``values`` looks the parameters up instead of the scenario: one ``N × 1 × 1`` array each gives every term as
    an ``N × instruments × second-pole responses`` stack (the commitment view's stacks).
    """
    attrs = InstrumentAttributes.of(scenario)
    alignment = np.array([i.alignment for i in scenario.instruments])
    delivered = np.array([[r.support * (a <= r.max_alignment) for r in scenario.second_pole_responses]
                          for a in alignment]).reshape(len(alignment), -1)  # fmt: skip
    engaged = delivered * attrs.second_pole_engagement[:, None]
    drawn_away = delivered * attrs.competitiveness[:, None]
    v = values or scenario.value
    terms = (
        ("second-pole support delivered", "small_state", "ω s_q(i) e_i",
         "support the second pole actually delivers to engaging instruments", v("second_pole_offer") * engaged),
        ("engagement value", "second_pole", "ν s_q(i) e_i",
         "what the second pole gains from the engagement it supports", v("second_pole_engagement_value") * engaged),
        ("interest in drawing the state away", "second_pole", "θ s_q(i) k_i",
         "the second pole's interest in a small state drawn away from the patron",
         v("second_pole_interest") * drawn_away),
        ("cost of support", "second_pole", "−κ_Q s_q(i) e_i", "what the support costs the second pole",
         -v("second_pole_support_cost") * engaged),
    )  # fmt: skip
    return tuple(
        PayoffTerm(name, player, formula, concept, np.asarray(values, dtype=np.float64))  # type: ignore[arg-type]
        for name, player, formula, concept, values in terms
    )


def player_sum(terms: tuple[PayoffTerm, ...], player: Player) -> FloatArray:
    """One player's payoff matrix: the sum of that player's terms (zero where it has none)."""
    zero = np.zeros(terms[0].values.shape)
    return np.asarray(sum((t.values for t in terms if t.player == player), zero), dtype=np.float64)


def sum_terms(terms: tuple[PayoffTerm, ...]) -> tuple[FloatArray, FloatArray]:
    """``(A, B)``: the small state's and the patron's payoff matrices as the sums of their terms."""
    return player_sum(terms, "small_state"), player_sum(terms, "patron")


def payoff_matrices_across_the_line(scenario: Scenario, crossed: bool) -> tuple[FloatArray, FloatArray]:
    """``(A^χ, B^χ)``: the commitment view's payoffs on one side of the red line (``docs/model.md``, "Red lines as
    thresholds").

    A committed portfolio ``p`` crosses the line when its exposure ``Σ p_i x_i`` exceeds the patron's tolerance;
    the red-line terms then apply to the whole portfolio, not to each instrument's own flag:

        A^χ[i, r] = (terms without the penalty)[i, r] − χ (1 − δ) ρ (1 − g_i) f_r
        B^χ[i, r] = (terms without the unenforced stake)[i, r] − χ β (1 − f_r)

    with ``χ = 1`` across the line and ``0`` before it: the same named terms, with ``x_i`` replaced by ``χ``.
    On a pure instrument (``χ = x_i``) these are the rows of :func:`payoff_matrices`.
    """
    return sum_terms(payoff_terms(scenario, structure_across_the_line(scenario, crossed)))


def structure_across_the_line(scenario: Scenario, crossed: bool) -> ScenarioStructure:
    """The scenario's structure with every instrument's red-line flag replaced by ``χ`` (``crossed``), the
    structure :func:`payoff_matrices_across_the_line` reads (also for stacks, :mod:`games.payoff_batch`)."""
    structure = ScenarioStructure.of(scenario)
    flags = np.full(len(scenario.instruments), float(crossed))
    return replace(structure, attributes=replace(structure.attributes, crosses_red_line=flags))


def payoff_matrices(scenario: Scenario) -> tuple[FloatArray, FloatArray]:
    """``(A, B)``: the small state's and the patron's payoff matrices, instruments × responses."""
    return sum_terms(payoff_terms(scenario))
