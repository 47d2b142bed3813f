"""The shared result assembly: verified extreme equilibria grouped into Nash subsets and components.

Every method's :class:`EquilibriumSet` is built here (the batch kernel,
:mod:`~solver.equilibria.kernels.basis_kernel`, sorts and groups its flat arrays the same way, and
``BatchEquilibria.equilibrium_set`` builds one game's set here). :func:`assemble` verifies each extreme
equilibrium profile (the regret check of :mod:`~solver.equilibria.core.verification`, or an exact
certificate), sorts them reproducibly, and groups them into maximal Nash subsets and components
(:mod:`~solver.equilibria.core.components`); :func:`build_equilibrium_set` makes the set with that assembly
done, while the compiled single-game path (:mod:`~solver.equilibria.methods.compiled_vertices`) defers it
until the set is read. :func:`degeneracy_witnesses` reads the degeneracy report off the best-response
polytopes' vertices.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.core.components import equilibrium_components, maximal_nash_subsets
from solver.equilibria.core.deferred import Deferred
from solver.equilibria.core.polytope import PolytopeVertices
from solver.equilibria.core.result import Assembly, DegeneracyWitness, Equilibrium, EquilibriumSet, ExactProfile
from solver.equilibria.core.verification import verify_profile

FloatArray = NDArray[np.float64]


def degeneracy_witnesses(p: PolytopeVertices, q: PolytopeVertices) -> tuple[DegeneracyWitness, ...]:
    """Vertices of ``P`` or ``Q`` with more labels than the polytope's dimension, those of ``P`` first."""
    polytopes: tuple[tuple[Literal["row", "column"], PolytopeVertices], ...] = (("row", p), ("column", q))
    return tuple(
        DegeneracyWitness(
            player=player,
            strategy=vertices.points[v] / vertices.points[v].sum(),
            support_size=int(np.count_nonzero(vertices.points[v])),
            best_responses=tuple(int(j) for j in np.flatnonzero(vertices.tight[v])),
        )
        for player, vertices in polytopes
        for v in np.flatnonzero(vertices.label_counts > vertices.points.shape[1])
    )


def _ordered(
    profiles: list[tuple[FloatArray, FloatArray]], exact: Sequence[ExactProfile] | None
) -> tuple[list[int], list[tuple[Hashable, Hashable]]]:
    """The order of the profiles (row strategy, then column strategy, descending) and a key per strategy.

    Float profiles are compared to 12 decimals so that one probability reached by two computations sorts the
    same way, and identified by their bytes (callers pass cleaned, deduplicated vertices); exact profiles are
    compared and identified as rationals.
    """
    if exact is None:
        rounded = [(tuple(-np.round(x, 12)), tuple(-np.round(y, 12))) for x, y in profiles]
        keys: list[tuple[Hashable, Hashable]] = [(x.tobytes(), y.tobytes()) for x, y in profiles]
        return sorted(range(len(profiles)), key=rounded.__getitem__), keys
    negated = [(tuple(-p for p in e.row), tuple(-q for q in e.col)) for e in exact]
    return sorted(range(len(exact)), key=negated.__getitem__), [(e.row, e.col) for e in exact]


def assemble(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    profiles: list[tuple[FloatArray, FloatArray]],
    exact: Sequence[ExactProfile] | None = None,
) -> Assembly:
    """Verify extreme equilibrium profiles and put them in order with their Nash subsets and components.

    Float profiles pass the regret check of :func:`~solver.equilibria.core.verification.verify_profile`. With
    ``exact`` (one exactly verified :class:`ExactProfile` per profile, ``profiles`` being their nearest floats)
    the equilibria carry their rationals, payoffs are the exact ones rounded, and ``max_regret`` is 0.
    Profiles are sorted (row strategy, then column strategy, descending) so that results are reproducible.
    """
    order, keys = _ordered(profiles, exact)
    row_keys: dict[Hashable, int] = {}
    col_keys: dict[Hashable, int] = {}
    edges = [
        (row_keys.setdefault(keys[k][0], len(row_keys)), col_keys.setdefault(keys[k][1], len(col_keys))) for k in order
    ]
    subsets = maximal_nash_subsets(edges)
    components = equilibrium_components(edges, subsets)
    component_of = {i: c for c, component in enumerate(components) for i in component.equilibria}
    equilibria = []
    for i, k in enumerate(order):
        x, y = profiles[k]
        certificate = None if exact is None else exact[k]
        equilibria.append(
            Equilibrium(
                row=x,
                col=y,
                row_payoff=float(x @ row_payoffs @ y) if certificate is None else float(certificate.row_payoff),
                col_payoff=float(x @ col_payoffs @ y) if certificate is None else float(certificate.col_payoff),
                max_regret=verify_profile(row_payoffs, col_payoffs, x, y) if certificate is None else 0.0,
                component=component_of[i],
                nash_subsets=tuple(
                    s
                    for s, subset in enumerate(subsets)
                    if edges[i][0] in subset.row_strategies and edges[i][1] in subset.col_strategies
                ),
                row_strategy_index=edges[i][0],
                col_strategy_index=edges[i][1],
                exact=certificate,
            )
        )
    return Assembly(equilibria=tuple(equilibria), nash_subsets=tuple(subsets), components=tuple(components))


def build_equilibrium_set(
    row_payoffs: FloatArray,
    col_payoffs: FloatArray,
    profiles: list[tuple[FloatArray, FloatArray]],
    *,
    method: str,
    complete: bool,
    degeneracy_witnesses: tuple[DegeneracyWitness, ...],
    exact: Sequence[ExactProfile] | None = None,
) -> EquilibriumSet:
    """The :class:`EquilibriumSet` of verified extreme equilibrium profiles, assembled now (:func:`assemble`)."""
    assembly = assemble(row_payoffs, col_payoffs, profiles, exact)
    return EquilibriumSet(
        count=len(assembly.equilibria),
        degenerate=bool(degeneracy_witnesses),
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        method=method,
        complete=complete,
        assembly=Deferred.ready(assembly),
        witness_search=Deferred.ready(degeneracy_witnesses),
        is_exact=exact is not None,
    )
