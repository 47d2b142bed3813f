"""Logit quantal response equilibrium (QRE) of a bimatrix game: the principal branch and points on it.

McKelvey & Palfrey (1995): at precision ``λ ≥ 0`` each player chooses each strategy with probability
proportional to the exponential of ``λ`` times its expected payoff,

    x_i = exp(λ (Ay)_i) / Σ_k exp(λ (Ay)_k),        y_j = exp(λ (Bᵀx)_j) / Σ_l exp(λ (Bᵀx)_l).

At ``λ = 0`` play is uniform; as ``λ → ∞`` the principal branch converges to a Nash equilibrium (the logit
solution). Unlike a mixed Nash equilibrium, a player's QRE mix moves with its *own* payoffs, which is why QRE
is the reading in which a small state's own parameters move its own portfolio (Tsebelis 1989; design §5) and
the standard of empirical IR (Signorino 1999).

The branch is traced in log-probabilities ``(u, v) = (log x, log y)`` as the zero set of

    H_i     = u_i − u_0 − λ((Ay)_i − (Ay)_0)        i = 1 … m−1
    H_m     = Σ_i exp(u_i) − 1
    H_{m+j} = v_j − v_0 − λ((Bᵀx)_j − (Bᵀx)_0)      j = 1 … n−1
    H_{m+n} = Σ_j exp(v_j) − 1

by pseudo-arclength predictor–corrector continuation (Allgower & Georg 1990, ch. 2; for the logit
correspondence Turocy 2005), which follows the branch through turning points in ``λ``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class QREPoint:
    """One point of the logit QRE correspondence: precision ``lam`` and both players' mixed strategies."""

    lam: float
    row: FloatArray
    col: FloatArray


@dataclass(frozen=True)
class QREBranch:
    """The principal branch from ``λ = 0`` up to ``λ_max``, as the sequence of accepted continuation points."""

    points: tuple[QREPoint, ...]

    @property
    def lams(self) -> FloatArray:
        """Precision at each point (not monotone where the branch turns back)."""
        return np.array([p.lam for p in self.points])

    @property
    def end(self) -> QREPoint:
        """The last point, an approximation of the logit solution (a Nash equilibrium) for large ``λ_max``."""
        return self.points[-1]


def _split(z: FloatArray, m: int) -> tuple[FloatArray, FloatArray, float]:
    return np.exp(z[:m]), np.exp(z[m:-1]), float(z[-1])


def _residual(z: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    m = a.shape[0]
    x, y, lam = _split(z, m)
    u, v = z[:m], z[m:-1]
    row_values, col_values = a @ y, b.T @ x
    return np.concatenate(
        [
            u[1:] - u[0] - lam * (row_values[1:] - row_values[0]),
            [x.sum() - 1.0],
            v[1:] - v[0] - lam * (col_values[1:] - col_values[0]),
            [y.sum() - 1.0],
        ]
    )


def _jacobian(z: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
    m, n = a.shape
    x, y, lam = _split(z, m)
    row_values, col_values = a @ y, b.T @ x
    jac = np.zeros((m + n, m + n + 1))
    jac[: m - 1, 1:m] = np.eye(m - 1)
    jac[: m - 1, 0] = -1.0
    jac[: m - 1, m : m + n] = -lam * (a[1:] - a[0]) * y
    jac[: m - 1, -1] = -(row_values[1:] - row_values[0])
    jac[m - 1, :m] = x
    jac[m : m + n - 1, m + 1 : m + n] = np.eye(n - 1)
    jac[m : m + n - 1, m] = -1.0
    jac[m : m + n - 1, :m] = -lam * ((b[:, 1:] - b[:, [0]]) * x[:, None]).T
    jac[m : m + n - 1, -1] = -(col_values[1:] - col_values[0])
    jac[m + n - 1, m : m + n] = y
    return jac


def _tangent(jac: FloatArray, previous: FloatArray | None) -> FloatArray:
    """Unit null vector of the Jacobian, oriented along ``previous`` (or toward growing λ at the start)."""
    q, _ = np.linalg.qr(jac.T, mode="complete")
    tangent = q[:, -1]
    reference = previous if previous is not None else np.eye(len(tangent))[-1]
    return np.asarray(tangent if tangent @ reference >= 0 else -tangent, dtype=np.float64)


def _correct(z: FloatArray, a: FloatArray, b: FloatArray, tol: float, max_iter: int = 8) -> FloatArray | None:
    """Newton's method with the pseudo-inverse (minimum-norm steps back onto the branch)."""
    for _ in range(max_iter):
        h = _residual(z, a, b)
        if np.abs(h).max() <= tol:
            return z
        step, *_ = np.linalg.lstsq(_jacobian(z, a, b), h, rcond=None)
        z = z - step
        if not np.isfinite(z).all():
            return None
    return z if np.abs(_residual(z, a, b)).max() <= tol else None


def logit_branch(
    row_payoffs: ArrayLike,
    col_payoffs: ArrayLike,
    lam_max: float = 100.0,
    *,
    first_step: float = 0.05,
    max_step: float = 0.5,
    tol: float = 1e-10,
    max_points: int = 20_000,
) -> QREBranch:
    """Trace the principal logit QRE branch of ``(A, B)`` from uniform play at ``λ = 0`` to ``λ_max``.

    ``λ`` is in the reciprocal units of the payoffs. Steps adapt: they grow after easy corrections and halve
    when Newton fails; tracing stops at ``λ_max`` (the last point is corrected exactly onto it).
    """
    a, b = np.asarray(row_payoffs, dtype=np.float64), np.asarray(col_payoffs, dtype=np.float64)
    m, n = a.shape
    z = np.concatenate([np.full(m, -np.log(m)), np.full(n, -np.log(n)), [0.0]])
    points = [QREPoint(0.0, np.full(m, 1.0 / m), np.full(n, 1.0 / n))]
    step = first_step
    tangent = _tangent(_jacobian(z, a, b), None)
    while z[-1] < lam_max and len(points) < max_points:
        corrected = _correct(z + step * tangent, a, b, tol)
        next_tangent = None if corrected is None else _tangent(_jacobian(corrected, a, b), tangent)
        # A step is kept only if it stays near the predictor, keeps λ ≥ 0 (the branch never returns to
        # λ = 0, where uniform play is the unique QRE) and turns the tangent by less than ~25°; otherwise
        # it may have jumped to another branch.
        if (corrected is None or next_tangent is None or corrected[-1] < 0
                or np.abs(corrected - z).max() > 2 * step or next_tangent @ tangent < 0.9):  # fmt: skip
            step /= 2
            if step < 1e-12:
                raise RuntimeError(f"QRE continuation stalled at λ = {z[-1]:.6g}")
            continue
        if corrected[-1] > lam_max:
            corrected = _at_lambda(z, corrected, lam_max, a, b, tol)
        z, tangent = corrected, next_tangent
        x, y, lam = _split(z, m)
        points.append(QREPoint(lam, x / x.sum(), y / y.sum()))
        step = min(step * 1.5, max_step)
    return QREBranch(tuple(points))


def _at_lambda(
    before: FloatArray, after: FloatArray, lam: float, a: FloatArray, b: FloatArray, tol: float
) -> FloatArray:
    """The branch point at exactly ``lam`` between two continuation points, by Newton at fixed ``λ``."""
    weight = (lam - before[-1]) / (after[-1] - before[-1])
    z = before + weight * (after - before)
    for _ in range(50):
        h = _residual(z, a, b)
        if np.abs(h).max() <= tol:
            break
        jac = _jacobian(z, a, b)[:, :-1]
        z = np.concatenate([z[:-1] - np.linalg.solve(jac, h), [lam]])
    return np.asarray(z, dtype=np.float64)


def points_at(branch: QREBranch, row_payoffs: ArrayLike, col_payoffs: ArrayLike, lam: float) -> list[QREPoint]:
    """Every point of a traced ``branch`` at precision ``lam``, in the order the branch reaches them.

    The first is the one continued from uniform play without turning back (the principal branch's point);
    more follow where the branch turns back through ``lam``.
    """
    a, b = np.asarray(row_payoffs, dtype=np.float64), np.asarray(col_payoffs, dtype=np.float64)
    m = a.shape[0]
    found: list[QREPoint] = []
    zs = [np.concatenate([np.log(p.row), np.log(p.col), [p.lam]]) for p in branch.points]
    for before, after in pairwise(zs):
        if (before[-1] - lam) * (after[-1] - lam) <= 0 and before[-1] != after[-1]:
            x, y, _ = _split(_at_lambda(before, after, lam, a, b, 1e-12), m)
            point = QREPoint(lam, x / x.sum(), y / y.sum())
            if not any(np.allclose(point.row, q.row, atol=1e-8) and np.allclose(point.col, q.col, atol=1e-8)
                       for q in found):  # fmt: skip
                found.append(point)
    return found


def logit_qre(row_payoffs: ArrayLike, col_payoffs: ArrayLike, lam: float) -> list[QREPoint]:
    """Every point of the principal branch at precision ``lam`` (several where the branch turns back)."""
    return points_at(logit_branch(row_payoffs, col_payoffs, lam_max=lam), row_payoffs, col_payoffs, lam)
