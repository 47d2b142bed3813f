"""Equilibria of many games of one shape at once: complete, verified, in flat arrays.

``equilibria_batch(A, B)`` takes stacks ``A, B`` of shape ``N × m × n`` — a sweep's games — and returns, for
every game, exactly what :func:`solver.equilibria.equilibria` returns: every extreme equilibrium, the
component each belongs to, and whether the game is degenerate. Games are solved in chunks by the compiled
kernel of :mod:`solver.equilibria.kernels.basis_kernel`, blocks of games per thread; results are stored as a struct of
arrays (one row per equilibrium, offsets per game), so that 10⁶ games cost a few hundred bytes each. Every
equilibrium passes the regret check of :mod:`solver.equilibria.core.verification`, computed in the kernel:

    row regret = max_i (A_g y)_i − xᵀA_g y,    column regret = max_j (xᵀB_g)_j − xᵀB_g y,

each divided by that player's payoff range in game ``g`` and required to be at most ``1e-9``.

Shapes too large for the compiled basis enumeration are solved by lexicographic pivoting, compiled and in
parallel over the chunk's games (:mod:`solver.equilibria.kernels.pivoting_stack`, the result of
:func:`~solver.equilibria.methods.lex_pivoting.pivoting_equilibria` to the bit, without its rich set). Games
with more extreme equilibria than a chunk's slots (``EQUILIBRIUM_SLOTS``), games whose float equilibria fail
verification (badly scaled ones, which are then solved exactly) and games with ``m + n`` past pivoting's 62
label bits are solved one at a time by :func:`~solver.equilibria.methods.auto.complete_equilibria`, with the
same result: by lexicographic pivoting, or by basis enumeration for the widest games.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from solver.equilibria.core.assembly import build_equilibrium_set, degeneracy_witnesses
from solver.equilibria.core.payoff_checks import checked_stacks
from solver.equilibria.core.polytope import DEFAULT_TOLERANCE, best_response_vertices, checked_tolerance
from solver.equilibria.core.result import EquilibriumSet
from solver.equilibria.core.verification import REGRET_TOLERANCE, VerificationError
from solver.equilibria.kernels.basis_kernel import basis_table, gather_slots, stack_equilibria
from solver.equilibria.kernels.pivoting_stack import stack_pivoting_equilibria
from solver.equilibria.methods.auto import CompleteMethod, complete_equilibria
from solver.equilibria.methods.compiled_vertices import compiles
from solver.equilibria.methods.labelled_vertices import check_enumerable
from solver.equilibria.methods.lex_pivoting import MAX_STRATEGIES

if TYPE_CHECKING:
    import pandas as pd

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

#: Games solved per call of the compiled kernel: bounds the working memory of a batch.
CHUNK_SIZE = 8192
#: Extreme equilibria one game may have in the compiled kernel; games with more are solved one by one.
EQUILIBRIUM_SLOTS = 32
#: numba's default thread pool (workqueue) must not be entered by two threads at once (Dask workers run tasks
#: in threads): one chunk at a time per process, each using every core.
_KERNEL_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchEquilibria:
    """The equilibria of ``N`` games of one shape, one row per extreme equilibrium.

    Attributes
    ----------
    row_payoffs, col_payoffs:
        The ``N × m × n`` payoff stacks that were solved.
    offsets:
        ``N + 1`` offsets: the equilibria of game ``g`` are rows ``offsets[g]`` to ``offsets[g + 1] − 1``.
    rows, cols:
        ``E × m`` and ``E × n`` mixed strategies, in the order :func:`~solver.equilibria.equilibria` gives.
    components:
        ``E`` component numbers, counted within each game from 0 in order of first appearance.
    max_regret:
        ``E`` verified relative regrets (each at most ``1e-9``).
    degenerate:
        ``N`` flags: the game has a mixed strategy with more pure best responses than its support size.
    """

    row_payoffs: FloatArray = field(repr=False)
    col_payoffs: FloatArray = field(repr=False)
    offsets: IntArray
    rows: FloatArray
    cols: FloatArray
    components: IntArray
    max_regret: FloatArray
    degenerate: BoolArray

    def __len__(self) -> int:
        return int(self.offsets.shape[0] - 1)

    @property
    def counts(self) -> IntArray:
        """Number of extreme equilibria of each game."""
        return np.diff(self.offsets)

    @property
    def game_index(self) -> IntArray:
        """For each equilibrium, the index of its game."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.counts)

    @property
    def component_counts(self) -> IntArray:
        """Number of components of each game's equilibrium set."""
        counts = np.zeros(len(self), dtype=np.int64)
        np.maximum.at(counts, self.game_index, self.components + 1)
        return counts

    def equilibrium_set(self, game: int) -> EquilibriumSet:
        """Game ``game``'s equilibria as the :class:`EquilibriumSet` that ``equilibria`` returns.

        Nash subsets and degeneracy witnesses are rebuilt for this one game (the witnesses from its polytopes).
        """
        start, stop = int(self.offsets[game]), int(self.offsets[game + 1])
        a, b = self.row_payoffs[game], self.col_payoffs[game]
        witnesses = degeneracy_witnesses(*best_response_vertices(a, b)) if self.degenerate[game] else ()
        return build_equilibrium_set(
            a,
            b,
            [(self.rows[e], self.cols[e]) for e in range(start, stop)],
            method="batch",
            complete=True,
            degeneracy_witnesses=witnesses,
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per equilibrium: game, component, regret, then the probability of each strategy."""
        import pandas as pd  # only where a table is built: solving needs no pandas

        m, n = self.rows.shape[1], self.cols.shape[1]
        frame = pd.DataFrame({"game": self.game_index, "component": self.components, "max_regret": self.max_regret})
        strategies = pd.DataFrame(
            np.hstack([self.rows, self.cols]), columns=[f"row {i}" for i in range(m)] + [f"col {j}" for j in range(n)]
        )
        return pd.concat([frame, strategies], axis=1)

    @classmethod
    def concatenate(cls, parts: Iterable[BatchEquilibria]) -> BatchEquilibria:
        """One result for the games of ``parts``, in order."""
        parts = list(parts)
        if not parts:
            raise ValueError("nothing to concatenate")
        return _joined(
            parts,
            np.concatenate([p.row_payoffs for p in parts]),
            np.concatenate([p.col_payoffs for p in parts]),
        )


def _joined(parts: list[BatchEquilibria], row_payoffs: FloatArray, col_payoffs: FloatArray) -> BatchEquilibria:
    """The results of consecutive chunks of the stacks ``row_payoffs`` and ``col_payoffs``, joined."""
    if len(parts) == 1:
        return replace(parts[0], row_payoffs=row_payoffs, col_payoffs=col_payoffs)
    starts = np.cumsum([0] + [int(p.offsets[-1]) for p in parts[:-1]])
    return BatchEquilibria(
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        offsets=np.concatenate([[0]] + [p.offsets[1:] + s for p, s in zip(parts, starts, strict=True)]),
        rows=np.concatenate([p.rows for p in parts]),
        cols=np.concatenate([p.cols for p in parts]),
        components=np.concatenate([p.components for p in parts]),
        max_regret=np.concatenate([p.max_regret for p in parts]),
        degenerate=np.concatenate([p.degenerate for p in parts]),
    )


def checked_regrets(game: IntArray, rows: FloatArray, cols: FloatArray, regrets: FloatArray) -> FloatArray:
    """``regrets`` (each equilibrium's relative regret), raising :class:`VerificationError` if one is too large.

    Also checks that every strategy is a probability vector (non-negative, summing to one).
    """
    for name, strategies in (("row", rows), ("column", cols)):
        bad = (strategies < 0).any(axis=1) | (np.abs(strategies.sum(axis=1) - 1.0) > 1e-12 * strategies.shape[1])
        if bad.any():
            e = int(np.argmax(bad))
            raise VerificationError(f"game {game[e]}: {name} strategy {strategies[e]} is not a probability vector")
    if (regrets > REGRET_TOLERANCE).any():
        e = int(np.argmax(regrets))
        raise VerificationError(
            f"game {game[e]}: profile ({rows[e]}, {cols[e]}) has relative regret {regrets[e]:.3g}"
            f" > {REGRET_TOLERANCE:g}"
        )
    return regrets


@dataclass(frozen=True)
class _Slots:
    """The kernel's fixed-size output: ``EQUILIBRIUM_SLOTS`` equilibria per game, of which ``counts[g]`` are used.

    Allocated once per stream and reused for every chunk: fresh buffers would be paged in by the kernel's
    threads at every chunk, which costs about as much as solving.
    """

    counts: IntArray
    degenerate: BoolArray
    rows: FloatArray
    cols: FloatArray
    components: IntArray
    regrets: FloatArray

    @classmethod
    def allocate(cls, size: int, m: int, n: int) -> _Slots:
        """Slots for ``size`` games of ``m × n`` strategies."""
        return cls(
            counts=np.empty(size, dtype=np.int64),
            degenerate=np.empty(size, dtype=np.bool_),
            rows=np.empty((size, EQUILIBRIUM_SLOTS, m)),
            cols=np.empty((size, EQUILIBRIUM_SLOTS, n)),
            components=np.empty((size, EQUILIBRIUM_SLOTS), dtype=np.int64),
            regrets=np.empty((size, EQUILIBRIUM_SLOTS)),
        )

    def fits(self, size: int, m: int, n: int) -> bool:
        """Whether these slots hold ``size`` games of ``m × n`` strategies."""
        return bool(self.rows.shape[0] >= size and self.rows.shape[2] == m and self.cols.shape[2] == n)


def _solve_chunk(row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float, slots: _Slots) -> BatchEquilibria:
    size, m, n = row_payoffs.shape
    counts, degenerate = slots.counts[:size], slots.degenerate[:size]
    counts[:] = -1
    degenerate[:] = False
    compiled = compiles(m, n)
    outputs = (counts, degenerate, slots.rows, slots.cols, slots.components, slots.regrets)
    if compiled:
        p_table, q_table = basis_table(m, n).arrays, basis_table(n, m).arrays
        with _KERNEL_LOCK:
            stack_equilibria(row_payoffs, col_payoffs, p_table, q_table, tol, *outputs)
        used = np.arange(EQUILIBRIUM_SLOTS) < counts[:, None]
        counts[((slots.regrets[:size] > REGRET_TOLERANCE) & used).any(axis=1)] = -1  # badly scaled: exact path
    elif m + n <= MAX_STRATEGIES:
        with _KERNEL_LOCK:
            stack_pivoting_equilibria(row_payoffs, col_payoffs, tol, *outputs)  # unverified ones stay at -1
    method: CompleteMethod = "labelled-vertices" if compiled or m + n > MAX_STRATEGIES else "lex-pivoting"
    one_by_one = {
        g: complete_equilibria(row_payoffs[g], col_payoffs[g], method, tol) for g in np.flatnonzero(counts < 0).tolist()
    }
    final_counts = counts.copy()
    final_degenerate = degenerate.copy()
    for g, result in one_by_one.items():
        final_counts[g], final_degenerate[g] = len(result), result.degenerate

    offsets = np.concatenate([[0], np.cumsum(final_counts)]).astype(np.int64)
    total = int(offsets[-1])
    flat_rows, flat_cols = np.empty((total, m)), np.empty((total, n))
    flat_components, flat_regrets = np.empty(total, dtype=np.int64), np.empty(total)
    gather_slots(
        counts,
        offsets,
        (slots.rows, slots.cols, slots.components, slots.regrets),
        (flat_rows, flat_cols, flat_components, flat_regrets),
    )
    for g, result in one_by_one.items():
        start, stop = offsets[g], offsets[g + 1]
        flat_rows[start:stop] = np.array([eq.row for eq in result]).reshape(-1, m)
        flat_cols[start:stop] = np.array([eq.col for eq in result]).reshape(-1, n)
        flat_components[start:stop] = [eq.component for eq in result]
        flat_regrets[start:stop] = [eq.max_regret for eq in result]
    game = np.repeat(np.arange(size, dtype=np.int64), final_counts)
    return BatchEquilibria(
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        offsets=offsets,
        rows=flat_rows,
        cols=flat_cols,
        components=flat_components,
        max_regret=checked_regrets(game, flat_rows, flat_cols, flat_regrets),
        degenerate=final_degenerate,
    )


def iter_equilibria_batches(
    chunks: Iterable[tuple[ArrayLike, ArrayLike]], *, tol: float = DEFAULT_TOLERANCE
) -> Iterator[BatchEquilibria]:
    """Solve a stream of ``(A, B)`` stacks, yielding each one's :class:`BatchEquilibria` as it is done.

    Memory stays flat however long the stream: only the chunk being solved is held.
    """
    tol = checked_tolerance(tol)
    slots: _Slots | None = None
    for row_payoffs, col_payoffs in chunks:
        a, b = checked_stacks(row_payoffs, col_payoffs)
        size, m, n = min(len(a), CHUNK_SIZE), a.shape[1], a.shape[2]
        if m + n > MAX_STRATEGIES:
            check_enumerable(m, n)
        if slots is None or not slots.fits(size, m, n):
            slots = _Slots.allocate(size, m, n)
        parts = [
            _solve_chunk(a[start : start + CHUNK_SIZE], b[start : start + CHUNK_SIZE], tol, slots)
            for start in range(0, max(len(a), 1), CHUNK_SIZE)
        ]
        yield _joined(parts, a, b)


def equilibria_batch(
    row_payoffs: ArrayLike, col_payoffs: ArrayLike, *, tol: float = DEFAULT_TOLERANCE
) -> BatchEquilibria:
    """Every extreme equilibrium of each of ``N`` games of one shape, verified, with components and degeneracy.

    Parameters
    ----------
    row_payoffs, col_payoffs:
        Stacks ``A`` and ``B`` of shape ``N × m × n``: game ``g`` is ``(A[g], B[g])``. Payoffs must be finite
        with spans ``max − min`` that do not overflow (:mod:`solver.equilibria.core.payoff_checks`).
    tol:
        Tolerance on the normalised best-response polytopes, as for :func:`~solver.equilibria.equilibria`.

    Returns
    -------
    BatchEquilibria
        Flat arrays with one row per extreme equilibrium; ``result.equilibrium_set(g)`` is game ``g``'s
        :class:`EquilibriumSet`, with the equilibria, components and degeneracy flag ``equilibria`` gives.

    Examples
    --------
    >>> import numpy as np
    >>> pd_a = np.array([[3.0, 0.0], [5.0, 1.0]])  # Prisoner's Dilemma, then Battle of the Sexes
    >>> bos_a, bos_b = np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 2.0]])
    >>> result = equilibria_batch(np.stack([pd_a, bos_a]), np.stack([pd_a.T, bos_b]))
    >>> result.counts.tolist()
    [1, 3]
    """
    return next(iter_equilibria_batches([(row_payoffs, col_payoffs)], tol=tol))
