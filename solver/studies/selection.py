"""One number per parameter point when a point has several equilibria: the documented selection rules.

A sweep table has one row per (point, equilibrium). Summaries that need one value per point — Sobol'
indices, robustness shares — reduce it with one of these rules (``docs/sensitivity.md``):

``mean``
    Every extreme equilibrium counts, with equal weight: the output is the mean over the point's extreme
    equilibria (for a label indicator, the share of equilibria with that label). No equilibrium is singled
    out; a point's value is an average over what could happen, not a prediction.
``payoff-dominant``
    The equilibrium best for the small state: highest small-state payoff, ties broken by the patron's payoff,
    then by equilibrium order. Reads the small state as able to coordinate on its preferred equilibrium.
``risk-dominant``
    Harsanyi & Selten's (1988, §3.9) risk dominance among pure equilibria: ``(i, j)`` risk-dominates
    ``(k, l)`` when the product of the deviation losses is larger,
    ``(A_ij − A_kj)(B_ij − B_il) > (A_kl − A_il)(B_kl − B_kj)``, i.e. in the 2 × 2 game the two equilibria
    span. It is *defined* at a point with one equilibrium (that one), and at a point with two or more pure
    equilibria one of which strictly risk-dominates every other pure one. Elsewhere (mixed equilibria only,
    ties) the payoff-dominant equilibrium is taken and the point is counted as a fallback.
``tracked``
    The equilibrium nearest (L1 distance of the two players' strategies) to a reference equilibrium of the
    scenario's point calibration: the continuation of the shipped verdict's equilibrium across the sample.
    For path-following along one parameter see :mod:`solver.studies.tracking`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast, get_args

import numpy as np
from numpy.typing import NDArray

from games import Scenario
from games.payoff_batch import payoff_stack
from solver.portfolio import LABELS
from solver.studies.sweeps.spec import SweepSpec, SweepSpecError

if TYPE_CHECKING:
    import pandas as pd

Rule = Literal["mean", "payoff-dominant", "risk-dominant", "tracked"]
RULES: tuple[Rule, ...] = get_args(Rule)
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Selection:
    """Per-point outputs under a rule, and the points where the rule fell back to payoff dominance."""

    values: pd.DataFrame
    rule: Rule
    fallback_points: tuple[int, ...]


def with_label_indicators(table: pd.DataFrame) -> pd.DataFrame:
    """The table with one 0/1 column per label, ``is_hedging`` … ``is_other``, so labels can be averaged."""
    indicators = {f"is_{label}": (table["label"] == label).astype(np.float64) for label in LABELS}
    return table.assign(**indicators)


def strategy_columns(table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The small state's weight columns ``w: …`` and the patron's ``patron: …``."""
    return [c for c in table.columns if c.startswith("w: ")], [c for c in table.columns if c.startswith("patron: ")]


def _first_per_point(table: pd.DataFrame, keys: list[str], ascending: list[bool]) -> pd.Series:
    """Row label of the first row of each point when sorted by ``keys``; indexed by point."""
    import pandas as pd

    ordered = table.sort_values(["point", *keys, "equilibrium"], ascending=[True, *ascending, True])
    first = ordered.groupby("point", sort=True).head(1)
    return pd.Series(first.index, index=first["point"].to_numpy())


def _payoff_dominant(table: pd.DataFrame) -> pd.Series:
    rounded = table.assign(_s=table["small_state_payoff"].round(9), _p=table["patron_payoff"].round(9))
    return _first_per_point(rounded, ["_s", "_p"], [False, False])


def risk_dominates(a: FloatArray, b: FloatArray, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether pure equilibrium ``first`` strictly risk-dominates ``second`` (Harsanyi & Selten 1988).

    Compares the Nash products of the deviation losses in the 2 × 2 game spanned by the two equilibria:
    ``(A_ij − A_kj)(B_ij − B_il) > (A_kl − A_il)(B_kl − B_kj)`` for ``first = (i, j)``, ``second = (k, l)``.

    Examples
    --------
    >>> stag_hunt = np.array([[4.0, 0.0], [3.0, 3.0]])
    >>> risk_dominates(stag_hunt, stag_hunt.T, (1, 1), (0, 0)), risk_dominates(stag_hunt, stag_hunt.T, (0, 0), (1, 1))
    (True, False)
    """
    (i, j), (k, m) = first, second
    own = (a[i, j] - a[k, j]) * (b[i, j] - b[i, m])
    other = (a[k, m] - a[i, m]) * (b[k, m] - b[k, j])
    return bool(own > other + 1e-12 * max(abs(own), abs(other), 1.0))


def _risk_dominant(table: pd.DataFrame, scenario: Scenario, names: Sequence[str]) -> tuple[pd.Series, list[int]]:
    chosen = _payoff_dominant(table)
    small, patron = strategy_columns(table)
    pure = table[(table[small].max(axis=1) > 1 - 1e-12) & (table[patron].max(axis=1) > 1 - 1e-12)]
    fallbacks: list[int] = []
    for key, rows in table[table["equilibria"] > 1].groupby("point"):
        point = cast(int, key)
        candidates = pure.loc[pure.index.intersection(rows.index)]
        profiles = list(
            zip(candidates[small].to_numpy().argmax(axis=1), candidates[patron].to_numpy().argmax(axis=1), strict=True)
        )
        winner = None
        if len(profiles) >= 2:
            a, b = payoff_stack(scenario, names, rows[list(names)].to_numpy()[:1])
            for label, profile in zip(candidates.index, profiles, strict=True):
                if all(risk_dominates(a[0], b[0], profile, other) for other in profiles if other != profile):
                    winner = label
        if winner is None:
            fallbacks.append(point)
        else:
            chosen[point] = winner
    return chosen, fallbacks


def _tracked(table: pd.DataFrame, reference: pd.Series) -> pd.Series:
    columns = [c for side in strategy_columns(table) for c in side]
    distance = (table[columns] - reference[columns].to_numpy(dtype=np.float64)).abs().sum(axis=1)
    return _first_per_point(table.assign(_d=distance.round(12)), ["_d"], [True])


def check_rule(rule: Rule, view: str) -> None:
    """Refuse, before any sweep, a rule the view's solutions cannot take: risk dominance (Harsanyi & Selten 1988)
    compares two equilibria of the two-player game's payoff matrices, so it applies to the two-player view only."""
    if rule == "risk-dominant" and view != "two-player":
        raise SweepSpecError(f"the risk-dominant rule compares two-player equilibria; the sweep is of the {view} view")


def select(
    table: pd.DataFrame,
    outputs: Sequence[str],
    rule: Rule = "mean",
    *,
    scenario: Scenario | None = None,
    reference: pd.Series | None = None,
) -> Selection:
    """One row per point (indexed by ``point``) with the ``outputs`` under ``rule`` (module docstring).

    ``risk-dominant`` needs the ``scenario`` (to rebuild the payoff matrices of points with several
    equilibria); ``tracked`` needs the ``reference`` equilibrium's row (a row of a sweep or of
    :meth:`solver.CaseAnalysis.to_frame` with the same strategy columns).
    """
    table = with_label_indicators(table)
    outputs = list(outputs)
    fallbacks: list[int] = []
    if rule == "mean":
        return Selection(table.groupby("point", sort=True)[outputs].mean(), rule, ())
    if rule == "payoff-dominant":
        chosen = _payoff_dominant(table)
    elif rule == "risk-dominant":
        if scenario is None:
            raise ValueError("the risk-dominant rule needs the scenario to rebuild payoff matrices")
        check_rule(rule, table.attrs["sweep"].get("view", "two-player"))
        names = SweepSpec.of_table(table).names
        chosen, fallbacks = _risk_dominant(table, scenario, names)
    elif rule == "tracked":
        if reference is None:
            raise ValueError("the tracked rule needs the reference equilibrium to follow")
        chosen = _tracked(table, reference)
    else:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(RULES)}")
    values = table.loc[chosen.to_numpy()].set_index("point")[outputs].astype(np.float64)
    return Selection(values, rule, tuple(fallbacks))
