"""Threshold commitment (:func:`solver.concepts.commitment.threshold_commitment`) for a stack of points at once.

At each point the problem is the reference's: pieces (red-line slabs) × type-contingent response profiles of the
followers, one LP each,

    max_x  Σ_f w_f x·A_f[:, j_f]    s.t.   x·(B_f[:, j'] − B_f[:, j_f]) ≤ 0  ∀ f, j' ≠ j_f,   slab rows,
                                           Σ x = 1,   x ≥ 0,

whose optimum is a vertex of the profile's best-response polytope within the slab. All LPs of all points go to
one compiled simplex (:mod:`solver.concepts.commitment_kernel`), whose pivots walk the polytope's vertices (supports
× active sets) to the best one, instead of one scipy call per LP. Nothing the simplex returns is trusted:

* every optimum carries a float LP dual certificate ``(y, μ)``, checked on the LP's data: primal feasibility,
  dual feasibility ``y + Gᵀμ ≥ c, μ ≥ 0`` and equal objectives ``c·x = y``, each within :data:`TOLERANCE` of the
  point's payoff span (the payoffs are divided by it first);
* every infeasible LP carries a Farkas certificate: ``μ ≥ 0`` with ``Gᵀμ > 0`` in every coordinate, so every
  portfolio violates some row (by more than :data:`~solver.concepts.commitment_kernel.FARKAS_MARGIN` of the span);
* the winning vertex must be the LP's unique optimum: on the face where the dual's complementary slackness
  holds (zero weight where a reduced cost is positive, rows with ``μ > 0`` tight) the equality system has full
  column rank;
* the tie-breaking rules' side questions (does the profile's region reach beyond a slab's open face, does it have
  an interior for the weak rule) are the reference's slack LPs, solved and certified the same way, and asked only
  of candidates whose value may come within :data:`VALUE_MARGIN` of the best that counts;
* an LP whose certificate fails takes the value the reference's own LP gives it
  (:func:`solver.concepts.commitment._candidate`, certified there): it may stop a point from being decided here,
  never be its winner.

A point is **resolved** here only where every decision is clear of its threshold: the winner beats every other
candidate by more than :data:`VALUE_MARGIN` of the span or ties it exactly (:func:`_exact_ties`: the same vertex
and the same objective on its support, so that the reference's first of equal values wins), its vertex is unique,
each certificate passes and each reported flag (``attained``, ``exposure_at_tolerance``, the tight responses
behind the weak rule) is more than a factor :data:`BAND` from its tolerance. Every other point — near ties between
profiles or vertices, failed certificates, borderline flags, a weak rule with no eligible profile — is left to the
exact single-point solver, which decides (and there certifies in rationals).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import numpy as np
from numpy.typing import NDArray

from solver.concepts.commitment import TOLERANCE, Piece, TieBreaking, _candidate
from solver.concepts.commitment_kernel import INFEASIBLE, OPTIMAL, fill_profiles, solve_stack, unique_optimum

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Candidates whose values differ by less than this share of the payoff span count as tied.
VALUE_MARGIN = 1e-7
#: A flag's quantity must be beyond its tolerance times, or below it divided by, this factor to be decided here.
BAND = 2.0
#: Two vertices closer than this in every coordinate are one vertex (simplex rounding is ~1e-15).
VERTEX_MATCH = 1e-12
#: Points solved per call of the compiled kernel (bounds the memory of the LP stacks).
CHUNK = 512


@dataclass(frozen=True)
class Followers:
    """Every follower's payoffs at ``N`` points: the patron's types on each side of the red line, the second pole.

    ``below`` and ``across`` are ``(A, B)``, each ``N × T × m × n``: type ``t``'s payoffs before and across its
    line; ``tolerances`` (``N × T``) its tolerance ``τ_t``; ``priors`` (``T``); ``pole`` the second pole's
    ``(A_Q, B_Q)``, each ``N × m × k``, where it also follows.
    """

    below: tuple[FloatArray, FloatArray]
    across: tuple[FloatArray, FloatArray]
    tolerances: FloatArray
    priors: FloatArray
    pole: tuple[FloatArray, FloatArray] | None = None


@dataclass(frozen=True)
class CommitmentStack:
    """The optimal commitment at each of ``N`` points, where ``resolved`` (module docstring); other rows are 0.

    ``responses`` (``N × T``) is each type's answer, ``pole_response`` (``N``) the second pole's (−1 without one),
    ``follower_values`` (``N × T``) the types' payoffs, ``crossed`` (``N × T``) whether the portfolio crosses each
    type's line; the other fields are :class:`~solver.concepts.commitment.CommitmentSolution`'s.
    """

    leader: FloatArray
    responses: IntArray
    pole_response: IntArray
    leader_value: FloatArray
    follower_values: FloatArray
    attained: BoolArray
    crossed: BoolArray
    exposure_at_tolerance: BoolArray
    resolved: BoolArray


def _decided(value: FloatArray, threshold: FloatArray | float) -> tuple[BoolArray, BoolArray]:
    """``(value > threshold, decided)``: decided where ``value`` exceeds ``BAND × threshold`` or stays below
    ``threshold / BAND`` (thresholds are positive), so that rounding cannot move it across."""
    above = np.asarray(value > threshold)
    return above, np.asarray((value > BAND * threshold) | (value < np.divide(threshold, BAND)))


@dataclass(frozen=True)
class _Solved:
    """Certified LPs: the vertex, its dual, and which carry an optimality or a Farkas certificate."""

    z: FloatArray
    dual: FloatArray
    optimal: BoolArray
    infeasible: BoolArray


def _solve(g: FloatArray, b: FloatArray, q: FloatArray, c: FloatArray) -> _Solved:
    """The LPs ``max c·z  s.t.  g z ≤ b, q·z = 1, z ≥ 0`` (data scaled to payoff span 1), each certified by the
    kernel on the original data (:func:`solver.concepts.commitment_kernel.solve_stack`)."""
    status, z, dual = solve_stack(g, b, q, c)
    return _Solved(z, dual, np.asarray(status == OPTIMAL), np.asarray(status == INFEASIBLE))


@dataclass(frozen=True)
class _Pieces:
    """The red-line slabs of each point, as the reference cuts them: ``levels`` (``N × T``, sorted distinct
    tolerances below the largest exposure, ``inf``-padded) and their number."""

    levels: FloatArray
    count: IntArray

    @classmethod
    def of(cls, tolerances: FloatArray, exposure: FloatArray) -> _Pieces:
        reached = np.sort(np.where(tolerances < exposure.max(), tolerances, np.inf), axis=1)
        repeated = np.zeros(reached.shape, dtype=bool)
        repeated[:, 1:] = reached[:, 1:] == reached[:, :-1]
        levels = np.sort(np.where(repeated, np.inf, reached), axis=1)
        return cls(levels, np.isfinite(levels).sum(axis=1).astype(np.int64))

    def low(self, k: int) -> FloatArray:
        """Piece ``k``'s lower tolerance (0 for the first piece and where the piece does not exist)."""
        if k == 0:
            return np.zeros(len(self.count))
        return np.where(k <= self.count, self.levels[:, k - 1], 0.0)


def _span(array: FloatArray) -> FloatArray:
    """``max − min`` of each matrix of a ``… × m × n`` stack."""
    return np.asarray(array.max(axis=(-2, -1)) - array.min(axis=(-2, -1)))


@dataclass(frozen=True)
class _Candidates:
    """Every (piece, profile, point) LP of a chunk, flattened piece-major as the reference orders them.

    ``g`` (``K × R × m``) holds the incentive rows, then the slab's upper row and its open side (zero where the
    slab has none); ``c`` the objective; ``exists`` whether the piece exists at that point; ``scale`` and ``low``
    the point's payoff span and the piece's lower tolerance; ``tol`` the reference's slack tolerance. ``span``
    (``N``) is each point's payoff span, ``crossed`` (``pieces × N × T``) which lines each piece crosses and
    ``profiles`` (``K × followers``) the response profiles in the reference's order.
    """

    g: FloatArray
    c: FloatArray
    exists: BoolArray
    piece: IntArray
    scale: FloatArray
    low: FloatArray
    tol: FloatArray
    span: FloatArray
    crossed: BoolArray
    profiles: IntArray

    @property
    def rows(self) -> int:
        return int(self.g.shape[1])


def _candidates(followers: Followers, e: FloatArray) -> _Candidates:
    """The LPs of the module docstring for every piece and response profile at every point of ``followers``."""
    below_a, below_b = followers.below
    across_a, across_b = followers.across
    tau = followers.tolerances
    points, types, m, n = below_a.shape
    pole = followers.pole
    counts = [n] * types + ([] if pole is None else [pole[1].shape[2]])
    weights = np.concatenate([followers.priors, [] if pole is None else [1.0]])
    profiles = np.array(list(product(*(range(k) for k in counts))), dtype=np.int64)
    pieces = _Pieces.of(tau, e)
    reaches = tau < e.max()  # a type's payoffs across its line enter some piece
    spans = [_span(below_a), _span(below_b), np.where(reaches, _span(across_a), 0.0),
             np.where(reaches, _span(across_b), 0.0)]  # fmt: skip
    spans += [] if pole is None else [_span(pole[0])[:, None], _span(pole[1])[:, None]]
    scale = np.maximum(np.max([s.max(axis=1) for s in spans], axis=0), 1.0)

    rows = sum(k - 1 for k in counts) + 2
    n_pieces = types + 1
    shape = (n_pieces, len(profiles), points)
    g = np.zeros((*shape, rows, m))
    c = np.zeros((*shape, m))
    crossed = np.zeros((n_pieces, points, types), dtype=bool)
    n_max = max(counts)
    for k in range(min(n_pieces, int(pieces.count.max()) + 1)):  # pieces no point has stay empty
        low = pieces.low(k)
        crossed[k] = (k > 0) & (k <= pieces.count)[:, None] & (tau <= low[:, None])
        a_f = np.zeros((len(counts), points, m, n_max))
        b_f = np.zeros((len(counts), points, m, n_max))
        a_f[:types, :, :, :n] = np.where(
            crossed[k].T[:, :, None, None], across_a.swapaxes(0, 1), below_a.swapaxes(0, 1)
        )
        b_f[:types, :, :, :n] = np.where(
            crossed[k].T[:, :, None, None], across_b.swapaxes(0, 1), below_b.swapaxes(0, 1)
        )
        if pole is not None:
            a_f[types, :, :, : counts[-1]], b_f[types, :, :, : counts[-1]] = pole
        fill_profiles(a_f, b_f, np.array(counts, dtype=np.int64), weights, profiles, g[k], c[k])
        g[k, :, :, rows - 2] = np.where((k < pieces.count)[:, None], e - pieces.levels[:, min(k, types - 1), None], 0.0)
        g[k, :, :, rows - 1] = np.where(((k > 0) & (k <= pieces.count))[:, None], low[:, None] - e, 0.0)
    piece = np.broadcast_to(np.arange(n_pieces)[:, None, None], shape).ravel()
    lows = np.stack([pieces.low(k) for k in range(n_pieces)])
    return _Candidates(
        g=g.reshape(-1, rows, m),
        c=c.reshape(-1, m),
        exists=np.broadcast_to(np.arange(n_pieces)[:, None, None] <= pieces.count, shape).ravel(),
        piece=piece,
        scale=np.broadcast_to(scale, shape).ravel(),
        low=np.broadcast_to(lows[:, None, :], shape).ravel(),
        tol=TOLERANCE * np.maximum(np.abs(g).max(axis=(-2, -1)), 1.0).ravel(),
        span=scale,
        crossed=crossed,
        profiles=profiles,
    )


def _scaled(lps: _Candidates, at: BoolArray) -> tuple[FloatArray, FloatArray]:
    """``(g, c)`` of the candidates ``at``, divided by their point's payoff span."""
    span = lps.scale[at]
    return lps.g[at] / span[:, None, None], lps.c[at] / span[:, None]


def _reaches_beyond_the_face(
    lps: _Candidates, at: BoolArray, z: FloatArray, e: FloatArray
) -> tuple[BoolArray, BoolArray]:
    """``(kept, decided)`` for candidates ``at`` of slabs above the first: whether the profile's region reaches
    beyond the slab's open face ``ξ = τ_low`` (the reference's slack LP with that row strict: ``max ξ − τ_low``)."""
    beyond = z @ e - lps.low[at]
    kept, decided = _decided(beyond, lps.tol[at])
    ask = ~(beyond > BAND * lps.tol[at])  # the vertex itself may sit on the face: maximise ξ over the region
    if ask.any():
        rows = np.flatnonzero(at)[ask]
        pick = np.zeros(len(at), dtype=bool)
        pick[rows] = True
        g, _ = _scaled(lps, pick)
        lift = _solve(g, np.zeros(g.shape[:2]), np.ones((len(g), g.shape[2])), e[None, :] - lps.low[pick, None])
        furthest = lift.z @ e - lps.low[pick]
        far, clear = _decided(furthest, lps.tol[pick])
        kept[ask], decided[ask] = far, clear & lift.optimal
    return kept, decided


def _interiors(lps: _Candidates, at: BoolArray) -> tuple[BoolArray, BoolArray]:
    """``(interior, decided)`` for candidates ``at``: the reference's slack LP ``max s`` with ``h·x + s ≤ 0`` on the
    incentive rows and the open side, ``h·x ≤ 0`` on the upper row, ``s ≤ 1``, over the simplex."""
    g, _ = _scaled(lps, at)
    count, rows, m = g.shape
    lifted = np.zeros((count, rows + 1, m + 1))
    lifted[:, :rows, :m] = g
    lifted[:, : rows - 2, m] = 1.0
    lifted[:, rows - 1, m] = (lps.piece[at] > 0).astype(np.float64)
    lifted[:, rows, m] = 1.0
    cap = np.zeros((count, rows + 1))
    cap[:, rows] = 1.0 / lps.scale[at]
    q = np.concatenate([np.ones((count, m)), np.zeros((count, 1))], axis=1)
    objective = np.zeros((count, m + 1))
    objective[:, m] = 1.0
    slack = _solve(lifted, cap, q, objective)
    interior, decided = _decided(slack.z[:, m] * lps.scale[at], lps.tol[at])
    return interior, decided & slack.optimal


def threshold_commitment_stack(
    followers: Followers, exposure: FloatArray, tie_breaking: TieBreaking = "strong"
) -> CommitmentStack:
    """:func:`~solver.concepts.commitment.threshold_commitment` at ``N`` points, where it can be decided without
    the reference (module docstring); ``resolved`` says where."""
    e = np.asarray(exposure, dtype=np.float64)
    parts = []
    for start in range(0, len(followers.tolerances), CHUNK):
        s = slice(start, start + CHUNK)
        pole = None if followers.pole is None else (followers.pole[0][s], followers.pole[1][s])
        below, across = (followers.below[0][s], followers.below[1][s]), (followers.across[0][s], followers.across[1][s])
        chunk = Followers(below, across, followers.tolerances[s], followers.priors, pole)
        parts.append(_chunk(chunk, e, tie_breaking))
    if not parts:  # no points: empty rows of each field's shape
        types, m = followers.tolerances.shape[1], followers.below[0].shape[2]
        none, flags = np.zeros((0, types), dtype=np.int64), np.zeros(0, dtype=bool)
        return CommitmentStack(np.zeros((0, m)), none, np.zeros(0, dtype=np.int64), np.zeros(0), none.astype(float),
                               flags, none.astype(bool), flags, flags)  # fmt: skip
    fields = CommitmentStack.__dataclass_fields__
    return CommitmentStack(**{f: np.concatenate([getattr(p, f) for p in parts]) for f in fields})


def _chunk(followers: Followers, e: FloatArray, tie_breaking: TieBreaking) -> CommitmentStack:
    """The commitment at each point of one chunk (:func:`threshold_commitment_stack`)."""
    lps = _candidates(followers, e)
    points = len(followers.tolerances)
    g_s, c_s = _scaled(lps, lps.exists)
    main = _solve(g_s, np.zeros(g_s.shape[:2]), np.ones(c_s.shape), c_s)
    z = np.zeros(lps.c.shape)
    dual = np.zeros((len(lps.c), lps.rows + 1))
    optimal, unknown = np.zeros(len(z), dtype=bool), np.zeros(len(z), dtype=bool)
    z[lps.exists], dual[lps.exists], optimal[lps.exists] = main.z, main.dual, main.optimal
    unknown[lps.exists] = ~main.optimal & ~main.infeasible
    value = np.where(optimal, np.einsum("lv,lv->l", lps.c, z), -np.inf)
    doubt_value = np.where(optimal, value, np.inf)
    if unknown.any():  # the reference's own LP decides these candidates; they can block a winner, not be one
        doubt_value[unknown] = _reference_values(followers, lps, e, np.flatnonzero(unknown), tie_breaking)

    eligible = _counting(lps, optimal, value, unknown, z, e, tie_breaking)

    score = np.where(eligible, value, -np.inf).reshape(-1, points).T
    doubt = np.where(unknown, doubt_value, -np.inf).reshape(-1, points).T
    top = score.max(axis=1)
    margin = VALUE_MARGIN * lps.span
    near = score >= (top - margin)[:, None]  # the top candidate and any within the margin of it
    best = near.argmax(axis=1)  # the first of them, which the reference takes where their values are equal
    resolved = np.isfinite(top) & (doubt.max(axis=1) < top - margin)
    resolved &= _exact_ties(lps, z, dual, near, best)
    winner = best * points + np.arange(points)
    return _read_winners(followers, lps, e, z[winner], best, resolved, tie_breaking)


def _best_of(value: FloatArray, mask: BoolArray, points: int) -> FloatArray:
    """For each candidate, the best ``value`` among its point's candidates in ``mask`` (−inf where none)."""
    best = np.where(mask, value, -np.inf).reshape(-1, points).max(axis=0)
    return np.broadcast_to(best, (len(value) // points, points)).ravel()


def _counting(
    lps: _Candidates, optimal: BoolArray, value: FloatArray, unknown: BoolArray, z: FloatArray, e: FloatArray,
    tie_breaking: TieBreaking,
) -> BoolArray:  # fmt: skip
    """Which ``optimal`` candidates count: not dropped (a region meeting a slab only on its open face belongs to the
    slab below) and, under the weak rule, with an interior. Asked only where the answer can matter: each point's
    best unasked candidate, round after round, until one counts; then every candidate within the margin of the
    best that counts. Those never asked are below that margin, so they are neither winners nor near one.
    ``unknown`` gains the candidates whose answer is undecided."""
    points = len(lps.span)
    margin = np.broadcast_to(VALUE_MARGIN * lps.span, (len(value) // points, points)).ravel()
    beyond = (lps.piece == 0) | (z @ e - lps.low > BAND * lps.tol)  # the vertex itself is off the open face
    counts, asked = np.zeros(len(value), dtype=bool), np.zeros(len(value), dtype=bool)

    def ask(these: BoolArray) -> None:
        kept = these & beyond
        face = these & ~beyond
        if face.any():
            reaches, decided = _reaches_beyond_the_face(lps, face, z[face], e)
            kept[face] = reaches & decided
            unknown[face] |= ~decided
        if tie_breaking == "weak" and kept.any():
            interior, decided = _interiors(lps, kept)
            unknown[kept] |= ~decided
            kept[kept] = interior & decided
        counts[these] = kept[these]
        asked[these] = True

    while True:
        open_value = np.where(optimal & ~asked, value, -np.inf).reshape(-1, points)
        waiting = ~counts.reshape(-1, points).any(axis=0) & np.isfinite(open_value.max(axis=0))
        if not waiting.any():
            break
        these = np.zeros(len(value), dtype=bool)
        these[(open_value.argmax(axis=0) * points + np.arange(points))[waiting]] = True
        ask(these)
    rest = optimal & ~asked & (value >= _best_of(value, counts, points) - margin)
    if rest.any():
        ask(rest)
    return counts


def _reference_values(
    followers: Followers, lps: _Candidates, e: FloatArray, candidates: IntArray, tie_breaking: TieBreaking
) -> FloatArray:
    """The reference's value of each of ``candidates`` whose certificate failed here (−inf where the reference finds
    the profile infeasible, dropped or, under the weak rule, without interior): its LP and slack LPs on the same
    piece (:func:`solver.concepts.commitment._candidate`), certified there."""
    points, types = followers.tolerances.shape
    profiles = len(lps.profiles)
    values = np.full(len(candidates), -np.inf)
    for k, index in enumerate(candidates):
        point, profile, piece = index % points, (index // points) % profiles, index // (points * profiles)
        crossed = lps.crossed[piece, point]
        sides = [followers.across if crossed[t] else followers.below for t in range(types)]
        pole = () if followers.pole is None else ((followers.pole[0][point],), (followers.pole[1][point],))
        levels = _Pieces.of(followers.tolerances[point : point + 1], e)
        low = levels.low(piece)[0]
        reference_piece = Piece(
            row_payoffs=tuple(side[0][point, t] for t, side in enumerate(sides)) + (pole[0] if pole else ()),
            col_payoffs=tuple(side[1][point, t] for t, side in enumerate(sides)) + (pole[1] if pole else ()),
            constraints=(e - levels.levels[0, piece]).reshape(1, -1)
            if piece < levels.count[0]
            else np.zeros((0, len(e))),
            crossed=tuple(bool(v) for v in crossed),
            open_side=None if piece == 0 else low - e,
        )
        weights = np.concatenate([followers.priors, np.ones(len(pole[0]) if pole else 0)])
        found = _candidate(
            reference_piece, weights, tuple(int(j) for j in lps.profiles[profile]), float(lps.span[point])
        )
        if found is not None and (tie_breaking == "strong" or found.interior):
            values[k] = found.value
    return values


def _exact_ties(lps: _Candidates, z: FloatArray, dual: FloatArray, near: BoolArray, best: IntArray) -> BoolArray:
    """Whether each point's near-best candidates (``near``, ``points × candidates``) are its first one, ``best``,
    alone, or exact ties of it: the same unique optimal vertex, with bit-for-bit the same objective on its support
    (a follower whose answers pay alike there, as the second pole's "engage" and "condition" on aligned instruments).
    Their values are then equal in exact arithmetic, so the reference too takes the first."""
    points = len(best)
    point, candidate = np.nonzero(near)
    member = candidate * points + point
    first = best[point] * points + point
    span = lps.span[point][:, None]
    unique = unique_optimum(lps.g[member] / span[:, :, None], lps.c[member] / span, dual[member], TOLERANCE)
    support = (z[member] > VERTEX_MATCH) | (z[first] > VERTEX_MATCH)
    same = (np.abs(z[member] - z[first]).max(axis=1) <= VERTEX_MATCH) & (
        (lps.c[member] == lps.c[first]) | ~support
    ).all(axis=1)
    tied = np.ones(points, dtype=bool)
    np.logical_and.at(tied, point, unique & same)
    return tied


def _read_winners(
    followers: Followers, lps: _Candidates, e: FloatArray, z: FloatArray, best: IntArray, resolved: BoolArray,
    tie_breaking: TieBreaking,
) -> CommitmentStack:  # fmt: skip
    """The winners' portfolio, answers, payoffs and flags, and whether each flag is clear of its tolerance."""
    points, types = followers.tolerances.shape
    at = np.arange(points)
    piece, profile = best // len(lps.profiles), best % len(lps.profiles)
    responses = lps.profiles[profile]
    crossed = lps.crossed[piece, at]
    x = np.clip(z, 0.0, None)
    x /= np.maximum(x.sum(axis=1, keepdims=True), 1e-300)
    scale = lps.span
    a_f = [
        np.where(crossed[:, t, None, None], followers.across[0][:, t], followers.below[0][:, t]) for t in range(types)
    ]
    b_f = [
        np.where(crossed[:, t, None, None], followers.across[1][:, t], followers.below[1][:, t]) for t in range(types)
    ]
    if followers.pole is not None:
        a_f.append(followers.pole[0])
        b_f.append(followers.pole[1])
    answers = [np.einsum("pm,pmk->pk", x, b) for b in b_f]
    gains = [np.einsum("pm,pmk->pk", x, a) for a in a_f]
    leader_value = np.einsum("pm,pm->p", lps.c[best * points + at], x)
    follower_values = np.stack([answers[t][at, responses[:, t]] for t in range(types)], axis=1)

    favour, favour_clear = np.ones(points, dtype=bool), np.ones(points, dtype=bool)
    for f in range(len(b_f)):  # the weak rule's limit is attained where every tie the follower may break is harmless
        j = responses[:, f]
        others = np.arange(b_f[f].shape[2])[None, :] != j[:, None]
        loose, loose_clear = _decided(answers[f][at, j][:, None] - answers[f], TOLERANCE * scale[:, None])
        worse, worse_clear = _decided(gains[f][at, j][:, None] - gains[f], TOLERANCE * scale[:, None])
        tight = others & ~loose
        favour &= ~(tight & worse).any(axis=1)
        favour_clear &= (~others | (loose_clear & (loose | worse_clear))).all(axis=1)
    off_face, face_clear = _decided(np.abs(lps.low[best * points + at] - x @ e), TOLERANCE)
    on_open_side = (piece > 0) & ~off_face
    attained = (tie_breaking == "strong" or favour) & ~on_open_side
    clear = ((piece == 0) | face_clear) & (tie_breaking == "strong" or favour_clear)

    exposure = x @ e
    exposed, exposed_clear = _decided(exposure, TOLERANCE)
    away, away_clear = _decided(np.abs(followers.tolerances - exposure[:, None]), TOLERANCE)
    at_tolerance = exposed & (~away).any(axis=1)
    clear &= exposed_clear & (~exposed | away_clear.all(axis=1))

    resolved = resolved & clear
    keep = resolved[:, None]
    return CommitmentStack(
        leader=np.where(keep, x, 0.0),
        responses=np.where(keep, responses[:, :types], 0),
        pole_response=np.where(resolved, responses[:, types], -1)
        if followers.pole is not None
        else np.full(points, -1),
        leader_value=np.where(resolved, leader_value, 0.0),
        follower_values=np.where(keep, follower_values, 0.0),
        attained=resolved & attained,
        crossed=keep & crossed,
        exposure_at_tolerance=resolved & at_tolerance,
        resolved=resolved,
    )
