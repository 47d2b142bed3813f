"""The named parameters of the hedging model: what each means, its unit and its admissible domain.

Every scenario gives each of these a point value, a plausible range and a source (a citation, or the word
"assumed"). Money is in billions of US dollars per year ("bn USD/yr"), the unit in which the public figures on
Russia's subsidies to Belarus are quoted; values that are not money (autonomy, loyalty) are expressed in the
same unit as willingness to pay, which makes both players' payoffs comparable to the subsidies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["money", "probability", "share"]

#: Accepted unit string for each kind of parameter.
UNITS: dict[Kind, str] = {"money": "bn USD/yr", "probability": "probability", "share": "share"}


@dataclass(frozen=True)
class ParameterSpec:
    """What the model needs to know about one parameter.

    ``lower`` and ``upper`` bound the domain in which the payoff formulas make sense (a probability in
    [0, 1]); a scenario's plausible range must lie inside it.
    """

    name: str
    symbol: str
    kind: Kind
    lower: float
    upper: float
    meaning: str

    @property
    def unit(self) -> str:
        """The unit string a scenario must use for this parameter."""
        return UNITS[self.kind]


#: Largest magnitude of any number in a scenario (money values, ranges, overrides, cost weights): 10⁷⁴.
#:
#: Derivation. Every payoff is a sum of at most ten terms (``games.payoffs``, ``games.three_player``); each
#: term is one money value times factors in [0, 1], except the instrument cost κ κ_i, a product of two
#: scenario numbers. With every number at most ``B`` in magnitude a payoff is at most 10 B + B² and a payoff
#: span (max − min, which every solver divides by) at most 2 (10 B + B²). The largest consumer is the logit
#: QRE, which multiplies payoffs by a precision λ ≤ 10⁴ and squares the products in its least-squares
#: corrector, so it needs (10⁴ · 2 (10 B + B²))² below the float64 maximum 1.797 × 10³⁰⁸:
#: 2 (10 B + B²) ≤ 1.34 × 10¹⁵⁰, i.e. B ≤ 8.2 × 10⁷⁴, rounded down to a power of ten here. (Real cases are
#: below 10⁴ bn USD/yr; the bound guards representability, not plausibility, which each range states.)
MAX_MAGNITUDE = 1e74

MODEL_PARAMETERS: dict[str, ParameterSpec] = {
    spec.name: spec
    for spec in (
        ParameterSpec(
            "subsidy_value",
            "σ",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Annual value to the small state of the patron's subsidies (discounted energy, market access, "
            "credit); split across the scenario's subsidy channels by their shares. Filter One asks whether "
            "the small state can cope without them.",
        ),
        ParameterSpec(
            "red_line_cost",
            "ρ",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Cost to the small state when it crosses the patron's red line and the patron enforces it.",
        ),
        ParameterSpec(
            "enforcement_cost",
            "ε",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Cost to the patron of full coercion (its own trade losses, military and reputational costs).",
        ),
        ParameterSpec(
            "red_line_stake",
            "β",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Patron's loss when its red line is crossed and it does not enforce it (lost strategic position).",
        ),
        ParameterSpec(
            "loyalty_value",
            "λ",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Patron's value of the small state's full loyalty, retained only while it keeps subsidising.",
        ),
        ParameterSpec(
            "autonomy_value",
            "α",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Small state's value of full freedom of manoeuvre (the fully competitive end of the spectrum).",
        ),
        ParameterSpec(
            "second_pole_offer",
            "ω",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Annual value of what the second pole offers a small state that engages it fully.",
        ),
        ParameterSpec(
            "second_pole_support",
            "π",
            "probability",
            0.0,
            1.0,
            "Probability that the second pole's offer is delivered (Walt's probability of allied support).",
        ),
        ParameterSpec(
            "patron_aggressiveness",
            "γ",
            "share",
            0.0,
            1.0,
            "Weight the patron puts on disciplining a competitive small state by coercion (Walt's perceived "
            "aggressiveness, read as the patron's actual preference in the complete-information game).",
        ),
        ParameterSpec(
            "patron_relative_decline",
            "δ",
            "share",
            0.0,
            1.0,
            "Share of its punishing power the patron has lost through relative decline (Tessman's condition).",
        ),
        ParameterSpec(
            "coercion_cost",
            "η",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Annual cost to the small state of the patron's full coercion (trade and transit cut-offs, blockades), "
            "beyond the subsidies it loses and the cost of an enforced red line; lessened by its own capability.",
        ),
        ParameterSpec(
            "instrument_cost",
            "κ",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Annual cost of an instrument of cost weight 1 (diplomatic, budgetary and domestic costs).",
        ),
    )
}


#: Parameters of the second pole as a strategic player, required only by scenarios with the three-player view.
SECOND_POLE_PARAMETERS: dict[str, ParameterSpec] = {
    spec.name: spec
    for spec in (
        ParameterSpec(
            "second_pole_engagement_value",
            "ν",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Second pole's value of a small state that engages it fully and is supported (trade, influence).",
        ),
        ParameterSpec(
            "second_pole_interest",
            "θ",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Second pole's value of a fully competitive small state (drawn away from the patron) that it supports.",
        ),
        ParameterSpec(
            "second_pole_support_cost",
            "κ_Q",
            "money",
            0.0,
            MAX_MAGNITUDE,
            "Second pole's cost of delivering full support to a small state that engages it fully.",
        ),
    )
}

#: Parameters of the commitment view, required only by scenarios that declare it.
COMMITMENT_PARAMETERS: dict[str, ParameterSpec] = {
    spec.name: spec
    for spec in (
        ParameterSpec(
            "red_line_tolerance",
            "τ",
            "share",
            0.0,
            0.99,
            "Largest weight on red-line instruments the patron leaves unanswered when it watches a committed "
            "portfolio; above it the red line is crossed and both red-line terms apply in full (Schelling's line: "
            "crossed or not). May differ by patron type.",
        ),
    )
}

#: Every parameter a scenario may declare.
ALL_PARAMETERS: dict[str, ParameterSpec] = MODEL_PARAMETERS | SECOND_POLE_PARAMETERS | COMMITMENT_PARAMETERS
