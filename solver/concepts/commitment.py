"""Commitment to a mixed strategy: the small state commits to a portfolio the patron observes and answers.

The leader (the small state, rows) commits to a mixed strategy ``x``; the follower (the patron, columns) sees ``x``
and best-responds. For each follower response ``j`` the leader's best commitment that makes ``j`` a best response
is a linear programme (Conitzer & Sandholm 2006, "Computing the optimal strategy to commit to"):

    LP_j:   max_x  x·A[:, j]    s.t.   x·(B[:, j'] − B[:, j]) ≤ 0  for every j' ≠ j,   Σ x = 1,   x ≥ 0,

and the **strong** Stackelberg equilibrium (the follower breaks ties in the leader's favour) is the best feasible
``LP_j``. With follower types ``t`` of prior ``p_t`` (payoffs ``A_t``, ``B_t``) the follower's strategy is a
type-contingent response profile ``(j_t)_t`` and each profile is one LP,

    max_x  Σ_t p_t x·A_t[:, j_t]    s.t.   x·(B_t[:, j'] − B_t[:, j_t]) ≤ 0  for every t and j' ≠ j_t,

enumerated exactly (Paruchuri et al. 2008 give the MILP for many types; with two or three types enumeration is
small). The leader's value is at least its payoff in any Nash equilibrium (von Stengel & Zamir 2010).

**Weak** Stackelberg (the follower breaks ties against the leader): the leader's value is then a supremum, not
always attained. It is approached by portfolios where the chosen profile is *strictly* best for every type, so only
profiles whose best-response region has a non-empty interior count (decided by an LP that maximises the slack of
every constraint); the portfolio returned is the optimum of their LP, the limit of those portfolios, and
``attained`` says whether the follower strictly prefers its response there.

**Certificates.** HiGHS finds each optimum in floats; the optimum is then re-derived in exact rational arithmetic
from its active constraints (the support of ``x`` and the constraints with positive duals), and a dual solution
``(y, μ)`` of ``min y  s.t.  y·1 + Gᵀμ ≥ c,  μ ≥ 0`` is solved exactly on the same active set. Exact primal
feasibility, dual feasibility and equal objective values prove optimality (LP duality); where the active set does
not determine a unique vertex the certificate is the float one, with its residuals, and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import product
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import linprog

from games import TwoPlayerGame

FloatArray = NDArray[np.float64]
TieBreaking = Literal["strong", "weak"]
TIE_BREAKING: tuple[TieBreaking, ...] = ("strong", "weak")

#: Primal and dual residuals up to this share of the payoff span pass the float check.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Certificate:
    """Why the committed portfolio is optimal for its response profile (LP duality).

    ``exact`` is True when the primal vertex and the dual solution were solved and checked in rationals;
    ``value`` is then the exact optimum and ``portfolio`` the exact optimal vertex, which the solution returns (as
    floats) in place of the LP solver's. ``dual`` holds ``(y, μ)``: the leader's value and one multiplier per
    constraint (incentives type-major, the other responses in order, then the piece's own rows).
    """

    exact: bool
    value: Fraction | float
    dual: tuple[float, ...]
    primal_residual: float
    dual_residual: float
    portfolio: tuple[Fraction, ...] = ()


@dataclass(frozen=True)
class CommitmentSolution:
    """The leader's committed mixed strategy, the follower's response per type, values, tight constraints.

    ``tight[t]`` lists the responses type ``t`` is kept exactly indifferent to (the constraints that bind);
    ``crossed[t]`` whether the portfolio crosses type ``t``'s red line (threshold form only) and
    ``exposure_at_tolerance`` whether its red-line exposure sits exactly on a tolerance.
    """

    leader: FloatArray
    responses: tuple[int, ...]
    priors: tuple[float, ...]
    leader_value: float
    follower_values: tuple[float, ...]
    tight: tuple[tuple[int, ...], ...]
    tie_breaking: TieBreaking
    attained: bool
    certificate: Certificate
    n_responses: int
    crossed: tuple[bool, ...] = ()
    exposure_at_tolerance: bool = False
    pole_response: int | None = None
    n_pole_responses: int = 0

    @property
    def pole(self) -> FloatArray | None:
        """The second pole's response as a (pure) mixed strategy, where it is a follower; else None."""
        if self.pole_response is None:
            return None
        return np.asarray(np.eye(self.n_pole_responses)[self.pole_response], dtype=np.float64)

    @property
    def row(self) -> FloatArray:
        """The committed portfolio (the leader's mixed strategy)."""
        return self.leader

    @property
    def col(self) -> FloatArray:
        """The follower's responses as a distribution: each type's response weighted by its prior."""
        marginal = np.zeros(self.n_responses)
        for prior, response in zip(self.priors, self.responses, strict=True):
            marginal[response] += prior
        return marginal


def _as_types(payoffs: ArrayLike | Sequence[ArrayLike]) -> list[FloatArray]:
    array = np.asarray(payoffs, dtype=np.float64)
    return [array] if array.ndim == 2 else list(array)


def _constraints(b_types: list[FloatArray], profile: tuple[int, ...]) -> FloatArray:
    """Rows ``g`` with ``g·x ≤ 0``: for each type, every other response is no better than the chosen one."""
    rows: list[FloatArray] = []
    for b, j in zip(b_types, profile, strict=True):
        rows.extend(b[:, k] - b[:, j] for k in range(b.shape[1]) if k != j)
    m = b_types[0].shape[0]
    return np.asarray(rows, dtype=np.float64).reshape(-1, m)


def _slack(strict: FloatArray, closed: FloatArray, m: int) -> float:
    """``max s`` such that ``h·x + s ≤ 0`` for the ``strict`` rows and ``h·x ≤ 0`` for the ``closed`` rows, over the
    simplex (``s ≤ 1``): positive exactly when some portfolio meets every strict row strictly."""
    rows = np.vstack([strict.reshape(-1, m), closed.reshape(-1, m)])
    if len(strict.reshape(-1, m)) == 0:
        return 1.0
    slack = np.concatenate([np.ones(len(strict.reshape(-1, m))), np.zeros(len(closed.reshape(-1, m)))])
    cost = np.zeros(m + 1)
    cost[-1] = -1.0
    upper = np.hstack([rows, slack[:, None]])
    equal = np.hstack([np.ones((1, m)), np.zeros((1, 1))])
    result = linprog(cost, A_ub=upper, b_ub=np.zeros(len(rows)), A_eq=equal, b_eq=[1.0],
                     bounds=[(0.0, None)] * m + [(None, 1.0)])  # fmt: skip
    return float(-result.fun) if result.status == 0 else -np.inf


def _solve_exact(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """The unique solution of a consistent linear system in rationals (Gauss–Jordan), or None."""
    rows, cols = len(matrix), len(matrix[0]) if matrix else 0
    aug = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    pivots: list[int] = []
    r = 0
    for c in range(cols):
        pivot = next((k for k in range(r, rows) if aug[k][c] != 0), None)
        if pivot is None:
            continue
        aug[r], aug[pivot] = aug[pivot], aug[r]
        lead = aug[r][c]
        aug[r] = [v / lead for v in aug[r]]
        for k in range(rows):
            if k != r and aug[k][c] != 0:
                factor = aug[k][c]
                aug[k] = [v - factor * w for v, w in zip(aug[k], aug[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == rows:
            break
    if len(pivots) < cols or any(all(v == 0 for v in row[:-1]) and row[-1] != 0 for row in aug):
        return None
    solution = [Fraction(0)] * cols
    for k, c in enumerate(pivots):
        solution[c] = aug[k][-1]
    return solution


def _certify(c: FloatArray, g: FloatArray, x: FloatArray, mu: FloatArray, y: float, scale: float) -> Certificate:
    """Exact certificate on the active set where it determines a vertex; else the float one with residuals."""
    m = len(c)
    tol = TOLERANCE * scale
    primal_residual = float(max(np.maximum(g @ x, 0.0).max(initial=0.0), abs(x.sum() - 1.0), -x.min()))
    reduced = y + g.T @ mu - c
    dual_residual = float(max(np.maximum(-reduced, 0.0).max(), np.maximum(-mu, 0.0).max(initial=0.0)))
    support = [i for i in range(m) if x[i] > TOLERANCE]  # weights are probabilities: an unscaled threshold
    cq = [Fraction(v) for v in c]
    gq = [[Fraction(v) for v in row] for row in g]
    # Active constraints that vanish on the support (e.g. "no weight across the line" where the support has
    # none) do not shape the vertex; their multipliers keep their float values, taken as exact rationals. Any
    # dual-feasible (y, μ) with y = c·x proves optimality, unique or not.
    active = [k for k in range(len(g)) if mu[k] > tol and any(gq[k][i] != 0 for i in support)]
    idle = {k: Fraction(float(mu[k])) for k in range(len(g)) if mu[k] > tol and k not in active}
    primal = _solve_exact(
        [[Fraction(1)] * len(support), *([gq[k][i] for i in support] for k in active)],
        [Fraction(1)] + [Fraction(0)] * len(active),
    )
    dual = _solve_exact([[Fraction(1), *(gq[k][i] for k in active)] for i in support], [cq[i] for i in support])
    if primal is not None and dual is not None:
        xq = [Fraction(0)] * m
        for i, v in zip(support, primal, strict=True):
            xq[i] = v
        yq, muq = dual[0], dict(zip(active, dual[1:], strict=True)) | idle
        feasible = all(v >= 0 for v in xq) and all(sum(r[i] * xq[i] for i in range(m)) <= 0 for r in gq)
        dual_feasible = all(v >= 0 for v in muq.values()) and all(
            yq + sum(gq[k][i] * mu_k for k, mu_k in muq.items()) >= cq[i] for i in range(m)
        )
        value = sum(ci * xi for ci, xi in zip(cq, xq, strict=True))
        if feasible and dual_feasible and value == yq:
            dual_values = (float(yq), *(float(muq.get(k, 0)) for k in range(len(g))))
            return Certificate(True, value, dual_values, 0.0, 0.0, tuple(xq))
    return Certificate(False, float(c @ x), (y, *mu.tolist()), primal_residual, dual_residual)


@dataclass(frozen=True)
class Piece:
    """A polytope of the simplex on which the payoffs are fixed matrices (one pair per follower type).

    ``constraints`` are rows ``h`` with ``h·x ≤ 0`` that cut the piece out of the simplex (closed sides);
    ``open_side`` is a row ``h`` with ``h·x < 0`` on the piece and whose ``h·x = 0`` face belongs to the neighbouring
    piece: the LPs run on the closure, an optimum on that face is a supremum (approached, not attained), and a
    response profile whose region meets the piece only on that face is dropped. ``crossed`` says, per type,
    whether portfolios of this piece cross that type's red line.
    """

    row_payoffs: tuple[FloatArray, ...]
    col_payoffs: tuple[FloatArray, ...]
    constraints: FloatArray
    crossed: tuple[bool, ...] = ()
    open_side: FloatArray | None = None


@dataclass(frozen=True)
class _Candidate:
    piece: Piece
    profile: tuple[int, ...]
    x: FloatArray
    value: float
    certificate: Certificate
    interior: bool


def _candidate(piece: Piece, priors: FloatArray, profile: tuple[int, ...], scale: float) -> _Candidate | None:
    a_types, b_types = piece.row_payoffs, piece.col_payoffs
    m = a_types[0].shape[0]
    c = sum((p * a[:, j] for p, a, j in zip(priors, a_types, profile, strict=True)), np.zeros(m))
    incentives = _constraints(list(b_types), profile)
    open_side = np.zeros((0, m)) if piece.open_side is None else piece.open_side.reshape(1, m)
    g = np.vstack([incentives, piece.constraints.reshape(-1, m), open_side])
    result = linprog(-c, A_ub=g if len(g) else None, b_ub=np.zeros(len(g)) if len(g) else None,
                     A_eq=np.ones((1, m)), b_eq=[1.0], bounds=[(0.0, None)] * m, method="highs")  # fmt: skip
    if result.status == 2:  # infeasible: no portfolio of the piece makes this profile a best response
        return None
    if result.status != 0:
        raise RuntimeError(f"commitment LP for response profile {profile} failed: {result.message}")
    x = np.clip(result.x, 0.0, None)
    x /= x.sum()
    mu = -np.asarray(result.ineqlin.marginals) if len(g) else np.zeros(0)
    y = float(-result.eqlin.marginals[0])
    certificate = _certify(c, g, x, np.maximum(mu, 0.0), y, scale)
    if not certificate.exact and max(certificate.primal_residual, certificate.dual_residual) > 1e-7 * scale:
        raise RuntimeError(f"commitment LP for {profile}: certificate residuals too large ({certificate})")
    if certificate.exact:
        x = np.array([float(v) for v in certificate.portfolio])  # the vertex the certificate proves
    tol = TOLERANCE * max(float(np.abs(g).max(initial=0.0)), 1.0)
    closed = piece.constraints.reshape(-1, m)
    if len(open_side) and _slack(open_side, np.vstack([incentives, closed]), m) <= tol:
        return None  # the profile's region touches this piece only on the face that belongs to its neighbour
    interior = _slack(np.vstack([incentives, open_side]), closed, m) > tol
    return _Candidate(piece, profile, x, float(certificate.value), certificate, interior)


def _validated(
    row_payoffs: ArrayLike | Sequence[ArrayLike], col_payoffs: ArrayLike | Sequence[ArrayLike],
    priors: Sequence[float] | None, tie_breaking: str,
) -> tuple[list[FloatArray], list[FloatArray], FloatArray]:  # fmt: skip
    a_types, b_types = _as_types(row_payoffs), _as_types(col_payoffs)
    if len(a_types) != len(b_types) or any(a.shape != b_types[0].shape for a in (*a_types, *b_types)):
        raise ValueError("row and column payoffs must be matrices (or stacks per type) of one shape")
    types = len(a_types)
    p = np.full(types, 1.0 / types) if priors is None else np.asarray(priors, dtype=np.float64)
    if p.shape != (types,) or (p < 0).any() or abs(p.sum() - 1.0) > 1e-9:
        raise ValueError(f"priors must be {types} non-negative numbers summing to 1")
    if tie_breaking not in TIE_BREAKING:
        raise ValueError(f"tie_breaking must be 'strong' or 'weak', not {tie_breaking!r}")
    return a_types, b_types, p


def _best_commitment(pieces: Sequence[Piece], priors: FloatArray, tie_breaking: TieBreaking) -> CommitmentSolution:
    """The best LP over every piece and every response profile of the followers (module docstring).

    Followers are the patron's types, weighted by their priors, and optionally a second follower of weight 1 with
    its own responses (the second pole): each has its own number of responses.
    """
    counts = [b.shape[1] for b in pieces[0].col_payoffs]
    scale = max(
        *(float(np.ptp(a)) for piece in pieces for a in piece.row_payoffs),
        *(float(np.ptp(b)) for piece in pieces for b in piece.col_payoffs),
        1.0,
    )
    candidates = [
        found
        for piece in pieces
        for profile in product(*(range(count) for count in counts))
        if (found := _candidate(piece, priors, profile, scale)) is not None
    ]
    eligible = candidates if tie_breaking == "strong" else [c for c in candidates if c.interior]
    if not eligible:
        raise ValueError(
            "no response profile of the follower is ever strictly best, so the weak (pessimistic) Stackelberg "
            "value is not defined by this method; use tie_breaking='strong'"
        )
    best = max(eligible, key=lambda c: c.value)  # the first of equal values: pieces, then profiles, in order
    x, piece = best.x, best.piece
    a_types, b_types = piece.row_payoffs, piece.col_payoffs
    follower_values = tuple(float(x @ b[:, j]) for b, j in zip(b_types, best.profile, strict=True))
    tight = tuple(
        tuple(k for k in range(b.shape[1]) if k != j and x @ b[:, k] >= x @ b[:, j] - TOLERANCE * scale)
        for b, j in zip(b_types, best.profile, strict=True)
    )
    ties_favour_leader = tie_breaking == "strong" or all(
        x @ a[:, k] >= x @ a[:, j] - TOLERANCE * scale
        for a, j, ties in zip(a_types, best.profile, tight, strict=True)
        for k in ties
    )
    on_open_side = piece.open_side is not None and abs(float(piece.open_side @ x)) <= TOLERANCE
    return CommitmentSolution(
        leader=x,
        responses=best.profile,
        priors=tuple(float(v) for v in priors),
        leader_value=best.value,
        follower_values=follower_values,
        tight=tight,
        tie_breaking=tie_breaking,
        attained=ties_favour_leader and not on_open_side,
        certificate=best.certificate,
        n_responses=counts[0],
        crossed=piece.crossed,
    )


def commitment_equilibrium(
    row_payoffs: TwoPlayerGame | ArrayLike | Sequence[ArrayLike] | None = None,
    col_payoffs: ArrayLike | Sequence[ArrayLike] | None = None,
    *,
    types: Sequence[TwoPlayerGame | tuple[ArrayLike, ArrayLike]] | None = None,
    priors: Sequence[float] | None = None,
    tie_breaking: TieBreaking = "strong",
) -> CommitmentSolution:
    """The leader's optimal commitment to a mixed strategy against a best-responding follower (module docstring).

    Parameters
    ----------
    row_payoffs, col_payoffs:
        ``m × n`` matrices of the leader (rows) and the follower (columns), or stacks ``T × m × n`` of one pair
        per follower type; or a labelled :class:`~games.TwoPlayerGame` as the only argument.
    types:
        Instead, one game or ``(A_t, B_t)`` pair per follower type.
    priors:
        The types' probabilities (default: one type, or equal priors).
    tie_breaking:
        ``"strong"`` (ties in the leader's favour) or ``"weak"`` (against it; the value may be a supremum).

    Examples
    --------
    >>> import numpy as np
    >>> solution = commitment_equilibrium(np.array([[2.0, 4.0], [1.0, 3.0]]), np.array([[1.0, 0.0], [0.0, 1.0]]))
    >>> solution.leader.round(3).tolist(), solution.responses, solution.certificate.value
    ([0.5, 0.5], (1,), Fraction(7, 2))
    """
    if types is not None:
        if row_payoffs is not None or col_payoffs is not None:
            raise ValueError("give either the payoff matrices or types=, not both")
        pairs = [(t.row_payoffs, t.col_payoffs) if isinstance(t, TwoPlayerGame) else t for t in types]
        row_payoffs, col_payoffs = [a for a, _ in pairs], [b for _, b in pairs]
    elif isinstance(row_payoffs, TwoPlayerGame):
        game = row_payoffs
        row_payoffs, col_payoffs = game.row_payoffs, game.col_payoffs
    if row_payoffs is None or col_payoffs is None:
        raise ValueError("give the leader's and the follower's payoff matrices, a game, or types=")
    a_types, b_types, p = _validated(row_payoffs, col_payoffs, priors, tie_breaking)
    m = a_types[0].shape[0]
    return _best_commitment([Piece(tuple(a_types), tuple(b_types), np.zeros((0, m)))], p, tie_breaking)


def threshold_commitment(
    below: tuple[Sequence[ArrayLike], Sequence[ArrayLike]],
    across: tuple[Sequence[ArrayLike], Sequence[ArrayLike]],
    exposure: ArrayLike,
    tolerances: Sequence[float],
    *,
    priors: Sequence[float] | None = None,
    tie_breaking: TieBreaking = "strong",
    second_pole: tuple[ArrayLike, ArrayLike] | None = None,
) -> CommitmentSolution:
    """Commitment when each follower type ``t`` switches payoffs once the exposure ``ξ(x) = Σ x_i e_i`` exceeds
    its tolerance ``τ_t``: ``below = (A_t, B_t)`` per type for ``ξ ≤ τ_t``, ``across`` for ``ξ > τ_t``.

    The simplex is cut into slabs between the sorted distinct tolerances (``docs/model.md``, "Red lines as
    thresholds"); on each slab every type's side is fixed, so each slab is one :class:`Piece` and the problem is one
    LP per slab and type-contingent response profile, each certified. ``ξ = τ`` belongs to the slab below (the
    line is crossed only when exposure *exceeds* the tolerance); an optimum on the lower face of a slab above is a
    supremum and is reported with ``attained = False``.

    ``second_pole = (A_Q, B_Q)`` adds a second follower, the second pole of a star three-player game, which also
    observes the portfolio and best-responds; the leader's payoff is then ``Σ_t p_t x·A_t[:, r_t] + x·A_Q[:, q]``
    (its payoffs do not depend on the red line), one LP per slab and profile ``((r_t)_t, q)``.
    """
    a_below, b_below, p = _validated(below[0], below[1], priors, tie_breaking)
    a_across, b_across, _ = _validated(across[0], across[1], priors, tie_breaking)
    e = np.asarray(exposure, dtype=np.float64)
    taus = np.asarray(tolerances, dtype=np.float64)
    if taus.shape != (len(p),) or (taus < 0).any() or (taus >= 1).any():
        raise ValueError(f"tolerances must be {len(p)} shares in [0, 1), one per type")
    pole_a: tuple[FloatArray, ...] = () if second_pole is None else (np.asarray(second_pole[0], dtype=np.float64),)
    pole_b: tuple[FloatArray, ...] = () if second_pole is None else (np.asarray(second_pole[1], dtype=np.float64),)
    weights = np.concatenate([p, np.ones(len(pole_a))])
    levels = [tau for tau in sorted(set(taus.tolist())) if tau < e.max()]  # slabs no portfolio can reach: none
    pieces = []
    for k in range(len(levels) + 1):
        low = 0.0 if k == 0 else levels[k - 1]
        upper = [e - levels[k]] if k < len(levels) else []  # ξ ≤ the next tolerance (homogeneous: Σ x = 1)
        crossed = tuple(bool(k > 0 and tau <= low) for tau in taus)
        pieces.append(
            Piece(
                row_payoffs=tuple(a1 if c else a0 for a0, a1, c in zip(a_below, a_across, crossed, strict=True))
                + pole_a,
                col_payoffs=tuple(b1 if c else b0 for b0, b1, c in zip(b_below, b_across, crossed, strict=True))
                + pole_b,
                constraints=np.asarray(upper, dtype=np.float64).reshape(-1, len(e)),
                crossed=crossed,
                open_side=None if k == 0 else low - e,  # ξ > this slab's tolerance
            )
        )
    solution = _best_commitment(pieces, weights, tie_breaking)
    exposure = float(e @ solution.leader)
    at_tolerance = exposure > TOLERANCE and bool(np.any(np.abs(taus - exposure) <= TOLERANCE))
    solution = replace(solution, exposure_at_tolerance=at_tolerance)
    if second_pole is None:
        return solution
    types = len(p)
    return replace(
        solution,
        responses=solution.responses[:types],
        priors=solution.priors[:types],
        follower_values=solution.follower_values[:types],
        tight=solution.tight[:types],
        pole_response=solution.responses[types],
        n_pole_responses=pole_b[0].shape[1],
    )
