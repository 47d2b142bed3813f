"""Global sensitivity of the hedging reading: first-order and total Sobol' indices of the portfolio measures.

For an output ``Y = f(X_1, …, X_d)`` of independent factors, uniform over the scenario's plausible ranges, the
first-order index of factor ``i`` is the share of the variance of ``Y`` explained by ``X_i`` alone, and the
total index the share that involves ``X_i`` at all (Sobol' 1993; Saltelli et al. 2008):

    S_i  = V[E(Y | X_i)] / V(Y)          S_Ti = E[V(Y | X_~i)] / V(Y) = 1 − V[E(Y | X_~i)] / V(Y)

They are estimated from Saltelli's sampling scheme — matrices ``A``, ``B`` and the ``d`` matrices ``A_B^(i)``
(``A`` with column ``i`` from ``B``), ``n (d + 2)`` model runs — with the estimators of Saltelli et al. (2010,
Table 2: ``S_i`` from ``f(B)(f(A_B^(i)) − f(A))``) and Jansen (1999, for ``S_Ti``: ``½ (f(A) − f(A_B^(i)))²``),
as implemented in SALib (Herman & Usher 2017, ``SALib.analyze.sobol``), with bootstrap confidence intervals.

The model runs are a Saltelli-design sweep (:func:`solver.sweep`: resumable, parallel, on Dask), and each
point's equilibria are reduced to one value by a selection rule (:mod:`solver.studies.selection`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from games import Scenario, load_scenario
from solver.portfolio import ReadingRules
from solver.studies.selection import Rule, check_rule, select, with_label_indicators
from solver.studies.sweeps.backends import Backend
from solver.studies.sweeps.evaluate import ChunkTask, evaluate_chunk
from solver.studies.sweeps.run import sweep_frame
from solver.studies.sweeps.spec import DEFAULT_CHUNK_SIZE, SweepSpecError, make_spec
from solver.views import ViewName, ViewOptions, get_view, view_parameters, view_rules

FloatArray = NDArray[np.float64]

#: Outputs analysed by default: the portfolio measures a verdict rests on, and the hedging indicator.
DEFAULT_OUTPUTS = (
    "competitive_share",
    "cooperative_share",
    "red_line_exposure",
    "dependence_reduction",
    "mean_alignment",
    "is_hedging",
    "is_balancing",
)


@dataclass(frozen=True)
class SobolResult:
    """Sobol' indices of each output, how they were obtained, and where the selection rule fell back.

    ``indices`` has one row per (output, parameter) with columns ``S1``, ``S1_conf``, ``ST``, ``ST_conf``
    (half-widths of the bootstrap confidence intervals) and ``variance`` (of the output over the sample; the
    indices of a constant output are undefined and left NaN).
    """

    indices: pd.DataFrame
    rule: Rule
    n: int
    points: int
    fallback_points: int


def sobol_indices(
    outputs: pd.DataFrame | FloatArray,
    bounds: Sequence[tuple[float, float]],
    names: Sequence[str],
    *,
    num_resamples: int = 200,
    conf_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """First-order and total Sobol' indices of each output column, from a Saltelli sample's model runs.

    Parameters
    ----------
    outputs:
        Model runs in the order of SALib's ``sobol.sample(..., calc_second_order=False)``: ``n (d + 2)`` rows,
        one column per output (named ``Y0``, ``Y1``, … for an array; a 1-D array is the single output ``Y``).
    bounds, names:
        The factors' ranges and names, as sampled.
    num_resamples, conf_level, seed:
        Bootstrap of the confidence intervals (SALib is given ``seed + 1``: it reads a seed of 0 as "unseeded").

    Returns
    -------
    pandas.DataFrame
        Indexed by (output, parameter): ``S1``, ``S1_conf``, ``ST``, ``ST_conf``, ``variance``.
    """
    from SALib.analyze import sobol as salib_sobol

    if isinstance(outputs, pd.DataFrame):
        frame = outputs
    else:
        array = np.asarray(outputs, dtype=np.float64)
        frame = pd.DataFrame({"Y": array}) if array.ndim == 1 else pd.DataFrame(array).add_prefix("Y")
    problem = {"num_vars": len(names), "names": list(names), "bounds": [list(b) for b in bounds]}
    pieces = []
    for column in frame.columns:
        y = frame[column].to_numpy(dtype=np.float64)
        variance = float(np.var(y))
        if variance > 0:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                result = salib_sobol.analyze(
                    problem,
                    y,
                    calc_second_order=False,
                    num_resamples=num_resamples,
                    conf_level=conf_level,
                    seed=seed + 1,
                )
            values = {key: np.asarray(result[key], dtype=np.float64) for key in ("S1", "S1_conf", "ST", "ST_conf")}
        else:
            values = {key: np.full(len(names), np.nan) for key in ("S1", "S1_conf", "ST", "ST_conf")}
        index = pd.MultiIndex.from_product([[str(column)], list(names)], names=["output", "parameter"])
        pieces.append(pd.DataFrame({**values, "variance": variance}, index=index))
    return pd.concat(pieces)


def reference_equilibria(
    scenario: Scenario, rules: ReadingRules | None = None, view: ViewName = "two-player",
    options: ViewOptions | None = None,
) -> pd.DataFrame:  # fmt: skip
    """The sweep rows of the scenario's own point calibration in ``view``: the shipped verdict's solutions."""
    rules = rules or view_rules(view)
    return evaluate_chunk(ChunkTask(0, 0, scenario, (), np.empty((1, 0)), rules, view, options or ViewOptions()))


def varied_parameters(scenario: Scenario, view: ViewName = "two-player") -> list[str]:
    """The parameters a view's payoffs read whose plausible range is not a single value: a global analysis' factors.

    Where every patron type overrides a parameter, the views that solve per type (Bayesian, commitment) never
    use its scenario value, so it is not a factor of theirs.
    """
    names = set(get_view(view).parameters)
    if get_view(view).per_patron_type and scenario.patron_types:
        overridden = [set(t.overrides) for t in scenario.patron_types]
        names -= overridden[0].intersection(*overridden[1:])
    return [name for name, p in scenario.parameters.items() if name in names and p.range[0] < p.range[1]]


def _check_outputs(reference: pd.DataFrame, outputs: Sequence[str]) -> None:
    """Refuse, before the sweep, outputs that are not numeric columns of its table (the scenario point's rows)."""
    table = with_label_indicators(reference)
    known = list(table.select_dtypes(["number", "bool"]).columns)
    unknown = [name for name in outputs if name not in known]
    if unknown:
        raise SweepSpecError(
            f"unknown output(s) {', '.join(map(repr, unknown))}; an output is a numeric column of the sweep table: "
            + ", ".join(known)
        )


def sobol_analysis(
    scenario: Scenario | str,
    *,
    n: int = 1024,
    factors: Sequence[str] | None = None,
    outputs: Sequence[str] = DEFAULT_OUTPUTS,
    rule: Rule = "mean",
    reference: int = 0,
    seed: int = 0,
    out: str | Path | None = None,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    backend: Backend | None = None,
    quiet: bool = False,
) -> SobolResult:
    """Sobol' indices of the hedging reading over the scenario's plausible parameter box.

    Parameters
    ----------
    scenario:
        A scenario or a catalogue id / TOML path.
    n:
        Base sample size (a power of two); the sweep evaluates ``n (d + 2)`` points.
    factors:
        Parameters to vary over their plausible ranges (``name`` or ``name=low:high``); default: every
        parameter whose plausible range is not a single value.
    outputs:
        Sweep columns (portfolio measures, ``is_<label>`` indicators, payoffs) to analyse.
    rule, reference:
        How a point with several equilibria gives one value (:mod:`solver.studies.selection`); for ``"tracked"``, the
        index of the equilibrium of the point calibration to follow.
    seed:
        Seed of the Saltelli sample (scrambled Sobol' sequence) and of the bootstrap.
    out:
        A ``.parquet`` path keeping the model runs (and making the analysis resumable).
    rules, view, options, chunk_size, backend, quiet:
        As for :func:`solver.sweep`: the indices are those of the view's solutions.
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    chosen = list(factors or varied_parameters(case, view))
    spec = make_spec(case, chosen, "saltelli", n, seed, known=view_parameters(view))
    rules = rules or view_rules(view)
    check_rule(rule, view)
    point = reference_equilibria(case, rules, view, options)
    _check_outputs(point, outputs)
    table = sweep_frame(case, spec, out, rules=rules, view=view, options=options, chunk_size=chunk_size,
                        backend=backend, quiet=quiet)  # fmt: skip
    start = point.iloc[reference] if rule == "tracked" else None
    selection = select(table, outputs, rule, scenario=case, reference=start)
    bounds = [(a.low, a.high) for a in spec.axes]
    indices = sobol_indices(selection.values, bounds, spec.names, seed=seed)
    return SobolResult(indices, rule, n, spec.size, len(selection.fallback_points))
