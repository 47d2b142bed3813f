"""The Bayesian view: the small state does not know the patron's type; the patron does.

Harsanyi (1967-68): with patron types ``t`` (benign or aggressive, declining or not — Walt's perceived
aggressiveness, Tessman's relative decline) drawn with prior ``p_t`` known to both, a strategy of the patron is
a *plan* ``(r_t)_t`` giving a response for every type. The Bayesian game is solved through its normal form,

    U_S(i, (r_t)) = Σ_t p_t u_S^t(i, r_t)          U_P(i, (r_t)) = Σ_t p_t u_P^t(i, r_t),

whose Nash equilibria are the Bayesian Nash equilibria (the patron's ex-ante payoff is maximised by a plan
exactly when each type best-responds, for types of positive prior). Each ``u^t`` is the two-player payoff
with the type's parameter overrides. Hedging as insurance (Dong 2015; Tessman 2012) shows up as the small
state's portfolio changing with the prior on the aggressive type.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

import numpy as np
from numpy.typing import NDArray

from games.game import TwoPlayerGame
from games.payoff_batch import payoff_stack
from games.payoffs import PayoffTerm, payoff_terms, sum_terms
from games.scenario import Scenario

FloatArray = NDArray[np.float64]

#: Separates the per-type responses in a plan's column id, ``"subsidise|coerce"``.
PLAN_SEPARATOR = "|"


def plan_responses(plan_id: str) -> tuple[str, ...]:
    """The response id of each patron type in a plan's column id (the inverse of how the columns are named)."""
    return tuple(plan_id.split(PLAN_SEPARATOR))


def with_priors(scenario: Scenario, priors: dict[str, float]) -> Scenario:
    """A copy of ``scenario`` with the patron types' priors replaced (validated: they must sum to one)."""
    unknown = sorted(set(priors) - {t.id for t in scenario.patron_types})
    if unknown:
        raise KeyError(f"unknown patron type(s) {', '.join(unknown)}; known: {[t.id for t in scenario.patron_types]}")
    data = scenario.model_dump()
    for patron_type in data["patron_types"]:
        patron_type["prior"] = priors.get(patron_type["id"], patron_type["prior"])
    return Scenario.model_validate(data)


def build_bayesian_game(scenario: Scenario) -> TwoPlayerGame:
    """The normal form of the Bayesian game: instruments × the patron's type-contingent plans.

    Columns are plans, labelled ``type: response`` for every type; the payoff terms are prior-weighted sums of
    each type's terms, so :meth:`TwoPlayerGame.explain` still decomposes every cell.
    """
    types = scenario.patron_types
    if len(types) < 2:
        raise ValueError(f"scenario {scenario.id!r} declares no patron types; add [[patron_types]] for this view")
    per_type = [payoff_terms(scenario.with_values(**t.overrides)) for t in types]
    plans = list(product(range(len(scenario.responses)), repeat=len(types)))
    columns = np.array(plans).T  # columns[t, k]: response of type t in plan k
    priors = np.array([t.prior for t in types])
    terms = tuple(
        PayoffTerm(
            name=template.name,
            player=template.player,
            formula=f"Σ_t p_t ({template.formula})",
            concept=template.concept,
            values=np.einsum("t,tik->ik", priors, np.stack([
                type_terms[k].values[:, columns[t]] for t, type_terms in enumerate(per_type)
            ])),
        )
        for k, template in enumerate(per_type[0])
    )  # fmt: skip
    row_payoffs, col_payoffs = sum_terms(terms)
    responses = scenario.responses
    return TwoPlayerGame(
        scenario=scenario,
        row_ids=tuple(i.id for i in scenario.instruments),
        row_labels=tuple(i.label for i in scenario.instruments),
        col_ids=tuple(PLAN_SEPARATOR.join(responses[r].id for r in plan) for plan in plans),
        col_labels=tuple(
            " · ".join(f"{t.label}: {responses[r].label}" for t, r in zip(types, plan, strict=True)) for plan in plans
        ),
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        terms=terms,
    )


def bayesian_payoff_stack(
    scenario: Scenario, names: Sequence[str], values: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """``(U_S, U_P)`` stacks (``N × instruments × plans``): the normal form of :func:`build_bayesian_game` at each
    row of ``values``, evaluated on arrays.

    Each type's two-player stacks come from :func:`games.payoff_batch.payoff_stack` with the type's overrides
    (an override wins over a varied value, as in :func:`build_bayesian_game`), and
    ``U[g, i, k] = Σ_t p_t u^t[g, i, r_t(k)]`` over the plans ``k`` in the order of the game's columns.
    """
    types = scenario.patron_types
    if len(types) < 2:
        raise ValueError(f"scenario {scenario.id!r} declares no patron types; add [[patron_types]] for this view")
    values = np.asarray(values, dtype=np.float64)
    columns = np.array(list(product(range(len(scenario.responses)), repeat=len(types)))).T
    row = col = None
    for t, patron_type in enumerate(types):
        free = [k for k, name in enumerate(names) if name not in patron_type.overrides]
        a, b = payoff_stack(scenario.with_values(**patron_type.overrides), [names[k] for k in free],
                            values[:, free])  # fmt: skip
        row = patron_type.prior * a[:, :, columns[t]] + (0.0 if row is None else row)
        col = patron_type.prior * b[:, :, columns[t]] + (0.0 if col is None else col)
    return np.asarray(row, dtype=np.float64), np.asarray(col, dtype=np.float64)
