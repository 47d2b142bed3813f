"""A compiled dense simplex method for stacks of the small linear programmes of commitment.

Every commitment LP (:mod:`solver.concepts.commitment`) and every slack LP its tie-breaking rules ask for has the
form

    max  c·z    s.t.   G z ≤ b  (b ≥ 0),    q·z = 1,    z ≥ 0,

with a few variables (the instruments, plus one slack) and a few rows (the followers' incentives, a red-line
slab's sides). :func:`solve_stack` solves a stack of them, one tableau each: phase 1 minimises an artificial
variable of the equality row from the basis of the rows' slacks (feasible because ``b ≥ 0``), phase 2 maximises
``c·z`` from there. The entering column is Bland's (the lowest-index improving one; Bland 1977, "New finite pivoting
rules for the simplex method", *Math. Oper. Res.* 2:2); ties of the ratio test, frequent on these degenerate
problems (``b = 0``), go to the largest pivot entry, which keeps the tableau well conditioned but gives up Bland's
guarantee against cycling, so the pivots are capped and an LP that runs out of them is reported failed.

Each LP returns the simplex's vertex ``z``, the dual ``(y, μ)`` of ``min y + b·μ  s.t.  q y + Gᵀμ ≥ c,  μ ≥ 0``
read from the final tableau (at an optimum), or the phase-1 dual (a Farkas certificate, ``y < 0`` and
``q y + Gᵀμ ≥ 0``) where the rows admit no ``z``. The tableau is not trusted: each result is checked against the
LP's original data (:func:`_certify`) and reported failed where its certificate does not pass.
"""

from __future__ import annotations

import numba
import numpy as np
from numpy.typing import NDArray

from solver.concepts.commitment import TOLERANCE
from solver.equilibria.kernels.jit import compiled, compiled_parallel

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

OPTIMAL, INFEASIBLE, FAILED = 0, 1, 2

#: An infeasibility certificate must show every portfolio violating a row by this (scaled) amount.
FARKAS_MARGIN = 1e-7
#: Entries and reduced costs below this (the data scaled to payoff span 1) count as zero when pivoting.
PIVOT_EPS = 1e-11


@compiled
def _pivot(tableau: FloatArray, basis: IntArray, row: int, col: int) -> None:
    """Make column ``col`` basic in ``row`` (Gauss–Jordan on the whole tableau, objective row included)."""
    rows, cols = tableau.shape
    lead = tableau[row, col]
    for j in range(cols):
        tableau[row, j] /= lead
    for i in range(rows):
        if i != row:
            factor = tableau[i, col]
            if factor != 0.0:
                for j in range(cols):
                    tableau[i, j] -= factor * tableau[row, j]
    basis[row] = col


@compiled
def _set_objective(tableau: FloatArray, basis: IntArray, cost: FloatArray) -> None:
    """The last row: reduced costs ``c_B B⁻¹ A_j − c_j`` and, in the last column, the objective's value."""
    rows, cols = tableau.shape
    for j in range(cols):
        total = 0.0
        for i in range(rows - 1):
            total += cost[basis[i]] * tableau[i, j]
        tableau[rows - 1, j] = total - (cost[j] if j < cols - 1 else 0.0)


@compiled
def _optimise(tableau: FloatArray, basis: IntArray, columns: int, limit: int) -> bool:
    """Bland-rule pivots over the first ``columns`` columns until no reduced cost is negative; False if the LP is
    unbounded or the pivots exceed ``limit``."""
    rows, cols = tableau.shape
    for _ in range(limit):
        enter = -1
        for j in range(columns):
            if tableau[rows - 1, j] < -PIVOT_EPS:
                enter = j
                break
        if enter < 0:
            return True
        leave, best = -1, np.inf
        for i in range(rows - 1):
            entry = tableau[i, enter]
            if entry > PIVOT_EPS:
                ratio = tableau[i, cols - 1] / entry
                if ratio < best - 1e-14 or (ratio <= best + 1e-14 and entry > tableau[leave, enter]):
                    leave, best = i, min(ratio, best)
        if leave < 0:
            return False
        _pivot(tableau, basis, leave, enter)
    return False


@compiled
def _solve_one(g: FloatArray, b: FloatArray, q: FloatArray, c: FloatArray, z: FloatArray, dual: FloatArray) -> int:
    """One LP of the module docstring: fills ``z`` and ``dual = (y, μ)`` and returns its status."""
    r, v = g.shape
    cols = v + r + 2  # z, the rows' slacks, the artificial variable of q·z = 1, the right-hand side
    tableau = np.zeros((r + 2, cols))
    basis = np.empty(r + 1, dtype=np.int64)
    for k in range(r):
        tableau[k, :v] = g[k]
        tableau[k, v + k] = 1.0
        tableau[k, cols - 1] = b[k]
        basis[k] = v + k
    tableau[r, :v] = q
    tableau[r, v + r] = 1.0
    tableau[r, cols - 1] = 1.0
    basis[r] = v + r
    limit = 50 * (r + v + 1)
    phase1 = np.zeros(cols - 1)
    phase1[v + r] = -1.0
    _set_objective(tableau, basis, phase1)
    if not _optimise(tableau, basis, v + r, limit):
        return FAILED
    if tableau[r + 1, cols - 1] < -1e-9:  # the artificial variable stays positive: no z meets the rows
        dual[0] = tableau[r + 1, v + r] - 1.0  # y of the phase-1 dual (the artificial's cost is −1)
        for k in range(r):
            dual[1 + k] = tableau[r + 1, v + k]
        return INFEASIBLE
    for i in range(r + 1):  # drive a zero artificial variable out of the basis
        if basis[i] == v + r:
            col, size = -1, PIVOT_EPS
            for j in range(v + r):
                if abs(tableau[i, j]) > size:
                    col, size = j, abs(tableau[i, j])
            if col < 0:
                return FAILED
            _pivot(tableau, basis, i, col)
    phase2 = np.zeros(cols - 1)
    phase2[:v] = c
    _set_objective(tableau, basis, phase2)
    if not _optimise(tableau, basis, v + r, limit):
        return FAILED
    z[:] = 0.0
    for i in range(r + 1):
        if basis[i] < v:
            z[basis[i]] = tableau[i, cols - 1]
    dual[0] = tableau[r + 1, v + r]
    for k in range(r):
        dual[1 + k] = tableau[r + 1, v + k]
    return OPTIMAL


@compiled
def _certify(
    g: FloatArray, b: FloatArray, q: FloatArray, c: FloatArray, z: FloatArray, dual: FloatArray, status: int
) -> int:
    """The status a certificate on the original data supports: :data:`OPTIMAL` where ``z`` and ``(y, μ)`` pass
    ``g z ≤ b``, ``z ≥ 0``, ``q·z = 1``, ``μ ≥ 0``, ``y q + gᵀμ ≥ c`` and ``c·z = y + b·μ`` within
    :data:`~solver.concepts.commitment.TOLERANCE` (the data scaled to payoff span 1, so a share of the span);
    :data:`INFEASIBLE` where ``b = 0``, ``q = 1`` and ``μ ≥ 0`` has ``min_j (gᵀμ)_j > FARKAS_MARGIN · Σ μ`` (every
    ``z`` of the simplex then has ``Σ_k μ_k g_k·z`` above that, so some row is violated); else :data:`FAILED`."""
    rows, variables = g.shape
    y = dual[0]
    if status == OPTIMAL:
        total = 0.0
        value = 0.0
        for j in range(variables):
            if z[j] < -TOLERANCE:
                return FAILED
            total += q[j] * z[j]
            value += c[j] * z[j]
        if abs(total - 1.0) > TOLERANCE:
            return FAILED
        bound = y
        for k in range(rows):
            if dual[1 + k] < -TOLERANCE:
                return FAILED
            bound += b[k] * dual[1 + k]
            row = -b[k]
            for j in range(variables):
                row += g[k, j] * z[j]
            if row > TOLERANCE:
                return FAILED
        for j in range(variables):
            reduced = y * q[j] - c[j]
            for k in range(rows):
                reduced += g[k, j] * dual[1 + k]
            if reduced < -TOLERANCE:
                return FAILED
        return OPTIMAL if abs(value - bound) <= TOLERANCE else FAILED
    if status == INFEASIBLE:
        weight = 0.0
        for k in range(rows):
            if b[k] != 0.0:
                return FAILED
            weight += max(dual[1 + k], 0.0)
        spread = np.inf
        for j in range(variables):
            if q[j] != 1.0:
                return FAILED
            column = 0.0
            for k in range(rows):
                column += g[k, j] * max(dual[1 + k], 0.0)
            spread = min(spread, column)
        return INFEASIBLE if weight > 0.0 and spread > FARKAS_MARGIN * weight else FAILED
    return FAILED


@compiled_parallel
def solve_stack(g: FloatArray, b: FloatArray, q: FloatArray, c: FloatArray) -> tuple[IntArray, FloatArray, FloatArray]:
    """``(status, z, dual)`` for the LPs ``max c[l]·z  s.t.  g[l] z ≤ b[l],  q[l]·z = 1,  z ≥ 0`` (``b ≥ 0``).

    ``g`` is ``L × R × V``; ``status[l]`` is :data:`OPTIMAL` (``z[l]`` the vertex found, ``dual[l] = (y, μ)`` its
    dual, the pair certified by :func:`_certify`), :data:`INFEASIBLE` (``dual[l]`` a certified Farkas dual) or
    :data:`FAILED` (unbounded, out of pivots, or a certificate that does not pass).
    """
    count, rows, variables = g.shape
    status = np.empty(count, dtype=np.int64)
    z = np.zeros((count, variables))
    dual = np.zeros((count, rows + 1))
    for k in numba.prange(count):
        status[k] = _certify(g[k], b[k], q[k], c[k], z[k], dual[k], _solve_one(g[k], b[k], q[k], c[k], z[k], dual[k]))
    return status, z, dual


@compiled
def _full_column_rank(matrix: FloatArray, tol: float) -> bool:
    """Whether ``matrix`` has rank equal to its number of columns (Gaussian elimination, partial pivoting; a pivot
    below ``tol`` times the largest entry counts as zero)."""
    work = matrix.copy()
    rows, cols = work.shape
    if cols == 0 or rows < cols:
        return False
    size = max(np.abs(work).max(), 1e-300)
    for col in range(cols):  # every column must find a pivot, so the pivot row of column ``col`` is ``col``
        pivot, best = -1, tol * size
        for i in range(col, rows):
            if abs(work[i, col]) > best:
                pivot, best = i, abs(work[i, col])
        if pivot < 0:
            return False
        for j in range(cols):
            work[col, j], work[pivot, j] = work[pivot, j], work[col, j]
        for i in range(col + 1, rows):
            factor = work[i, col] / work[col, col]
            for j in range(col, cols):
                work[i, j] -= factor * work[col, j]
    return True


@compiled_parallel
def unique_optimum(g: FloatArray, c: FloatArray, dual: FloatArray, tol: float) -> NDArray[np.bool_]:
    """Whether each LP ``max c·x  s.t.  g x ≤ 0, Σ x = 1, x ≥ 0`` has a single optimal point, by its dual.

    With ``d = y·1 + Gᵀμ − c ≥ 0`` every feasible ``x`` has ``c·x = y − d·x + μ·Gx``, so the optimal face is
    ``{x_j = 0 where d_j > 0, g_k·x = 0 where μ_k > 0}``. Counting reduced costs and multipliers up to ``tol`` as zero
    (which only enlarges the face), the face is one point when ``Σ x = 1`` and those tight rows, on the free
    coordinates, have full column rank.
    """
    count, rows, variables = g.shape
    unique = np.zeros(count, dtype=np.bool_)
    for lp in numba.prange(count):
        y, mu = dual[lp, 0], dual[lp, 1:]
        free = np.empty(variables, dtype=np.int64)
        n_free = 0
        for j in range(variables):
            reduced = y - c[lp, j]
            for k in range(rows):
                reduced += g[lp, k, j] * mu[k]
            if reduced <= tol:
                free[n_free] = j
                n_free += 1
        tight = np.flatnonzero(mu > tol)
        system = np.ones((1 + len(tight), n_free))
        for a in range(len(tight)):
            for f in range(n_free):
                system[1 + a, f] = g[lp, tight[a], free[f]]
        unique[lp] = _full_column_rank(system, 1e-9)
    return unique


@compiled
def fill_profiles(
    a: FloatArray,
    b: FloatArray,
    counts: IntArray,
    weights: FloatArray,
    profiles: IntArray,
    g: FloatArray,
    c: FloatArray,
) -> None:
    """Objective and incentive rows of each response profile at each point of one piece.

    ``a``, ``b`` (``F × N × m × n_max``): each follower's payoffs, ``counts[f]`` its responses; ``profiles``
    (``K × F``). Writes ``c[p, g] = Σ_f w_f a[f, g, :, j_f]`` and, follower by follower and in the order of the
    other responses ``j' ≠ j_f``, the rows ``g[p, g, r] = b[f, g, :, j'] − b[f, g, :, j_f]`` (its first rows).
    """
    followers, points, m, _ = a.shape
    for p in range(len(profiles)):
        for n in range(points):
            for i in range(m):
                total = 0.0
                for f in range(followers):
                    total += weights[f] * a[f, n, i, profiles[p, f]]
                c[p, n, i] = total
            row = 0
            for f in range(followers):
                j = profiles[p, f]
                for other in range(counts[f]):
                    if other != j:
                        for i in range(m):
                            g[p, n, row, i] = b[f, n, i, other] - b[f, n, i, j]
                        row += 1
