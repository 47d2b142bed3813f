"""Payoff matrices for many parameter points at once: ``N`` points of a scenario → ``N × m × n`` stacks.

Each term of the model is ``coefficient(parameters) × pattern(scenario structure)``
(:data:`games.payoffs.TERM_FORMULAS`), so a stack is built from the same formulas as a single game, with the
coefficients evaluated on arrays of parameter values:

    A[k] = Σ_{t of the small state} c_t(θ_k) M_t,        B[k] = Σ_{t of the patron} c_t(θ_k) M_t.

``payoff_stacks(scenario, values)[0][k]`` equals ``payoff_matrices(scenario.with_values(**θ_k))[0]`` up to
rounding, without building ``N`` scenarios.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from games.parameters import MODEL_PARAMETERS
from games.payoffs import TERM_FORMULAS, ScenarioStructure
from games.scenario import Scenario

FloatArray = NDArray[np.float64]


def _parameter_columns(scenario: Scenario, values: Mapping[str, ArrayLike]) -> tuple[int, dict[str, FloatArray]]:
    unknown = sorted(set(values) - set(MODEL_PARAMETERS))
    if unknown:
        raise KeyError(f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(MODEL_PARAMETERS))}")
    columns = {name: np.asarray(column, dtype=np.float64) for name, column in values.items()}
    lengths = {column.shape for column in columns.values()}
    if len(lengths) > 1 or any(len(shape) != 1 for shape in lengths):
        raise ValueError(f"parameter values must be 1-d arrays of one length, got shapes {sorted(lengths)}")
    count = next(iter(lengths))[0] if lengths else 1
    for name, column in columns.items():
        spec = MODEL_PARAMETERS[name]
        outside = (column < spec.lower) | (column > spec.upper) | ~np.isfinite(column)
        if outside.any():
            raise ValueError(
                f"{name} = {column[outside][0]} at point {int(np.argmax(outside))} leaves the domain "
                f"[{spec.lower}, {spec.upper}] ({spec.unit})"
            )
    full = {name: np.full(count, scenario.value(name)) for name in MODEL_PARAMETERS}
    full.update(columns)
    return count, full


def payoff_stacks(
    scenario: Scenario,
    values: Mapping[str, ArrayLike],
    structure: ScenarioStructure | None = None,
    without: frozenset[str] = frozenset(),
) -> tuple[FloatArray, FloatArray]:
    """``(A, B)``, each ``N × instruments × responses``: the scenario's game at ``N`` parameter points.

    Parameters
    ----------
    scenario:
        The scenario whose instruments, responses and point values are used.
    values:
        Parameter name → ``N`` values; parameters left out keep the scenario's point value. Values must lie in
        each parameter's domain (:data:`games.parameters.MODEL_PARAMETERS`), as in ``Scenario.with_values``.
    structure:
        The structure the terms' patterns read (default: the scenario's own; the commitment view replaces the
        red-line flags, as :func:`games.payoffs.payoff_matrices_across_the_line` does).
    without:
        Names of terms left out (the three-player commitment view drops the expected second-pole support).
    """
    count, columns = _parameter_columns(scenario, values)
    structure = structure or ScenarioStructure.of(scenario)
    shape = (count, len(scenario.instruments), len(scenario.responses))
    stacks = {"small_state": np.zeros(shape), "patron": np.zeros(shape)}
    for term in (t for t in TERM_FORMULAS if t.name not in without):
        coefficient = np.broadcast_to(term.coefficient(columns.__getitem__), (count,))
        stacks[term.player] += coefficient[:, None, None] * term.pattern(structure)[None, :, :]
    return stacks["small_state"], stacks["patron"]


def payoff_stack(scenario: Scenario, names: Sequence[str], values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``(A, B)`` stacks of shape ``N × m × n``: the scenario's payoff matrices at each row of ``values``.

    Row ``k`` of ``values`` gives the parameters ``names`` their values at point ``k``; the other parameters
    keep the scenario's point values (:func:`payoff_stacks`).

    Examples
    --------
    >>> from games import build_game, load_scenario
    >>> belarus = load_scenario("belarus-2014")
    >>> a, b = payoff_stack(belarus, ["subsidy_value"], np.array([[7.0], [5.5]]))
    >>> bool(np.allclose(a[0], build_game(belarus).row_payoffs)), a.shape
    (True, (2, 8, 3))
    """
    values = np.asarray(values, dtype=np.float64)
    if not names:  # the scenario's own point, once per row
        a, b = payoff_stacks(scenario, {})
        return np.repeat(a, len(values), axis=0), np.repeat(b, len(values), axis=0)
    return payoff_stacks(scenario, {name: values[:, k] for k, name in enumerate(names)})
