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
                        − κ κ_i                                 instrument cost
Patron:       u_P(i, r) = λ w_i s̄_r                             loyalty retained
                        − σ s̄_r                                 subsidy outlay
                        + γ λ k_i c_r                           discipline value
                        − ε c_r                                 coercion cost
                        − β x_i (1 − f_r)                       red line left unenforced
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from games.scenario import Scenario

FloatArray = NDArray[np.float64]
Player = Literal["small_state", "patron"]


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


def payoff_terms(scenario: Scenario) -> tuple[PayoffTerm, ...]:
    """Every named term of both players' payoffs, each an ``instruments × responses`` matrix."""
    v = scenario.value
    attrs = InstrumentAttributes.of(scenario)
    shares = np.array([c.share for c in scenario.subsidies])
    kept = np.array([[r.subsidy_kept[c.id] for c in scenario.subsidies] for r in scenario.responses])
    coercion = np.array([r.coercion for r in scenario.responses])
    enforces = np.array([float(r.enforces_red_line) for r in scenario.responses])
    m, n = len(scenario.instruments), len(scenario.responses)
    ones = np.ones((m, n))
    kept_share = kept @ shares  # s̄_r
    sigma, lam = v("subsidy_value"), v("loyalty_value")
    return (
        PayoffTerm(
            "subsidy received",
            "small_state",
            "σ s̄_r",
            "subsidies the patron keeps providing (seed: discounted gas and oil, market access, credit)",
            sigma * ones * kept_share,
        ),
        PayoffTerm(
            "diversification cushion",
            "small_state",
            "σ Σ_c h_c (1 − s_rc) d_ic",
            "Filter One: ability to cope without the patron's subsidies (30-30-30, IMF/Chinese loans)",
            sigma * (attrs.dependence_reduction * shares) @ (1.0 - kept).T,
        ),
        PayoffTerm(
            "autonomy",
            "small_state",
            "α k_i",
            "freedom of manoeuvre (Dong 2015: increasing freedom of manoeuvre)",
            v("autonomy_value") * np.outer(attrs.competitiveness, np.ones(n)),
        ),
        PayoffTerm(
            "second-pole support",
            "small_state",
            "π ω e_i",
            "what engaging the second pole brings, if it delivers (Walt: probability of allied support)",
            v("second_pole_support") * v("second_pole_offer") * np.outer(attrs.second_pole_engagement, np.ones(n)),
        ),
        PayoffTerm(
            "red-line penalty",
            "small_state",
            "−(1 − δ) ρ (1 − g_i) x_i f_r",
            "Filter Two: punishment for crossing the patron's red line, lessened by own capability "
            "and the patron's relative decline",
            -(1.0 - v("patron_relative_decline"))
            * v("red_line_cost")
            * np.outer(attrs.crosses_red_line * (1.0 - attrs.capability_gain), enforces),
        ),
        PayoffTerm(
            "instrument cost",
            "small_state",
            "−κ κ_i",
            "what carrying out the instrument costs (Filter Three: funded at the highest level)",
            -v("instrument_cost") * np.outer(attrs.cost_weight, np.ones(n)),
        ),
        PayoffTerm(
            "loyalty retained",
            "patron",
            "λ w_i s̄_r",
            "the patron's value of the small state's loyalty, bought by subsidies (bandwagoning)",
            lam * np.outer(attrs.cooperation, kept_share),
        ),
        PayoffTerm(
            "subsidy outlay", "patron", "−σ s̄_r", "what the subsidies cost the patron", -sigma * ones * kept_share
        ),
        PayoffTerm(
            "discipline value",
            "patron",
            "γ λ k_i c_r",
            "an aggressive patron's gain from coercing a competitive small state (Walt: aggressiveness)",
            v("patron_aggressiveness") * lam * np.outer(attrs.competitiveness, coercion),
        ),
        PayoffTerm(
            "coercion cost",
            "patron",
            "−ε c_r",
            "the patron's own cost of squeezing or coercing (trade wars cut both ways)",
            -v("enforcement_cost") * ones * coercion,
        ),
        PayoffTerm(
            "red line unenforced",
            "patron",
            "−β x_i (1 − f_r)",
            "the patron's loss when its red line is crossed and it does not act",
            -v("red_line_stake") * np.outer(attrs.crosses_red_line, 1.0 - enforces),
        ),
    )


def sum_terms(terms: tuple[PayoffTerm, ...]) -> tuple[FloatArray, FloatArray]:
    """``(A, B)``: each player's payoff matrix as the sum of that player's terms."""
    zero = np.zeros(terms[0].values.shape)
    small_state = sum((t.values for t in terms if t.player == "small_state"), zero)
    patron = sum((t.values for t in terms if t.player == "patron"), zero)
    return np.asarray(small_state, dtype=np.float64), np.asarray(patron, dtype=np.float64)


def payoff_matrices(scenario: Scenario) -> tuple[FloatArray, FloatArray]:
    """``(A, B)``: the small state's and the patron's payoff matrices, instruments × responses."""
    return sum_terms(payoff_terms(scenario))
