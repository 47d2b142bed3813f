"""Observed behaviour against each view's solutions: is what happened a solution, how near is the nearest one,
and how likely is it under the logit QRE of that view.

The evidence is the scenario's ``[observed]`` block (:mod:`games.observed`): the set ``P`` of instruments the small
state pursued, the set ``N`` it did not, and the shares of years ``o_r`` (``o_q``) in which the patron (the second
pole) answered with each response. For a solution with small-state weights ``x``, patron marginal ``y`` and
second-pole marginal ``z``:

    missed           the pursued instruments with no weight, {i ∈ P : x_i ≤ τ}
    stray weight     Σ_{i ∈ N} x_i, the weight on instruments the state did not pursue
    patron distance  ½ Σ_r |y_r − o_r|, the total-variation distance to what the patron did (in [0, 1])
    distance         |missed| / |P| + stray weight + patron distance (+ the second pole's, where observed)

each term in [0, 1], so the distance lies in [0, 3] (0 to 4 with a second pole). The observed profile **is a
solution** of a view when some solution misses no pursued instrument, puts no weight on an instrument not
pursued, and gives positive weight to exactly the responses the patron (and the second pole) was observed to
play: the observation records which instruments were pursued, not their weights, so agreement is judged on
supports.

The log-likelihood of the observation under the view's logit QRE at precision ``λ`` (McKelvey & Palfrey 1995;
the estimator of Signorino 1999) treats each pursued instrument as one observed choice of the small state and
each observed year as one choice of the patron (and the second pole):

    ℓ(λ) = Σ_{i ∈ P} log x_i(λ) + T Σ_r o_r log y_r(λ) + T Σ_q o_q log z_q(λ),

with ``T`` the period's years. ``ℓ(0)`` is uniform play, the no-information baseline; a view explains the
observation better than chance where ``max_λ ℓ(λ) > ℓ(0)``. The λ grid is stated relative to the game's payoff
span ``s`` (the larger of the two players' payoff ranges): ``λ = κ / s`` for ``κ`` in :data:`PRECISION_GRID`,
so that grids are comparable across cases whose payoffs differ in scale. At each ``λ`` the point of the
principal branch continued from uniform play is used (:func:`solver.concepts.qre.points_at`). Each view's QRE:
two-player and qre, the bimatrix game; bayesian, its normal form over plans, the patron's plan read as the
prior-weighted response marginal; three-player, the merged game read through its marginals; sequential, the
agent logit QRE of the extensive form, ``y_i(r) ∝ exp(λ u_P(i, r))`` after each instrument and
``x_i ∝ exp(λ Σ_r y_i(r) u_S(i, r))`` (McKelvey & Palfrey 1998), the patron's response marginal
``y_r = Σ_i x_i y_i(r)``. The commitment view has no logit counterpart here (the small state chooses among a
continuum of portfolios, over which a logit choice is not defined), so its likelihood is reported as absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from games import Scenario
from games.observed import ObservedProfile
from games.three_player import build_three_player_game
from solver.concepts.qre import logit_branch, points_at
from solver.concepts.three_player import marginals, merged_game
from solver.views import VIEWS, ViewName, ViewResult, solve_view
from solver.views.bayesian import response_matrix

if TYPE_CHECKING:
    import pandas as pd

FloatArray = NDArray[np.float64]

#: λ × (payoff span): 0 is uniform play; 64 is close to best responses.
PRECISION_GRID: tuple[float, ...] = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)

#: A weight at most this is "no weight" when judging supports.
SUPPORT_TOLERANCE = 1e-9


@dataclass(frozen=True)
class SolutionFit:
    """How one solution of a view compares with the observed profile (module docstring)."""

    solution: int
    missed: tuple[str, ...]
    stray_weight: float
    patron_distance: float | None
    patron_support_matches: bool | None
    second_pole_distance: float | None
    second_pole_support_matches: bool | None
    distance: float

    @property
    def is_observed_profile(self) -> bool:
        """Pursued instruments all weighted, none of the others, and the observed responses exactly supported."""
        return (
            not self.missed
            and self.stray_weight <= SUPPORT_TOLERANCE
            and self.patron_support_matches is not False
            and self.second_pole_support_matches is not False
        )


@dataclass(frozen=True)
class QRELikelihood:
    """ℓ(λ) of the observed profile over the stated grid ``λ = κ / span``."""

    span: float
    kappas: tuple[float, ...]
    log_likelihood: tuple[float, ...]

    @property
    def lams(self) -> tuple[float, ...]:
        """The grid in the payoffs' reciprocal unit, 1 / (bn USD/yr)."""
        return tuple(k / self.span for k in self.kappas)

    @property
    def best(self) -> int:
        """Index of the grid point with the largest log-likelihood."""
        return int(np.argmax(self.log_likelihood))

    @property
    def gain_over_uniform(self) -> float:
        """``max ℓ − ℓ(0)``: how much better than uniform play the best precision explains the observation."""
        return float(max(self.log_likelihood) - self.log_likelihood[0])


@dataclass(frozen=True)
class ViewFit:
    """A view's solutions compared with the observation, the nearest solution, and the QRE log-likelihood."""

    view: ViewName
    concept: str
    solutions: tuple[SolutionFit, ...]
    likelihood: QRELikelihood | None

    @property
    def nearest(self) -> SolutionFit | None:
        """The solution at the smallest distance (the first of equals); None if the view has no solution."""
        return min(self.solutions, key=lambda s: s.distance) if self.solutions else None

    @property
    def observed_is_solution(self) -> bool:
        """Whether some solution has the observed supports (module docstring)."""
        return any(s.is_observed_profile for s in self.solutions)

    def to_document(self) -> dict[str, object]:
        """Plain JSON data: the verdict, the nearest solution and its distance, every solution's terms, ℓ(λ)."""
        near = self.nearest
        return {
            "view": self.view,
            "concept": self.concept,
            "observed_is_solution": self.observed_is_solution,
            "nearest": None if near is None else near.solution,
            "distance": None if near is None else near.distance,
            "summary": self.summary(),
            "solutions": [asdict(s) | {"is_observed_profile": s.is_observed_profile} for s in self.solutions],
            "likelihood": None
            if self.likelihood is None
            else asdict(self.likelihood) | {"lambda": list(self.likelihood.lams)},
        }

    def summary(self) -> str:
        """One line: is the observation a solution, how far is the nearest, and what does it miss."""
        near = self.nearest
        if near is None:
            return f"{self.view}: no solution to compare"
        verdict = f"observed profile {'IS' if self.observed_is_solution else 'is NOT'} a solution"
        parts = [f"nearest solution {near.solution} at distance {near.distance:.2f}"]
        if near.missed:
            parts.append(f"gives no weight to pursued {', '.join(near.missed)}")
        if near.stray_weight > SUPPORT_TOLERANCE:
            parts.append(f"puts {near.stray_weight:.2f} on instruments not pursued")
        if near.patron_distance is not None:
            parts.append(f"patron {'matches' if near.patron_support_matches else 'differs'} "
                         f"(distance {near.patron_distance:.2f})")  # fmt: skip
        if self.likelihood is not None:
            parts.append(f"QRE log-likelihood gain over uniform play {self.likelihood.gain_over_uniform:+.2f}")
        return f"{self.view}: {verdict}; " + "; ".join(parts)


@dataclass(frozen=True)
class CaseFit:
    """Every declared view of a scenario held against its observed profile."""

    scenario: Scenario
    observed: ObservedProfile
    views: tuple[ViewFit, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per view: is the observation a solution, the nearest solution's terms, the QRE fit."""
        import pandas as pd

        rows = []
        for fit in self.views:
            near = fit.nearest
            lik = fit.likelihood
            values = (np.nan,) if lik is None else lik.log_likelihood
            rows.append(
                {
                    "view": fit.view,
                    "solutions": len(fit.solutions),
                    "observed_is_solution": fit.observed_is_solution,
                    "nearest": None if near is None else near.solution,
                    "distance": np.nan if near is None else near.distance,
                    "missed": "" if near is None else ", ".join(near.missed),
                    "stray_weight": np.nan if near is None else near.stray_weight,
                    "patron_distance": np.nan if near is None or near.patron_distance is None else near.patron_distance,
                    "loglik_uniform": values[0],
                    "loglik_best": max(values),
                    "best_kappa": np.nan if lik is None else lik.kappas[lik.best],
                    "loglik_gain": np.nan if lik is None else lik.gain_over_uniform,
                }
            )
        return pd.DataFrame(rows)

    def to_document(self) -> dict[str, object]:
        """Plain JSON data: the scenario, the observed profile, and each view's fit in full."""
        return {
            "scenario": {"id": self.scenario.id, "hash": self.scenario.content_hash},
            "observed": self.observed.model_dump(mode="json"),
            "precision_grid": {"kappa": list(PRECISION_GRID), "lambda": "kappa / span"},
            "views": [fit.to_document() for fit in self.views],
        }


class NoObservedProfileError(ValueError):
    """The scenario has no ``[observed]`` block, so there is nothing to fit."""


def _total_variation(played: FloatArray, observed: FloatArray) -> float:
    return float(0.5 * np.abs(played - observed).sum())


def _supports_match(played: FloatArray, observed: FloatArray) -> bool:
    return bool(np.array_equal(played > SUPPORT_TOLERANCE, observed > SUPPORT_TOLERANCE))


@dataclass(frozen=True)
class _Evidence:
    """The observed profile as index sets and share vectors over one scenario's strategies."""

    pursued: NDArray[np.intp]
    not_pursued: NDArray[np.intp]
    pursued_ids: tuple[str, ...]
    patron: FloatArray | None
    pole: FloatArray | None
    years: int

    @classmethod
    def of(cls, scenario: Scenario, observed: ObservedProfile) -> _Evidence:
        ids = [i.id for i in scenario.instruments]

        def shares(declared: list[str], entries: dict[str, object]) -> FloatArray | None:
            if not entries:
                return None
            return np.array([getattr(entries.get(d), "share", 0.0) for d in declared])

        return cls(
            pursued=np.array([ids.index(i) for i in observed.pursued], dtype=np.intp),
            not_pursued=np.array([ids.index(i) for i in observed.not_pursued], dtype=np.intp),
            pursued_ids=observed.pursued,
            patron=shares([r.id for r in scenario.responses], dict(observed.patron)),
            pole=shares([q.id for q in scenario.second_pole_responses], dict(observed.second_pole)),
            years=observed.years,
        )

    def compare(self, index: int, row: FloatArray, col: FloatArray, pole: FloatArray | None) -> SolutionFit:
        missed = tuple(i for i, k in zip(self.pursued_ids, self.pursued, strict=True) if row[k] <= SUPPORT_TOLERANCE)
        stray = float(row[self.not_pursued].sum()) if len(self.not_pursued) else 0.0
        patron_distance = None if self.patron is None else _total_variation(col, self.patron)
        pole_distance = None if self.pole is None or pole is None else _total_variation(pole, self.pole)
        distance = len(missed) / len(self.pursued) + stray + (patron_distance or 0.0) + (pole_distance or 0.0)
        return SolutionFit(
            solution=index,
            missed=missed,
            stray_weight=stray,
            patron_distance=patron_distance,
            patron_support_matches=None if self.patron is None else _supports_match(col, self.patron),
            second_pole_distance=pole_distance,
            second_pole_support_matches=(
                None if self.pole is None or pole is None else _supports_match(pole, self.pole)
            ),
            distance=distance,
        )

    def log_likelihood(self, row: FloatArray, col: FloatArray, pole: FloatArray | None) -> float:
        """ℓ of the module docstring at one QRE point (strategies with full support)."""
        total = float(np.log(row[self.pursued]).sum())
        if self.patron is not None:
            total += self.years * float(self.patron @ np.log(col))
        if self.pole is not None and pole is not None:
            total += self.years * float(self.pole @ np.log(pole))
        return total


def _span(*payoffs: FloatArray) -> float:
    return max(max(float(np.ptp(p)) for p in payoffs), 1e-12)


def _agent_logit(a: FloatArray, b: FloatArray, lam: float) -> tuple[FloatArray, FloatArray]:
    """The sequential view's agent logit QRE: the patron's logit after each instrument, then the small state's."""
    after = np.exp(lam * (b - b.max(axis=1, keepdims=True)))
    after /= after.sum(axis=1, keepdims=True)
    values = (after * a).sum(axis=1)
    x = np.exp(lam * (values - values.max()))
    x /= x.sum()
    return x, x @ after


Point = tuple[FloatArray, FloatArray, FloatArray | None]


def _qre_points(view: ViewName, result: ViewResult) -> tuple[float, Callable[[float], Point]]:
    """The view's payoff span and its QRE point at each λ (module docstring)."""
    game = result.game
    a, b = game.row_payoffs, game.col_payoffs
    lam_max = PRECISION_GRID[-1]
    if view == "sequential":
        span = _span(a, b)
        return span, lambda lam: (*_agent_logit(a, b, lam), None)
    if view == "three-player":
        three = build_three_player_game(game.scenario)
        merged_a, merged_b = merged_game(three)
        span = _span(merged_a, merged_b)
        branch = logit_branch(merged_a, merged_b, lam_max=lam_max / span)

        def three_point(lam: float) -> Point:
            point = points_at(branch, merged_a, merged_b, lam)[0]
            col, pole = marginals(three, point.col)
            return point.row, col, pole

        return span, three_point
    span = _span(a, b)
    branch = logit_branch(a, b, lam_max=lam_max / span)

    def point(lam: float) -> Point:
        first = points_at(branch, a, b, lam)[0]
        return first.row, first.col @ response_matrix(game), None

    return span, point


def fit_view(
    scenario: Scenario, view: ViewName, observed: ObservedProfile | None = None, result: ViewResult | None = None
) -> ViewFit:
    """Hold one view's solutions and its QRE against the observed profile.

    ``result`` is the view already solved (with the caller's options: precision, tie-breaking); by default the view
    is solved with its defaults.
    """
    observed = observed or _observed(scenario)
    evidence = _Evidence.of(scenario, observed)
    result = result or solve_view(scenario, view)
    solutions = tuple(
        evidence.compare(k, profile.row, responses, getattr(profile, "pole", None))
        for k, (profile, responses) in enumerate(zip(result.profiles, result.patron_responses, strict=True))
    )
    if view in ("commitment", "three-player-commitment"):
        return ViewFit(view, result.concept, solutions, None)
    span, point_at = _qre_points(view, result)
    values = tuple(evidence.log_likelihood(*point_at(kappa / span)) for kappa in PRECISION_GRID)
    return ViewFit(view, result.concept, solutions, QRELikelihood(span, PRECISION_GRID, values))


def _observed(scenario: Scenario) -> ObservedProfile:
    if scenario.observed is None:
        raise NoObservedProfileError(
            f"scenario {scenario.id!r} has no [observed] profile, so there is nothing to fit; add one written from "
            "sources (docs/scenarios.md, '[observed]')"
        )
    return scenario.observed


def fit_case(scenario: Scenario, views: tuple[ViewName, ...] | None = None) -> CaseFit:
    """Every declared view (or the chosen ``views``) of ``scenario`` held against its observed profile."""
    observed = _observed(scenario)
    chosen = views or tuple(v for v in VIEWS if v in scenario.scenario.views)
    return CaseFit(scenario, observed, tuple(fit_view(scenario, view, observed) for view in chosen))
