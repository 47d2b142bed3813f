"""The objects an equilibrium computation returns: equilibria, their components, the degeneracy report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.components import Component, NashSubset
from solver.equilibria.core.deferred import Deferred

if TYPE_CHECKING:
    import pandas as pd

FloatArray = NDArray[np.float64]


def rational_text(value: Fraction) -> str:
    """``value`` as ``"p/q"`` (``"p"`` for an integer), the form exact results take in JSON."""
    return str(value)


@dataclass(frozen=True)
class ExactProfile:
    """An equilibrium in exact rationals, verified exactly (:mod:`solver.equilibria.core.exact_verification`).

    ``row`` and ``col`` are the mixed strategies, ``row_payoff`` and ``col_payoff`` the payoffs ``xᵀAy`` and
    ``xᵀBy`` of the game as given (floats read as the rationals they are).
    """

    row: tuple[Fraction, ...]
    col: tuple[Fraction, ...]
    row_payoff: Fraction
    col_payoff: Fraction

    def to_document(self) -> dict[str, object]:
        """The profile as plain data with every rational written ``"p/q"``."""
        return {
            "row": [rational_text(p) for p in self.row],
            "col": [rational_text(q) for q in self.col],
            "row_payoff": rational_text(self.row_payoff),
            "col_payoff": rational_text(self.col_payoff),
        }


@dataclass(frozen=True)
class Equilibrium:
    """One extreme Nash equilibrium ``(row, col)`` of a bimatrix game.

    Attributes
    ----------
    row, col:
        Mixed strategies: non-negative, summing to one, float noise below the solver tolerance set to zero.
    row_payoff, col_payoff:
        Expected payoffs ``xᵀAy`` and ``xᵀBy`` in the game's own units.
    max_regret:
        The larger of the two players' regrets, each relative to that player's payoff scale (verified ≤ 1e-9);
        0.0 for an exact result, whose regrets are zero in rationals.
    component:
        Index of the connected component of the equilibrium set that contains it.
    nash_subsets:
        Indices of the maximal Nash subsets it belongs to (more than one at a junction of subsets).
    row_strategy_index, col_strategy_index:
        Indices of ``row`` and ``col`` among the distinct extreme strategies of the equilibrium set.
    exact:
        The equilibrium in rationals, exactly verified, when solved with ``exact=True``; otherwise None. The
        float fields are then the nearest floats to it.
    """

    row: FloatArray
    col: FloatArray
    row_payoff: float
    col_payoff: float
    max_regret: float
    component: int
    nash_subsets: tuple[int, ...]
    row_strategy_index: int
    col_strategy_index: int
    exact: ExactProfile | None = None

    @property
    def is_pure(self) -> bool:
        """True when both players put all weight on one strategy."""
        return int(np.count_nonzero(self.row)) == 1 and int(np.count_nonzero(self.col)) == 1

    @property
    def row_support(self) -> tuple[int, ...]:
        """Row strategies played with positive probability."""
        return tuple(int(i) for i in np.flatnonzero(self.row))

    @property
    def col_support(self) -> tuple[int, ...]:
        """Column strategies played with positive probability."""
        return tuple(int(j) for j in np.flatnonzero(self.col))


@dataclass(frozen=True)
class DegeneracyWitness:
    """A mixed strategy with more pure best responses than the size of its support.

    Its existence is von Stengel's (2002, Def. 3.2) definition of a degenerate bimatrix game. ``exact_strategy``
    is the strategy in rationals when the game was solved exactly (``strategy`` is then its nearest floats).
    """

    player: Literal["row", "column"]
    strategy: FloatArray
    support_size: int
    best_responses: tuple[int, ...]
    exact_strategy: tuple[Fraction, ...] | None = None

    def describe(self, own_labels: Sequence[str], other_labels: Sequence[str]) -> str:
        """One sentence naming the strategy and the opponent's tied best responses."""
        mix = ", ".join(f"{own_labels[i]} {p:.3g}" for i, p in enumerate(self.strategy) if p > 0)
        replies = ", ".join(other_labels[j] for j in self.best_responses)
        return (
            f"{self.player} strategy ({mix}) has support {self.support_size} but "
            f"{len(self.best_responses)} pure best responses: {replies}"
        )


@dataclass(frozen=True)
class Assembly:
    """The parts of an :class:`EquilibriumSet` built from its extreme equilibria
    (:func:`~solver.equilibria.core.assembly.assemble`): the equilibria in order, Nash subsets, components."""

    equilibria: tuple[Equilibrium, ...]
    nash_subsets: tuple[NashSubset, ...]
    components: tuple[Component, ...]


@dataclass(frozen=True, eq=False, repr=False)
class EquilibriumSet:
    """The equilibria of a bimatrix game, with components, degeneracy and how they were found.

    Iterating yields :class:`Equilibrium` objects. ``complete`` is True when the method guarantees every
    extreme equilibrium (the labelled-vertex method does; nashpy's methods do not). ``is_exact`` is True when
    every equilibrium carries its exact rationals and the degeneracy flag was decided in exact arithmetic.

    ``count`` (``len``), ``degenerate``, the payoffs and the provenance are there from the start; the
    equilibria with their Nash subsets and components (``assembly``) and the degeneracy witnesses
    (``witness_search``) may be :class:`~solver.equilibria.core.deferred.Deferred` until first read, which is
    how a single compiled solve (:mod:`~solver.equilibria.methods.compiled_vertices`) skips the Python
    assembly a caller may never look at. Every equilibrium counted has been verified before the set is made;
    reading the deferred parts builds them from those verified profiles, with the same values whenever read.
    """

    count: int
    degenerate: bool
    row_payoffs: FloatArray
    col_payoffs: FloatArray
    method: str
    complete: bool
    assembly: Deferred[Assembly]
    witness_search: Deferred[tuple[DegeneracyWitness, ...]]
    is_exact: bool = False

    @property
    def equilibria(self) -> tuple[Equilibrium, ...]:
        """The extreme equilibria, sorted by row strategy, then column strategy, descending."""
        return self._assembled().equilibria

    @property
    def nash_subsets(self) -> tuple[NashSubset, ...]:
        """The maximal Nash subsets (indices into the distinct extreme strategies)."""
        return self._assembled().nash_subsets

    @property
    def components(self) -> tuple[Component, ...]:
        """The connected components of the equilibrium set, numbered by first equilibrium."""
        return self._assembled().components

    @property
    def degeneracy_witnesses(self) -> tuple[DegeneracyWitness, ...]:
        """Mixed strategies with more pure best responses than their support size (empty unless degenerate)."""
        witnesses = self.witness_search.get()
        if bool(witnesses) != self.degenerate:
            raise AssertionError(f"degeneracy flag {self.degenerate} but {len(witnesses)} witnesses")
        return witnesses

    def _assembled(self) -> Assembly:
        assembly = self.assembly.get()
        if len(assembly.equilibria) != self.count:
            raise AssertionError(f"{self.count} equilibria counted but {len(assembly.equilibria)} assembled")
        return assembly

    def __iter__(self) -> Iterator[Equilibrium]:
        return iter(self.equilibria)

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> Equilibrium:
        return self.equilibria[index]

    def __repr__(self) -> str:
        return (
            f"EquilibriumSet(equilibria={self.equilibria!r}, nash_subsets={self.nash_subsets!r}, "
            f"components={self.components!r}, degenerate={self.degenerate!r}, "
            f"degeneracy_witnesses={self.degeneracy_witnesses!r}, method={self.method!r}, "
            f"complete={self.complete!r}, is_exact={self.is_exact!r})"
        )

    @property
    def has_continuum(self) -> bool:
        """True when some component is not a single point (a set of equilibria, not isolated ones)."""
        return any(not component.is_isolated for component in self.components)

    def to_frame(
        self, row_labels: Sequence[str] | None = None, col_labels: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """One row per equilibrium: probabilities per strategy, payoffs, regret, component."""
        import pandas as pd  # only where a table is built: the command line's solve path does not need it

        m, n = self.row_payoffs.shape
        row_labels = list(row_labels) if row_labels is not None else [f"row {i}" for i in range(m)]
        col_labels = list(col_labels) if col_labels is not None else [f"col {j}" for j in range(n)]
        records = []
        for eq in self.equilibria:
            record: dict[str, object] = {f"row: {label}": p for label, p in zip(row_labels, eq.row, strict=True)}
            record.update({f"col: {label}": p for label, p in zip(col_labels, eq.col, strict=True)})
            record.update(
                row_payoff=eq.row_payoff,
                col_payoff=eq.col_payoff,
                max_regret=eq.max_regret,
                component=eq.component,
            )
            records.append(record)
        return pd.DataFrame.from_records(records)
