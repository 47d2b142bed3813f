"""Structural diagnostics: which instruments and responses can never be chosen anywhere in the plausible box.

Every payoff term is a monomial in the parameters, each parameter of degree at most one (``docs/model.md``), so
each payoff ``A[i, r](θ)`` is multilinear in ``θ``; so is, for a fixed mixed strategy ``p`` of the other
instruments, the dominance margin

    D_p(θ, r) = Σ_j p_j A[j, r](θ) − A[i, r](θ).

A multilinear function on a box attains its minimum at a vertex, hence ``min_{θ ∈ box} D_p(θ, r) > 0`` for every
``r`` exactly when it holds at the ``2^d`` vertices of the box (``d`` parameters with a non-trivial range). One
LP over ``p`` (maximise ``t`` subject to ``D_p(v, r) ≥ t`` at every vertex ``v`` and response ``r``) therefore
decides whether a *single* strategy dominates instrument ``i`` strictly over the whole box, and the ``p`` it
returns is the certificate (its margins are re-checked at every vertex, not taken from the solver). Where no
single strategy does, the instrument is tested at each vertex alone; if it is undominated at some vertex it is
not dominated everywhere. An instrument dominated at every vertex, but by different strategies, is reported as
such (it may still be undominated somewhere inside the box). The same holds for the patron's responses with
``B`` in place of ``A``. These are statements about the simultaneous game (the two-player and QRE views).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linprog

from games import Scenario
from games.parameters import MODEL_PARAMETERS
from games.payoff_batch import payoff_stacks

FloatArray = NDArray[np.float64]
Status = Literal["dominated everywhere", "dominated at every vertex", "undominated somewhere"]

#: A dominance margin must exceed this share of the payoff span to count as strict.
MARGIN_TOLERANCE = 1e-9


@dataclass(frozen=True)
class DominanceFinding:
    """One strategy of one player: is it strictly dominated over the whole plausible box, and by what."""

    player: Literal["small_state", "patron"]
    strategy: str
    status: Status
    dominated_by: dict[str, float]
    margin: float

    def describe(self) -> str:
        """One sentence: the strategy, its status, and the dominating strategy where one exists."""
        if self.status == "dominated everywhere":
            by = ", ".join(f"{name} {w:.2f}" for name, w in self.dominated_by.items())
            return f"{self.strategy}: strictly dominated at every point of the box by {by} (margin ≥ {self.margin:.3g})"
        if self.status == "dominated at every vertex":
            return f"{self.strategy}: dominated at every vertex of the box, by different strategies"
        return f"{self.strategy}: not dominated at some vertex of the box"


@dataclass(frozen=True)
class StructuralDiagnostics:
    """Findings for every instrument and response, and the box they were decided on."""

    factors: tuple[str, ...]
    vertices: int
    findings: tuple[DominanceFinding, ...]

    @property
    def never_chosen(self) -> tuple[DominanceFinding, ...]:
        """Strategies proven strictly dominated at every point of the box."""
        return tuple(f for f in self.findings if f.status == "dominated everywhere")


def box_factors(scenario: Scenario) -> tuple[str, ...]:
    """The two-player game's parameters whose plausible range is not a single value."""
    return tuple(
        name for name in MODEL_PARAMETERS if scenario.parameters[name].range[0] < scenario.parameters[name].range[1]
    )


def box_vertices(scenario: Scenario, factors: tuple[str, ...]) -> dict[str, FloatArray]:
    """Parameter name → its value at each of the ``2^d`` vertices of the plausible box."""
    corners = np.array(list(product((0, 1), repeat=len(factors))), dtype=np.intp).reshape(-1, len(factors))
    return {
        name: np.asarray(scenario.parameters[name].range, dtype=np.float64)[corners[:, k]]
        for k, name in enumerate(factors)
    }


def _best_margin(own: FloatArray, others: FloatArray) -> tuple[float, FloatArray]:
    """``max_p min_(v, r) Σ_j p_j others[j, v, r] − own[v, r]`` by LP, and the maximising ``p``."""
    k = others.shape[0]
    # k × constraints, each distinct constraint once: vertices of the box that differ only in parameters the
    # payoffs do not read repeat constraints, and a repeated constraint changes neither the optimum nor p's margin
    differences = np.unique((others - own[None]).reshape(k, -1), axis=1)
    # variables (p_1 … p_k, t): maximise t  s.t.  t − Σ_j p_j d_jc ≤ 0,  Σ p = 1,  p ≥ 0
    cost = np.zeros(k + 1)
    cost[-1] = -1.0
    upper = np.hstack([-differences.T, np.ones((differences.shape[1], 1))])
    equal = np.hstack([np.ones((1, k)), np.zeros((1, 1))])
    bounds = [(0.0, None)] * k + [(None, None)]
    solution = linprog(cost, A_ub=upper, b_ub=np.zeros(differences.shape[1]), A_eq=equal, b_eq=[1.0], bounds=bounds)
    if solution.status != 0:
        raise RuntimeError(f"dominance LP failed: {solution.message}")
    p = np.clip(solution.x[:k], 0.0, None)
    p /= p.sum()
    return float((p @ differences).min()), p  # the certificate's own margin, recomputed


def _findings(
    player: Literal["small_state", "patron"], labels: tuple[str, ...], payoffs: FloatArray
) -> list[DominanceFinding]:
    """``payoffs[s, v, c]``: the player's payoff from strategy ``s`` at vertex ``v`` against opponent strategy ``c``."""
    scale = max(float(np.ptp(payoffs)), 1.0) * MARGIN_TOLERANCE
    findings = []
    for s, label in enumerate(labels):
        rest = [j for j in range(len(labels)) if j != s]
        margin, p = _best_margin(payoffs[s], payoffs[rest])
        if margin > scale:
            by = {labels[j]: float(w) for j, w in zip(rest, p, strict=True) if w > 1e-9}
            findings.append(DominanceFinding(player, label, "dominated everywhere", by, margin))
            continue
        pure = ((payoffs[rest] - payoffs[s][None]).min(axis=2) > scale).any(axis=0)  # per vertex, cheap first
        at_vertices = all(
            _best_margin(payoffs[s, v : v + 1], payoffs[rest, v : v + 1])[0] > scale for v in np.flatnonzero(~pure)
        )
        status: Status = "dominated at every vertex" if at_vertices else "undominated somewhere"
        findings.append(DominanceFinding(player, label, status, {}, margin))
    return findings


def structural_diagnostics(scenario: Scenario) -> StructuralDiagnostics:
    """Decide, exactly over the plausible box, which instruments and responses are strictly dominated everywhere."""
    factors = box_factors(scenario)
    a, b = payoff_stacks(scenario, box_vertices(scenario, factors))  # vertices × instruments × responses
    instruments = tuple(i.label for i in scenario.instruments)
    responses = tuple(r.label for r in scenario.responses)
    findings = _findings("small_state", instruments, a.transpose(1, 0, 2))
    findings += _findings("patron", responses, b.transpose(2, 0, 1))
    return StructuralDiagnostics(factors, a.shape[0], tuple(findings))
